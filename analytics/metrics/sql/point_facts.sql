-- Every fact that earns points, per group, with its rule, amount and points by the effective rule table
-- ($rule_names/$rule_points): each project in its year (立项), a completed project in the year it ended (else its
-- year), patents and software copyrights by quantity, 节创价值 per $savings_step 万元, awards won by level in
-- their year, adopted suggestions in the year of their 日期, and the 积分调整 rows as they are.
WITH facts AS (
    SELECT coalesce(p.branch, p.unit) AS unit, p.project_id, p.year, $approved AS rule, 1.0 AS amount
    FROM projects AS p
    UNION ALL
    SELECT coalesce(p.branch, p.unit), p.project_id, coalesce(year(p.end_date), p.year), $completed, 1.0
    FROM projects AS p WHERE p.status = $completed
    UNION ALL
    SELECT o.owner_unit, o.project_id, o.fact_year, o.outcome_type,
           CASE WHEN o.outcome_type = $savings THEN o.value_wan / $savings_step ELSE o.quantity END
    FROM outcome_facts(NULL, NULL, [], []) AS o
    WHERE list_contains($rule_names::VARCHAR[], o.outcome_type)
    UNION ALL
    SELECT a.owner_unit, a.project_id, a.year, $award_prefix || a.level, 1.0
    FROM award_facts(NULL, NULL, [], []) AS a WHERE a.result = $won AND a.level IS NOT NULL
    UNION ALL
    SELECT s.unit, NULL, year(s.date), $suggestion, 1.0
    FROM suggestions AS s WHERE list_contains($adopted::VARCHAR[], s.status) AND s.date IS NOT NULL
    UNION ALL
    SELECT coalesce(p.branch, p.unit, j.unit), j.project_id, j.year, $adjustment, j.points
    FROM point_adjustments AS j LEFT JOIN projects AS p ON p.project_id = j.project_id
),
rules AS (
    SELECT unnest($rule_names::VARCHAR[]) AS rule, unnest($rule_points::DOUBLE[]) AS per
)
SELECT g.group_key, f.unit, f.project_id, f.year, f.rule, f.amount,
       CASE WHEN f.rule = $adjustment THEN f.amount ELSE f.amount * r.per END AS points
FROM facts AS f
JOIN unit_groups($group_keys, $group_roots) AS g ON g.unit = f.unit
LEFT JOIN rules AS r ON r.rule = f.rule
WHERE (f.rule = $adjustment OR r.per IS NOT NULL)
  AND f.amount IS NOT NULL
  AND ($year_from IS NULL OR f.year >= $year_from)
  AND ($year_to IS NULL OR f.year <= $year_to)
