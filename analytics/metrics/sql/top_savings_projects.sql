-- The projects with the most savings (万元) in the selection, largest first (ties by project id).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $limit.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

-- Only the rows that can be among the top $limit (project_savings_facts).
candidates AS (
    SELECT r.*
    FROM project_savings_facts($year_from, $year_to, $programs, $categories, $limit) AS r
    WHERE r.owner_unit IN (SELECT unit FROM scope)
),

-- A project with savings in one year has one row (no grouping needed); one with several is summed over them.
by_project AS (
    SELECT project_id, savings_wan FROM candidates WHERE unit_rank > 0
    UNION ALL
    SELECT project_id, sum(savings_wan) FROM candidates WHERE unit_rank = 0 GROUP BY project_id
),

top AS (
    SELECT * FROM by_project ORDER BY savings_wan DESC, project_id LIMIT $limit
)

SELECT b.project_id, p.name, p.unit, coalesce(p.branch, p.unit) AS owner_unit, p.program, p.category, p.year,
       b.savings_wan
FROM top AS b
JOIN projects AS p ON p.project_id = b.project_id
ORDER BY b.savings_wan DESC, b.project_id
