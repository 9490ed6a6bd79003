-- The training sessions of the selected units (and all below them) in the selected years (by date), as stored.
-- Params: $group_keys/$group_roots, $year_from, $year_to.
SELECT x.* EXCLUDE (batch_id)
FROM training AS x
WHERE x.unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
  AND ($year_from IS NULL OR year(x.date) >= $year_from)
  AND ($year_to IS NULL OR year(x.date) <= $year_to)
ORDER BY x.date, x.unit, x.session
