-- Outcomes counted (数量 summed) per group and outcome type, every type but 节创价值 (a value, not a count).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

counted AS (
    SELECT g.group_key, o.outcome_type, sum(o.quantity) AS outcome_count
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    JOIN grp AS g ON g.unit = o.owner_unit
    WHERE o.outcome_type <> '节创价值' AND o.fact_year IS NOT NULL
    GROUP BY g.group_key, o.outcome_type
)

SELECT group_key AS unit, outcome_type, outcome_count
FROM counted
ORDER BY unit, outcome_type
