"""The parse subprocess gives parse_file's answer, or a clear problem when too slow; the error workbook."""

from __future__ import annotations

import io
import signal

import openpyxl

from analytics.ingest import sandbox
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


def _waiting_worker():
    cap, process = sandbox._spare  # the spare is internal: its process is what these tests watch
    return cap, process


def test_spare_worker_answers_the_next_upload_and_is_replaced():
    data = xlsx({"项目": ROWS})
    sandbox.warm()
    _, spare = _waiting_worker()
    upload = parse_in_subprocess("a.xlsx", data, timeout_s=60)
    assert upload.problems == parse_file("a.xlsx", data).problems
    assert spare.wait(timeout=10) == 0  # it answered and finished: one parse per process
    cap, replacement = _waiting_worker()
    assert (cap, replacement.poll()) == (sandbox.DEFAULT_MEMORY_MB, None)
    assert replacement.pid != spare.pid


def test_spare_with_another_memory_cap_or_dead_is_not_used():
    data = xlsx({"项目": ROWS})
    sandbox.warm(1024)
    _, other_cap = _waiting_worker()
    assert parse_in_subprocess("a.xlsx", data, timeout_s=60).problems == parse_file("a.xlsx", data).problems
    assert other_cap.wait(timeout=10) == -signal.SIGKILL  # discarded, not asked
    _, spare = _waiting_worker()
    spare.kill()
    spare.wait()
    assert parse_in_subprocess("a.xlsx", data, timeout_s=60).problems == parse_file("a.xlsx", data).problems


def test_spare_exits_quietly_when_nobody_asks():
    sandbox.warm()
    _, spare = _waiting_worker()
    sandbox._discard_spare()
    assert spare.wait(timeout=10) == -signal.SIGKILL
    assert sandbox._spare is None
    lone = sandbox._spawn(sandbox.DEFAULT_MEMORY_MB)
    lone.stdin.close()  # the server went away before asking
    assert lone.wait(timeout=30) == 0
    assert lone.stdout.read() == b""


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
