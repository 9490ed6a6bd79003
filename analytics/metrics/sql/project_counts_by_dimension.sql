-- Filtered projects counted by category and by programme, from the roll-up's rows split by each.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

counted AS (
    SELECT 'category' AS dimension, r.category AS value, sum(r.projects) AS projects
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, true) AS r
    WHERE r.owner_unit IN (SELECT unit FROM scope) AND r.projects > 0
    GROUP BY ALL
    UNION ALL
    SELECT 'program', r.program, sum(r.projects)
    FROM rollup_facts($year_from, $year_to, $programs, $categories, true, false) AS r
    WHERE r.owner_unit IN (SELECT unit FROM scope) AND r.projects > 0
    GROUP BY ALL
)

SELECT dimension, value, projects
FROM counted
WHERE value IS NOT NULL
ORDER BY dimension, projects DESC, value
