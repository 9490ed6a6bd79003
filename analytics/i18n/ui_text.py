"""Translation table section: dashboard pages, metrics, charts and the command line."""

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"zh": "创新成效看板", "en": "Innovation Impact Dashboard"},
    "app.tagline": {"zh": "党建引领创新工程 · 成效一览", "en": "Party-building-led innovation, at a glance"},
    "app.empty_store": {
        "zh": "还没有数据。请在「数据上传」页上传台账，或运行 `python -m analytics import data/demo.xlsx` 载入演示数据。",
        "en": "No data yet. Upload a ledger on the Upload page, or run "
        "`python -m analytics import data/demo.xlsx` to load the demo data.",
    },
    "lang.label": {"zh": "语言 / Language", "en": "Language / 语言"},
    "lang.zh": {"zh": "中文", "en": "中文"},
    "lang.en": {"zh": "English", "en": "English"},
    # Pages
    "page.overview": {"zh": "总览", "en": "Overview"},
    "page.upload": {"zh": "数据上传", "en": "Upload"},
    "page.batches": {"zh": "上传记录", "en": "Upload batches"},
    # Filters
    "filter.header": {"zh": "筛选", "en": "Filters"},
    "filter.unit": {"zh": "单位（含下级）", "en": "Unit (with everything under it)"},
    "filter.unit.placeholder": {"zh": "全集团", "en": "Whole group"},
    "filter.year": {"zh": "年度", "en": "Year"},
    "filter.program": {"zh": "活动类型", "en": "Programme"},
    "filter.program.placeholder": {"zh": "全部活动", "en": "All programmes"},
    "filter.category": {"zh": "项目类别", "en": "Category"},
    "filter.category.placeholder": {"zh": "全部类别", "en": "All categories"},
    "filter.unknown_units": {
        "zh": "链接中的单位不存在：{names}。相近的单位：{suggestions}",
        "en": "The link names units that do not exist: {names}. Close matches: {suggestions}",
    },
    "filter.context": {"zh": "{units} · {period}", "en": "{units} · {period}"},
    "filter.whole_group": {"zh": "全集团", "en": "Whole group"},
    "filter.all_years": {"zh": "全部年度", "en": "All years"},
    "filter.year_single": {"zh": "{year}年", "en": "{year}"},
    "filter.year_range": {"zh": "{start}—{end}年", "en": "{start}–{end}"},
    # Overview
    "overview.kpis": {"zh": "核心指标", "en": "Key figures"},
    "overview.delta_caption": {"zh": "变化为与上一期（{period}）相比", "en": "Changes compare with {period}"},
    "overview.by_unit": {"zh": "分单位", "en": "By unit"},
    "overview.trend": {"zh": "历年趋势", "en": "Trend over the years"},
    "overview.no_data": {
        "zh": "所选单位在所选期间没有数据。",
        "en": "The selected units have no data in the selected period.",
    },
    "overview.stock_year": {
        "zh": "参与率、支部覆盖率按{year}年计。",
        "en": "Participation and branch coverage are for {year}.",
    },
    # Metric names and definitions: the one source for KPI hovers and the glossary.
    "metric.projects": {"zh": "项目数", "en": "Projects"},
    "metric.projects.def": {
        "zh": "所选单位（含下级）在所选年度立项的项目数（项目年度，缺省取立项日期所在年）。",
        "en": "Projects of the selected units (and all below them) in the selected years "
        "(a project's year, else the year of its start date).",
    },
    "metric.participation_rate": {"zh": "党员参与率", "en": "Party member participation"},
    "metric.participation_rate.def": {
        "zh": "参与党员数 ÷ 党员总数，取自党员人数表，按年度计；上级单位有填报数时以填报数为准。缺少参与党员数时显示为未知，不以项目人数推算。",
        "en": "Participating party members ÷ party members, from the headcount sheet, for the year; a unit's "
        "own stated figure overrides the sum below it. Unknown where the numerator is missing; never "
        "guessed from project sums.",
    },
    "metric.branch_coverage": {"zh": "支部覆盖率", "en": "Branch coverage"},
    "metric.branch_coverage.def": {
        "zh": "当年至少有一个项目的党支部数 ÷ 党支部数（优先取党员人数表的党支部数，否则按单位树中的党支部计）。",
        "en": "Party branches with at least one project in the year ÷ party branches (the headcount sheet's "
        "branch count, else the branches in the unit tree).",
    },
    "metric.savings_wan": {"zh": "节创价值", "en": "Savings value"},
    "metric.savings_wan.def": {
        "zh": "成果类型为「节创价值」的价值合计，单位万元；成果按其年度计，缺省取所属项目年度。",
        "en": "Sum of outcomes of type 节创价值, in 万元 (10,000 yuan); an outcome counts in its own year, else "
        "its project's.",
    },
    "metric.patents": {"zh": "专利", "en": "Patents"},
    "metric.patents.def": {
        "zh": "发明专利 + 实用新型专利 + 外观设计专利 的件数；软件著作权单列，不计入专利。",
        "en": "Invention + utility model + design patents; software copyrights are shown beside them, not "
        "inside the total.",
    },
    "metric.software_copyrights": {"zh": "软件著作权", "en": "Software copyrights"},
    "metric.software_copyrights.def": {
        "zh": "成果类型为「软件著作权」的件数。",
        "en": "Outcomes of type 软件著作权 (software copyright).",
    },
    "metric.award_rate": {"zh": "获奖率", "en": "Award rate"},
    "metric.award_rate.def": {
        "zh": "获奖项数 ÷ 申报项数，按申报年度计。",
        "en": "Awarded ÷ declared, counted in the year of declaration.",
    },
    "metric.completion_rate": {"zh": "结题率", "en": "Completion rate"},
    "metric.completion_rate.def": {
        "zh": "状态为「已结题」的项目数 ÷ 未终止的项目数。",
        "en": "Projects 已结题 (completed) ÷ projects not 已终止 (stopped).",
    },
    # Units and value formats
    "unit.wan": {"zh": "万元", "en": "10k yuan"},
    "unit.items": {"zh": "项", "en": ""},
    "unit.pieces": {"zh": "件", "en": ""},
    "unit.pp": {"zh": "个百分点", "en": " pp"},
    "value.unknown": {"zh": "—", "en": "—"},
    "value.unknown_hover": {"zh": "未知：缺少参与党员数", "en": "Unknown: participating members missing"},
    # Charts
    "chart.participation_by_unit": {"zh": "各单位党员参与率", "en": "Participation by unit"},
    "chart.savings_by_unit": {"zh": "各单位节创价值（万元）", "en": "Savings by unit (万元)"},
    "chart.patents_by_unit": {"zh": "各单位专利（按类型）", "en": "Patents by unit, by type"},
    "chart.trend": {"zh": "历年项目数与节创价值", "en": "Projects and savings by year"},
    "chart.axis.year": {"zh": "年度", "en": "Year"},
    "chart.axis.unit": {"zh": "单位", "en": "Unit"},
    "chart.group_average": {"zh": "整体 {value}", "en": "Overall {value}"},
    "chart.title_overall": {"zh": "（整体 {value}，虚线）", "en": " (overall {value}, dashed)"},
    "kpi.savings_wan": {"zh": "节创价值（万元）", "en": "Savings (10k yuan)"},
    "chart.unknown": {"zh": "未知", "en": "unknown"},
    "patent.发明专利": {"zh": "发明专利", "en": "Invention"},
    "patent.实用新型专利": {"zh": "实用新型专利", "en": "Utility model"},
    "patent.外观设计专利": {"zh": "外观设计专利", "en": "Design"},
    # Command line
    "cli.unknown_unit": {
        "zh": "找不到单位「{name}」。相近的单位：{suggestions}",
        "en": "No unit named '{name}'. Close matches: {suggestions}",
    },
    "cli.none": {"zh": "（无）", "en": "(none)"},
    "cli.demo_built": {
        "zh": "已生成批次 #{batch}：{projects}个项目，共{rows}行。",
        "en": "Built batch #{batch}: {projects} projects, {rows} rows in all.",
    },
    "cli.demo_not_empty": {
        "zh": "{path} 中已有数据：合成数据只能写入空库，请换一个 --db 路径。",
        "en": "{path} already holds data: synthetic data goes into an empty store only; choose another --db path.",
    },
    "cli.demo_projects": {"zh": "--projects 至少为 1。", "en": "--projects must be at least 1."},
    "cli.busy": {
        "zh": "数据库 {path} 正被另一个进程（通常是正在运行的看板）占用写入，未做任何改动。请先停止看板，或在看板的上传页操作。",
        "en": "The database {path} is held for writing by another process (usually the running dashboard); "
        "nothing was changed. Stop the dashboard first, or use its Upload page.",
    },
    "cli.summary": {
        "zh": "{scope}：项目{projects}项（结题率{completion}），党员参与率{participation}，支部覆盖率{coverage}，"
        "节创价值{savings}，专利{patents}件（发明{invention}、实用新型{utility}、外观设计{design}），"
        "软件著作权{software}件，申报奖项{declared}项、获奖{awarded}项（获奖率{award_rate}）。",
        "en": "{scope}: {projects} projects (completion {completion}), participation {participation}, "
        "branch coverage {coverage}, savings {savings}, {patents} patents (invention {invention}, utility "
        "model {utility}, design {design}), {software} software copyrights, {declared} awards declared and "
        "{awarded} won (award rate {award_rate}).",
    },
    "studio.verdict.ok": {"zh": "正常", "en": "OK"},
    "studio.verdict.warning": {"zh": "风险提示", "en": "Warning"},
    "studio.verdict.delisted": {"zh": "摘牌", "en": "Delisted"},
}
