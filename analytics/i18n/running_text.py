"""Translation table section: issue 17, running the programme (checks, 书记项目 lists, suggestions, points)."""

TEXT: dict[str, dict[str, str]] = {
    # Sheet kinds.
    "kind.checks": {"zh": "进展检查", "en": "progress checks"},
    "kind.secretary_lists": {"zh": "书记项目清单", "en": "secretary-project lists"},
    "kind.suggestions": {"zh": "建议", "en": "suggestions"},
    "kind.point_adjustments": {"zh": "积分调整", "en": "point adjustments"},
    # Cells and rows.
    "bad_quarter": {
        "zh": "'{value}' 不是季度（可写作 1–4、一季度、Q1 或 2024Q3）",
        "en": "'{value}' is not a quarter (write 1–4, 一季度, Q1 or 2024Q3)",
    },
    "quarter_year_clash": {
        "zh": "季度 '{value}' 与「年度」{year} 不一致",
        "en": "quarter '{value}' does not match 年度 (year) {year}",
    },
    "quarter_missing": {"zh": "「季度」必填，不能为空", "en": "季度 (quarter) is required but empty"},
    "check_year_missing": {
        "zh": "「年度」「季度（如 2024Q3）」「检查日期」至少有一个给出年份",
        "en": "give the year in 年度, in the quarter (2024Q3) or in 检查日期 (check date)",
    },
    "date_or_year_missing": {
        "zh": "「日期」和「年度」至少填一个",
        "en": "fill in 日期 (date) or 年度 (year)",
    },
}
TEXT.update(
    {
        # The command line.
        "cli.checks": {
            "zh": "检查{checks}次，按期率{rate}；{period} 红牌：{red}；黄牌：{yellow}；未检查：{unchecked}",
            "en": "{checks} checks, on-track rate {rate}; {period} red: {red}; yellow: {yellow}; unchecked: {unchecked}",
        },
        "cli.lists": {
            "zh": "{project}：闭环率{closure}，目标达成率{goal}，超期{overdue}项",
            "en": "{project}: closure {closure}, goals reached {goal}, {overdue} overdue",
        },
        "cli.suggestions": {
            "zh": "收集建议{collected}条，采纳率{adoption}，办结率{done}，办结中位天数{days}，采纳建议价值{value}",
            "en": "{collected} suggestions, adoption {adoption}, done {done}, median days to done {days}, "
            "value of adopted ideas {value}",
        },
        "cli.points": {
            "zh": "第{rank}名 {unit}：{points}分（名次变化 {change}）",
            "en": "#{rank} {unit}: {points} points (rank change {change})",
        },
        "points.unknown_rule": {"zh": "没有名为「{rule}」的积分规则", "en": "no points rule named {rule}"},
        "points.bad_value": {"zh": "'{value}' 不是数字", "en": "'{value}' is not a number"},
    }
)
TEXT.update(
    {
        # Pages.
        "page.checks": {"zh": "进展督察", "en": "Progress checks"},
        "page.secretary": {"zh": "书记项目", "en": "Secretary projects"},
        "page.suggestions": {"zh": "建议", "en": "Suggestions"},
        "page.points": {"zh": "积分", "en": "Points"},
        "pages.what.checks": {"zh": "进展检查", "en": "progress check"},
        "pages.what.lists": {"zh": "书记项目清单", "en": "secretary-project list"},
        "pages.what.suggestions": {"zh": "建议", "en": "suggestion"},
        "pages.what.points": {"zh": "积分", "en": "points"},
        "running.cutoff": {"zh": "截止日期", "en": "Cut-off date"},
        "running.quarter": {"zh": "季度", "en": "Quarter"},
        "metric.checks": {"zh": "检查次数", "en": "Checks"},
        "metric.on_track_rate": {"zh": "按期率", "en": "On-track rate"},
        "metric.red_cards": {"zh": "红牌", "en": "Red cards"},
        "metric.yellow_cards": {"zh": "黄牌", "en": "Yellow cards"},
        "metric.unchecked": {"zh": "未检查", "en": "Unchecked"},
        "metric.closure_rate": {"zh": "闭环率", "en": "Closure rate"},
        "metric.goal_rate": {"zh": "目标达成率", "en": "Goals reached"},
        "metric.overdue_items": {"zh": "超期事项", "en": "Overdue items"},
        "metric.suggestions_collected": {"zh": "收集建议", "en": "Collected"},
        "metric.suggestions_adopted": {"zh": "采纳建议", "en": "Adopted"},
        "metric.adoption_rate": {"zh": "采纳率", "en": "Adoption rate"},
        "metric.done_rate": {"zh": "办结率", "en": "Done rate"},
        "metric.median_days_to_done": {"zh": "办结中位天数", "en": "Median days to done"},
        "metric.adopted_value": {"zh": "采纳建议价值", "en": "Value of adopted ideas"},
        "metric.points": {"zh": "积分", "en": "Points"},
        "metric.points_per_100_members": {"zh": "每百名党员积分", "en": "Points per 100 members"},
        "checks.card.yellow": {"zh": "黄牌", "en": "Yellow card"},
        "checks.card.red": {"zh": "红牌", "en": "Red card"},
        "checks.by_unit": {"zh": "各单位各季度按期率", "en": "On-track rate by unit and quarter"},
        "checks.cards": {"zh": "{period} 红牌与黄牌项目", "en": "Red and yellow cards, {period}"},
        "checks.no_cards": {"zh": "{period} 没有红牌或黄牌项目。", "en": "No red or yellow cards in {period}."},
        "checks.unchecked": {"zh": "{period} 未检查的项目", "en": "Projects not checked in {period}"},
        "checks.none_unchecked": {
            "zh": "{period} 的在研项目均已检查（或该季度尚未结束）。",
            "en": "Every open project was checked in {period} (or the quarter has not ended).",
        },
        "checks.trend": {"zh": "各季度趋势", "en": "Over the quarters"},
        "checks.rule": {
            "zh": "规则：一次检查为滞后或停滞 → 黄牌；连续{n}个季度检查均为滞后或停滞 → 红牌（跨年连续，四季度接次年一季度）。",
            "en": "Rule: a check 滞后 or 停滞 → yellow card; {n} consecutive quarterly checks behind → red card "
            "(Q4 runs on into the next Q1).",
        },
        "checks.board_link": {"zh": "查看进展督察（红黄牌）", "en": "See progress checks (red and yellow cards)"},
        "secretary.rates": {"zh": "各书记项目闭环情况", "en": "Closure of each secretary project"},
        "secretary.by_unit": {"zh": "各单位书记项目全部闭环占比", "en": "Share of secretary projects fully closed"},
        "secretary.lists": {"zh": "四张清单", "en": "The four lists"},
        "secretary.overdue": {"zh": "超期{n}项", "en": "{n} overdue"},
        "suggestions.by_unit": {"zh": "各单位建议", "en": "Suggestions by unit"},
        "suggestions.by_month": {"zh": "各月建议", "en": "Suggestions by month"},
        "points.ranking": {"zh": "{year}年积分排名", "en": "Points ranking, {year}"},
        "points.level": {"zh": "比较层级", "en": "Units compared"},
        "points.level_default": {"zh": "下级单位", "en": "Units below"},
        "points.by_project": {"zh": "项目积分", "en": "Points per project"},
        "points.by_rule": {"zh": "积分构成", "en": "Where the points come from"},
        "points.rules": {"zh": "积分规则", "en": "Points rules"},
        "points.rules_intro": {
            "zh": "每项事实按下表计分（节创价值每10万元计一次），另加积分调整；单位积分含其下所有单位。",
            "en": "Each fact earns the points below (节创价值 per RMB 100k), plus adjustments; "
            "a unit's points include every unit below it.",
        },
        "points.edit": {"zh": "修改积分规则（管理员）", "en": "Edit the points rules (admin)"},
        "points.edit_rule": {"zh": "规则", "en": "Rule"},
        "points.edit_value": {"zh": "分值", "en": "Points"},
        "points.save": {"zh": "保存", "en": "Save"},
        "points.saved": {
            "zh": "已将「{rule}」改为 {points} 分（{who}），各年度积分已重新计算。",
            "en": "{rule} now earns {points} ({who}); every year's points are recomputed.",
        },
        "points.unchanged": {"zh": "分值未变化。", "en": "The value is unchanged."},
        "points.history": {"zh": "修改记录", "en": "Changes"},
        "points.rule.立项": {"zh": "立项（每个项目）", "en": "Project approved"},
        "points.rule.已结题": {"zh": "已结题", "en": "Project completed"},
        "points.rule.节创价值": {"zh": "节创价值（每10万元）", "en": "Savings (per RMB 100k)"},
        "points.rule.积分调整": {"zh": "积分调整", "en": "Adjustments"},
        "points.rule.建议已采纳": {"zh": "建议已采纳", "en": "Suggestion adopted"},
        "points.rule.award": {"zh": "获奖（{level}）", "en": "Award won ({level})"},
        # Takeaways.
        "takeaway.on_track_low": {
            "zh": "{period} {unit}按期率最低，为 {rate}",
            "en": "In {period}, {unit} was least on track: {rate}",
        },
        "takeaway.check_trend": {
            "zh": "{period} 按期率 {rate}{cards}",
            "en": "In {period} the on-track rate was {rate}{cards}",
        },
        "takeaway.cards_none": {"zh": "，没有红牌或黄牌", "en": ", with no red or yellow card"},
        "takeaway.cards_red": {
            "zh": "，红牌{count}个",
            "en": ", with {count} red cards",
            "en_one": ", with {count} red card",
        },
        "takeaway.cards_yellow": {
            "zh": "，黄牌{count}个",
            "en": ", with {count} yellow cards",
            "en_one": ", with {count} yellow card",
        },
        "takeaway.cards_both": {
            "zh": "，红牌{red}个、黄牌{yellow}个",
            "en": ", with {red} red and {yellow} yellow cards",
        },
        "takeaway.list_rates": {
            "zh": "{projects}个书记项目中{closed}个全部闭环（问题均已整改、目标均已达成），超期事项共{overdue}项",
            "en": "{closed} of {projects} secretary projects are fully closed (every problem fixed, every goal "
            "reached); {overdue} items are overdue",
        },
        "takeaway.closed_share": {
            "zh": "{unit}书记项目全部闭环占比最高，为 {rate}",
            "en": "{unit} has the highest share of secretary projects fully closed: {rate}",
        },
        "takeaway.suggestions_top": {
            "zh": "{unit}收集建议最多（{collected}条），采纳率 {rate}",
            "en": "{unit} collected the most suggestions ({collected}), adoption rate {rate}",
        },
        "takeaway.suggestions_month": {
            "zh": "{month} 收集建议最多，共{collected}条",
            "en": "{month} was the busiest month, with {collected} suggestions",
        },
        "takeaway.points_top": {
            "zh": "{year}年{unit}积分最高（{points}分）",
            "en": "{unit} leads {year} with {points} points",
        },
        "takeaway.points_up": {
            "zh": "；{unit}名次上升最多（{places}位）",
            "en": "; {unit} rose most ({places} places)",
        },
        "chart.on_track_grid": {"zh": "各单位各季度按期率", "en": "On-track rate by unit and quarter"},
        "chart.check_trend": {"zh": "按期率与红黄牌（按季度）", "en": "On-track rate and cards by quarter"},
        "chart.list_rates": {"zh": "闭环率与目标达成率", "en": "Closure rate and goals reached"},
        "chart.closed_share": {"zh": "书记项目全部闭环占比", "en": "Secretary projects fully closed"},
        "chart.suggestions_by_unit": {"zh": "各单位收集与采纳建议", "en": "Suggestions collected and adopted"},
        "chart.suggestions_by_month": {"zh": "各月收集与采纳建议", "en": "Suggestions per month"},
        "chart.points_ranking": {"zh": "{year}年积分（▲▼为较上年名次变化）", "en": "Points {year} (▲▼ rank change)"},
    }
)
# Workbook headers of the running-the-programme sheets that are neither a metric nor a sheet column.
TEXT.update(
    {
        f"runcol.{column}": {"zh": zh, "en": en}
        for column, zh, en in (
            ("name", "项目名称", "Project"),
            ("unit", "单位", "Unit"),
            ("leader", "负责人", "Leader"),
            ("card", "红黄牌", "Card"),
            ("problems", "问题数", "Problems"),
            ("problems_closed", "已闭环问题", "Problems closed"),
            ("goals", "目标数", "Goals"),
            ("goals_done", "已达成目标", "Goals reached"),
            ("collected", "收集建议", "Collected"),
            ("adopted", "采纳建议", "Adopted"),
            ("done", "已办结", "Done"),
            ("value_wan", "采纳建议价值(RMB 10k)", "Value of adopted ideas (RMB 10k)"),
            ("party_members", "党员总数", "Party members"),
            ("rank", "名次", "Rank"),
            ("previous_rank", "上年名次", "Rank last year"),
            ("rank_change", "名次变化", "Rank change"),
        )
    }
)
# The glossary's rows for issue 17's metrics (definitions.METRIC_KEYS).
TEXT.update(
    {
        f"metric.{key}.{part}": {"zh": zh, "en": en}
        for key, part, zh, en in (
            ("on_track_rate", "def", "季度进展检查中进度为正常或已完成的比例；滞后或停滞记黄牌，连续两个季度记红牌。",
             "Share of quarterly checks 正常 or 已完成; 滞后/停滞 is a yellow card, two quarters running a red card."),
            ("on_track_rate", "numerator", "进度为正常或已完成的检查次数", "Checks on track (正常 or 已完成)"),
            ("on_track_rate", "denominator", "检查次数", "Checks"),
            ("closure_rate", "def", "书记项目问题清单中，已由完成的整改事项（对应问题＝其序号）解决的比例。",
             "Share of a 书记项目's 问题 items answered by a completed 整改 item (对应问题 = its 序号)."),
            ("closure_rate", "numerator", "已闭环的问题事项数", "问题 items answered"),
            ("closure_rate", "denominator", "问题事项数", "问题 items"),
            ("goal_rate", "def", "书记项目目标清单中截止日期前已完成的比例。", "Share of 目标 items completed by the cut-off."),
            ("goal_rate", "numerator", "已完成的目标事项数", "目标 items completed"),
            ("goal_rate", "denominator", "目标事项数", "目标 items"),
            ("adoption_rate", "def", "收集的建议中已采纳或已办结的比例。", "Share of suggestions adopted or done."),
            ("adoption_rate", "numerator", "已采纳＋已办结的建议数", "Suggestions 已采纳 + 已办结"),
            ("adoption_rate", "denominator", "收集的建议数", "Suggestions collected"),
            ("done_rate", "def", "采纳的建议中已办结的比例。", "Share of adopted suggestions that are done."),
            ("done_rate", "numerator", "已办结的建议数", "Suggestions 已办结"),
            ("done_rate", "denominator", "已采纳＋已办结的建议数", "Suggestions 已采纳 + 已办结"),
            ("points_per_100_members", "def", "单位（含下级）年度积分按积分规则与积分调整计算，再按每百名党员折算。",
             "A unit's points for the year (with every unit below it), by the rule table plus adjustments, "
             "per 100 party members."),
            ("points_per_100_members", "numerator", "积分 × 100", "Points × 100"),
            ("points_per_100_members", "denominator", "党员总数", "Party members"),
        )
    }
)  # fmt: skip
