"""The command line never drops a column in silence, never shows a traceback, and parses in the capped process."""

import io
import os
import random
import subprocess
import sys
import time
import zipfile
from unittest import mock

import duckdb
import pytest

from analytics import cli
from analytics.ingest import sandbox
from analytics.store.connection import connect
from tests.conftest import ROOT
from tests.parse_helpers import PROJECT_HEADER, csv_bytes, xlsx
from tests.test_load import snapshot

ROWS = [[*PROJECT_HEADER, "发明专利数", "备注2"], ["P1", "提高合格率", "甲公司", 2024, 2, "见附件"]]


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def shell(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(xlsx({"项目": ROWS}))
    return path


def stored(db):
    con = connect(db)
    try:
        return (
            snapshot(con),
            con.execute("SELECT sheet_kind, header, column_name FROM header_mappings ORDER BY ALL").fetchall(),
        )
    finally:
        con.close()


def test_an_unrecognised_column_refuses_the_import_and_writes_nothing(ledger, tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    code, out, err = run(capsys, "import", ledger, "--db", db)
    assert code == 1
    assert "台账.xlsx：未识别的列「发明专利数」，请手动对应或忽略" in out
    assert "台账.xlsx：未识别的列「备注2」，请手动对应或忽略" in out
    assert err.strip().startswith("有2个未识别的列，未写入任何数据：用 --map")
    tables, mappings = stored(db)
    assert all(rows == [] for rows in tables.values()) and mappings == []


def test_map_and_ignore_decide_and_are_remembered(ledger, tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    code, out, err = run(capsys, "import", ledger, "--db", db, "--map", "发明专利数=发明专利", "--ignore", "备注2")
    assert (code, err) == (0, "")
    assert "未识别" not in out
    tables, mappings = stored(db)
    assert [(row[0], row[2], row[3]) for row in tables["outcomes"]] == [("P1", "发明专利", 2)]
    assert mappings == [("projects", "发明专利数", "outcome:发明专利"), ("projects", "备注2", "")]
    # Remembered: the next file with the same headers needs no decision.
    again = tmp_path / "second.xlsx"
    again.write_bytes(xlsx({"项目": [ROWS[0], ["P2", "降低成本", "甲公司", 2024, 1, ""]]}))
    code, out, _ = run(capsys, "import", again, "--db", db)
    assert code == 0
    assert "项目：新增1条" in out


def test_map_by_canonical_name(tmp_path, capsys):
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx({"项目": [[*PROJECT_HEADER, "课题牵头部门"], ["P1", "项目", "甲公司", 2024, "技术部"]]}))
    db = tmp_path / "a.duckdb"
    code, _, _ = run(capsys, "import", path, "--db", db, "--map", "课题牵头部门=leader")
    assert code == 0
    con = connect(db)
    assert con.execute("SELECT leader FROM projects").fetchall() == [("技术部",)]
    con.close()


def test_ignore_unknown_skips_them_all_without_remembering(ledger, tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    code, _, _ = run(capsys, "import", ledger, "--db", db, "--ignore-unknown")
    assert code == 0
    tables, mappings = stored(db)
    assert len(tables["projects"]) == 1 and tables["outcomes"] == [] and mappings == []


def test_a_map_to_no_such_column_is_refused(ledger, tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    code, _, err = run(capsys, "import", ledger, "--db", db, "--map", "发明专利数=专利总数", "--ignore", "备注2")
    assert code == 1
    assert err.startswith("--map「发明专利数=专利总数」：「专利总数」不是此表可用的列，可选：项目编号、项目名称")
    assert all(rows == [] for rows in stored(db)[0].values())


def test_unknown_headers_are_listed_in_sheet_then_column_order_on_every_run(tmp_path):
    path = tmp_path / "two.xlsx"
    path.write_bytes(
        xlsx(
            {
                "项目": [[*PROJECT_HEADER, "丙列", "甲列", "乙列"], ["P1", "项目", "甲公司", 2024, 1, 2, 3]],
                "成果": [["项目编号", "成果类型", "戊列", "丁列"], ["P1", "论文", 4, 5]],
            }
        )
    )
    expected = [f"two.xlsx：未识别的列「{h}」，请手动对应或忽略" for h in ("丙列", "甲列", "乙列", "戊列", "丁列")]
    for seed in ("1", "2", "3"):
        result = shell("import", path, "--dry-run", "--db", tmp_path / "x.duckdb", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 1
        assert [line for line in result.stdout.splitlines() if "未识别的列" in line] == expected


def test_ten_thousand_unknown_columns_are_one_summary_line(tmp_path, capsys):
    header = [*PROJECT_HEADER, *(f"列{i}" for i in range(40))]
    path = tmp_path / "wide.csv"
    path.write_bytes(csv_bytes([header, ["P1", "项目", "甲公司", 2024, *range(40)]]))
    code, out, _ = run(capsys, "import", path, "--dry-run", "--db", tmp_path / "x.duckdb")
    assert code == 1
    lines = [line for line in out.splitlines() if "未识别的列" in line]
    assert lines == [
        "wide.csv：有40个未识别的列（如 列0、列1、列2、列3、列4 …），请检查表头是否在前 30 行内、是否选对了文件"
    ]


# ---- exit codes, each in a real process ------------------------------------------------------------------------


def test_exit_0_when_loaded(ledger, tmp_path):
    result = shell("import", ledger, "--ignore-unknown", "--db", tmp_path / "a.duckdb")
    assert (result.returncode, result.stderr) == (0, "")
    assert "已载入为批次 #1" in result.stdout


def test_exit_1_when_refused(ledger, tmp_path):
    result = shell("import", ledger, "--db", tmp_path / "a.duckdb")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("what", ["a file that is not a spreadsheet", "a missing file", "a store that is not DuckDB"])
def test_exit_2_when_something_cannot_be_read(tmp_path, what):
    db, path = tmp_path / "a.duckdb", tmp_path / "a.xlsx"
    path.write_bytes(b"%PDF-1.7 not a workbook")
    if what == "a missing file":
        path = tmp_path / "nowhere.xlsx"
    if what == "a store that is not DuckDB":
        db.write_bytes(b"this is not a database" * 1000)
    result = shell("import", path, "--db", db)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    message = result.stderr.strip().splitlines()[-1]
    assert {
        "a file that is not a spreadsheet": message == "文件无法读取，未写入任何数据。",
        "a missing file": message.startswith(f"无法打开文件 {path}："),
        "a store that is not DuckDB": message.startswith(f"无法打开数据库 {db}（"),
    }[what], message


def test_exit_3_on_an_internal_error_with_the_traceback_in_a_log(tmp_path):
    db = tmp_path / "old.duckdb"
    connect(db).close()
    con = duckdb.connect(str(db))
    # A store the code no longer fits, in a column only the figures read (opening it rebuilds the roll-ups, and a
    # store that cannot even be opened is "cannot read", exit 2).
    con.execute("ALTER TABLE headcount DROP COLUMN participating_members")
    con.close()
    logs = tmp_path / "logs"
    result = shell("--lang", "en", "kpis", "--db", db, env={"DASHBOARD_LOG_DIR": str(logs)})
    assert result.returncode == 3
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Internal error; nothing was changed. The details are in ")
    (log,) = logs.iterdir()
    assert str(log) in line
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")


def test_the_command_line_parses_under_the_pages_memory_cap(ledger, tmp_path):
    # 300 MB is less than pandas needs: the child runs out of memory, as a 472 MB-inflating workbook does at 1.5 GB.
    result = shell(
        "import", ledger, "--ignore-unknown", "--db", tmp_path / "a.duckdb", env={"DASHBOARD_PARSE_MEMORY_MB": "300"}
    )
    assert result.returncode == 2
    assert "读取文件所需内存超过 300 MB，已停止：请拆分成较小的文件后上传" in result.stdout
    assert all(rows == [] for rows in stored(tmp_path / "a.duckdb")[0].values())


def inflating_workbook(inflated_mb: int) -> bytes:
    """A projects workbook whose sheet inflates to about inflated_mb MB at an ordinary ratio (not a bomb by ratio):
    the shape of the 14 MB ledger that inflated to 472 MB, at the size just past the limit."""
    source = zipfile.ZipFile(io.BytesIO(xlsx({"项目": [PROJECT_HEADER, ["P1", "提高合格率", "甲公司", 2024]]})))
    rng = random.Random(7)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            body = source.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, body)
                continue
            head, _, tail = body.partition(b"</sheetData>")
            with archive.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                written, first = 0, 3
                while written < inflated_mb * 1024 * 1024:
                    rows = "".join(
                        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>P{i:07d}</t></is></c>'
                        f'<c r="B{i}" t="inlineStr"><is><t>提高装配合格率{rng.randrange(10**6)}</t></is></c>'
                        f'<c r="C{i}" t="inlineStr"><is><t>甲公司</t></is></c><c r="D{i}"><v>2024</v></c></row>'
                        for i in range(first, first + 5000)
                    ).encode()
                    out.write(rows)
                    written, first = written + len(rows), first + 5000
                out.write(b"</sheetData>" + tail)
    return buffer.getvalue()


def test_a_workbook_that_inflates_past_the_limit_is_refused_before_any_parse(ledger, tmp_path, capsys):
    bomb = tmp_path / "大台账.xlsx"
    bomb.write_bytes(inflating_workbook(210))
    declared = sum(info.file_size for info in zipfile.ZipFile(bomb).infolist())
    assert declared > 200 * 1024 * 1024 and declared < 100 * bomb.stat().st_size  # past the size, not the ratio
    db = tmp_path / "a.duckdb"
    assert run(capsys, "import", ledger, "--ignore-unknown", "--db", db)[0] == 0
    before = stored(db)
    # Refused from the zip's declared sizes: no parse process is started, so no second of inflating.
    with mock.patch.object(sandbox, "_spawn", side_effect=AssertionError("a parse process was started")):
        started = time.monotonic()
        code, out, _ = run(capsys, "import", bomb, "--db", db)
        assert time.monotonic() - started < 10
    assert code == 2
    assert (
        f"大台账.xlsx › 文件「大台账.xlsx」：文件解压后有 {declared / 1024 / 1024:.1f} MB，超过可读取的 200.0 MB" in out
    )
    assert stored(db) == before
    code, out, _ = run(capsys, "--lang", "en", "import", bomb, "--db", db)
    assert code == 2
    assert "the file inflates to" in out and "more than the 200.0 MB that can be read" in out
    assert stored(db) == before
