"""Translation table section: presenter mode and exports (deck, workbook, images, PDF)."""

TEXT: dict[str, dict[str, str]] = {
    # Presenter mode
    "present.enter": {"zh": "演示模式", "en": "Presenter mode"},
    "present.enter.help": {
        "zh": "全屏展示当前筛选：隐藏侧栏，放大字号，按章节翻页（←/→ 键）。链接加 &rotate=秒数 可自动轮播。",
        "en": "Show the current selection full screen: no sidebar, large type, chapters stepped with ←/→. "
        "Add &rotate=SECONDS to the link to advance by itself.",
    },
    "present.exit": {"zh": "退出演示", "en": "Exit"},
    "present.next": {"zh": "下一页", "en": "Next"},
    "present.previous": {"zh": "上一页", "en": "Previous"},
    "present.position": {"zh": "{index} / {total}", "en": "{index} / {total}"},
    "present.rotating": {"zh": "每{seconds}秒自动翻页", "en": "Advancing every {seconds} s"},
    "present.fullscreen_hint": {"zh": "按 F11 进入浏览器全屏", "en": "Press F11 for full screen"},
    # Export panel
    "export.header": {"zh": "导出", "en": "Export"},
    "export.caption": {
        "zh": "按当前筛选生成：点「生成」后在后台制作并显示进度，完成后点击文件名下载。",
        "en": "Built for the current filters: press Build, watch its progress, then click the file's name to download.",
    },
    "export.build": {"zh": "生成", "en": "Build"},
    "export.failed": {
        "zh": "生成失败，请稍后重试或联系管理员。",
        "en": "The file could not be built; try again or ask the admin.",
    },
    "export.progress.start": {"zh": "准备中…", "en": "Starting…"},
    "export.progress.figures": {"zh": "正在汇总指标… {percent}", "en": "Working out the figures… {percent}"},
    "export.progress.charts": {"zh": "正在绘制图表… {percent}", "en": "Drawing the charts… {percent}"},
    "export.progress.rows": {"zh": "正在写入明细… {percent}", "en": "Writing the rows… {percent}"},
    "export.progress.packing": {"zh": "正在打包文件… {percent}", "en": "Packing the file… {percent}"},
    "export.progress.done": {"zh": "已完成", "en": "Done"},
    "export.pptx": {"zh": "会议PPT", "en": "Meeting deck"},
    "export.pdf": {"zh": "PDF报告", "en": "PDF report"},
    "export.xlsx": {"zh": "Excel明细", "en": "Workbook (.xlsx)"},
    "export.png": {"zh": "图表图片包", "en": "Chart images"},  # a .zip; the label must fit the sidebar whole
    "export.no_cjk_font": {
        "zh": "服务器未安装中文字体，导出的图片和PDF中的中文会显示为方框。请安装：apt-get install fonts-noto-cjk",
        "en": "No Chinese font is installed on the server: Chinese in exported images and PDFs would show as "
        "boxes. Install one: apt-get install fonts-noto-cjk",
    },
    "export.file_stem": {"zh": "创新成效", "en": "innovation-impact"},
    "export.more_units": {"zh": "{unit}等{count}个单位", "en": "{unit} and others ({count} units)"},
    "cli.report_written": {"zh": "已生成 {path}", "en": "Wrote {path}"},
    "cli.report_failed": {"zh": "无法写入 {path}：{error}", "en": "Could not write {path}: {error}"},
    # The stamp every export carries
    "stamp.units": {"zh": "单位：{value}", "en": "Units: {value}"},
    "stamp.with_subunits": {"zh": "{units}（含下级单位）", "en": "{units} (with all units below)"},
    "stamp.period": {"zh": "期间：{value}", "en": "Period: {value}"},
    "stamp.programs": {"zh": "活动类型：{value}", "en": "Programmes: {value}"},
    "stamp.categories": {"zh": "项目类别：{value}", "en": "Categories: {value}"},
    "stamp.all": {"zh": "全部", "en": "all"},
    "stamp.cutoff": {"zh": "最近上传：{value}", "en": "Latest upload: {value}"},
    "stamp.as_of": {"zh": "数据截至：{value}", "en": "Data as of: {value}"},
    "stamp.date": {"zh": "{year}年{month}月{day}日", "en": "{year}-{month:02d}-{day:02d}"},
    "stamp.no_data": {"zh": "尚无上传", "en": "no upload yet"},
    "stamp.generated": {"zh": "生成时间：{value}", "en": "Generated: {value}"},
    "stamp.footer": {"zh": "{units} · {period} · 数据截至{cutoff}", "en": "{units} · {period} · data as of {cutoff}"},
    # Deck and PDF
    "deck.title": {"zh": "党建引领创新工程成效汇报", "en": "Party-building-led innovation: results"},
    "deck.kpis": {"zh": "核心指标", "en": "Key figures"},
    "deck.cover_date": {"zh": "数据截至{date}", "en": "Data as of {date}"},
    "deck.cover_made": {"zh": "生成于{date}", "en": "Made on {date}"},
    "deck.ranking": {"zh": "各单位排名（按节创价值）", "en": "Units ranked by savings"},
    "deck.ranking.rank": {"zh": "排名", "en": "Rank"},
    "deck.ranking.more": {
        "zh": "另有{count}个单位未列出，详见数据表。",
        "en": "{count} more units are in the workbook.",
    },
    "deck.ranking.summary": {
        "zh": "从各单位看，{savings}；{participation}。",
        "en": "By unit: {savings}; {participation}.",
    },
    "deck.ranking.own": {
        "zh": "本级指所选单位自身（不属于任何下级单位）的项目与成果，与各单位合计为总数。",
        "en": "Own is the selected unit's own projects and outcomes (of no unit below it); with the units it adds "
        "up to the total.",
    },
    "deck.awards": {"zh": "获奖情况", "en": "Awards"},
    "deck.awards.level": {"zh": "级别", "en": "Level"},
    "deck.awards.summary": {"zh": "从获奖情况看，{text}。", "en": "Awards: {text}."},
    "deck.studios": {"zh": "创新工作室预警", "en": "Studio warnings"},
    "deck.studios.summary": {"zh": "从工作室考核看，{text}。", "en": "Studios: {text}."},
    "deck.studios.none": {"zh": "本期无预警工作室。", "en": "No studio is at risk in this period."},
    "deck.studios.verdict": {"zh": "考核结果", "en": "Verdict"},
    "deck.studios.missed": {"zh": "未完成指标", "en": "Targets missed"},
    "deck.studios.studio": {"zh": "工作室", "en": "Studio"},
    "deck.overdue": {"zh": "超期未结题项目", "en": "Overdue projects"},
    "deck.overdue.days": {"zh": "超期天数", "en": "Days overdue"},
    "deck.overdue.summary": {
        "zh": "从项目进度看，{text}（含以前年度立项、至今未结题的项目）。",
        "en": "Progress: {text} (projects of earlier years still open included).",
    },
    "deck.overdue.more": {
        "zh": "另有{count}项未列出，详见项目页。",
        "en": "{count} more are on the projects page.",
        "en_one": "{count} more is on the projects page.",
    },
    "deck.judgement.legend": {
        "zh": "色标：绿＝较上期改善，黄＝基本持平（比率变化不足1个百分点、数量变化不足5%），红＝较上期下降",
        "en": "Colours: green = better than the previous period, yellow = level (a rate within 1 point, a count "
        "within 5%), red = worse",
    },
    "deck.judgement.green": {"zh": "改善", "en": "better"},
    "deck.judgement.yellow": {"zh": "持平", "en": "level"},
    "deck.judgement.red": {"zh": "下降", "en": "worse"},
    "deck.definitions": {"zh": "指标口径与数据说明", "en": "Definitions and data"},
    "deck.delta_caption": {"zh": "括号内为与上一期（{period}）相比的变化", "en": "Changes compare with {period}"},
    "deck.stock_year": {"zh": "参与率、支部覆盖率按{year}年计", "en": "Participation and coverage are for {year}"},
    # Workbook
    "sheet.about": {"zh": "说明", "en": "About"},
    "sheet.kpis": {"zh": "分单位指标", "en": "KPIs by unit"},
    "sheet.projects": {"zh": "项目", "en": "Projects"},
    "sheet.outcomes": {"zh": "成果", "en": "Outcomes"},
    "sheet.definitions": {"zh": "指标口径", "en": "Definitions"},
    "sheet.truncated": {
        "zh": "「{sheet}」共 {total} 行，本表按单位、年份、项目编号列出前 {rows} 行，其余 {left} 行未列出"
        "（一个工作簿的明细以 Excel 一个工作表的行数上限约 104.8 万行为限，项目在先、成果在后）："
        "按单位或年份缩小筛选范围后分次导出，即可得到全部。",
        "en": "{sheet}: {total} rows; this sheet lists the first {rows} by unit, year and project number and leaves "
        "out the other {left} (a workbook holds as many detail rows as one Excel sheet, about 1.05 million, projects "
        "first): narrow the filters to a unit or a year range and export again to get them.",
    },
    "sheet.left_out": {"zh": "未列出的行", "en": "Rows left out"},
    "sheet.total": {"zh": "合计（所选范围）", "en": "Total (selection)"},
    "col.unit": {"zh": "单位", "en": "Unit"},
    "col.project_name": {"zh": "项目名称", "en": "Project name"},
    "col.invention": {"zh": "发明专利", "en": "Invention patents"},
    "col.utility": {"zh": "实用新型专利", "en": "Utility model patents"},
    "col.design": {"zh": "外观设计专利", "en": "Design patents"},
    "col.declared": {"zh": "申报奖项", "en": "Awards declared"},
    "col.awarded": {"zh": "获奖", "en": "Awards won"},
    "col.party_members": {"zh": "党员总数", "en": "Party members"},
    "col.participating": {"zh": "参与党员数", "en": "Participating members"},
    # Sentences: the unit summary (parts joined in order) and each chart's takeaway
    "say.period.year": {"zh": "{year}年", "en": "In {year}"},
    "say.period.range": {"zh": "{start}—{end}年", "en": "In {start}–{end}"},
    "say.period.all": {"zh": "历年累计", "en": "Across all years"},
    "say.no_data": {"zh": "{period}，{unit}暂无填报数据。", "en": "{period}, {unit} has no reported data."},
    "say.projects": {
        "zh": "{period}，{unit}共立项{count}项",
        "en": "{period}, {unit} started {count} projects",
        "en_one": "{period}, {unit} started {count} project",
    },
    "say.participation": {"zh": "党员参与率{rate}", "en": "party member participation was {rate}"},
    "say.participation.unknown": {
        "zh": "党员参与率暂无数据（未填报参与党员数）",
        "en": "participation is not known (participating members not reported)",
    },
    "say.change.up.year": {"zh": "（同比提高{pp}个百分点）", "en": " (up {pp} points on the year before)"},
    "say.change.down.year": {"zh": "（同比下降{pp}个百分点）", "en": " (down {pp} points on the year before)"},
    "say.change.flat.year": {"zh": "（与上年持平）", "en": " (level with the year before)"},
    "say.change.up.period": {"zh": "（较上一期提高{pp}个百分点）", "en": " (up {pp} points on the period before)"},
    "say.change.down.period": {
        "zh": "（较上一期下降{pp}个百分点）",
        "en": " (down {pp} points on the period before)",
    },
    "say.change.flat.period": {"zh": "（与上一期持平）", "en": " (level with the period before)"},
    "say.savings": {"zh": "节创价值{value}万元", "en": "savings value was {value} (RMB 10k)"},
    "say.savings.none": {"zh": "暂无节创价值记录", "en": "no savings value was recorded"},
    "say.patents": {
        "zh": "专利{count}项",
        "en": "{count} patents were recorded",
        "en_one": "{count} patent was recorded",
    },
    "say.patents.invention": {"zh": "（其中发明专利{count}项）", "en": " ({count} of them inventions)"},
    "say.patents.none": {"zh": "暂无专利记录", "en": "no patents were recorded"},
    "say.join": {"zh": "，", "en": "; "},
    "say.end": {"zh": "。", "en": "."},
    # Presenter slides of the people and programme-running chapters
    "present.in_period": {"zh": "{metric}（{period}）", "en": "{metric} ({period})"},
    "present.secretary_projects": {"zh": "书记项目", "en": "Secretary projects"},
    "present.fully_closed": {"zh": "全部闭环", "en": "Fully closed"},
    "present.points_total": {"zh": "{year}年积分", "en": "Points {year}"},
    "present.lagging_lists": {
        "zh": "闭环最慢的{n}个书记项目（共{total}个）",
        "en": "The {n} slowest of {total} secretary projects",
    },
    "chart.points_by_rule": {"zh": "积分构成（按规则）", "en": "Points by rule"},
    "takeaway.on_track_all": {
        "zh": "{period} 各单位按期率均为 {rate}",
        "en": "In {period} every unit's on-track rate was {rate}",
    },
    "takeaway.on_track_low_tied": {
        "zh": "{period} {unit}按期率并列最低，均为 {rate}",
        "en": "In {period}, {unit} were jointly least on track: {rate}",
    },
    "unit.cards": {"zh": "牌数", "en": "cards"},
    "takeaway.points_rules": {
        "zh": "积分最多来自{rule}，{points}分，占{share}",
        "en": "Most points came from {rule}: {points}, {share} of all",
    },
}
