-- One row per group and year with every additive figure the KPIs need; rates are formed by the caller.
-- Params: $group_keys/$group_roots (parallel lists), $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

project_counts AS (
    SELECT
        g.group_key,
        p.year,
        count(*) AS projects,
        count(*) FILTER (WHERE p.status = '已结题') AS projects_completed,
        count(*) FILTER (WHERE p.status IS DISTINCT FROM '已终止') AS projects_not_stopped
    FROM project_facts($year_from, $year_to, $programs, $categories) AS p
    JOIN grp AS g ON g.unit = p.owner_unit
    GROUP BY g.group_key, p.year
),

outcome_totals AS (
    SELECT
        g.group_key,
        o.fact_year AS year,
        coalesce(sum(o.value_wan) FILTER (WHERE o.outcome_type = '节创价值'), 0) AS savings_wan,
        coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type = '发明专利'), 0) AS invention_patents,
        coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type = '实用新型专利'), 0) AS utility_model_patents,
        coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type = '外观设计专利'), 0) AS design_patents,
        coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type = '软件著作权'), 0) AS software_copyrights
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    JOIN grp AS g ON g.unit = o.owner_unit
    WHERE o.fact_year IS NOT NULL
    GROUP BY g.group_key, o.fact_year
),

award_totals AS (
    SELECT
        g.group_key,
        a.year,
        count(*) AS awards_declared,
        count(*) FILTER (WHERE a.result = '获奖') AS awards_awarded
    FROM award_facts($year_from, $year_to, $programs, $categories) AS a
    JOIN grp AS g ON g.unit = a.owner_unit
    GROUP BY g.group_key, a.year
),

headcount_in_range AS (
    SELECT g.group_key, h.*
    FROM grp AS g
    JOIN headcount AS h ON h.unit = g.unit
    WHERE ($year_from IS NULL OR h.year >= $year_from)
      AND ($year_to IS NULL OR h.year <= $year_to)
),

-- A stated row overrides everything below it: keep the rows with no stated row above them in the group.
headcount_frontier AS (
    SELECT h.*
    FROM headcount_in_range AS h
    WHERE NOT EXISTS (
        SELECT 1
        FROM unit_closure AS c
        JOIN headcount_in_range AS above
            ON above.unit = c.ancestor AND above.year = h.year AND above.group_key = h.group_key
        WHERE c.descendant = h.unit AND c.depth > 0
    )
),

-- A missing numerator anywhere on the frontier makes the group's figure unknown, never a partial sum.
headcount_rollup AS (
    SELECT
        group_key,
        year,
        sum(party_members) AS party_members,
        CASE WHEN bool_and(participating_members IS NOT NULL) THEN sum(participating_members) END
            AS participating_members,
        CASE WHEN bool_and(branches IS NOT NULL) THEN sum(branches) END AS branches_stated
    FROM headcount_frontier
    GROUP BY group_key, year
),

branch_units AS (
    SELECT g.group_key, count(*) AS branch_units
    FROM grp AS g
    JOIN units AS u ON u.unit = g.unit
    WHERE u.kind = '党支部'
    GROUP BY g.group_key
),

active_branches AS (
    SELECT g.group_key, p.year, count(DISTINCT p.owner_unit) AS branches_active
    FROM project_facts($year_from, $year_to, $programs, $categories) AS p
    JOIN grp AS g ON g.unit = p.owner_unit
    JOIN units AS u ON u.unit = p.owner_unit
    WHERE u.kind = '党支部'
    GROUP BY g.group_key, p.year
),

group_years AS (
    SELECT group_key, year FROM project_counts
    UNION SELECT group_key, year FROM outcome_totals
    UNION SELECT group_key, year FROM award_totals
    UNION SELECT group_key, year FROM headcount_rollup
)

SELECT
    y.group_key,
    y.year,
    coalesce(pc.projects, 0) AS projects,
    coalesce(pc.projects_completed, 0) AS projects_completed,
    coalesce(pc.projects_not_stopped, 0) AS projects_not_stopped,
    coalesce(ot.savings_wan, 0) AS savings_wan,
    coalesce(ot.invention_patents, 0) AS invention_patents,
    coalesce(ot.utility_model_patents, 0) AS utility_model_patents,
    coalesce(ot.design_patents, 0) AS design_patents,
    coalesce(ot.software_copyrights, 0) AS software_copyrights,
    coalesce(awt.awards_declared, 0) AS awards_declared,
    coalesce(awt.awards_awarded, 0) AS awards_awarded,
    hr.party_members,
    hr.participating_members,
    hr.branches_stated,
    coalesce(bu.branch_units, 0) AS branch_units,
    coalesce(ab.branches_active, 0) AS branches_active
FROM group_years AS y
LEFT JOIN project_counts AS pc USING (group_key, year)
LEFT JOIN outcome_totals AS ot USING (group_key, year)
LEFT JOIN award_totals AS awt USING (group_key, year)
LEFT JOIN headcount_rollup AS hr USING (group_key, year)
LEFT JOIN branch_units AS bu USING (group_key)
LEFT JOIN active_branches AS ab USING (group_key, year)
ORDER BY y.group_key, y.year
