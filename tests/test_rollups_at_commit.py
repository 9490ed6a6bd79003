"""The roll-ups kept at commit, by hand-worked figures, after a second batch and after its undo: the per-project
savings (ranked per cell) give the top projects and the concentration, for one-year and multi-year projects;
fact_rollup's rows by programme give a programme's figures; headcount_cover lets a stated row override below it."""

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import savings as savings_metrics
from analytics.store import batches, tree
from tests.factories import GROUP_TREE, load_records, new_store

ALL = Filters()
Y2023 = Filters(year_from=2023, year_to=2023)
Y2024 = Filters(year_from=2024, year_to=2024)
SHUANGCHUANG = Filters(programs=("双创",))


def project(pid, branch, unit, year, program, category):
    return {"project_id": pid, "name": f"项目{pid}", "unit": unit, "branch": branch, "year": year,
            "status": "实施中", "program": program, "category": category}  # fmt: skip


def saving(pid, value, year=None, unit=None):
    return {"project_id": pid, "unit": unit, "outcome_type": "节创价值", "value_wan": value, "year": year}


@pytest.fixture
def store(tmp_path):
    """公司A: P1 50 and P2 30 (A1支部, 2024), P3 20 (A2支部, 2024, QC课题), P4 10 in 2023 + 25 in 2024 (A1支部, a
    multi-year saver, 35 in all), P6 a patent only, and 5 unit-level; 公司B: P5 40 (B1支部, 2024)."""
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    load_records(
        con,
        "first.xlsx",
        projects=[
            project("P1", "A1支部", "公司A", 2024, "双创", "科研生产"),
            project("P2", "A1支部", "公司A", 2024, "双创", "科研生产"),
            project("P3", "A2支部", "公司A", 2024, "QC课题", "安全质量"),
            project("P4", "A1支部", "公司A", 2023, "双创", "精益管理"),
            project("P5", "B1支部", "公司B", 2024, "双创", "科研生产"),
            project("P6", "A1支部", "公司A", 2024, "QC课题", "科研生产"),
        ],
        outcomes=[
            saving("P1", 50),
            saving("P2", 30),
            saving("P3", 20),
            saving("P4", 10, 2023),
            saving("P4", 25, 2024),
            saving("P5", 40),
            {"project_id": "P6", "outcome_type": "发明专利", "quantity": 1},
            saving(None, 5, 2024, unit="公司A"),
        ],
    )
    return con


def ranks(con) -> dict:
    rows = con.execute("SELECT project_id, year, unit_rank, detail_rank FROM project_savings_rollup").fetchall()
    return {(pid, year): (unit_rank, detail_rank) for pid, year, unit_rank, detail_rank in rows}


def top(con, filters, limit=3) -> list[tuple]:
    found = savings_metrics.top_savings_projects(con, filters, limit)
    return list(zip(found["project_id"], found["savings_wan"], strict=True))


def concentration(con, filters, top_n=2) -> dict:
    rows = savings_metrics.savings_concentration(con, filters, ["公司A", "公司B"], top_n=top_n).set_index("unit")
    return {
        unit: (
            row.savings_wan,
            row.top_savings_wan,
            row.projects_with_savings,
            None if pd.isna(row.top_share) else row.top_share,
        )
        for unit, row in rows.iterrows()
    }


def test_each_cell_ranks_its_one_year_savers_and_keeps_every_multi_year_one(store):
    # (A1支部, 2024): P1 50 first, P2 30 second; P4 has savings in two years, so both its rows are rank 0.
    # P1 and P2 share a (unit, year, programme, category) cell too; P3 and P5 are alone in theirs; P6 has none.
    assert ranks(store) == {
        ("P1", 2024): (1, 1),
        ("P2", 2024): (2, 2),
        ("P3", 2024): (1, 1),
        ("P4", 2023): (0, 0),
        ("P4", 2024): (0, 0),
        ("P5", 2024): (1, 1),
    }


