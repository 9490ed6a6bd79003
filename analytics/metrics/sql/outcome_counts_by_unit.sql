-- Outcomes counted (数量 summed) per group and outcome type, every type but 节创价值 (a value, not a count).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

counted AS (
    SELECT
        g.group_key,
        sum(r.invention_patents) AS "发明专利",
        sum(r.utility_model_patents) AS "实用新型专利",
        sum(r.design_patents) AS "外观设计专利",
        sum(r.software_copyrights) AS "软件著作权",
        sum(r.papers) AS "论文",
        sum(r.regulations) AS "制度",
        sum(r.processes) AS "流程",
        sum(r.standards) AS "标准",
        sum(r.technical_drawings) AS "技术图纸",
        sum(r.development_summaries) AS "研制总结",
        sum(r.test_reports) AS "试验报告",
        sum(r.qc_results) AS "QC成果",
        sum(r.other_outcomes) AS "其他"
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    GROUP BY g.group_key
),

long AS (
    UNPIVOT counted ON COLUMNS(* EXCLUDE (group_key)) INTO NAME outcome_type VALUE outcome_count
)

SELECT group_key AS unit, outcome_type, outcome_count
FROM long
WHERE outcome_count > 0
ORDER BY unit, outcome_type
