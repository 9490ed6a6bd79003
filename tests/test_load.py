"""Batches: every commit is all or nothing, undo restores exactly the state before, nothing stored is lost."""

import pytest

from analytics.store import accounts, batches
from analytics.store.connection import FACT_TABLES
from tests.factories import frame, load_records, new_store

TESTER = accounts.Principal("test", "analyst", source="test")

UNITS = [{"unit": "集团", "kind": "集团"}, {"unit": "甲公司", "parent": "集团", "kind": "公司"}]


def snapshot(con) -> dict[str, list[tuple]]:
    return {
        table: con.execute(f"SELECT * EXCLUDE (batch_id) FROM {table} ORDER BY ALL").fetchall() for table in FACT_TABLES
    }


@pytest.fixture
def con(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        "first.xlsx",
        units=UNITS,
        projects=[
            {"project_id": "P1", "name": "原名", "unit": "甲公司", "year": 2024, "status": "实施中"},
            {"project_id": "P2", "name": "项目二", "unit": "甲公司", "year": 2024},
        ],
    )
    yield con
    con.close()


def test_update_then_undo_restores_the_replaced_version(con):
    before = snapshot(con)
    batch = load_records(
        con,
        "second.xlsx",
        projects=[
            {"project_id": "P1", "name": "新名", "unit": "甲公司", "year": 2024, "status": "已结题"},
            {"project_id": "P3", "name": "项目三", "unit": "甲公司", "year": 2025},
        ],
    )
    row = con.execute("SELECT rows_added, rows_updated FROM batches WHERE batch_id = ?", [batch]).fetchone()
    assert row == (1, 1)
    assert con.execute("SELECT name, status FROM projects WHERE project_id = 'P1'").fetchone() == ("新名", "已结题")
    assert con.execute("SELECT name, replaced_by, reason FROM projects_history").fetchall() == [
        ("原名", batch, "updated")
    ]

    batches.undo(con, batch, actor=TESTER)
    assert snapshot(con) == before
    # Nothing is lost: the undone versions are kept in history, marked as undone.
    kept = con.execute("SELECT project_id, name, reason FROM projects_history ORDER BY project_id").fetchall()
    assert kept == [("P1", "新名", "undone"), ("P3", "项目三", "undone")]
    assert con.execute("SELECT undone_by FROM batches WHERE batch_id = ?", [batch]).fetchone() == ("test",)


def test_identical_rows_are_unchanged_not_updated(con):
    changes = batches.classify(
        con,
        {"projects": frame(con, "projects", [{"project_id": "P2", "name": "项目二", "unit": "甲公司", "year": 2024}])},
    )
    assert (len(changes.tables["projects"].added), len(changes.tables["projects"].updated)) == (0, 0)
    assert changes.tables["projects"].unchanged == 1


def test_undo_refused_when_a_later_batch_replaced_its_rows(con):
    second = load_records(
        con, "second.xlsx", projects=[{"project_id": "P2", "name": "二改", "unit": "甲公司", "year": 2024}]
    )
    third = load_records(
        con, "third.xlsx", projects=[{"project_id": "P2", "name": "三改", "unit": "甲公司", "year": 2024}]
    )
    before = snapshot(con)
    with pytest.raises(batches.UndoRefused) as refused:
        batches.undo(con, second, actor=TESTER)
    assert refused.value.key == "undo_later_batches"
    assert refused.value.params["later"] == f"#{third}"
    assert snapshot(con) == before
    batches.undo(con, third, actor=TESTER)
    batches.undo(con, second, actor=TESTER)
    assert con.execute("SELECT name FROM projects WHERE project_id = 'P2'").fetchone() == ("项目二",)


def test_undo_refused_when_later_facts_need_its_unit(con):
    first_units = load_records(con, "units.xlsx", units=[{"unit": "乙公司", "parent": "集团"}])
    load_records(con, "later.xlsx", projects=[{"project_id": "P9", "name": "九", "unit": "乙公司", "year": 2024}])
    before = snapshot(con)
    with pytest.raises(batches.UndoRefused) as refused:
        batches.undo(con, first_units, actor=TESTER)
    assert refused.value.key == "undo_orphans"
    assert snapshot(con) == before
    assert con.execute("SELECT undone_at FROM batches WHERE batch_id = ?", [first_units]).fetchone() == (None,)


def test_a_failing_commit_writes_nothing(con):
    before = snapshot(con)
    batches_before = con.execute("SELECT count(*) FROM batches").fetchone()
    with pytest.raises(batches.IntegrityError):
        load_records(con, "bad.xlsx", projects=[{"project_id": "P5", "name": "无主", "unit": "不存在", "year": 2024}])
    assert snapshot(con) == before
    assert con.execute("SELECT count(*) FROM batches").fetchone() == batches_before


def test_undo_twice_or_unknown_batch_is_refused(con):
    with pytest.raises(batches.UndoRefused) as unknown:
        batches.undo(con, 99, actor=TESTER)
    assert unknown.value.key == "undo_unknown_batch"
    batch = load_records(con, "x.xlsx", projects=[{"project_id": "P7", "name": "七", "unit": "甲公司", "year": 2024}])
    batches.undo(con, batch, actor=TESTER)
    with pytest.raises(batches.UndoRefused) as again:
        batches.undo(con, batch, actor=TESTER)
    assert again.value.key == "undo_already_undone"


def test_queries_cannot_reach_the_file_system(con):
    import duckdb

    with pytest.raises(duckdb.PermissionException):
        con.execute("SELECT * FROM read_csv('/etc/hostname')").fetchall()
    with pytest.raises(duckdb.InvalidInputException):
        con.execute("SET enable_external_access = true")


def test_counts_per_file_and_sheet(con):
    # Stored: P1 原名, P2 项目二. One sheet updates P1 and adds P3; another repeats P2 as stored and adds P4.
    incoming = frame(
        con,
        "projects",
        [
            {"project_id": "P1", "name": "新名", "unit": "甲公司", "year": 2024, "status": "实施中"},
            {"project_id": "P3", "name": "项目三", "unit": "甲公司", "year": 2025},
            {"project_id": "P2", "name": "项目二", "unit": "甲公司", "year": 2024},
            {"project_id": "P4", "name": "项目四", "unit": "甲公司", "year": 2025},
        ],
    ).assign(_file=["a.xlsx", "a.xlsx", "b.xlsx", "b.xlsx"], _sheet=["项目", "项目", "汇总", "汇总"])
    change = batches.classify(con, {"projects": incoming}).tables["projects"]
    assert change.by_sheet == {
        ("a.xlsx", "项目"): {"added": 1, "updated": 1, "unchanged": 0},
        ("b.xlsx", "汇总"): {"added": 1, "updated": 0, "unchanged": 1},
    }
    assert change.added["project_id"].tolist() == ["P3", "P4"]
    assert change.updated["project_id"].tolist() == ["P1"]
    assert change.unchanged == 1
