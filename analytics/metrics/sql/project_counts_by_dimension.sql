-- Filtered projects counted by category and by programme (one grouping set each).
WITH scoped AS (
    SELECT p.*
    FROM project_facts($year_from, $year_to, $programs, $categories) AS p
    WHERE p.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
),

counted AS (
    SELECT
        CASE WHEN grouping(category) = 0 THEN 'category' ELSE 'program' END AS dimension,
        coalesce(category, program) AS value,
        count(*) AS projects
    FROM scoped
    GROUP BY GROUPING SETS ((category), (program))
)

SELECT dimension, value, projects
FROM counted
WHERE value IS NOT NULL
ORDER BY dimension, projects DESC, value
