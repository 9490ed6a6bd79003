"""The fast .xlsx read (fastexcel) gives exactly the calamine read's ParsedUpload, or steps aside for calamine."""

from __future__ import annotations

import datetime as dt
import io
import pickle

import openpyxl
import pandas as pd
import pytest

from analytics.ingest import parse
from analytics.ingest.error_workbook import error_workbook
from analytics.ingest.fast_xlsx import LazyRows, read_fast
from analytics.ingest.headers import find_header
from analytics.ingest.read import DEFAULT_LIMITS
from tests.parse_helpers import xlsx

HEADER = ["序号", "项目编号", "项目名称", "单位", "年度", "立项日期", "状态", "参与人数", "节创价值（元）"]


def _rows(n: int = 12) -> list[list]:
    rows = [["2024年度项目汇总表"], HEADER]
    for i in range(n):
        rows.append(
            [i + 1, f"{i:05d}", f"项目{i}", f"第{i % 3}分厂", 2023, dt.date(2023, 1 + i % 12, 1), "已结题", 5, 1500.0]
        )
    return rows


def _header_row(rows: list[list], sheet: str):
    return find_header(rows, sheet)


def _both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[parse.ParsedUpload, parse.ParsedUpload, bool]:
    fast_used = read_fast(data, DEFAULT_LIMITS, _header_row) is not None
    fast = parse.parse_file("a.xlsx", data)
    with monkeypatch.context() as patch:
        patch.setattr(parse, "read_fast", lambda *args: None)
        slow = parse.parse_file("a.xlsx", data)
    assert fast.problems == slow.problems
    assert fast.raw == slow.raw
    assert pickle.loads(pickle.dumps(fast)).raw == slow.raw
    assert len(fast.sheets) == len(slow.sheets)
    for mine, theirs in zip(fast.sheets, slow.sheets, strict=True):
        assert (mine.sheet, mine.kind, mine.header_row, mine.mapping, mine.unknown_headers, mine.rows_read) == (
            theirs.sheet,
            theirs.kind,
            theirs.header_row,
            theirs.mapping,
            theirs.unknown_headers,
            theirs.rows_read,
        )
        assert mine.problems == theirs.problems
        pd.testing.assert_frame_equal(mine.frame, theirs.frame)
    return fast, slow, fast_used


def test_title_row_dates_numbers_and_text_codes(monkeypatch):
    fast, _, used = _both(xlsx({"项目": _rows()}), monkeypatch)
    assert used
    assert isinstance(fast.raw["项目"], LazyRows)
    assert fast.raw["项目"][0][0] == "2024年度项目汇总表"
    projects = fast.sheets[0].frame
    assert projects["project_id"].tolist()[:2] == ["00000", "00001"]
    assert projects["start_date"].tolist()[0] == dt.date(2023, 1, 1)


def test_empty_rows_total_row_and_bad_cells_keep_excel_row_numbers(monkeypatch):
    rows = _rows(4)
    rows[3] = [None] * len(HEADER)  # an empty row inside the body
    rows[4][6] = "不存在的状态"
    rows[5][2] = None  # a required name missing
    rows[2][2] = " 项目0 "  # trimmed
    rows[2][3] = "  "  # blank text in a required column
    rows.append([None, "合计", None, None, None, None, None, 20, 6000.0])
    rows.append([6, "00123", "NA", "None", 2024, None, None, None, None])
    # Without the 序号 column: a 合计 word among the strings sends sheets that have one to calamine up front.
    rows = [rows[0], *(row[1:] for row in rows[1:])]
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used
    assert [p.row for p in fast.sheets[0].problems] == [3, 5, 6]
    book = openpyxl.load_workbook(io.BytesIO(error_workbook(fast)))
    assert book.sheetnames


def test_duplicate_keys_and_several_sheets(monkeypatch):
    rows = _rows(3)
    rows.append(rows[-1][:])
    outcomes = [["项目编号", "成果类型", "节创价值（万元）"], ["00001", "节创价值", 3.5], ["00002", "发明专利", None]]
    data = xlsx({"项目": rows, "成果": outcomes, "Sheet3": []})
    fast, _, used = _both(data, monkeypatch)
    assert used
    assert any(p.key == "duplicate_key" for p in fast.sheets[0].problems)