def test_top_projects_and_concentration_by_year_and_programme(store):
    # Every year: P4 counts 10 + 25 = 35.
    assert top(store, ALL) == [("P1", 50.0), ("P5", 40.0), ("P4", 35.0)]
    # 公司A: 50 + 30 + 20 + 35 + 5 (unit-level) = 140, its top two 50 + 35 = 85, four projects with savings.
    assert concentration(store, ALL) == {
        "公司A": (140.0, 85.0, 4, pytest.approx(85 / 140)),
        "公司B": (40.0, 40.0, 1, 1.0),
    }
    # 2024: P4 counts its 25 only, below P2's 30.
    assert top(store, Y2024) == [("P1", 50.0), ("P5", 40.0), ("P2", 30.0)]
    assert concentration(store, Y2024)["公司A"] == (130.0, 80.0, 4, pytest.approx(80 / 130))
    # 2023: only P4's 10.
    assert top(store, Y2023) == [("P4", 10.0)]
    assert concentration(store, Y2023) == {"公司A": (10.0, 10.0, 1, 1.0), "公司B": (0.0, 0.0, 0, None)}
    # 双创 leaves out P3 (QC课题) and the unit-level 5: 50 + 30 + 35 = 115.
    assert concentration(store, SHUANGCHUANG)["公司A"] == (115.0, 85.0, 3, pytest.approx(85 / 115))
    assert top(store, SHUANGCHUANG.with_units(("A1支部",)), limit=2) == [("P1", 50.0), ("P4", 35.0)]
    # The top one only: P2 (rank 2 in its cell) is not read, and nothing changes.
    assert concentration(store, ALL, top_n=1)["公司A"] == (140.0, 50.0, 4, pytest.approx(50 / 140))


def test_a_second_batch_and_its_undo(store):
    # P7 60 joins A2支部; P2 gains 15 in 2025 and becomes a multi-year saver (45 in all).
    second = load_records(
        store,
        "second.xlsx",
        projects=[project("P7", "A2支部", "公司A", 2024, "双创", "党建")],
        outcomes=[saving("P7", 60), saving("P2", 15, 2025)],
    )
    assert ranks(store)[("P2", 2025)] == (0, 0)
    assert ranks(store)[("P2", 2024)] == (0, 0)
    assert ranks(store)[("P1", 2024)] == (1, 1)
    assert ranks(store)[("P7", 2024)] == (1, 1)
    assert ranks(store)[("P3", 2024)] == (2, 1)  # behind P7 in (A2支部, 2024), alone in its programme
    assert top(store, ALL) == [("P7", 60.0), ("P1", 50.0), ("P2", 45.0)]
    # 公司A: 140 + 60 + 15 = 215, its top two 60 + 50, five projects with savings.
    assert concentration(store, ALL)["公司A"] == (215.0, 110.0, 5, pytest.approx(110 / 215))
    assert concentration(store, Filters(year_from=2025, year_to=2025)) == {
        "公司A": (15.0, 15.0, 1, 1.0),
        "公司B": (0.0, 0.0, 0, None),
    }
    assert top(store, Y2024) == [("P7", 60.0), ("P1", 50.0), ("P5", 40.0)]
    # With a programme filter the cell is (unit, year, programme, category): P3 is second in (A2支部, 2024) but
    # first among QC课题, so the top one of QC课题 still finds it.
    assert top(store, Filters(programs=("QC课题",)), limit=1) == [("P3", 20.0)]

    batches.undo(store, second)
    assert ranks(store)[("P2", 2024)] == (2, 2)
    assert ("P7", 2024) not in ranks(store)
    assert top(store, ALL) == [("P1", 50.0), ("P5", 40.0), ("P4", 35.0)]
    assert concentration(store, ALL)["公司A"] == (140.0, 85.0, 4, pytest.approx(85 / 140))


def programme_rows(con, unit: str) -> dict:
    """fact_rollup's (owner unit, year, programme) rows of one owner unit: projects, savings, patents, awards."""
    rows = con.execute(
        "SELECT year, program, projects, savings_wan, invention_patents, awards_declared FROM fact_rollup"
        " WHERE by_program AND NOT by_category AND owner_unit = ?",
        [unit],
    ).fetchall()
    return {(year, program): tuple(figures) for year, program, *figures in rows}


def category_rows(con, unit: str) -> dict:
    """fact_rollup's (owner unit, year, category) rows of one owner unit: projects, savings, patents."""
    rows = con.execute(
        "SELECT year, category, projects, savings_wan, invention_patents FROM fact_rollup"
        " WHERE by_category AND NOT by_program AND owner_unit = ?",
        [unit],
    ).fetchall()
    return {(year, category): tuple(figures) for year, category, *figures in rows}


def programme_figures(con, programme: str) -> tuple:
    figures = metrics.summary(con, Filters(programs=(programme,)))
    return figures["projects"], figures["savings_wan"], figures["patents"]["total"], figures["awards_declared"]


