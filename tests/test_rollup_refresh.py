"""A commit or undo refreshes the roll-up rows of the owner units its batch touched, and what it leaves is exactly
what a full rebuild gives: by a hand-worked move of a project between two 党支部 and its undo, and generatively
(random batches of projects, updates, outcomes, awards, headcount rows, new units and undos on a small store, after
each of which every roll-up table equals, row for row, a full rebuild from the same facts)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from analytics.contract import vocab
from analytics.store import batches, rollup
from analytics.store.connection import connect
from analytics.store.rollup import ROLLUP_TABLES, rebuild_rollups, touched_by
from tests.factories import GROUP_TREE, load_records, new_store
from tests.ledgers import examples

# 1.0: the refresh of the touched units is taken whatever their share (a unit row change still rebuilds all), so
# these small stores exercise it; the share only decides which of two equal answers is quicker.
ALWAYS_REFRESH = mock.patch.object(rollup, "FULL_REBUILD_SHARE", 1.0)


def rollup_rows(con) -> dict[str, list[tuple]]:
    """Every roll-up table's rows, sorted; sums to 9 decimals (a sum's last bits may depend on the rows' order)."""

    def cell(value):
        return round(value, 9) if isinstance(value, float) else value

    return {
        table: sorted(
            (tuple(cell(value) for value in row) for row in con.execute(f"SELECT * FROM {table}").fetchall()),
            key=repr,
        )
        for table in ROLLUP_TABLES
    }


def full_rebuild_rows(con) -> dict[str, list[tuple]]:
    """What a full rebuild from the current facts gives, computed in a transaction then rolled back."""
    cursor = con.cursor()
    cursor.execute("BEGIN TRANSACTION")
    try:
        rebuild_rollups(cursor)
        return rollup_rows(cursor)
    finally:
        cursor.execute("ROLLBACK")
        cursor.close()


def project(pid, branch, unit="公司A", year=2024, program="双创", status="实施中", end_date=None):
    return {"project_id": pid, "name": f"项目{pid}", "unit": unit, "branch": branch, "year": year,
            "status": status, "program": program, "category": "科研生产", "end_date": end_date}  # fmt: skip


def saving(pid, value, year=None):
    return {"project_id": pid, "outcome_type": "节创价值", "value_wan": value, "year": year}


def unit_year(con, unit: str) -> tuple:
    """The (owner unit, 2024) row of fact_rollup: projects, completed, savings, single-year savers, patents, awards."""
    return con.execute(
        "SELECT projects, projects_completed, savings_wan, single_year_savers, invention_patents, awards_declared"
        " FROM fact_rollup WHERE owner_unit = ? AND year = 2024 AND NOT by_program AND NOT by_category",
        [unit],
    ).fetchone()


def savers(con, unit: str) -> list[tuple]:
    return con.execute(
        "SELECT project_id, savings_wan, unit_rank FROM project_savings_rollup WHERE owner_unit = ? ORDER BY unit_rank",
        [unit],
    ).fetchall()


def test_a_project_moving_between_branches_moves_its_figures_and_its_undo_moves_them_back(tmp_path):
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    with ALWAYS_REFRESH:
        load_records(
            con,
            "first.xlsx",
            projects=[project("P1", "A1支部"), project("P2", "A1支部", status="已结题"), project("P3", "A2支部")],
            outcomes=[
                saving("P1", 50.0),
                saving("P2", 30.0),
                saving("P3", 20.0),
                {"project_id": "P2", "outcome_type": "发明专利", "quantity": 2},
            ],
            awards=[{"project_id": "P2", "award": "创新奖", "year": 2024, "level": "公司级", "result": "获奖"}],
        )
        # A1支部: P1 50 and P2 30 (completed, 2 patents, 1 award); A2支部: P3 20.
        assert unit_year(con, "A1支部") == (2, 1, 80.0, 2, 2, 1)
        assert unit_year(con, "A2支部") == (1, 0, 20.0, 1, 0, 0)
        # The second batch moves P2 to A2支部: it takes its 30 万元, its patents and its award along, and ranks
        # first there (30 > 20); P1 is left alone in A1支部.
        second = load_records(con, "second.xlsx", projects=[project("P2", "A2支部", status="已结题")])
        assert touched_by(con, second) == rollup.Touched(frozenset({"A1支部", "A2支部"}), frozenset(), False)
        assert unit_year(con, "A1支部") == (1, 0, 50.0, 1, 0, 0)
        assert unit_year(con, "A2支部") == (2, 1, 50.0, 2, 2, 1)
        assert savers(con, "A1支部") == [("P1", 50.0, 1)]
        assert savers(con, "A2支部") == [("P2", 30.0, 1), ("P3", 20.0, 2)]
        # Untouched units keep their rows: 公司A (the units above) owns nothing, B1支部 nothing either.
        assert unit_year(con, "公司A") is None
        assert rollup_rows(con) == full_rebuild_rows(con)

        batches.undo(con, second)
        assert unit_year(con, "A1支部") == (2, 1, 80.0, 2, 2, 1)
        assert unit_year(con, "A2支部") == (1, 0, 20.0, 1, 0, 0)
        assert savers(con, "A1支部") == [("P1", 50.0, 1), ("P2", 30.0, 2)]
        assert savers(con, "A2支部") == [("P3", 20.0, 1)]
        assert rollup_rows(con) == full_rebuild_rows(con)


