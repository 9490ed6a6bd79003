"""Translation table section: dashboard pages, metrics, charts and the command line."""

TEXT: dict[str, dict[str, str]] = {
    # Between the items of a list in running text.
    "list.separator": {"zh": "、", "en": ", "},
    "app.title": {"zh": "创新成效看板", "en": "Innovation Impact Dashboard"},
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
    "filter.year_from": {"zh": "年度：从", "en": "Year from"},
    "filter.year_to": {"zh": "到", "en": "to"},
    "filter.unit.dropped": {
        "zh": "已移除与所选单位上下级重叠的：{units}（上下级单位的数据互相包含，不能同时选择）",
        "en": "Removed, as they contain or are contained in the unit chosen: {units}",
    },
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
    "overview.delta_caption": {"zh": "变化为与上一期（{period}）相比", "en": "Changes compare with {period}"},
    "overview.by_unit": {"zh": "分单位", "en": "By unit"},
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
        "en": "Sum of outcomes of type 节创价值, in RMB 10k (万元, 10,000 yuan); an outcome counts in its own year, else "
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
    "metric.due_completion_rate": {"zh": "到期结题率", "en": "Completion rate (due)"},
    "metric.due_completion_rate.def": {
        "zh": "已结题项目数 ÷ 应结题项目数（已结题，或结题日期不晚于数据截止日且未终止的项目）；未到结题日期的项目不计入。",
        "en": "Projects completed ÷ projects due (completed, or past their end date at the data's cut-off and not "
        "stopped); projects not yet due are left out.",
    },
    "award_rate.not_declared": {"zh": "未申报", "en": "none declared"},
    "unit.own": {"zh": "本级", "en": "Own"},
    # Units and value formats
    "unit.wan": {"zh": "万元", "en": "RMB 10k"},
    "unit.items": {"zh": "项", "en": "items"},
    "unit.pieces": {"zh": "件", "en": "items"},
    "unit.pp": {"zh": "个百分点", "en": " pp"},
    "value.unknown": {"zh": "—", "en": "—"},
    # Charts
    "chart.participation_by_unit": {"zh": "各单位党员参与率", "en": "Participation by unit"},
    "chart.savings_by_unit": {"zh": "各单位节创价值（万元）", "en": "Savings by unit (RMB 10k)"},
    "chart.trend": {"zh": "历年项目数与节创价值", "en": "Projects and savings by year"},
    "chart.axis.year": {"zh": "年度", "en": "Year"},
    "chart.group_average": {"zh": "整体 {value}", "en": "Overall {value}"},
    "kpi.savings_wan": {"zh": "节创价值（万元）", "en": "Savings (RMB 10k)"},
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
    "cli.internal_error": {
        "zh": "内部错误，未做任何改动。详细信息已写入 {path}，请把该文件发给维护人员。",
        "en": "Internal error; nothing was changed. The details are in {path}: please send that file to the "
        "maintainers.",
    },
    "cli.cannot_open": {"zh": "无法打开文件 {path}：{error}", "en": "Cannot open {path}: {error}"},
    "cli.db_unreadable": {
        "zh": "无法打开数据库 {path}（{error}），未做任何改动。",
        "en": "Cannot open the database {path} ({error}); nothing was changed.",
    },
    "cli.unknown_refused": {
        "zh": '有{count}个未识别的列，未写入任何数据：用 --map "表头=列名" 对应，用 --ignore "表头" 跳过，'
        "或用 --ignore-unknown 跳过全部未识别的列。",
        "en": '{count} unrecognised columns; nothing was written. Map them with --map "HEADER=COLUMN", skip one '
        'with --ignore "HEADER", or skip them all with --ignore-unknown.',
    },
    "cli.map_bad_target": {
        "zh": "--map「{header}={target}」：「{target}」不是此表可用的列，可选：{choices}",
        "en": "--map '{header}={target}': '{target}' is not a column of this sheet; choose one of: {choices}",
    },
    "cli.map_unused": {
        "zh": "提示：没有未识别的列叫「{header}」，此项未使用",
        "en": "Note: no unrecognised column is called '{header}'; not used",
    },
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
        "zh": "数据库 {path} 正被另一个进程（未经本程序的写入锁直接打开它的程序）占用写入，未做任何改动。请先关闭那个程序。",
        "en": "The database {path} is held for writing by another process (one that opened it directly, without "
        "this program's writer lock); nothing was changed. Close that process first.",
    },
    "store.waiting": {
        "zh": "另一项写入正在进行（{holder}），本次写入已排队，完成后自动继续……",
        "en": "Another write is in progress ({holder}); this one is queued and continues when it is done…",
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
    # Streamlit's and plotly's own control text, drawn in the user's language (ui/chrome.py).
    "chrome.no_results": {"zh": "没有匹配的选项", "en": "No matching options"},
    "chrome.fullscreen": {"zh": "全屏", "en": "Full screen"},
    "chrome.close_fullscreen": {"zh": "退出全屏", "en": "Exit full screen"},
    "chrome.upload.button": {"zh": "选择文件", "en": "Choose files"},
    "chrome.upload.limit": {"zh": "每个文件不超过 {limit}MB · {types}", "en": "Up to {limit} MB per file · {types}"},
    "chrome.upload.drop": {"zh": "将文件拖放到此处", "en": "Drop the files here"},
    "chrome.plotly.download_png": {"zh": "下载图表（PNG）", "en": "Download the chart as PNG"},
    "chrome.plotly.download": {"zh": "下载图表", "en": "Download the chart"},
    "chrome.plotly.reset_axes": {"zh": "重置坐标轴", "en": "Reset the axes"},
    "chrome.plotly.autoscale": {"zh": "自动缩放", "en": "Autoscale"},
    "chrome.plotly.preparing": {"zh": "正在生成图片，请稍候……", "en": "Preparing the image, a few seconds…"},
    "chrome.plotly.downloaded": {"zh": "图片已下载", "en": "Image downloaded"},
    "chrome.plotly.download_failed": {
        "zh": "图片下载失败，请重试",
        "en": "The image could not be downloaded; try again",
    },
    "chrome.plotly.double_click_zoom": {"zh": "双击图表恢复原始大小", "en": "Double-click to zoom back out"},
    "chrome.plotly.double_click_legend": {
        "zh": "双击图例可只看这一项",
        "en": "Double-click a legend entry to show it alone",
    },
    "chart.award_rate_line": {"zh": "获奖率 {rate}", "en": "award rate {rate}"},
    # A sum of money with its unit, a figure with a note beside it, a label with its value: each language's own
    # punctuation (full-width in Chinese).
    "value.wan": {"zh": "{value} 万元", "en": "{value} (RMB 10k)"},
    "text.aside": {"zh": "{main}（{note}）", "en": "{main} ({note})"},
    "text.colon": {"zh": "{label}：{value}", "en": "{label}: {value}"},
    "list_kind.目标": {"zh": "目标", "en": "Goals"},
    "list_kind.问题": {"zh": "问题", "en": "Problems"},
    "list_kind.整改": {"zh": "整改", "en": "Fixes"},
    "list_kind.成果": {"zh": "成果", "en": "Results"},
    "chrome.press_enter": {"zh": "按回车键确认", "en": "Press Enter to apply"},
    "chrome.table.columns": {"zh": "显示/隐藏列", "en": "Show or hide columns"},
    "chrome.table.download": {"zh": "下载为 CSV", "en": "Download as CSV"},
    "chrome.table.search": {"zh": "搜索", "en": "Search"},
    # Programmes, categories and project statuses (contract.vocab) by name in English.
    "vocab.党员创新工程": {"zh": "党员创新工程", "en": "Party member innovation"},
    "vocab.双创": {"zh": "双创", "en": "Mass innovation"},
    "vocab.书记项目": {"zh": "书记项目", "en": "Party secretary projects"},
    "vocab.三组联建": {"zh": "三组联建", "en": "Three-group joint building"},
    "vocab.创新工作室": {"zh": "创新工作室", "en": "Innovation studios"},
    "vocab.QC课题": {"zh": "QC课题", "en": "QC projects"},
    "vocab.科研生产": {"zh": "科研生产", "en": "Research and production"},
    "vocab.安全质量": {"zh": "安全质量", "en": "Safety and quality"},
    "vocab.精益管理": {"zh": "精益管理", "en": "Lean management"},
    "vocab.党建": {"zh": "党建", "en": "Party building"},
    "vocab.其他": {"zh": "其他", "en": "Other"},
    "vocab.立项": {"zh": "立项", "en": "Approved"},
    "vocab.实施中": {"zh": "实施中", "en": "In progress"},
    "vocab.已结题": {"zh": "已结题", "en": "Completed"},
    "vocab.已终止": {"zh": "已终止", "en": "Stopped"},
    "chrome.upload.refused": {
        "zh": "无法上传此文件：只接受 {types}，每个文件不超过 {limit}MB",
        "en": "This file cannot be uploaded: only {types}, up to {limit} MB per file",
    },
    "chrome.date.year": {"zh": "年", "en": "yyyy"},
    "chrome.date.month": {"zh": "月", "en": "mm"},
    "chrome.date.day": {"zh": "日", "en": "dd"},
}
