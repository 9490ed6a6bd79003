-- Recompute fact_rollup, project_outcome_rollup, project_savings_rollup, headcount_cover, open_project_rollup and
-- fact_years from the current facts (see schema.sql). Run by every commit and undo inside its transaction, and once
-- for a store made before the roll-ups existed. project_savings_rollup is read by fact_rollup (its single-year savers), so it is filled first.
-- The one definition serves both the full rebuild and a commit's refresh (rollup.py): with the variable
-- rollup_everything false, only the owner units in the temp table rollup_scope (and the headcount rows of the units
-- in cover_scope) are deleted and refilled. Every roll-up row depends only on the facts of its own owner unit (a
-- project's outcomes and awards count where the project does; ranks lie within an owner unit's cells) and a
-- headcount cover only on the rows above its unit, so refilling those keys alone gives what a full rebuild would.
CREATE OR REPLACE TEMP MACRO in_rollup_scope(owner) AS
    getvariable('rollup_everything') OR owner IN (SELECT owner_unit FROM rollup_scope);
CREATE OR REPLACE TEMP MACRO in_cover_scope(headcount_unit) AS
    getvariable('rollup_everything') OR headcount_unit IN (SELECT unit FROM cover_scope);

DELETE FROM fact_rollup WHERE in_rollup_scope(owner_unit);
DELETE FROM project_outcome_rollup WHERE in_rollup_scope(owner_unit);
DELETE FROM project_savings_rollup WHERE in_rollup_scope(owner_unit);
DELETE FROM headcount_cover WHERE in_cover_scope(unit);
DELETE FROM open_project_rollup WHERE in_rollup_scope(owner_unit);
-- Cheap (a few rows from the coarsest roll-up grain and small tables): always whole.
DELETE FROM fact_years;

INSERT INTO headcount_cover
WITH depths AS (
    SELECT descendant AS unit, max(depth) AS depth FROM unit_closure GROUP BY descendant
),

-- The nearest unit above each unit that has a headcount row of the year (closure depth = steps up).
stated_above AS (
    SELECT c.descendant AS unit, a.year, min(c.depth) AS steps
    FROM unit_closure AS c
    JOIN headcount AS a ON a.unit = c.ancestor
    WHERE c.depth > 0
    GROUP BY c.descendant, a.year
)

SELECT h.unit, h.year, d.depth - s.steps AS covered_depth
FROM headcount AS h
JOIN depths AS d ON d.unit = h.unit
LEFT JOIN stated_above AS s ON s.unit = h.unit AND s.year = h.year
WHERE in_cover_scope(h.unit);

INSERT INTO project_outcome_rollup
SELECT
    o.project_id,
    coalesce(o.year, p.year) AS year,
    coalesce(p.branch, p.unit) AS owner_unit,
    p.program, p.category,
    sum(o.value_wan) FILTER (WHERE o.outcome_type = '节创价值') AS savings_wan,
    coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type IN ('发明专利', '实用新型专利', '外观设计专利')), 0)
        AS patent_count
FROM outcomes AS o
JOIN projects AS p ON p.project_id = o.project_id
WHERE in_rollup_scope(coalesce(p.branch, p.unit))
GROUP BY ALL;

INSERT INTO project_savings_rollup
WITH saved AS (
    SELECT project_id, year, owner_unit, program, category, savings_wan,
           count(*) OVER (PARTITION BY project_id) > 1 AS several_years
    FROM project_outcome_rollup
    WHERE savings_wan IS NOT NULL AND in_rollup_scope(owner_unit)
)
SELECT
    project_id, year, owner_unit, program, category, savings_wan,
    CASE WHEN several_years THEN 0 ELSE row_number() OVER (
        PARTITION BY several_years, owner_unit, year ORDER BY savings_wan DESC, project_id
    ) END AS unit_rank,
    CASE WHEN several_years THEN 0 ELSE row_number() OVER (
        PARTITION BY several_years, owner_unit, year, program, category ORDER BY savings_wan DESC, project_id
    ) END AS detail_rank
FROM saved
-- Stored by rank, then year: a query for the top n reads the first rows only (zone maps skip the rest).
ORDER BY unit_rank, year;

INSERT INTO fact_rollup
WITH project_part AS (
    SELECT
        coalesce(branch, unit) AS owner_unit, year, program, category,
        count(*) AS projects,
        count(*) FILTER (WHERE status = '已结题') AS projects_completed,
        count(*) FILTER (WHERE status IS DISTINCT FROM '已终止') AS projects_not_stopped
    FROM projects
    WHERE in_rollup_scope(coalesce(branch, unit))
    GROUP BY ALL
),

outcome_part AS (
    SELECT
        coalesce(p.branch, p.unit, o.unit) AS owner_unit,
        coalesce(o.year, p.year) AS year,
        p.program, p.category,
        sum(o.value_wan) FILTER (WHERE o.outcome_type = '节创价值') AS savings_wan,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '发明专利') AS invention_patents,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '实用新型专利') AS utility_model_patents,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '外观设计专利') AS design_patents,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '软件著作权') AS software_copyrights,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '论文') AS papers,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '制度') AS regulations,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '流程') AS processes,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '标准') AS standards,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '技术图纸') AS technical_drawings,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '研制总结') AS development_summaries,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '试验报告') AS test_reports,
        sum(o.quantity) FILTER (WHERE o.outcome_type = 'QC成果') AS qc_results,
        sum(o.quantity) FILTER (WHERE o.outcome_type = '其他') AS other_outcomes
    FROM outcomes AS o
    LEFT JOIN projects AS p ON p.project_id = o.project_id
    WHERE coalesce(o.year, p.year) IS NOT NULL AND in_rollup_scope(coalesce(p.branch, p.unit, o.unit))
    GROUP BY ALL
),

