"""The analysis pages' figures on a hand-built group; every expected figure is worked out by hand in the comments."""

import datetime as dt

import pytest

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import awards as awards_metrics
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import participation as participation_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import savings as savings_metrics
from analytics.metrics import studios as studios_metrics
from analytics.store import tree
from tests.factories import GROUP_TREE, load_records, new_store

UNITS = GROUP_TREE
HEADCOUNT = [
    # 2024: A = (18 + 6) / (20 + 10) = 80%, B = 20 / 40 = 50%.  2023: A = 19 / 30 = 63.3%, B = 36 / 40 = 90%.
    {"unit": "A1支部", "year": 2024, "party_members": 20, "participating_members": 18, "branches": 1},
    {"unit": "A2支部", "year": 2024, "party_members": 10, "participating_members": 6, "branches": 1},
    {"unit": "B1支部", "year": 2024, "party_members": 40, "participating_members": 20, "branches": 1},
    {"unit": "A1支部", "year": 2023, "party_members": 20, "participating_members": 10, "branches": 1},
    {"unit": "A2支部", "year": 2023, "party_members": 10, "participating_members": 9, "branches": 1},
    {"unit": "B1支部", "year": 2023, "party_members": 40, "participating_members": 36, "branches": 1},
]


def project(pid, unit, year, status, program, category, end=None, **extra):
    return {"project_id": pid, "name": f"项目{pid}", "unit": unit, "year": year, "status": status,
            "program": program, "category": category, "end_date": end, **extra}  # fmt: skip


PROJECTS = [
    project("P1", "A1支部", 2024, "已结题", "双创", "科研生产", dt.date(2024, 6, 30), leader="王工"),
    project("P2", "A1支部", 2024, "实施中", "党员创新工程", "精益管理", dt.date(2024, 12, 31)),  # overdue in 2025
    project("P3", "A2支部", 2024, "立项", "双创", "安全质量", dt.date(2025, 6, 30)),  # still in time
    project("P4", "B1支部", 2024, "已终止", "QC课题", "精益管理", dt.date(2024, 5, 1)),  # stopped is closed
    project("P5", "B1支部", 2024, "实施中", "QC课题", "安全质量"),  # no end date: never overdue
    project("P6", "B1支部", 2023, "已结题", "双创", "科研生产", dt.date(2023, 9, 1)),
    project("P7", "A2支部", 2024, "已结题", "书记项目", "党建", dt.date(2024, 10, 1)),
]
OUTCOMES = [
    # 公司A 2024 savings: P1 40 + 10, P2 30, P3 10, P7 5, unit-level 5 = 100; its top 3 projects 50 + 30 + 10 = 90.
    {"project_id": "P1", "outcome_type": "节创价值", "value_wan": 40.0, "note": "一"},
    {"project_id": "P1", "outcome_type": "节创价值", "value_wan": 10.0, "note": "二"},
    {"project_id": "P2", "outcome_type": "节创价值", "value_wan": 30.0},
    {"project_id": "P3", "outcome_type": "节创价值", "value_wan": 10.0},
    {"project_id": "P7", "outcome_type": "节创价值", "value_wan": 5.0},
    {"unit": "公司A", "outcome_type": "节创价值", "value_wan": 5.0, "year": 2024},
    # 公司B 2024: P4 8 + P5 12 = 20, all from two projects: share 100%.  2023: P6 100.
    {"project_id": "P4", "outcome_type": "节创价值", "value_wan": 8.0},
    {"project_id": "P5", "outcome_type": "节创价值", "value_wan": 12.0},
    {"project_id": "P6", "outcome_type": "节创价值", "value_wan": 100.0},
    # Counted forms, 2024: A 发明 2, 实用新型 1, 论文 2, 标准 1; B 外观设计 1 (unit-level), 软件著作权 3, 制度 1.
    {"project_id": "P1", "outcome_type": "发明专利", "quantity": 2},
    {"project_id": "P2", "outcome_type": "实用新型专利", "quantity": 1},
    {"unit": "公司B", "outcome_type": "外观设计专利", "quantity": 1, "year": 2024},
    {"project_id": "P5", "outcome_type": "软件著作权", "quantity": 3},
    {"project_id": "P3", "outcome_type": "论文", "quantity": 2},
    {"project_id": "P5", "outcome_type": "制度", "quantity": 1},
    {"project_id": "P3", "outcome_type": "标准", "quantity": 1},
]
AWARDS = [
    # 2024 funnel: 国家级 1 → 0, 省部级 2 → 1, 集团级 2 → 2, 公司级 1 → 0: 6 declared, 3 awarded.
    {"project_id": "P1", "year": 2024, "award": "奖1", "level": "国家级", "result": "申报"},
    {"project_id": "P1", "year": 2024, "award": "奖2", "level": "省部级", "result": "获奖"},
    {"project_id": "P2", "year": 2024, "award": "奖3", "level": "省部级", "result": "申报"},
    {"project_id": "P4", "year": 2024, "award": "奖4", "level": "集团级", "result": "获奖"},
    {"project_id": "P5", "year": 2024, "award": "奖5", "level": "集团级", "result": "获奖"},
    {"project_id": "P5", "year": 2024, "award": "奖6", "level": "公司级", "result": "申报"},
    {"project_id": "P6", "year": 2023, "award": "奖7", "level": "公司级", "result": "获奖"},
]


