"""The parse subprocess gives parse_file's answer, or a clear problem when too slow; the error workbook."""

from __future__ import annotations

import io

import openpyxl

from analytics.ingest.error_workbook import error_workbook
from analytics.ingest.parse import parse_file
from analytics.ingest.sandbox import parse_in_subprocess
from tests.parse_helpers import PROJECT_HEADER, csv_bytes, xlsx

ROWS = [["2023年项目"], PROJECT_HEADER, ["P1", "甲", "一分厂", 2023], ["P1", "=HYPERLINK(1)", "一分厂", "明年"]]


def test_subprocess_matches_in_process():
    data = xlsx({"项目": ROWS})
    direct, isolated = parse_file("a.xlsx", data), parse_in_subprocess("a.xlsx", data, timeout_s=60)
    assert isolated.problems == direct.problems
    assert isolated.raw == direct.raw
    assert isolated.content_hash == direct.content_hash
    assert len(isolated.sheets) == len(direct.sheets) == 1
    for mine, theirs in zip(isolated.sheets, direct.sheets, strict=True):
        assert (mine.kind, mine.header_row, mine.mapping, mine.problems) == (
            theirs.kind,
            theirs.header_row,
            theirs.mapping,
            theirs.problems,
        )
        assert mine.frame.equals(theirs.frame)


def test_subprocess_timeout_is_a_file_problem():
    rows = [PROJECT_HEADER] + [[f"P{i}", "项目", "一分厂", "2023"] for i in range(60_000)]
    upload = parse_in_subprocess("big.csv", csv_bytes(rows), timeout_s=0.2)
    assert upload.sheets == []
    assert [p.key for p in upload.problems] == ["parse_timeout"]
    assert upload.problems[0].message("en") == (
        "file big.csv: reading the file took longer than 0.2 s and was stopped: split it into smaller files"
    )


def test_error_workbook_marks_bad_cells_and_keeps_rows_in_place():
    upload = parse_file("a.xlsx", xlsx({"项目": ROWS}))
    book = openpyxl.load_workbook(io.BytesIO(error_workbook(upload, "zh")))
    assert book.sheetnames == ["问题汇总", "项目"]
    sheet = book["项目"]
    assert [c.value for c in sheet[2]] == [*PROJECT_HEADER, "错误原因"]
    assert [c.value for c in sheet[4]] == [
        "P1",
        "=HYPERLINK(1)",
        "一分厂",
        "明年",
        "「项目编号」列：'P1' 与第3行重复；「年度」列：'明年' 不是年份（可写作 2023 或 2023年）",
    ]
    assert sheet["B4"].data_type == "s"  # written as text, never as a live formula
    assert sheet["A4"].fill.fgColor.rgb == "FFFFC7CE"
    assert sheet["D4"].fill.fgColor.rgb == "FFFFC7CE"
    assert sheet["C4"].fill.fill_type is None
    assert [c.value for c in book["问题汇总"]["A"]] == [
        "工作表「项目」第4行「项目编号」列：'P1' 与第3行重复",
        "工作表「项目」第4行「年度」列：'明年' 不是年份（可写作 2023 或 2023年）",
    ]
    english = openpyxl.load_workbook(io.BytesIO(error_workbook(upload, "en")))
    assert english.sheetnames == ["Summary", "项目"]
    assert english["项目"]["E2"].value == "Problems"
