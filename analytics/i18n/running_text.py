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