def studio_row(name, unit, year, projects, breakthroughs, exchanges):
    """Targets 3 projects, 2 breakthroughs, no apprentice target, 4 exchanges; actuals as given."""
    return {"studio": name, "unit": unit, "year": year, "target_projects": 3, "actual_projects": projects,
            "target_breakthroughs": 2, "actual_breakthroughs": breakthroughs, "actual_apprentices": 0,
            "target_exchanges": 4, "actual_exchanges": exchanges}  # fmt: skip


STUDIOS = [
    studio_row("甲工作室", "公司A", 2023, 3, 2, 4),  # met
    studio_row("甲工作室", "公司A", 2024, 3, 1, 5),  # missed breakthroughs: warning
    studio_row("甲工作室", "公司A", 2025, 3, 1, 5),  # missed again: delisted
    studio_row("乙工作室", "公司B", 2024, 2, 2, 4),  # missed projects: warning
    studio_row("乙工作室", "公司B", 2025, 4, 3, 4),  # met
]
Y2024 = Filters(year_from=2024, year_to=2024)
AS_OF = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("pages"))
    load_records(
        con, units=UNITS, headcount=HEADCOUNT, projects=PROJECTS, outcomes=OUTCOMES, awards=AWARDS, studios=STUDIOS
    )
    yield con
    con.close()


def test_comparison_units_skip_a_lone_child(con):
    assert tree.comparison_units(con, Filters()) == ["公司A", "公司B"]
    # 公司A's only child is its 党委: compare the 党委's branches instead of one bar.
    assert tree.comparison_units(con, Filters(units=("公司A",))) == ["A1支部", "A2支部"]
    assert tree.comparison_units(con, Filters(units=("B1支部",))) == ["B1支部"]


def test_normalised_figures(con):
    rows = participation_metrics.normalised_by_unit(con, Y2024, ["公司A", "公司B"]).set_index("unit")
    assert rows.loc["公司A", "projects_per_branch"] == pytest.approx(4 / 2)  # P1 P2 P3 P7 over A1, A2
    assert rows.loc["公司B", "projects_per_branch"] == pytest.approx(2 / 1)  # P4 P5 over B1
    assert rows.loc["公司A", "savings_per_100_members"] == pytest.approx(100 / 30 * 100)
    assert rows.loc["公司B", "savings_per_100_members"] == pytest.approx(20 / 40 * 100)


def test_ranking_with_movement_against_previous_year(con):
    ranking = participation_metrics.unit_ranking(con, Y2024, ["公司A", "公司B"], "participation_rate")
    got = {row.unit: (row.rank, row.previous_rank, row.rank_change) for row in ranking.itertuples()}
    # 2024: A 80% > B 50%; 2023: B 90% > A 63.3%. A climbs one place, B drops one.
    assert got == {"公司A": (1, 2, 1), "公司B": (2, 1, -1)}
    by_savings = participation_metrics.unit_ranking(con, Y2024, ["公司A", "公司B"], "savings_per_100_members")
    # 2024: A 333.3 > B 50; 2023: A 0 < B 250.
    assert list(by_savings["unit"]) == ["公司A", "公司B"]
    assert list(by_savings["rank_change"]) == [1, -1]
    by_projects = participation_metrics.unit_ranking(con, Y2024, ["公司A", "公司B"], "projects_per_branch")
    assert list(by_projects["rank"]) == [1, 1]  # 2.0 each: a tie shares the better rank


