"""The people sheets (人才, 荣誉, 培训) and headcount's 职称人数 through the one upload path: headers in zh and English,
who is one person, bad values refused with sheet/row/column and nothing stored, and undo."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from analytics import cli
from analytics.ingest import upload
from analytics.ingest.error_workbook import error_workbook
from analytics.ingest.parse import parse_file
from analytics.store import batches
from tests.factories import load_records, new_store
from tests.parse_helpers import csv_bytes, xlsx
from tests.test_load import snapshot

TALENT_ZH = ["工号", "姓名", "所属单位", "年度", "梯队", "导师", "职称", "是否党员"]
TALENT_EN = ["employee_id", "person", "unit", "year", "pool", "mentor", "professional_title", "party_member"]
HONOURS_ZH = ["人员", "工号", "单位", "年度", "荣誉称号", "级别"]
HONOURS_EN = ["person", "employee_id", "unit", "year", "title", "level"]
TRAINING_ZH = ["培训项目", "培训类型", "单位", "培训日期", "参训人数", "学时"]
TRAINING_EN = ["session", "training_type", "unit", "date", "attendees", "hours"]


@pytest.fixture
def store(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=[{"unit": "甲公司", "kind": "公司"}, {"unit": "乙公司", "kind": "公司"}])
    yield con
    con.close()


def people_workbook(talent_header, honours_header, training_header) -> bytes:
    return xlsx(
        {
            # A title row above the header, as offices keep them; sheet names say nothing.
            "Sheet1": [
                ["2024年三鹰计划人才库"],
                talent_header,
                ["E01", "王强", "甲公司", 2024, "雏鹰", "张建国", "工程师", "是"],
                [None, "李青", "甲公司", 2024, "后备人才", None, None, "否"],
                ["E02", "李青", "甲公司", 2024, "雄鹰", "张建国", "高级工程师", "是"],
            ],
            "Sheet2": [honours_header, ["张建国", "E09", "乙公司", 2024, "成都工匠", "市级"]],
            "Sheet3": [
                training_header,
                ["班组长轮训一期", "班组长", "甲公司", dt.datetime(2024, 4, 15), 45, 16],
                ["青马工程", "青马工程", "乙公司", "2024年6月1日", "30", "7.5"],
            ],
        }
    )


@pytest.mark.parametrize(
    "headers", [(TALENT_ZH, HONOURS_ZH, TRAINING_ZH), (TALENT_EN, HONOURS_EN, TRAINING_EN)], ids=["zh", "en"]
)
def test_each_people_sheet_loads_in_zh_and_english_headers(store, headers):
    plan = upload.prepare(store, [("people.xlsx", people_workbook(*headers))])
    assert plan.problems == []
    assert {s.sheet: s.kind for s in plan.sheets} == {"Sheet1": "talent", "Sheet2": "honours", "Sheet3": "training"}
    upload.apply(store, plan)
    # One 工号 with a name is one person, a name without 工号 another: the two 李青 are two people.
    assert store.execute("SELECT person_key, person, pool, party_member FROM talent ORDER BY ALL").fetchall() == [
        ("E01", "王强", "雏鹰", "是"),
        ("E02", "李青", "雄鹰", "是"),
        ("李青", "李青", "后备人才", "否"),
    ]
    assert store.execute("SELECT person_key, unit, title, level FROM honours").fetchall() == [
        ("E09", "乙公司", "成都工匠", "市级")
    ]
    assert store.execute("SELECT session, unit, date, attendees, hours FROM training ORDER BY date").fetchall() == [
        ("班组长轮训一期", "甲公司", dt.date(2024, 4, 15), 45, 16.0),
        ("青马工程", "乙公司", dt.date(2024, 6, 1), 30, 7.5),
    ]


def test_headcount_takes_the_optional_titled_staff_column(store):
    data = csv_bytes([["单位", "年度", "职工总数", "职称人数"], ["甲公司", 2024, 612, 398], ["乙公司", 2024, 100, ""]])
    upload.apply(store, upload.prepare(store, [("headcount.csv", data)]))
    assert store.execute("SELECT unit, employees, titled_employees FROM headcount ORDER BY unit").fetchall() == [
        ("乙公司", 100, None),
        ("甲公司", 612, 398),
    ]


def test_a_person_twice_in_one_unit_and_year_is_a_repeated_row(store):
    rows = [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "雏鹰"], ["E01", "王小强", "甲公司", 2024, "雄鹰"]]
    plan = upload.prepare(store, [("t.xlsx", xlsx({"人才": rows}))])
    assert [p.message("zh") for _, p in plan.problems] == [
        "工作表「人才」第3行「所属单位」列：'甲公司 / E01 / 2024' 与第2行重复"
    ]


BAD = {
    "unknown pool": (
        [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "白鹰"]],
        "工作表「人才」第2行「梯队」列：'白鹰' 不是允许的值，可选：后备人才、雏鹰、雄鹰、金鹰",
    ),
    "party member not yes or no": (
        [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "雏鹰", None, None, "预备"]],
        "工作表「人才」第2行「是否党员」列：'预备' 不是允许的值，可选：是、否",
    ),
    "person missing": (
        [TALENT_ZH, ["E01", None, "甲公司", 2024, "雏鹰"]],
        "工作表「人才」第2行「姓名」列：必填，不能为空",
    ),
    "honour level unknown": (
        [HONOURS_ZH, ["张建国", "E09", "乙公司", 2024, "成都工匠", "区级"]],
        "工作表「荣誉」第2行「级别」列：'区级' 不是允许的值，可选：国家级、省部级、行业、市级、集团级、公司级",
    ),
    "training hours not a number": (
        [TRAINING_ZH, ["班组长轮训", "班组长", "甲公司", dt.datetime(2024, 4, 15), 45, "两天"]],
        "工作表「培训」第2行「学时」列：'两天' 不是数字",
    ),
    "training without a date": (
        [TRAINING_ZH, ["班组长轮训", "班组长", "甲公司", None, 45, 8]],
        "工作表「培训」第2行「培训日期」列：必填，不能为空",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_people_values_are_refused_with_sheet_row_and_column(store, case):
    rows, expected = BAD[case]
    sheet = {"人才": TALENT_ZH, "荣誉": HONOURS_ZH, "培训": TRAINING_ZH}
    name = next(n for n, header in sheet.items() if header == rows[0])
    before = snapshot(store)
    plan = upload.prepare(store, [("bad.xlsx", xlsx({name: rows}))])
    assert [p.message("zh") for _, p in plan.problems] == [expected]
    with pytest.raises(upload.UploadRefused):
        upload.apply(store, plan)
    assert snapshot(store) == before


def test_a_people_row_for_a_new_unit_adds_the_unit_as_for_any_sheet(store):
    rows = [TRAINING_ZH, ["技能比武", "技能", "丙研究所", dt.datetime(2024, 9, 1), 20, 4]]
    plan = upload.prepare(store, [("t.xlsx", xlsx({"培训": rows}))])
    assert plan.new_units == ["丙研究所"]


def test_undo_restores_the_people_tables(store):
    first = xlsx({"人才": [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "雏鹰"]]})
    upload.apply(store, upload.prepare(store, [("a.xlsx", first)]))
    before = snapshot(store)
    second = xlsx(
        {
            "人才": [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "雄鹰"]],
            "荣誉": [HONOURS_ZH, ["王强", "E01", "甲公司", 2024, "星级员工", "公司级"]],
        }
    )
    plan = upload.prepare(store, [("b.xlsx", second)])
    assert (len(plan.changes.tables["talent"].updated), len(plan.changes.tables["honours"].added)) == (1, 1)
    batch = upload.apply(store, plan)
    assert store.execute("SELECT pool FROM talent").fetchall() == [("雄鹰",)]
    batches.undo(store, batch)
    assert snapshot(store) == before
    assert store.execute("SELECT pool, reason FROM talent_history").fetchall() == [("雄鹰", "undone")]


def test_command_line_imports_people_sheets(tmp_path, capsys):
    path = tmp_path / "people.xlsx"
    path.write_bytes(people_workbook(TALENT_ZH, HONOURS_ZH, TRAINING_ZH))
    db = str(tmp_path / "cli.duckdb")
    assert cli.main(["import", str(path), "--db", db]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "人才：新增3条" in out and "培训：新增2条" in out


def test_error_workbook_marks_the_bad_people_cell(store):
    rows = [TALENT_ZH, ["E01", "王强", "甲公司", 2024, "雏鹰"], ["E02", "李青", "甲公司", 2024, "白鹰"]]
    parsed = parse_file("t.xlsx", xlsx({"人才": rows}))
    book = openpyxl.load_workbook(io.BytesIO(error_workbook(parsed)))
    summary = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert summary == ["工作表「人才」第3行「梯队」列：'白鹰' 不是允许的值，可选：后备人才、雏鹰、雄鹰、金鹰"]
    sheet = book["人才"]
    assert sheet.cell(3, 5).fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet.cell(2, 5).fill.fgColor.rgb in (None, "00000000")


def test_error_workbook_columns_are_as_wide_as_their_longest_value(store):
    long_unit = "岳川新材料科技有限公司"  # eleven Chinese characters: 22 columns, and 2 of margin
    rows = [TALENT_ZH, ["E01", "王强", long_unit, 2024, "雏鹰"], ["E02", "李青", "甲公司", 2024, "白鹰"]]
    book = openpyxl.load_workbook(io.BytesIO(error_workbook(parse_file("t.xlsx", xlsx({"人才": rows})))))
    widths = {letter: int(dimension.width) for letter, dimension in book["人才"].column_dimensions.items()}
    # 所属单位 (C) fits the long name; 是否党员 (H) its header; the reason column after the last (I) a message.
    assert (widths["C"], widths["H"], widths["I"]) == (24, 10, 60)


def test_an_honours_sheet_without_its_title_column_is_told_so_not_read_as_talent(store):
    # 姓名/单位/年度 fit the 人才 sheet whole and the 荣誉 sheet but for 称号: the sheets' names decide.
    rows = [["姓名", "单位", "年度"], ["郑浩", "甲公司", 2024]]
    parsed = parse_file("t.xlsx", xlsx({"荣誉": rows, "荣誉(2)": rows}))
    assert [sheet.kind for sheet in parsed.sheets] == ["honours", "honours"]
    messages = [problem.message("zh") for problem in parsed.problems] + [
        problem.message("zh") for sheet in parsed.sheets for problem in sheet.problems
    ]
    assert messages == [
        f"工作表「{name}」「称号」列：缺少必填列，本表未读取（荣誉表需要：姓名、单位、年度、称号）"
        for name in ("荣誉", "荣誉(2)")
    ]
