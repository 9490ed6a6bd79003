"""Metrics on a hand-built group, every expected figure worked out by hand in the comments."""

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics import kpis, kpis_by_unit, summary, trend
from analytics.metrics.studios import studio_verdicts
from analytics.store.tree import UnknownUnitError, resolve_units
from tests.factories import GROUP_TREE, load_records, new_store

UNITS = GROUP_TREE
HEADCOUNT = [
    # 2024: the group states its own figures, which override its branches' sum.
    {"unit": "集团G", "year": 2024, "party_members": 50, "participating_members": 40, "branches": 4},
    {"unit": "A1支部", "year": 2024, "party_members": 20, "participating_members": 18, "branches": 1},
    {"unit": "A2支部", "year": 2024, "party_members": 10, "participating_members": 9, "branches": 1},
    {"unit": "B1支部", "year": 2024, "party_members": 10, "participating_members": None},
    # 2023: no group row, so the group is the sum of its branches.
    {"unit": "A1支部", "year": 2023, "party_members": 20, "participating_members": 10, "branches": 1},
    {"unit": "A2支部", "year": 2023, "party_members": 10, "participating_members": 5, "branches": 1},
    {"unit": "B1支部", "year": 2023, "party_members": 10, "participating_members": 10, "branches": 1},
]
PROJECTS = [
    {"project_id": "P1", "name": "提高合格率", "unit": "A1支部", "year": 2024, "status": "已结题",
     "program": "双创", "category": "科研生产"},
    {"project_id": "P2", "name": "效率提升", "unit": "A党委", "branch": "A2支部", "year": 2024, "status": "实施中",
     "program": "党员创新工程", "category": "精益管理"},
    {"project_id": "P3", "name": "降本", "unit": "A1支部", "year": 2023, "status": "已终止",
     "program": "双创", "category": "安全质量"},
    {"project_id": "P4", "name": "QC攻关", "unit": "B1支部", "year": 2024, "status": "已终止",
     "program": "QC课题", "category": "精益管理"},
    {"project_id": "P5", "name": "书记项目", "unit": "公司A", "year": 2024, "status": "已结题",
     "program": "书记项目", "category": "党建"},
]  # fmt: skip
OUTCOMES = [
    {"project_id": "P1", "outcome_type": "节创价值", "value_wan": 12.5},
    {"project_id": "P2", "outcome_type": "节创价值", "value_wan": 7.5, "year": 2025},  # counts in its own year
    {"project_id": "P1", "outcome_type": "发明专利", "quantity": 2},
    {"project_id": "P3", "outcome_type": "实用新型专利", "quantity": 1},
    {"unit": "公司B", "outcome_type": "外观设计专利", "quantity": 1, "year": 2024},  # a unit-level outcome
    {"project_id": "P2", "outcome_type": "软件著作权", "quantity": 1},
]
AWARDS = [
    {"project_id": "P1", "year": 2024, "award": "奖X", "level": "集团级", "result": "获奖"},
    {"project_id": "P2", "year": 2024, "award": "奖Y", "level": "公司级", "result": "申报"},
    {"project_id": "P3", "year": 2023, "award": "奖Z", "level": "省部级", "result": "获奖"},
]


def studio(name, unit, year, met):
    actual = 3 if met else 1
    return {"studio": name, "unit": unit, "year": year, "target_projects": 2, "actual_projects": actual,
            "target_breakthroughs": 1, "actual_breakthroughs": 1}  # fmt: skip


STUDIOS = [
    studio("S1", "公司A", 2023, True),
    studio("S1", "公司A", 2024, False),
    studio("S1", "公司A", 2025, False),
    studio("S2", "公司B", 2023, False),
    studio("S2", "公司B", 2024, True),
    studio("S2", "公司B", 2025, False),
]


@pytest.fixture
def con(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con, units=UNITS, headcount=HEADCOUNT, projects=PROJECTS, outcomes=OUTCOMES, awards=AWARDS, studios=STUDIOS
    )
    yield con
    con.close()


def test_group_kpis_for_2024(con):
    result = kpis(con, Filters(year_from=2024, year_to=2024))
    assert result == {
        "projects": 4,  # P1, P2, P4, P5
        "by_category": {"科研生产": 1, "精益管理": 2, "党建": 1},
        "by_program": {"党员创新工程": 1, "双创": 1, "书记项目": 1, "QC课题": 1},
        "participation_rate": 0.8,  # the group's own row: 40 / 50
        "branch_coverage": 0.75,  # A1, A2, B1 have projects; the group states 4 branches
        "savings_wan": 12.5,  # P2's 7.5 belongs to 2025
        "patents": {"total": 3, "发明专利": 2, "实用新型专利": 0, "外观设计专利": 1},
        "software_copyrights": 1,
        "awards": {"declared": 2, "awarded": 1, "rate": 0.5},
        "completion_rate": 2 / 3,  # completed P1, P5 of P1, P2, P5 (P4 stopped)
    }