savings_part AS (
    SELECT owner_unit, year, program, category, count(*) FILTER (WHERE unit_rank > 0) AS single_year_savers
    FROM project_savings_rollup
    WHERE in_rollup_scope(owner_unit)
    GROUP BY ALL
),

award_part AS (
    SELECT
        coalesce(p.branch, p.unit) AS owner_unit, a.year, p.program, p.category,
        count(*) AS awards_declared,
        count(*) FILTER (WHERE a.result = '获奖') AS awards_awarded,
        count(*) FILTER (WHERE a.level = '国家级') AS declared_national,
        count(*) FILTER (WHERE a.level = '国家级' AND a.result = '获奖') AS awarded_national,
        count(*) FILTER (WHERE a.level = '省部级') AS declared_provincial,
        count(*) FILTER (WHERE a.level = '省部级' AND a.result = '获奖') AS awarded_provincial,
        count(*) FILTER (WHERE a.level = '集团级') AS declared_group,
        count(*) FILTER (WHERE a.level = '集团级' AND a.result = '获奖') AS awarded_group,
        count(*) FILTER (WHERE a.level = '公司级') AS declared_company,
        count(*) FILTER (WHERE a.level = '公司级' AND a.result = '获奖') AS awarded_company,
        count(*) FILTER (WHERE a.level IS NULL) AS declared_unstated,
        count(*) FILTER (WHERE a.level IS NULL AND a.result = '获奖') AS awarded_unstated
    FROM awards AS a
    JOIN projects AS p ON p.project_id = a.project_id
    WHERE in_rollup_scope(coalesce(p.branch, p.unit))
    GROUP BY ALL
),

combined AS (
    SELECT * FROM project_part
    UNION ALL BY NAME SELECT * FROM outcome_part
    UNION ALL BY NAME SELECT * FROM savings_part
    UNION ALL BY NAME SELECT * FROM award_part
)

SELECT
    owner_unit, year, program, category,
    grouping(program) = 0 AS by_program, grouping(category) = 0 AS by_category,
    coalesce(any_value(branch_owner), false),
    coalesce(sum(projects), 0), coalesce(sum(projects_completed), 0), coalesce(sum(projects_not_stopped), 0),
    sum(savings_wan), coalesce(sum(single_year_savers), 0),
    coalesce(sum(invention_patents), 0), coalesce(sum(utility_model_patents), 0), coalesce(sum(design_patents), 0),
    coalesce(sum(software_copyrights), 0), coalesce(sum(papers), 0), coalesce(sum(regulations), 0),
    coalesce(sum(processes), 0), coalesce(sum(standards), 0), coalesce(sum(technical_drawings), 0),
    coalesce(sum(development_summaries), 0), coalesce(sum(test_reports), 0), coalesce(sum(qc_results), 0),
    coalesce(sum(other_outcomes), 0),
    coalesce(sum(awards_declared), 0), coalesce(sum(awards_awarded), 0),
    coalesce(sum(declared_national), 0), coalesce(sum(awarded_national), 0),
    coalesce(sum(declared_provincial), 0), coalesce(sum(awarded_provincial), 0),
    coalesce(sum(declared_group), 0), coalesce(sum(awarded_group), 0),
    coalesce(sum(declared_company), 0), coalesce(sum(awarded_company), 0),
    coalesce(sum(declared_unstated), 0), coalesce(sum(awarded_unstated), 0)
FROM (
    SELECT c.*, u.kind = '党支部' AS branch_owner FROM combined AS c LEFT JOIN units AS u ON u.unit = c.owner_unit
)
GROUP BY GROUPING SETS (
    (owner_unit, year, program, category), (owner_unit, year, program), (owner_unit, year, category), (owner_unit, year)
)
-- Stored grain by grain, each by year: a query reads its grain's row groups only (zone maps skip the rest).
ORDER BY by_program, by_category, year, owner_unit;

-- Open as of every date: the board_status rule itself, asked at the end of time, says which projects can be overdue.
INSERT INTO open_project_rollup
SELECT coalesce(branch, unit) AS owner_unit, year, program, category, end_date, count(*) AS projects
FROM projects
WHERE board_status(status, end_date, DATE '9999-12-31') = 'overdue' AND in_rollup_scope(coalesce(branch, unit))
GROUP BY ALL
ORDER BY end_date;

INSERT INTO fact_years
SELECT DISTINCT year FROM (
    SELECT year FROM fact_rollup WHERE NOT by_program AND NOT by_category
    UNION ALL SELECT year FROM headcount UNION ALL SELECT year FROM awards
    UNION ALL SELECT year FROM checks UNION ALL SELECT year FROM point_adjustments
    UNION ALL SELECT year(date) FROM suggestions WHERE date IS NOT NULL
)
ORDER BY year;