def test_the_programme_rows_follow_a_second_batch_and_its_undo(store):
    # (A1支部, 2024, 双创) holds P1 and P2 (科研生产) and P4's 2024 savings (精益管理; P4 itself started in 2023).
    assert programme_rows(store, "A1支部") == {
        (2024, "双创"): (2, 80.0 + 25.0, 0, 0),
        (2024, "QC课题"): (1, None, 1, 0),
        (2023, "双创"): (1, 10.0, 0, 0),
    }
    assert programme_figures(store, "双创") == (4, 155.0, 0, 0)  # P1 50, P2 30, P4 35, P5 40
    assert programme_figures(store, "QC课题") == (2, 20.0, 1, 0)  # P3 20, P6's patent
    # By category: 科研生产 holds P1, P2 and P6 in 2024; 精益管理 P4 (started 2023) and its 2024 savings.
    assert category_rows(store, "A1支部") == {
        (2024, "科研生产"): (3, 80.0, 1),
        (2024, "精益管理"): (0, 25.0, 0),
        (2023, "精益管理"): (1, 10.0, 0),
    }
    research = metrics.summary(store, Filters(categories=("科研生产",)))
    assert (research["projects"], research["savings_wan"], research["patents"]["total"]) == (4, 120.0, 1)
    second = load_records(
        store,
        "second.xlsx",
        projects=[project("P7", "A1支部", "公司A", 2024, "双创", "党建")],
        outcomes=[saving("P7", 60), saving("P2", 15, 2025)],
        awards=[{"project_id": "P6", "award": "创新奖", "year": 2024, "level": "公司级", "result": "获奖"}],
    )
    # P7 joins the 双创 row of 2024 in another category; P2's 2025 savings open a row of their own.
    assert programme_rows(store, "A1支部") == {
        (2024, "双创"): (3, 165.0, 0, 0),
        (2025, "双创"): (0, 15.0, 0, 0),
        (2024, "QC课题"): (1, None, 1, 1),
        (2023, "双创"): (1, 10.0, 0, 0),
    }
    assert programme_figures(store, "双创") == (5, 230.0, 0, 0)
    assert programme_figures(store, "QC课题") == (2, 20.0, 1, 1)
    batches.undo(store, second)
    assert programme_rows(store, "A1支部")[(2024, "双创")] == (2, 105.0, 0, 0)
    assert (2025, "双创") not in programme_rows(store, "A1支部")
    assert programme_figures(store, "双创") == (4, 155.0, 0, 0)
    assert programme_figures(store, "QC课题") == (2, 20.0, 1, 0)


def members(con, filters, units) -> dict:
    rows = metrics.kpis_by_unit(con, filters, units).set_index("unit")
    return {unit: (row.party_members, row.participating_members) for unit, row in rows.iterrows()}


def test_headcount_cover_and_the_stated_rows_it_lets_override_after_a_second_batch_and_its_undo(tmp_path):
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    # 公司A (depth 1) states its own 2024 figures, which override its branches A1支部 and A2支部 (depth 3).
    load_records(
        con,
        "first.xlsx",
        headcount=[
            {"unit": "公司A", "year": 2024, "party_members": 35, "participating_members": 30},
            {"unit": "A1支部", "year": 2024, "party_members": 20, "participating_members": 18},
            {"unit": "A2支部", "year": 2024, "party_members": 10, "participating_members": 6},
            {"unit": "B1支部", "year": 2024, "party_members": 40, "participating_members": 20},
        ],
    )

    def cover() -> dict:
        return dict(((u, y), d) for u, y, d in con.execute("SELECT * FROM headcount_cover").fetchall())

    assert cover() == {("公司A", 2024): None, ("A1支部", 2024): 1, ("A2支部", 2024): 1, ("B1支部", 2024): None}
    # 公司A's own row counts for 公司A; below it, A党委 (depth 2) is not overridden by a row above the group: 20 + 10.
    assert members(con, Y2024, ["公司A", "A党委", "公司B"]) == {"公司A": (35, 30), "A党委": (30, 24), "公司B": (40, 20)}
    assert (metrics.summary(con, Y2024)["party_members"], metrics.summary(con, Y2024)["participating_members"]) == (
        75,
        50,
    )
    second = load_records(
        con,
        "second.xlsx",
        headcount=[{"unit": "A党委", "year": 2024, "party_members": 28, "participating_members": 25}],
    )
    # Now A党委 (depth 2) is the nearest stated unit above the branches, and 公司A above A党委.
    assert cover() == {
        ("公司A", 2024): None,
        ("A党委", 2024): 1,
        ("A1支部", 2024): 2,
        ("A2支部", 2024): 2,
        ("B1支部", 2024): None,
    }
    assert members(con, Y2024, ["公司A", "A党委", "A1支部"]) == {
        "公司A": (35, 30),
        "A党委": (28, 25),
        "A1支部": (20, 18),
    }
    batches.undo(con, second)
    assert cover()[("A1支部", 2024)] == 1
    assert ("A党委", 2024) not in cover()
    assert members(con, Y2024, ["公司A", "A党委"]) == {"公司A": (35, 30), "A党委": (30, 24)}


