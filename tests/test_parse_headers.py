"""Header rows: found under titles, folded, matched through synonyms, the sheet kind told by its headers."""

from __future__ import annotations

from analytics.ingest.headers import find_header, fold, split_unit
from analytics.ingest.parse import parse_file
from tests.parse_helpers import PROJECT_HEADER, messages, only, parse_xlsx, xlsx


def test_fold_width_case_spaces_punctuation():
    assert fold("节创价值\n（万元）") == "节创价值万元"
    assert fold(" Project_ID ") == "projectid"
    assert fold("项目　编号") == "项目编号"
    assert split_unit(fold("节创价值(元)")) == ("节创价值", "元")
    assert split_unit(fold("节创价值（万元）")) == ("节创价值", "万元")


def test_title_rows_merged_above_header_are_skipped():
    rows = [[None] * 4, [None] * 4, PROJECT_HEADER, ["P1", "甲", "一分厂", 2023]]
    merges = {"项目": [(0, 0, 0, 3, "XX集团2023年党员创新项目汇总表"), (1, 0, 1, 3, "填报单位：XX公司")]}
    projects = only(parse_file("a.xlsx", xlsx({"项目": rows}, merges)))
    assert projects.header_row == 3
    assert projects.frame[["project_id", "_row"]].values.tolist() == [["P1", 4]]
    assert projects.unknown_headers == []


def test_serial_number_column_is_ignored():
    projects = only(
        parse_xlsx([["序号", *PROJECT_HEADER], [1, "P1", "甲", "一分厂", 2023], [2, "P2", "乙", "二分厂", 2023]])
    )
    assert "序号" not in projects.mapping
    assert projects.unknown_headers == []
    assert projects.frame["project_id"].tolist() == ["P1", "P2"]
    english = only(parse_xlsx([["No.", "Project ID", "Name", "Unit", "Year"], [1, "P1", "a", "u", 2023]]))
    assert english.unknown_headers == []
    assert english.mapping == {"Project ID": "project_id", "Name": "name", "Unit": "unit", "Year": "year"}


def test_synonyms_fullwidth_and_line_breaks():
    header = ["项目 编号", "课题名称", "所属单位", "立项\n时间", "项目状态", "节创价值\n（万元）"]
    projects = only(parse_xlsx([header, ["P1", "甲", "一分厂", "2023-05-01", "实施中", 3]]), "projects")
    assert projects.mapping == {
        "项目 编号": "project_id",
        "课题名称": "name",
        "所属单位": "unit",
        "立项\n时间": "start_date",
        "项目状态": "status",
        "节创价值\n（万元）": "outcome:节创价值",
    }


def test_kind_comes_from_headers_not_sheet_name():
    awards = parse_xlsx(
        [["项目编号", "年度", "奖项名称", "级别", "结果"], ["P1", 2023, "金奖", "集团级", "获奖"]], "Sheet1"
    )
    assert only(awards).kind == "awards"
    misnamed = parse_xlsx([["单位名称", "上级单位", "单位类型"], ["一分厂", "集团", "公司"]], "项目")
    assert only(misnamed).kind == "units"


def test_every_sheet_kind_is_recognised_from_english_headers():
    cases = {
        "units": ["unit", "parent", "kind"],
        "headcount": ["unit", "year", "party_members", "participating_members"],
        "projects": ["project_id", "name", "unit", "year"],
        "outcomes": ["project_id", "outcome_type", "quantity", "value_wan"],
        "awards": ["project_id", "year", "award", "result"],
        "studios": ["studio", "unit", "year", "target_projects", "actual_projects"],
    }
    for kind, header in cases.items():
        match = find_header([["title"], header], "Sheet1")
        assert match is not None and match.kind.name == kind, kind
        assert match.unknown == []


def test_studio_target_and_actual_headers():
    header = ["工作室名称", "单位", "年度", "创新项目数目标", "创新项目数完成", "导师带徒数目标", "导师带徒数完成"]
    studios = only(parse_xlsx([header, ["张工作室", "一分厂", "2023年", 3, 4, 2, "1"]]))
    assert studios.kind == "studios"
    row = studios.frame.iloc[0]
    assert (row["target_projects"], row["actual_projects"], row["target_apprentices"], row["actual_apprentices"]) == (
        3,
        4,
        2,
        1,
    )
    assert row["year"] == 2023


def test_unknown_headers_are_returned_not_dropped():
    projects = only(parse_xlsx([[*PROJECT_HEADER, "联系电话", "自定义列"], ["P1", "甲", "一分厂", 2023, "123", "x"]]))
    assert projects.unknown_headers == ["联系电话", "自定义列"]


def test_manual_mappings_map_and_ignore():
    rows = [["编码X", "项目名称", "单位", "年度", "联系电话"], ["P1", "甲", "一分厂", 2023, "123"]]
    manual = {("projects", "编码X"): "project_id", ("projects", "联系电话"): ""}
    projects = only(parse_xlsx(rows, manual_mappings=manual))
    assert projects.mapping["编码X"] == "project_id"
    assert projects.unknown_headers == []
    assert projects.frame["project_id"].tolist() == ["P1"]


def test_sheet_without_recognisable_header():
    upload = parse_xlsx([["甲", "乙", "丙"], [1, 2, 3]], "数据")
    assert upload.sheets == []
    assert [p.key for p in upload.problems] == ["no_header"]
    assert messages(upload.problems) == [
        "工作表「数据」：前 30 行中找不到可识别的表头（例如 项目编号、项目名称、单位）：请检查表头，或手动指定各列"
    ]
    assert upload.raw["数据"][0] == ["甲", "乙", "丙"]


def test_missing_required_column_is_a_sheet_problem_and_yields_no_rows():
    upload = parse_xlsx([["项目编号", "单位", "年度"], ["P1", "一分厂", 2023]], "项目")
    projects = only(upload)
    assert projects.frame.empty
    assert list(projects.frame.columns)[:3] == ["project_id", "name", "unit"]
    assert messages(upload.problems) == [
        "工作表「项目」「项目名称」列：缺少必填列，本表未读取（项目表需要：项目编号、项目名称、单位）"
    ]
    assert messages(upload.problems, "en") == [
        "sheet 项目, column 项目名称: required column missing, sheet not read "
        "(项目 sheets need: 项目编号, 项目名称, 单位)"
    ]


def test_projects_need_year_or_start_date_column():
    upload = parse_xlsx([["项目编号", "项目名称", "单位"], ["P1", "甲", "一分厂"]], "项目")
    assert [p.key for p in upload.problems] == ["missing_year_columns"]


def test_duplicate_column_is_reported_and_first_kept():
    upload = parse_xlsx([[*PROJECT_HEADER, "所属单位"], ["P1", "甲", "一分厂", 2023, "二分厂"]], "项目")
    assert only(upload).frame["unit"].tolist() == ["一分厂"]
    assert messages(upload.problems) == ["工作表「项目」「所属单位」列：与「单位」列是同一列（unit），本列已忽略"]