def test_ranking_without_years_has_no_movement(con):
    ranking = participation_metrics.unit_ranking(con, Filters(), ["公司A", "公司B"], "projects")
    assert list(ranking["unit"]) == ["公司A", "公司B"]  # 4 projects against 3 over all years
    assert ranking["rank_change"].isna().all()
    with pytest.raises(ValueError):
        participation_metrics.unit_ranking(con, Y2024, ["公司A"], "no_such_figure")


def test_figures_by_year_per_unit(con):
    by_year = participation_metrics.unit_figures_by_year(con, Y2024, ["公司A", "公司B"]).set_index(["unit", "year"])
    assert by_year.loc[("公司A", 2023), "participation_rate"] == pytest.approx(19 / 30)
    assert by_year.loc[("公司B", 2024), "participation_rate"] == pytest.approx(0.5)
    assert by_year.loc[("公司B", 2023), "branch_coverage"] == 1.0  # P6 in B1, the one branch
    assert by_year.loc[("公司A", 2023), "branch_coverage"] == 0.0  # no project of A in 2023


def test_savings_by_unit_and_programme_and_category(con):
    parts = savings_metrics.savings_by_unit_dimension(con, Y2024, ["公司A", "公司B"])
    got = {(r.unit, r.dimension, r.value): r.savings_wan for r in parts.itertuples()}
    assert got[("公司A", "program", "双创")] == 60.0  # P1 50 + P3 10
    assert got[("公司A", "program", "党员创新工程")] == 30.0
    assert got[("公司A", "program", "书记项目")] == 5.0
    assert got[("公司A", "program", None)] == 5.0  # the unit-level row has no programme
    assert got[("公司A", "category", "科研生产")] == 50.0
    assert got[("公司B", "program", "QC课题")] == 20.0
    assert sum(v for (unit, dim, _), v in got.items() if unit == "公司A" and dim == "program") == 100.0
    # The same total the KPI band shows.
    assert metrics.kpis_by_unit(con, Y2024, ["公司A"])["savings_wan"].iloc[0] == 100.0


def test_savings_trend_by_programme_and_top_projects(con):
    by_year = savings_metrics.savings_by_year_program(con, Filters())
    got = {(r.year, r.program): r.savings_wan for r in by_year.itertuples()}
    assert got[(2023, "双创")] == 100.0
    assert got[(2024, "QC课题")] == 20.0
    top = savings_metrics.top_savings_projects(con, Y2024, limit=3)
    assert list(top["project_id"]) == ["P1", "P2", "P5"]
    assert list(top["savings_wan"]) == [50.0, 30.0, 12.0]


def test_concentration_of_top_three_projects(con):
    rows = savings_metrics.savings_concentration(con, Y2024, ["公司A", "公司B", "A2支部"]).set_index("unit")
    assert rows.loc["公司A", "top_savings_wan"] == 90.0  # P1 50, P2 30, P3 10; P7 and the unit-level row left out
    assert rows.loc["公司A", "top_share"] == pytest.approx(0.9)  # of 100
    assert rows.loc["公司B", "top_share"] == pytest.approx(1.0)
    assert rows.loc["A2支部", "top_share"] == pytest.approx(1.0)  # P3 10 + P7 5 of 15
    nothing = savings_metrics.savings_concentration(con, Filters(year_from=2025, year_to=2025), ["公司A"])
    assert nothing["top_share"].iloc[0] is None or nothing["top_share"].isna().iloc[0]


def test_outcome_forms_by_unit_keep_software_apart(con):
    counts = outcomes_metrics.outcome_counts_by_unit(con, Y2024, ["公司A", "公司B"]).set_index("unit")
    assert counts.loc["公司A", ["发明专利", "实用新型专利", "论文", "标准"]].tolist() == [2, 1, 2, 1]
    assert counts.loc["公司B", ["外观设计专利", "软件著作权", "制度", "论文"]].tolist() == [1, 3, 1, 0]
    assert "节创价值" not in counts.columns
    patents = metrics.kpis_by_unit(con, Y2024, ["公司B"]).set_index("unit")
    assert patents.loc["公司B", "patent_count"] == 1  # software copyrights are not patents
    assert patents.loc["公司B", "software_copyrights"] == 3


