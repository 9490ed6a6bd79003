-- Savings (万元) per group and programme, and per group and category (one grouping set each).
-- A unit-level outcome belongs to no project, so its programme and category are NULL.
-- Params: $group_keys/$group_roots (parallel lists), $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

savings AS (
    SELECT g.group_key, o.program, o.category, o.value_wan
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    JOIN grp AS g ON g.unit = o.owner_unit
    WHERE o.outcome_type = '节创价值' AND o.fact_year IS NOT NULL AND o.value_wan IS NOT NULL
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