def test_columns_of_distinct_codes_names_and_numbers(monkeypatch):
    # Past coerce.SAMPLE × 4 rows, columns whose values hardly repeat are read one value per cell: blanks, a
    # repeated code, a gap in 序号 and a padded name must come out as the calamine read gives them.
    rows = _rows(9000)
    rows[10][1] = None  # a required code missing
    rows[20][1] = rows[30][1]  # the same code twice
    rows[40][2] = "  项目38  "
    rows[50][0] = None  # a gap in 序号
    rows[60][7] = 3.5  # not a whole number of participants
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used
    assert [(p.row, p.key) for p in fast.sheets[0].problems] == [
        (11, "required_empty"),
        (31, "duplicate_key"),
        (61, "not_integer"),
    ]
    frame = fast.sheets[0].frame
    assert len(frame) == 8997
    assert frame.loc[frame["_row"] == 41, "name"].item() == "项目38"


def test_column_with_a_header_and_no_values(monkeypatch):
    rows = _rows(3)
    rows[1] = [*HEADER, "备注"]
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used
    # Read without failing; an unknown column holding nothing is not put to the analyst (issue 10: nothing to lose).
    assert fast.sheets[0].unknown_headers == []
    rows[2] = [*rows[2], "一条备注"]
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used
    assert fast.sheets[0].unknown_headers == ["备注"]


def test_body_starting_below_and_right_of_a1(monkeypatch):
    rows = [[None] * 3, [None, None, "标题"], [None, *HEADER], *[[None, *row] for row in _rows(3)[2:]]]
    _, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used


def test_unlabelled_columns_before_between_and_after_the_labels(monkeypatch):
    # Unlabelled columns: one holding notes left of the table, an empty gap, and notes right of it.
    header = [None, *HEADER[:4], None, *HEADER[4:], None]
    rows = [["2024年度项目汇总表"], header]
    for i, row in enumerate(_rows(3)[2:]):
        rows.append([f"备注{i}", *row[:4], None, *row[4:], "右侧备注"])
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert used
    assert fast.raw["项目"][2][0] == "备注0"
    assert fast.raw["项目"][2][-1] == "右侧备注"
    assert fast.sheets[0].frame["project_id"].tolist() == ["00000", "00001", "00002"]


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: rows[3].__setitem__(8, "12万"),  # numbers as text beside numbers: a mixed column
        lambda rows: rows[3].__setitem__(5, "2023-05-01"),  # a date typed as text beside real dates
        lambda rows: rows[3].__setitem__(5, dt.datetime(2023, 5, 1, 9, 30)),  # a time of day
        lambda rows: rows[3].__setitem__(5, dt.date(1900, 3, 1)),  # before 1901, where serials are ambiguous
        lambda rows: rows[0].append(2024),  # a number above the header
    ],
)
def test_what_the_fast_read_leaves_to_calamine(change, monkeypatch):
    rows = _rows(3)
    change(rows)
    _, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert not used


def test_total_in_the_serial_number_column_falls_back(monkeypatch):
    rows = _rows(3)
    rows.append(["合计", None, None, None, None, None, None, 15, 4500.0])  # text among the numbers of 序号
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert not used
    assert fast.sheets[0].rows_read == 3


def test_mixed_column_falls_back_after_loading(monkeypatch):
    rows = _rows(3)
    rows.append(["-", "00009", "项目9", "第1分厂", 2023, None, "已结题", 5, 1500.0])  # "-" among 序号 numbers
    fast, _, used = _both(xlsx({"项目": rows}), monkeypatch)
    assert not used
    assert fast.sheets[0].rows_read == 4


def test_merged_cells_fall_back(monkeypatch):
    rows = _rows(3)
    for row in rows[2:]:
        row[3] = None
    fast, _, used = _both(xlsx({"项目": rows}, merges={"项目": [(2, 3, 4, 3, "第一分厂")]}), monkeypatch)
    assert not used
    assert fast.sheets[0].frame["unit"].tolist() == ["第一分厂"] * 3


def test_formula_without_cached_value_falls_back_to_the_same_report(monkeypatch):
    book = openpyxl.Workbook()  # openpyxl saves formulas without their values
    sheet = book.active
    for row in _rows(2):
        sheet.append(row)
    sheet["H3"] = "=2+3"
    buffer = io.BytesIO()
    book.save(buffer)
    fast, _, _ = _both(buffer.getvalue(), monkeypatch)
    assert [p.key for p in fast.sheets[0].problems] == ["formula_no_value"]


def test_formula_with_cached_value(monkeypatch):
    rows = _rows(2)
    data = xlsx({"项目": rows})
    _, _, used = _both(data, monkeypatch)
    assert used


def test_no_header_falls_back(monkeypatch):
    fast, _, used = _both(xlsx({"数据": [["甲", "乙"], [1, 2]]}), monkeypatch)
    assert not used
    assert [p.key for p in fast.problems] == ["no_header"]
