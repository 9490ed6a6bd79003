-- Savings (万元) of the selection per year and programme; NULL programme = unit-level outcomes.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

savings AS (
    SELECT o.fact_year AS year, o.program, o.value_wan
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    WHERE o.outcome_type = '节创价值' AND o.fact_year IS NOT NULL AND o.value_wan IS NOT NULL
      AND o.owner_unit IN (SELECT unit FROM scope)
)

SELECT year, program, sum(value_wan) AS savings_wan
FROM savings
GROUP BY year, program
ORDER BY year, program NULLS LAST