def test_a_headcount_row_refreshes_the_cover_of_every_unit_below_it(tmp_path):
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    with ALWAYS_REFRESH:
        load_records(
            con,
            "first.xlsx",
            headcount=[{"unit": "A1支部", "year": 2024, "party_members": 10}, {"unit": "B1支部", "year": 2024}],
        )
        # Nothing above A1支部 states 2024: no cover.
        assert con.execute("SELECT covered_depth FROM headcount_cover WHERE unit = 'A1支部'").fetchall() == [(None,)]
        second = load_records(con, "second.xlsx", headcount=[{"unit": "公司A", "year": 2024, "party_members": 40}])
        # 公司A (depth 1) now covers A1支部 (depth 3), two levels below it; B1支部 is not below 公司A.
        touched = touched_by(con, second)
        assert touched.covers == {"公司A", "A党委", "A1支部", "A2支部"} and touched.owners == set()
        cover = dict(con.execute("SELECT unit, covered_depth FROM headcount_cover").fetchall())
        assert cover == {"A1支部": 1, "B1支部": None, "公司A": None}
        batches.undo(con, second)
        cover = dict(con.execute("SELECT unit, covered_depth FROM headcount_cover").fetchall())
        assert cover == {"A1支部": None, "B1支部": None}
        assert rollup_rows(con) == full_rebuild_rows(con)


@pytest.mark.parametrize(
    "owners, refreshed", [(("A1支部", "B1支部", "A2支部"), True), (("A1支部", "B1支部", "A2支部", "公司A"), False)]
)
def test_a_batch_touching_more_than_half_the_units_rebuilds_everything(tmp_path, owners, refreshed):
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    # 3 of the 7 units touched: refreshed; 4: more than half, rebuilt whole. The figures are the same either way.
    companies = {"A1支部": "公司A", "A2支部": "公司A", "B1支部": "公司B", "公司A": "公司A"}
    projects = [
        project(f"P{i}", owner if owner != "公司A" else None, companies[owner]) for i, owner in enumerate(owners)
    ]
    with mock.patch.object(rollup, "refresh_rollups", wraps=rollup.refresh_rollups) as refresh:
        load_records(con, "first.xlsx", projects=projects)
    assert refresh.called is refreshed
    for owner in owners:
        assert unit_year(con, owner) == (1, 0, None, 0, 0, 0)
    assert unit_year(con, "公司B") is None


BRANCHES = {"A1支部": "公司A", "A2支部": "公司A", "B1支部": "公司B", None: "公司A"}
NEW_UNITS = [("C1支部", "公司B"), ("A3支部", "A党委")]
YEARS = st.sampled_from([2023, 2024])
AWARDS = ["创新奖", "金奖"]
VALUES = st.sampled_from([5.0, 12.5, 30.0, 30.0, 48.0])  # repeats: ties in the ranks break by project id


