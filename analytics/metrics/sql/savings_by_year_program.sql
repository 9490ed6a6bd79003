-- Savings (万元) of the selection per year and programme; NULL programme = unit-level outcomes.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

savings AS (
    SELECT r.year, r.program, r.savings_wan AS value_wan
    FROM rollup_facts($year_from, $year_to, $programs, $categories, true, false) AS r
    WHERE r.savings_wan IS NOT NULL
      AND r.owner_unit IN (SELECT unit FROM scope)
)

SELECT year, program, sum(value_wan) AS savings_wan
FROM savings
GROUP BY year, program
ORDER BY year, program NULLS LAST
