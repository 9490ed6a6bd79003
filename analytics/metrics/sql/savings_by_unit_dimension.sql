-- Savings (万元) per group and programme, and per group and category.
-- A unit-level outcome belongs to no project, so its programme and category are NULL.
-- Params: $group_keys/$group_roots (parallel lists), $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

-- Each dimension from the roll-up's rows split by it alone (by both only when the other is filtered).
by_program AS (
    SELECT g.group_key, 'program' AS dimension, r.program AS value, sum(r.savings_wan) AS savings_wan
    FROM rollup_facts($year_from, $year_to, $programs, $categories, true, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
    GROUP BY ALL
),

by_category AS (
    SELECT g.group_key, 'category' AS dimension, r.category AS value, sum(r.savings_wan) AS savings_wan
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, true) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
    GROUP BY ALL
)

SELECT group_key AS unit, dimension, value, savings_wan
FROM (SELECT * FROM by_program UNION ALL SELECT * FROM by_category)
ORDER BY unit, dimension, value NULLS LAST