class RefreshAgainstFullRebuild(RuleBasedStateMachine):
    """Batches and undos on one small store; after each, the refreshed roll-ups equal a full rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self.patch = mock.patch.object(rollup, "FULL_REBUILD_SHARE", 1.0)
        self.patch.start()
        self.con = connect(":memory:")
        self.projects: list[str] = []
        self.units = [row["unit"] for row in GROUP_TREE]
        self.active: list[int] = []
        self.batch_files = 0
        self.drawn_projects = 0

    @initialize()
    def tree(self):
        self.load(units=GROUP_TREE)

    def load(self, **records) -> None:
        self.batch_files += 1
        before = self.con.execute("SELECT count(*) FROM batches").fetchone()[0]
        batch = load_records(self.con, f"batch{self.batch_files}.xlsx", **records)
        if self.con.execute("SELECT count(*) FROM batches").fetchone()[0] > before:
            self.active.append(batch)

    def draw_project(self, data, pid: str) -> dict:
        branch = data.draw(st.sampled_from(list(BRANCHES)))
        unit = BRANCHES[branch] if branch else data.draw(st.sampled_from(["公司A", "公司B"]))
        end = data.draw(st.sampled_from([None, dt.date(2024, 6, 30), dt.date(2030, 1, 1)]))
        return project(
            pid, branch, unit, data.draw(YEARS), data.draw(st.sampled_from(vocab.PROGRAMS[:3])),
            data.draw(st.sampled_from(vocab.STATUSES)), end,
        )  # fmt: skip

    def draw_outcomes(self, data, pids: list[str]) -> list[dict]:
        rows = []
        for pid in data.draw(st.lists(st.sampled_from(pids), max_size=3)) if pids else []:
            kind = data.draw(st.sampled_from(["节创价值", "节创价值", "发明专利", "论文"]))
            year = data.draw(st.none() | YEARS)
            value = data.draw(VALUES) if kind == "节创价值" else None
            rows.append({"project_id": pid, "outcome_type": kind, "value_wan": value, "year": year,
                         "quantity": data.draw(st.integers(1, 3))})  # fmt: skip
        if data.draw(st.booleans()):
            unit = data.draw(st.sampled_from(self.units))
            rows.append({"project_id": None, "unit": unit, "outcome_type": "节创价值", "value_wan": data.draw(VALUES),
                         "year": data.draw(YEARS)})  # fmt: skip
        # One row per key: a batch cannot hold the same outcome twice.
        keyed = {(r["project_id"], r.get("unit"), r["outcome_type"], r["year"]): r for r in rows}
        return list(keyed.values())

    @rule(data=st.data())
    def add_a_batch(self, data):
        new = [f"P{self.drawn_projects + i + 1}" for i in range(data.draw(st.integers(0, 3)))]
        self.drawn_projects += len(new)
        projects = [self.draw_project(data, pid) for pid in new]
        known = self.projects + new
        records = {"projects": projects, "outcomes": self.draw_outcomes(data, known)}
        if known and data.draw(st.booleans()):
            records["awards"] = [
                {"project_id": data.draw(st.sampled_from(known)), "award": data.draw(st.sampled_from(AWARDS)),
                 "year": data.draw(YEARS), "level": data.draw(st.sampled_from([None, "公司级"])),
                 "result": data.draw(st.sampled_from(["申报", "获奖"]))}
            ]  # fmt: skip
        if data.draw(st.booleans()):
            records["headcount"] = [
                {"unit": data.draw(st.sampled_from(self.units)), "year": data.draw(YEARS),
                 "party_members": data.draw(st.integers(0, 50))}
            ]  # fmt: skip
        records = {kind: rows for kind, rows in records.items() if rows}
        if not records:
            return
        self.load(**records)
        self.projects = known

    @precondition(lambda self: self.projects)
    @rule(data=st.data())
    def update_a_project(self, data):
        pid = data.draw(st.sampled_from(self.projects))
        event("update a project")
        self.load(projects=[self.draw_project(data, pid)])

    @rule(data=st.data())
    def add_a_unit(self, data):
        unit, parent = data.draw(st.sampled_from(NEW_UNITS))
        if unit in self.units:
            return
        event("add a unit (full rebuild)")
        self.load(units=[{"unit": unit, "parent": parent, "kind": "党支部"}])
        self.units.append(unit)

    @precondition(lambda self: len(self.active) > 1)
    @rule(data=st.data())
    def undo_a_batch(self, data):
        batch = data.draw(st.sampled_from(self.active[1:]))  # the tree stays
        try:
            batches.undo(self.con, batch)
        except batches.UndoRefused:
            event("undo refused")
            return
        event("undo")
        self.active.remove(batch)
        stored = {row[0] for row in self.con.execute("SELECT project_id FROM projects").fetchall()}
        self.projects = [pid for pid in self.projects if pid in stored]
        self.units = [row[0] for row in self.con.execute("SELECT unit FROM units").fetchall()]

    @invariant()
    def rollups_equal_a_full_rebuild(self):
        assert rollup_rows(self.con) == full_rebuild_rows(self.con)

    def teardown(self):
        self.con.close()
        self.patch.stop()


RefreshAgainstFullRebuild.TestCase.settings = settings(max_examples=examples(0.3), stateful_step_count=8)
test_refresh_equals_a_full_rebuild = RefreshAgainstFullRebuild.TestCase
