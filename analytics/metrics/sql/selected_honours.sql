-- The honours rows of the selected units (and all below them) in the selected years, as stored.
-- Params: $group_keys/$group_roots, $year_from, $year_to.
SELECT x.* EXCLUDE (batch_id, person_key)
FROM honours AS x
WHERE x.unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
  AND ($year_from IS NULL OR x.year >= $year_from)
  AND ($year_to IS NULL OR x.year <= $year_to)
ORDER BY x.year, x.unit, x.person