def test_group_without_its_own_row_sums_its_branches(con):
    result = summary(con, Filters(year_from=2023, year_to=2023))
    assert result["party_members"] == 40
    assert result["participating_members"] == 25
    assert result["participation_rate"] == 25 / 40
    assert result["completion_rate"] is None  # P3 is the only 2023 project and it was stopped


def test_roll_up_through_three_levels(con):
    by_unit = kpis_by_unit(con, Filters(year_from=2024, year_to=2024), ["公司A", "A党委", "A1支部", "公司B"])
    rows = by_unit.set_index("unit")
    # 公司A has no row of its own: A1 + A2 = 27 / 30, through A党委.
    assert rows.loc["公司A", "participation_rate"] == pytest.approx(0.9)
    assert rows.loc["A党委", "participation_rate"] == pytest.approx(0.9)
    assert rows.loc["A1支部", "participation_rate"] == pytest.approx(0.9)
    assert rows.loc["公司A", "projects"] == 3  # P1, P2 (via its branch A2), P5
    assert rows.loc["A党委", "projects"] == 2
    assert rows.loc["公司A", "savings_wan"] == 12.5
    assert rows.loc["公司A", "branch_coverage"] == 1.0  # A1 and A2 of the 2 stated branches
    assert rows.loc["公司B", "patent_count"] == 1  # the unit-level design patent


def test_unknown_participation_is_none_not_zero(con):
    rows = kpis_by_unit(con, Filters(year_from=2024, year_to=2024), ["公司B"]).set_index("unit")
    assert rows.loc["公司B", "participation_rate"] is None
    assert rows.loc["公司B", "branches_total"] == 1  # no stated branch count: counted from the tree
    assert rows.loc["公司B", "branch_coverage"] == 1.0


def test_two_selected_units_overlapping_count_once(con):
    result = kpis(con, Filters(units=("公司A", "A1支部"), year_from=2024, year_to=2024))
    assert result["projects"] == 3
    assert result["participation_rate"] == pytest.approx(0.9)


def test_program_filter_drops_unit_level_outcomes(con):
    result = kpis(con, Filters(year_from=2024, year_to=2024, programs=("双创",)))
    assert result["projects"] == 1
    assert result["savings_wan"] == 12.5
    assert result["patents"]["total"] == 2
    assert result["by_program"] == {"双创": 1}


def test_all_years_and_trend(con):
    result = kpis(con, Filters())
    assert result["projects"] == 5
    assert result["savings_wan"] == 20.0
    assert result["awards"] == {"declared": 3, "awarded": 2, "rate": 2 / 3}
    years = trend(con, Filters()).set_index("year")
    assert list(years.index) == [2023, 2024, 2025]
    assert years.loc[2023, "projects"] == 1
    assert years.loc[2025, "savings_wan"] == 7.5
    assert years.loc[2023, "participation_rate"] == 25 / 40


def test_a_per_year_frame_kept_to_the_chosen_years_as_the_sql_filter_keeps_them():
    frame = pd.DataFrame({"year": [2022, 2023, 2024, None], "n": [1, 2, 3, 4]})
    assert list(Filters().in_years(frame)["n"]) == [1, 2, 3, 4]  # nothing chosen: every row, an unknown year too
    assert list(Filters(year_from=2023, year_to=2024).in_years(frame)["n"]) == [2, 3]
    assert list(Filters(year_to=2023).in_years(frame)["n"]) == [1, 2]


def test_previous_period_of_a_range():
    assert Filters(year_from=2023, year_to=2024).previous_period() == Filters(year_from=2021, year_to=2022)
    assert Filters().previous_period() is None


def test_studio_rule_over_three_years(con):
    verdicts = studio_verdicts(con, Filters())
    got = {(row.studio, row.year): row.verdict for row in verdicts.itertuples()}
    assert got == {
        ("S1", 2023): "ok",
        ("S1", 2024): "warning",
        ("S1", 2025): "delisted",
        ("S2", 2023): "warning",
        ("S2", 2024): "ok",
        ("S2", 2025): "warning",
    }
    # The run is counted from years outside the filter: S1 is delisted when only 2025 is shown.
    only_2025 = studio_verdicts(con, Filters(year_from=2025, year_to=2025, units=("公司A",)))
    assert list(only_2025["verdict"]) == ["delisted"]
    assert list(studio_verdicts(con, Filters(), delist_years=3)["verdict"])[4] == "warning"


def test_unknown_unit_lists_close_matches(con):
    with pytest.raises(UnknownUnitError) as caught:
        resolve_units(con, ["公司C"])
    assert sorted(caught.value.suggestions[:2]) == ["公司A", "公司B"]
    assert resolve_units(con, [" 公司Ａ "]) == ("公司A",)  # trimmed and width-folded only
