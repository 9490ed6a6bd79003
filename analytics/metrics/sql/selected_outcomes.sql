-- The selected outcomes, each in the year metrics count it (its own, else its project's).
-- $limit: the first rows only (NULL for every row).
SELECT o.project_id, p.name AS project_name, coalesce(p.unit, o.unit) AS unit, o.outcome_type, o.quantity,
       o.value_wan, o.fact_year AS year, o.date, o.note
FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
LEFT JOIN projects AS p ON p.project_id = o.project_id
WHERE o.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
ORDER BY unit, year, o.project_id, o.outcome_type
LIMIT $limit
