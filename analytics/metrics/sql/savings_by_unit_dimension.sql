-- Savings (万元) per group and programme, and per group and category (one grouping set each).
-- A unit-level outcome belongs to no project, so its programme and category are NULL.
-- Params: $group_keys/$group_roots (parallel lists), $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

savings AS (
    SELECT g.group_key, r.program, r.category, r.savings_wan AS value_wan
    FROM rollup_facts($year_from, $year_to, $programs, $categories, true, true) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
),

grouped AS (
    SELECT
        group_key,
        CASE WHEN grouping(program) = 0 THEN 'program' ELSE 'category' END AS dimension,
        CASE WHEN grouping(program) = 0 THEN program ELSE category END AS value,
        sum(value_wan) AS savings_wan
    FROM savings
    GROUP BY GROUPING SETS ((group_key, program), (group_key, category))
)

SELECT group_key AS unit, dimension, value, savings_wan
FROM grouped
ORDER BY unit, dimension, value NULLS LAST
