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
