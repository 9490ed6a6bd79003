-- One row per group and year with every additive figure the KPIs need; rates are formed by the caller.
-- Params: $group_keys/$group_roots (parallel lists), $year_from, $year_to, $programs, $categories, $as_of (the
-- date projects past their 结题日期 are overdue at; NULL: none is).
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

-- The additive figures from the roll-up (kept at commit): a join of the group's units with a few rows per unit.
rolled AS (
    SELECT
        g.group_key,
        r.year,
        sum(r.projects) AS projects,
        sum(r.projects_completed) AS projects_completed,
        sum(r.projects_not_stopped) AS projects_not_stopped,
        coalesce(sum(r.savings_wan), 0) AS savings_wan,
        sum(r.invention_patents) AS invention_patents,
        sum(r.utility_model_patents) AS utility_model_patents,
        sum(r.design_patents) AS design_patents,
        sum(r.software_copyrights) AS software_copyrights,
        sum(r.awards_declared) AS awards_declared,
        sum(r.awards_awarded) AS awards_awarded,
        -- One roll-up row per unit and year unless several programmes or categories are chosen (see below).
        count(*) FILTER (WHERE r.projects > 0 AND r.branch_owner) AS branches_active
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    GROUP BY g.group_key, r.year
),

-- With several programmes or categories chosen a unit has a row for each: its branches are counted once.
active_branches AS (
    SELECT g.group_key, r.year, count(DISTINCT r.owner_unit) AS branches_active
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE (len($programs) > 1 OR len($categories) > 1) AND r.projects > 0 AND r.branch_owner
    GROUP BY g.group_key, r.year
),

-- Projects still open past their end date as of $as_of (board_status's overdue), per the year they started.
overdue AS (
    SELECT g.group_key, r.year, sum(r.projects) AS projects_overdue
    FROM open_project_facts($year_from, $year_to, $programs, $categories) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.end_date < $as_of
    GROUP BY g.group_key, r.year
),

-- The rows each group's headcount figures are summed from (a stated row overrides the units below it).
headcount_frontier AS (
    SELECT * FROM headcount_frontier($group_keys, $group_roots, $year_from, $year_to)
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

group_years AS (
    SELECT group_key, year FROM rolled
    UNION SELECT group_key, year FROM headcount_rollup
)

SELECT
    y.group_key,
    y.year,
    coalesce(r.projects, 0) AS projects,
    coalesce(r.projects_completed, 0) AS projects_completed,
    coalesce(r.projects_not_stopped, 0) AS projects_not_stopped,
    coalesce(od.projects_overdue, 0) AS projects_overdue,
    coalesce(r.savings_wan, 0) AS savings_wan,
    coalesce(r.invention_patents, 0) AS invention_patents,
    coalesce(r.utility_model_patents, 0) AS utility_model_patents,
    coalesce(r.design_patents, 0) AS design_patents,
    coalesce(r.software_copyrights, 0) AS software_copyrights,
    coalesce(r.awards_declared, 0) AS awards_declared,
    coalesce(r.awards_awarded, 0) AS awards_awarded,
    hr.party_members,
    hr.participating_members,
    hr.branches_stated,
    coalesce(bu.branch_units, 0) AS branch_units,
    coalesce(ab.branches_active, r.branches_active, 0) AS branches_active
FROM group_years AS y
LEFT JOIN rolled AS r USING (group_key, year)
LEFT JOIN active_branches AS ab USING (group_key, year)
LEFT JOIN overdue AS od USING (group_key, year)
LEFT JOIN headcount_rollup AS hr USING (group_key, year)
LEFT JOIN branch_units AS bu USING (group_key)
ORDER BY y.group_key, y.year
