"""The command line as a scheduler or an analyst uses it: import, dry run, batches, undo, kpis, studios."""

import json
import subprocess
import sys

import pytest

from analytics import cli
from analytics.store.connection import connect
from tests.conftest import DEMO, ROOT
from tests.parse_helpers import PROJECT_HEADER, xlsx
from tests.test_load import snapshot


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_then_batches_then_undo(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    code, out, _ = run(capsys, "import", DEMO, "--db", db)
    assert code == 0
    assert "项目：新增514条，更新0条，未变0条" in out
    assert "已载入为批次 #1：新增4406条，更新0条。" in out

    code, out, err = run(capsys, "import", DEMO, "--db", db)
    assert code == 1
    assert "已在批次 #1 中载入过" in out
    assert "--again" in err

    code, out, _ = run(capsys, "batches", "--db", db, "--json")
    listed = json.loads(out)
    assert [(b["id"], b["file"], b["rows_added"], b["rows_updated"]) for b in listed] == [(1, "demo.xlsx", 4406, 0)]
    assert listed[0]["at"]

    code, out, _ = run(capsys, "undo", "1", "--db", db)
    assert (code, out.strip()) == (0, "已撤销批次 #1，数据已恢复到该批次之前。")
    code, out, _ = run(capsys, "kpis", "--db", db, "--json")
    assert json.loads(out)["projects"] == 0


def test_dry_run_writes_nothing(tmp_path, capsys):
    db = tmp_path / "dry.duckdb"
    code, out, _ = run(capsys, "import", DEMO, "--db", db, "--dry-run")
    assert code == 0
    assert "项目：新增514条" in out
    con = connect(db)
    assert all(rows == [] for rows in snapshot(con).values())
    assert con.execute("SELECT count(*) FROM batches").fetchone() == (0,)
    con.close()


def test_unreadable_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"this is not a workbook at all")
    code, out, err = run(capsys, "import", bad, "--db", tmp_path / "x.duckdb")
    assert code == 2
    assert "notes.xlsx" in out
    assert "文件无法读取，未写入任何数据。" in err


def test_kpis_json_keys_and_unknown_unit(demo_db, capsys):
    code, out, _ = run(capsys, "kpis", "--db", demo_db, "--year", "2024", "--json")
    assert code == 0
    assert list(json.loads(out)) == [
        "projects", "by_category", "by_program", "participation_rate", "branch_coverage", "savings_wan",
        "patents", "software_copyrights", "awards", "completion_rate",
    ]  # fmt: skip
    code, _, err = run(capsys, "kpis", "--db", demo_db, "--unit", "岳川工具")
    assert code == 1
    assert err.startswith("找不到单位「岳川工具」。相近的单位：岳川工具研究所")


def test_kpis_readable_summary_in_english(demo_db, capsys):
    code, out, _ = run(capsys, "--lang", "en", "kpis", "--db", demo_db, "--year", "2025")
    assert code == 0
    assert out.startswith("2025 Whole group: 114 projects")


def test_studios_json(demo_db, capsys):
    code, out, _ = run(capsys, "studios", "--db", demo_db, "--year", "2025", "--json")
    assert code == 0
    verdicts = {row["studio"]: (row["met"], row["verdict"]) for row in json.loads(out)}
    assert verdicts["赵志强劳模创新工作室"] == (False, "delisted")
    assert verdicts["陈立新职工创新工作室"] == (False, "warning")
    assert sum(verdict == (True, "ok") for verdict in verdicts.values()) == 4


@pytest.mark.parametrize("command", [["import", str(DEMO)], ["kpis"]])
def test_database_held_by_another_process_is_reported_plainly(demo_db, command):
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(demo_db)!r}); print('ok', flush=True);"
         " sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        result = subprocess.run(
            [sys.executable, "-m", "analytics", *command, "--db", str(demo_db)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        holder.communicate("", timeout=10)
    assert result.returncode == 1
    assert "正被另一个进程" in result.stderr and "未做任何改动" in result.stderr


def test_kpis_for_a_range_of_years(demo_db, capsys):
    code, out, _ = run(capsys, "kpis", "--db", demo_db, "--year", "2024-2025", "--json")
    assert code == 0
    assert json.loads(out)["projects"] == 108 + 114  # the demo's 2024 and 2025 projects
    code, out, _ = run(capsys, "kpis", "--db", demo_db, "--year", "2024-2025")
    assert out.startswith("2024—2025年 全集团：项目222项")
    with pytest.raises(SystemExit):
        cli.main(["kpis", "--db", str(demo_db), "--year", "2025-2024"])


def test_import_of_a_sheet_with_an_empty_column_prints_only_the_report(tmp_path):
    # A 备注 column nobody filled in is common; the reader's own notice about it is not the analyst's business.
    rows = [[*PROJECT_HEADER, "备注"], *([f"P{i}", "甲", "一分厂", 2023, None] for i in range(3))]
    sheet = tmp_path / "台账.xlsx"
    sheet.write_bytes(xlsx({"项目": rows}))
    result = subprocess.run(
        [sys.executable, "-m", "analytics", "import", str(sheet), "--dry-run", "--db", str(tmp_path / "x.duckdb")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0
    assert "项目：新增3条" in result.stdout
    assert result.stderr == ""
