-- Filtered projects counted by category and by programme (one grouping set each), from the roll-up.
WITH scoped AS (
    SELECT r.program, r.category, r.projects
    FROM rollup_facts($year_from, $year_to, $programs, $categories, true, true) AS r
    WHERE r.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
      AND r.projects > 0
),

counted AS (
    SELECT
        CASE WHEN grouping(category) = 0 THEN 'category' ELSE 'program' END AS dimension,
        coalesce(category, program) AS value,
        sum(projects) AS projects
    FROM scoped
    GROUP BY GROUPING SETS ((category), (program))
)

SELECT dimension, value, projects
FROM counted
WHERE value IS NOT NULL
ORDER BY dimension, projects DESC, value
