"""Backups: on demand and before every commit and undo (the last N kept); a restore gives the exact figures and
batches back."""

import json

from analytics import cli, metrics
from analytics.filters import Filters
from analytics.ingest import upload
from analytics.store import accounts, backup, batches
from analytics.store.connection import connect
from tests.conftest import DEMO

ANALYST = accounts.Principal("小王", "analyst", source="test")


def figures(db) -> tuple[dict, list]:
    con = connect(db)
    try:
        frame = batches.list_batches(con)
        return metrics.kpis(con, Filters()), frame[
            ["batch_id", "file_name", "uploaded_by", "undone_by"]
        ].values.tolist()
    finally:
        con.close()


def test_backup_then_restore_gives_the_exact_figures_and_batches_back(demo_db, tmp_path, capsys):
    before = figures(demo_db)
    assert cli.main(["backup", "--out", str(tmp_path / "saved"), "--db", str(demo_db)]) == 0
    assert "已备份到" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "saved" / "manifest.json").read_text("utf-8"))
    assert (manifest["batches"], manifest["last_batch"]) == (1, 1)

    con = connect(demo_db)
    batches.undo(con, 1, actor=ANALYST)
    con.close()
    assert figures(demo_db)[0]["projects"] == 0

    assert cli.main(["restore", str(tmp_path / "saved"), "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out.strip().startswith("已从")
    assert figures(demo_db) == before
    assert before[0]["projects"] == 514


def test_every_commit_and_undo_is_preceded_by_a_backup_and_only_the_last_n_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_BACKUPS", "2")
    db = tmp_path / "auto.duckdb"
    con = connect(db)
    plan = upload.prepare(con, [(DEMO.name, DEMO.read_bytes())])
    upload.apply(con, plan, actor=ANALYST)  # backup 1: the empty store
    batches.undo(con, 1, actor=ANALYST)  # backup 2: the demo loaded
    plan = upload.prepare(con, [(DEMO.name, DEMO.read_bytes())])
    upload.apply(con, plan, actor=ANALYST)  # backup 3: after the undo; the first is dropped
    con.close()
    kept = backup.list_backups(tmp_path / "backups")
    assert [path.name.split("-", 3)[-1] for path in kept] == ["undo", "batch"]
    restored = tmp_path / "restored.duckdb"
    backup.restore(kept[0], restored)  # the one taken before the undo holds the demo batch, active
    assert figures(restored)[1] == [[1, "demo.xlsx", "小王", None]]
    assert figures(restored)[0]["projects"] == 514


def test_restore_refuses_a_folder_without_a_backup_and_changes_nothing(demo_db, tmp_path, capsys):
    before = figures(demo_db)
    (tmp_path / "empty").mkdir()
    assert cli.main(["restore", str(tmp_path / "empty"), "--db", str(demo_db)]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'empty'} 中没有备份。"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "store.duckdb").write_bytes(b"not a database")
    assert cli.main(["restore", str(broken), "--db", str(demo_db)]) == 1
    assert "备份无法打开" in capsys.readouterr().err
    assert figures(demo_db) == before


def test_a_restore_recomputes_the_roll_ups_the_pages_read_and_readers_get_them(demo_db, tmp_path):
    import duckdb

    from analytics.store import connection

    before = figures(demo_db)[0]
    assert cli.main(["backup", "--out", str(tmp_path / "saved"), "--db", str(demo_db)]) == 0
    # A backup taken by another version of the code may hold roll-ups that do not match its facts.
    raw = duckdb.connect(str(tmp_path / "saved" / backup.STORE_FILE))
    raw.execute("UPDATE fact_rollup SET projects = 0, savings_wan = NULL")
    raw.close()
    assert cli.main(["restore", str(tmp_path / "saved"), "--db", str(demo_db)]) == 0
    assert figures(demo_db)[0] == before
    reader = connection.connect_reader(demo_db)  # the copy published to the dashboard's readers
    try:
        assert metrics.kpis(reader, Filters()) == before
    finally:
        reader.close()