def test_the_ranking_given_the_pages_own_figures_by_unit_is_the_ranking_it_asks_for(store):
    from analytics.metrics import participation

    units = ["公司A", "公司B"]
    for filters in (ALL, Y2024):
        given = metrics.kpis_by_unit(store, filters, units)
        ranked = participation.unit_ranking(store, filters, units, "savings_wan", by_unit=given)
        assert ranked.equals(participation.unit_ranking(store, filters, units, "savings_wan"))
        assert list(ranked["unit"]) == ["公司A", "公司B"]  # 140 (or 130 in 2024) against 40
        assert "projects_per_branch" not in given.columns  # the page's frame is left as it was


def test_due_projects_by_unit_and_the_years_on_offer_follow_a_batch_and_its_undo(store):
    # P8 (A1支部) ended 2024-06-30 still open: overdue; P9 (B1支部) completed; P10 (B1支部) open until 2030: not due.
    # P9's 2025 saving brings 2025 into the data, so the data speaks as of 2025-12-31.
    ended = [
        project("P8", "A1支部", "公司A", 2024, "双创", "科研生产") | {"end_date": dt.date(2024, 6, 30)},
        project("P9", "B1支部", "公司B", 2024, "双创", "科研生产")
        | {"status": "已结题", "end_date": dt.date(2024, 3, 31)},
        project("P10", "B1支部", "公司B", 2024, "双创", "科研生产") | {"end_date": dt.date(2030, 1, 1)},
    ]
    second = load_records(store, "second.xlsx", projects=ended, outcomes=[saving("P9", 15, 2025)])
    assert tree.available_years(store) == [2023, 2024, 2025]
    assert tree.data_as_of(store) == dt.date(2025, 12, 31)
    by_unit = metrics.kpis_by_unit(store, ALL, ["公司A", "公司B"]).set_index("unit")
    assert by_unit.loc["公司A", ["projects_due", "due_completion_rate"]].tolist() == [1, 0.0]
    assert by_unit.loc["公司B", ["projects_due", "due_completion_rate"]].tolist() == [1, 1.0]
    assert (metrics.summary(store, ALL)["projects_due"], metrics.summary(store, ALL)["due_completion_rate"]) == (2, 0.5)
    assert metrics.summary(store, Y2023)["projects_due"] == 0  # P8 started in 2024

    batches.undo(store, second)
    assert tree.available_years(store) == [2023, 2024]
    assert metrics.summary(store, ALL)["projects_due"] == 0
    assert metrics.summary(store, ALL)["due_completion_rate"] is None


def test_a_branch_active_in_two_chosen_programmes_counts_once(store):
    # 2024: A1支部 runs P1, P2 (双创) and P6 (QC课题), A2支部 P3 (QC课题): 公司A has two active branches of two, in
    # one programme or in both together (A1支部's two programme rows are one branch).
    both = Filters(units=("公司A",), year_from=2024, year_to=2024, programs=("双创", "QC课题"))
    for filters in (both, replace(both, programs=("QC课题",)), replace(both, programs=())):
        figures = metrics.summary(store, filters)
        assert (figures["branches_active"], figures["branches_total"], figures["branch_coverage"]) == (2, 2, 1.0)
    assert metrics.summary(store, replace(both, programs=("双创",)))["branches_active"] == 1
    by_unit = metrics.kpis_by_unit(store, replace(both, units=()), ["公司A", "公司B"]).set_index("unit")
    assert by_unit["branches_active"].to_dict() == {"公司A": 2, "公司B": 1}
