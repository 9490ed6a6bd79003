"""Cell coercion and row rules: money, dates, years, text kept as text, choices, totals, duplicates."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from analytics.ingest.parse import parse_file
from tests.parse_helpers import PROJECT_HEADER, csv_bytes, messages, only, parse_xlsx, xlsx


def test_money_in_yuan_converted_and_wan_kept():
    header = [*PROJECT_HEADER, "节创价值（元）"]
    upload = parse_xlsx([header, ["P1", "甲", "一分厂", 2023, 125000], ["P2", "乙", "一分厂", 2023, "12万"]])
    outcomes = only(upload, "outcomes")
    assert outcomes.frame["value_wan"].tolist() == [12.5, 12.0]
    wan = parse_xlsx([[*PROJECT_HEADER, "节创价值(万元)"], ["P1", "甲", "一分厂", 2023, 12.5]])
    assert only(wan, "outcomes").frame["value_wan"].tolist() == [12.5]
    no_unit = parse_xlsx([[*PROJECT_HEADER, "创效金额"], ["P1", "甲", "一分厂", 2023, "1,234.5"]])
    assert only(no_unit, "outcomes").frame["value_wan"].tolist() == [1234.5]


def test_outcomes_sheet_money_text_forms():
    header = ["项目编号", "成果类型", "节创价值（元）"]
    rows = [
        ["P1", "节创价值", "1,234.5"],
        ["P2", "节创价值", "12万"],
        ["P3", "节创价值", "30000元"],
        ["P4", "节创价值", 5000],
    ]
    outcomes = only(parse_xlsx([header, *rows]))
    assert outcomes.kind == "outcomes"
    assert outcomes.frame["value_wan"].tolist() == [0.12345, 12.0, 3.0, 0.5]
    assert outcomes.frame["quantity"].tolist() == [1, 1, 1, 1]
    assert outcomes.frame["source"].tolist() == ["outcomes"] * 4
    assert outcomes.frame["value_wan"].dtype == "float64"


def test_negative_and_non_numeric_amounts():
    header = [*PROJECT_HEADER, "节创价值(万元)", "参与人数"]
    upload = parse_xlsx([header, ["P1", "甲", "一分厂", 2023, "abc", 3], ["P2", "乙", "一分厂", 2023, -5, "2.5"]])
    projects = only(upload, "projects")
    assert projects.frame.empty
    assert messages(projects.problems) == [
        "工作表「Sheet1」第2行「节创价值(万元)」列：'abc' 不是数字",
        "工作表「Sheet1」第3行「节创价值(万元)」列：'-5' 是负数，应不小于 0",
        "工作表「Sheet1」第3行「参与人数」列：'2.5' 不是整数",
    ]
    assert messages(projects.problems, "en") == [
        "sheet Sheet1, row 2, column 节创价值(万元): 'abc' is not a number",
        "sheet Sheet1, row 3, column 节创价值(万元): '-5' is negative; it must be 0 or more",
        "sheet Sheet1, row 3, column 参与人数: '2.5' is not a whole number",
    ]
    problem = projects.problems[0]
    assert (problem.sheet, problem.row, problem.column, problem.value, problem.key) == (
        "Sheet1",
        2,
        "节创价值(万元)",
        "abc",
        "not_number",
    )


def test_every_date_form():
    cells = [dt.date(2023, 5, 1), 45047, "2023-05-01", "2023/5/1", "2023年5月1日", "2023.5", "2023年5月", "20230501"]
    rows = [["项目编号", "项目名称", "单位", "立项日期"]] + [[f"P{i}", "x", "u", c] for i, c in enumerate(cells)]
    projects = only(parse_xlsx(rows))
    assert projects.problems == []
    assert projects.frame["start_date"].tolist() == [dt.date(2023, 5, 1)] * len(cells)
    assert projects.frame["year"].tolist() == [2023] * len(cells)  # year filled from the start date


def test_a_column_of_real_dates_and_blanks():
    rows = [["项目编号", "项目名称", "单位", "立项日期", "结题日期"]]
    rows += [["P1", "x", "u", dt.date(2023, 5, 1), None], ["P2", "y", "u", dt.date(1999, 12, 31), dt.date(2024, 2, 29)]]
    projects = only(parse_xlsx(rows))
    assert projects.problems == []
    assert projects.frame["start_date"].tolist() == [dt.date(2023, 5, 1), dt.date(1999, 12, 31)]
    assert projects.frame["end_date"].tolist() == [None, dt.date(2024, 2, 29)]
    assert projects.frame["year"].tolist() == [2023, 1999]


def test_year_forms_and_unparseable_year_or_date():
    rows = [
        ["项目编号", "项目名称", "单位", "年度", "结题日期"],
        ["P1", "x", "u", "2023", None],
        ["P2", "x", "u", "2024年", None],
        ["P3", "x", "u", dt.date(2022, 7, 1), None],
        ["P4", "x", "u", "明年", None],
        ["P5", "x", "u", 2023, "2023-13-01"],
    ]
    projects = only(parse_xlsx(rows))
    assert projects.frame["year"].tolist() == [2023, 2024, 2022]
    assert str(projects.frame["year"].dtype) == "Int64"
    assert messages(projects.problems) == [
        "工作表「Sheet1」第5行「年度」列：'明年' 不是年份（可写作 2023 或 2023年）",
        "工作表「Sheet1」第6行「结题日期」列："
        "'2023-13-01' 不是可识别的日期（可写作 2023-05-01、2023/5/1、2023年5月1日 或 2023.5）",
    ]


def test_digits_typed_as_text_in_a_year_cell_are_the_number_they_spell():
    # Found by the generative ledger tests: '20233' (a typo for 2023) was read as the Excel serial of 1955-05-23
    # and loaded as the year 1955, where the number 20233 is refused. A CSV holds every cell as text.
    rows = [PROJECT_HEADER, ["P1", "x", "u", "20233"], ["P2", "x", "u", 20233], ["P3", "x", "u", " 2023 "]]
    projects = only(parse_file("a.csv", csv_bytes(rows)))
    assert projects.frame["year"].tolist() == [2023]
    assert messages(projects.problems) == [
        "工作表「a.csv」第2行「年度」列：'20233' 不是年份（可写作 2023 或 2023年）",
        "工作表「a.csv」第3行「年度」列：'20233' 不是年份（可写作 2023 或 2023年）",
    ]


def test_a_timestamp_with_milliseconds_reads_as_its_day():
    # Found by the generative ledger tests: a date or year cell holding 10:42:00.5 crashed the parse with a
    # pandas TypeError (a traceback for the analyst) instead of reading the day.
    rows = [
        [*PROJECT_HEADER, "立项日期"],
        ["P1", "x", "u", dt.datetime(2024, 1, 31, 1, 42, 0, 500), dt.datetime(2023, 5, 1, 10, 42, 0, 500000)],
    ]
    projects = only(parse_xlsx(rows))
    assert projects.problems == []
    assert projects.frame[["year", "start_date"]].values.tolist() == [[2024, dt.date(2023, 5, 1)]]


def test_project_needs_year_or_start_date():
    rows = [["项目编号", "项目名称", "单位", "年度", "立项日期"], ["P1", "x", "u", None, None]]
    projects = only(parse_xlsx(rows))
    assert messages(projects.problems, "en") == [
        "sheet Sheet1, row 2, column 年度: fill in 年度 (year) or 立项日期 (start date)"
    ]


def test_text_that_pandas_would_mangle_stays_text():
    rows = [PROJECT_HEADER, ["00123", "NA", "None", 2023], ["007", "null", "NA", 2023]]
    projects = only(parse_xlsx(rows))
    assert projects.frame[["project_id", "name", "unit"]].values.tolist() == [
        ["00123", "NA", "None"],
        ["007", "null", "NA"],
    ]
    from_csv = only(parse_file("a.csv", csv_bytes(rows)))
    assert from_csv.frame[["project_id", "name", "unit"]].values.tolist() == [
        ["00123", "NA", "None"],
        ["007", "null", "NA"],
    ]


def test_merged_unit_cell_applies_to_each_row():
    rows = [PROJECT_HEADER, ["P1", "甲", None, 2023], ["P2", "乙", None, 2023], ["P3", "丙", None, 2023], [None] * 4]
    data = xlsx({"项目": rows}, {"项目": [(1, 2, 4, 2, "第一分厂")]})
    projects = only(parse_file("a.xlsx", data))
    assert projects.frame["unit"].tolist() == ["第一分厂"] * 3
    assert projects.rows_read == 3  # the merge running into an empty row does not make it a record


def test_unit_names_trimmed_and_width_folded():
    rows = [PROJECT_HEADER, ["P1", " 甲 ", " 第一分厂 ", 2023], ["Ｐ２", "乙", "ＡＢ分厂", 2023]]
    projects = only(parse_xlsx(rows))
    assert projects.frame[["project_id", "name", "unit"]].values.tolist() == [
        ["P1", "甲", "第一分厂"],
        ["P2", "乙", "AB分厂"],
    ]


def test_total_and_blank_rows_are_not_counted():
    header = ["序号", *PROJECT_HEADER, "节创价值(万元)"]
    rows = [
        header,
        [1, "P1", "甲", "一分厂", 2023, 10],
        [None] * 6,
        [2, "P2", "乙", "二分厂", 2023, 5],
        ["合计", None, None, None, None, 15],
        [None, "小 计", None, None, None, 15],
        ["Total", None, None, None, None, 15],
    ]
    upload = parse_xlsx(rows)
    projects = only(upload, "projects")
    assert projects.rows_read == 2
    assert projects.problems == []
    assert projects.frame["project_id"].tolist() == ["P1", "P2"]
    assert only(upload, "outcomes").frame["value_wan"].sum() == 15


def test_duplicate_project_id_reported_on_second_row():
    rows = [PROJECT_HEADER, ["P1", "甲", "一分厂", 2023], ["P2", "乙", "一分厂", 2023], ["P1", "丙", "二分厂", 2024]]
    projects = only(parse_xlsx(rows, "项目"))
    assert projects.frame["project_id"].tolist() == ["P1", "P2"]
    assert messages(projects.problems) == ["工作表「项目」第4行「项目编号」列：'P1' 与第2行重复"]
    assert messages(projects.problems, "en") == ["sheet 项目, row 4, column 项目编号: 'P1' duplicates row 2"]


def test_unknown_choice_lists_allowed_values():
    header = [*PROJECT_HEADER, "活动类型", "项目类别", "状态"]
    rows = [
        header,
        ["P1", "甲", "u", 2023, "ＱＣ 课题", " 党建 ", "已结题"],
        ["P2", "乙", "u", 2023, "双创", "科研", "完成"],
    ]
    projects = only(parse_xlsx(rows))
    assert projects.frame[["program", "category", "status"]].values.tolist() == [["QC课题", "党建", "已结题"]]
    assert messages(projects.problems) == [
        "工作表「Sheet1」第3行「项目类别」列：'科研' 不是允许的值，可选：科研生产、安全质量、精益管理、党建、其他",
        "工作表「Sheet1」第3行「状态」列：'完成' 不是允许的值，可选：立项、实施中、已结题、已终止",
    ]
    assert projects.problems[1].message("en") == (
        "sheet Sheet1, row 3, column 状态: '完成' is not an allowed value; choose one of: 立项, 实施中, 已结题, 已终止"
    )


def test_required_cell_empty():
    projects = only(parse_xlsx([PROJECT_HEADER, ["P1", None, "一分厂", 2023]]))
    assert messages(projects.problems) == ["工作表「Sheet1」第2行「项目名称」列：必填，不能为空"]


def test_per_project_outcome_columns_become_outcome_rows():
    header = [*PROJECT_HEADER, "节创价值(万元)", "发明专利", "实用新型专利", "论文", "software_copyrights"]
    rows = [
        header,
        ["P1", "甲", "一分厂", 2023, 12.5, 2, 0, None, 1],
        ["P2", "乙", "一分厂", 2023, None, None, 1, 0, 0],
    ]
    upload = parse_xlsx(rows)
    outcomes = only(upload, "outcomes")
    assert outcomes.sheet == "Sheet1"
    frame = outcomes.frame
    assert frame[["project_id", "outcome_type", "quantity", "_row"]].values.tolist() == [
        ["P1", "节创价值", 1, 2],
        ["P1", "发明专利", 2, 2],
        ["P1", "软件著作权", 1, 2],
        ["P2", "实用新型专利", 1, 3],
    ]
    assert frame["value_wan"].tolist()[0] == 12.5
    assert all(math.isnan(v) for v in frame["value_wan"].tolist()[1:])
    assert frame["year"].isna().all()
    assert frame["note"].tolist() == [""] * 4
    assert frame["source"].tolist() == ["projects"] * 4
    assert only(upload, "projects").frame.columns.tolist()[-1] == "_row"


def test_outcome_row_needs_project_or_unit_and_quantity_defaults():
    header = ["项目编号", "单位", "成果类型", "数量", "日期", "说明"]
    rows = [
        header,
        ["P1", None, "发明专利", None, "2023-05-01", "一种刀具"],
        [None, "一分厂", "论文", 3, None, None],
        [None, None, "论文", 1, None, None],
        ["P1", None, "专著", 1, None, None],
    ]
    outcomes = only(parse_xlsx(rows))
    assert outcomes.frame[["project_id", "unit", "outcome_type", "quantity", "year"]].astype(object).where(
        outcomes.frame[["project_id", "unit", "outcome_type", "quantity", "year"]].notna(), None
    ).values.tolist() == [["P1", None, "发明专利", 1, 2023], [None, "一分厂", "论文", 3, None]]
    assert [p.key for p in outcomes.problems] == ["outcome_owner_missing", "not_choice"]
    assert outcomes.problems[0].message() == "工作表「Sheet1」第4行「项目编号」列：「项目编号」和「单位」至少填一个"


def test_frame_dtypes_and_all_canonical_columns():
    projects = only(parse_xlsx([PROJECT_HEADER, ["P1", "甲", "一分厂", 2023]]))
    frame = projects.frame
    assert frame.columns.tolist() == [
        "project_id",
        "name",
        "unit",
        "branch",
        "program",
        "category",
        "leader",
        "year",
        "start_date",
        "end_date",
        "status",
        "party_participants",
        "participants",
        "_row",
    ]
    assert frame["branch"].tolist() == [None]
    assert frame["project_id"].dtype == object
    assert str(frame["participants"].dtype) == "Int64"
    assert pd.isna(frame["participants"][0])


def test_headcount_and_units_sheets():
    upload = parse_file(
        "a.xlsx",
        xlsx(
            {
                "单位": [["单位名称", "上级单位", "单位类型"], ["集团", None, "集团"], ["一分厂", "集团", "工厂"]],
                "人数": [
                    ["单位", "年度", "党员总数", "参与党员数"],
                    ["一分厂", "2023年", "120", 100],
                    ["一分厂", 2023, 1, 1],
                ],
            }
        ),
    )
    units = only(upload, "units")
    assert units.frame["unit"].tolist() == ["集团"]
    assert units.problems[0].message() == (
        "工作表「单位」第3行「单位类型」列：'工厂' 不是允许的值，可选：集团、公司、研究所、党委、党总支、党支部、其他"
    )
    headcount = only(upload, "headcount")
    assert headcount.frame[["unit", "year", "party_members", "participating_members"]].values.tolist() == [
        ["一分厂", 2023, 120, 100]
    ]
    assert messages(headcount.problems) == ["工作表「人数」第3行「单位」列：'一分厂 / 2023' 与第2行重复"]
