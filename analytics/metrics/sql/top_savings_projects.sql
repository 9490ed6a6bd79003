-- The projects with the most savings (万元) in the selection, largest first (ties by project id).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $limit.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

by_project AS (
    SELECT o.project_id, sum(o.value_wan) AS savings_wan
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    WHERE o.outcome_type = '节创价值' AND o.fact_year IS NOT NULL AND o.value_wan IS NOT NULL
      AND o.project_id IS NOT NULL
      AND o.owner_unit IN (SELECT unit FROM scope)
    GROUP BY o.project_id
)

SELECT b.project_id, p.name, p.unit, p.owner_unit, p.program, p.category, p.year, b.savings_wan
FROM by_project AS b
JOIN project_facts(NULL, NULL, [], []) AS p ON p.project_id = b.project_id
ORDER BY b.savings_wan DESC, b.project_id
LIMIT $limit
