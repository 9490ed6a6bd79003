-- The projects with the most savings (万元) in the selection, largest first (ties by project id).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $limit.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

by_project AS NOT MATERIALIZED (
    SELECT r.project_id, sum(r.savings_wan) AS savings_wan
    FROM project_outcome_facts($year_from, $year_to, $programs, $categories) AS r
    WHERE r.savings_wan IS NOT NULL
      AND r.owner_unit IN (SELECT unit FROM scope)
    GROUP BY r.project_id
),

top AS (
    SELECT * FROM by_project ORDER BY savings_wan DESC, project_id LIMIT $limit
)

SELECT b.project_id, p.name, p.unit, coalesce(p.branch, p.unit) AS owner_unit, p.program, p.category, p.year,
       b.savings_wan
FROM top AS b
JOIN projects AS p ON p.project_id = b.project_id
ORDER BY b.savings_wan DESC, b.project_id