def test_status_board_with_a_fixed_date(con):
    board = projects_metrics.status_board(con, Y2024, AS_OF)
    assert board == {"completed": 2, "in_progress": 2, "overdue": 1, "stopped": 1}  # P1 P7 | P3 P5 | P2 | P4
    projects = projects_metrics.project_list(con, Y2024, AS_OF).set_index("project_id")
    assert projects.loc["P2", "board_status"] == "overdue"
    assert projects.loc["P3", "board_status"] == "in_progress"
    # A year later P3 is past its end date too; on its end date itself it is not yet overdue.
    assert projects_metrics.status_board(con, Y2024, dt.date(2026, 3, 1))["overdue"] == 2
    assert projects_metrics.status_board(con, Y2024, dt.date(2025, 6, 30))["overdue"] == 1


def test_project_list_search_and_totals(con):
    found = projects_metrics.project_list(con, Y2024, AS_OF, search="王工")
    assert list(found["project_id"]) == ["P1"]
    row = found.iloc[0]
    assert (row["savings_wan"], row["patent_count"], row["awards_declared"], row["awards_awarded"]) == (50.0, 2, 2, 1)
    assert list(projects_metrics.project_list(con, Y2024, AS_OF, search="p5")["project_id"]) == ["P5"]
    assert len(projects_metrics.project_list(con, Filters(units=("公司B",)), AS_OF)) == 3  # P4 P5 P6


def test_project_card_has_every_outcome_and_award(con):
    card = projects_metrics.project_card(con, "P1")
    assert card["project"]["unit"] == "A1支部"
    assert card["project"]["program"] == "双创"
    assert sorted(card["outcomes"]["outcome_type"]) == ["发明专利", "节创价值", "节创价值"]
    assert list(card["awards"]["award"]) == ["奖1", "奖2"]
    assert projects_metrics.project_card(con, "nope") is None


def test_award_funnel_by_level(con):
    funnel = awards_metrics.award_funnel(con, Y2024)
    assert list(funnel["level"]) == ["国家级", "省部级", "集团级", "公司级"]
    assert list(funnel["awards_declared"]) == [1, 2, 2, 1]
    assert list(funnel["awards_awarded"]) == [0, 1, 2, 0]
    assert list(funnel["award_rate"]) == [0.0, 0.5, 1.0, 0.0]
    rates = metrics.kpis_by_unit(con, Y2024, ["公司A", "公司B"]).set_index("unit")["award_rate"]
    assert rates["公司A"] == pytest.approx(1 / 3)
    assert rates["公司B"] == pytest.approx(2 / 3)


def test_studio_dimensions_met_and_missed(con):
    verdicts = studios_metrics.studio_verdicts(con, Filters())
    dims = studios_metrics.studio_dimensions(verdicts[(verdicts["studio"] == "甲工作室") & (verdicts["year"] == 2025)])
    got = {row.dimension: (row.target, row.actual, row.met) for row in dims.itertuples()}
    assert got == {
        "projects": (3, 3, True),
        "breakthroughs": (2, 1, False),
        "apprentices": (None, 0, None),  # no target: not judged
        "exchanges": (4, 5, True),
    }
    cards = studios_metrics.studio_cards(verdicts, 2025)
    assert [(c["studio"], c["verdict"], c["missed"]) for c in cards] == [
        ("甲工作室", "delisted", ["breakthroughs"]),
        ("乙工作室", "ok", []),
    ]
    at_risk = studios_metrics.studios_at_risk(verdicts, 2024)
    assert list(at_risk["studio"]) == ["乙工作室", "甲工作室"]  # both warnings in 2024, by name
    assert studios_metrics.studio_year(verdicts, Filters()) == 2025
    history = studios_metrics.verdict_history(verdicts).set_index("studio")
    assert history.loc["甲工作室", ["2023", "2024", "2025"]].tolist() == ["ok", "warning", "delisted"]
    assert history.loc["乙工作室", "2023"] is None
