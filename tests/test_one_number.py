"""One number everywhere: the 本级 row that makes breakdowns add up, the 到期结题率 at the data's own date, overdue
projects of every start year, one rounding for a change, and takeaways on ties, trivial concentration and zeros."""

import datetime as dt

import pandas as pd
import pytest

from analytics import metrics
from analytics.display import formatting, kpi_band, labels, takeaways
from analytics.exports import summary
from analytics.filters import Filters
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import savings as savings_metrics
from analytics.store import tree
from analytics.store.tree import OWN_GROUP
from tests import test_metrics as fixture
from tests.factories import GROUP_TREE, load_records, new_store

Y2024 = Filters(year_from=2024, year_to=2024)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("one-number"))
    load_records(
        con,
        units=fixture.UNITS,
        headcount=fixture.HEADCOUNT,
        projects=fixture.PROJECTS,
        outcomes=fixture.OUTCOMES,
        awards=fixture.AWARDS,
    )
    yield con
    con.close()


def test_own_row_makes_a_company_breakdown_add_up(con):
    company = Filters(units=("公司A",), year_from=2024, year_to=2024)
    # 公司A's only child is A党委, so its branches are compared; P5 belongs to 公司A itself (no branch).
    assert tree.comparison_units(con, company) == ["A1支部", "A2支部"]
    assert tree.own_roots(con, company) == ["公司A", "A党委"]
    groups = tree.comparison_groups(con, company)
    assert groups == ["A1支部", "A2支部", OWN_GROUP]
    rows = metrics.kpis_by_unit(con, company, groups).set_index("unit")
    assert dict(rows["projects"]) == {"A1支部": 1, "A2支部": 1, OWN_GROUP: 1}  # P1, P2, P5
    assert rows["projects"].sum() == metrics.summary(con, company)["projects"] == 3
    # A 本级 row has no rate of its own: the company's stated headcount covers its whole subtree.
    assert pd.isna(rows.loc[OWN_GROUP, "participation_rate"])


def test_own_row_holds_unit_level_outcomes(con):
    company = Filters(units=("公司B",), year_from=2024, year_to=2024)
    groups = tree.comparison_groups(con, company)
    assert groups == ["B1支部", OWN_GROUP]
    rows = metrics.kpis_by_unit(con, company, groups).set_index("unit")
    # 公司B's design patent is reported by the company itself, with no project: only the 本级 row holds it.
    assert dict(rows["patent_count"]) == {"B1支部": 0, OWN_GROUP: 1}
    assert rows["patent_count"].sum() == metrics.summary(con, company)["patents"]["total"] == 1
    counts = outcomes_metrics.outcome_counts_by_unit(con, company, groups).set_index("unit")
    assert counts.loc[OWN_GROUP, "外观设计专利"] == 1 and counts.loc["B1支部"].sum() == 0


def test_own_row_left_out_when_the_top_has_nothing_of_its_own(con):
    groups = tree.comparison_groups(con, Y2024)
    assert groups == ["公司A", "公司B", OWN_GROUP]  # the group 集团G could hold facts of its own
    rows = metrics.kpis_by_unit(con, Y2024, groups)
    assert list(rows["unit"]) == ["公司A", "公司B"]  # it holds none in 2024: no empty 本级 bar
    assert rows["patent_count"].sum() == metrics.summary(con, Y2024)["patents"]["total"] == 3  # 2 + 1
    # Several selected units: they are the breakdown, nothing is left over.
    assert tree.comparison_groups(con, Filters(units=("公司A", "公司B"))) == ["公司A", "公司B"]


def test_own_savings_by_programme(con):
    parts = savings_metrics.savings_by_unit_dimension(con, Filters(units=("公司A",)), ["A1支部", OWN_GROUP])
    # P5 (公司A's own) has no savings; A1's P1 has 12.5 万元 under 双创.
    program = parts[parts["dimension"] == "program"]
    assert list(program["unit"]) == ["A1支部"] and list(program["savings_wan"]) == [12.5]


def test_own_label_in_both_languages():
    frame = pd.DataFrame({"unit": ["A1支部", OWN_GROUP]})
    assert list(labels.with_unit_labels(frame, "zh")["unit"]) == ["A1支部", "本级"]
    assert labels.unit_label(OWN_GROUP, "en") == "Own"


@pytest.fixture(scope="module")
def due(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("due"))
    load_records(
        con,
        units=GROUP_TREE,
        projects=[
            {"project_id": "Q1", "name": "甲", "unit": "A1支部", "year": 2025, "status": "已结题",
             "end_date": dt.date(2025, 6, 30)},
            {"project_id": "Q2", "name": "乙", "unit": "A1支部", "year": 2025, "status": "实施中",
             "end_date": dt.date(2025, 9, 30)},  # past due at the data's date: overdue
            {"project_id": "Q3", "name": "丙", "unit": "A2支部", "year": 2025, "status": "实施中",
             "end_date": dt.date(2026, 6, 30)},  # not due yet
            {"project_id": "Q4", "name": "丁", "unit": "B1支部", "year": 2025, "status": "已终止",
             "end_date": dt.date(2025, 3, 1)},
            {"project_id": "Q5", "name": "戊", "unit": "B1支部", "year": 2023, "status": "实施中",
             "end_date": dt.date(2024, 6, 30)},  # a 2023 project still open
        ],
    )  # fmt: skip
    yield con
    con.close()


def test_data_as_of_is_the_end_of_its_latest_year(due):
    assert tree.data_as_of(due, today=dt.date(2026, 11, 30)) == dt.date(2025, 12, 31)
    assert tree.data_as_of(due, today=dt.date(2025, 8, 1)) == dt.date(2025, 8, 1)  # the year is still running


def test_due_completion_rate_counts_only_projects_due(due):
    figures = metrics.summary(due, Filters(year_from=2025, year_to=2025))
    assert figures["completion_rate"] == pytest.approx(1 / 3)  # Q1 of Q1, Q2, Q3 (Q4 stopped)
    assert figures["projects_due"] == 2  # Q1 completed, Q2 overdue; Q3 is not due until 2026
    assert figures["due_completion_rate"] == pytest.approx(1 / 2)
    tiles = {tile.key: tile for tile in kpi_band.tiles(figures, None, "zh")}
    assert tiles["due_completion_rate"].label == "到期结题率" and tiles["due_completion_rate"].value == "50.0%"


def test_overdue_projects_of_every_start_year(due):
    year = Filters(year_from=2025, year_to=2025)
    as_of = dt.date(2025, 12, 31)
    board = projects_metrics.status_board(due, year, as_of, overdue_all_years=True)
    assert board == {"completed": 1, "in_progress": 1, "overdue": 2, "stopped": 1}  # Q2 and 2023's Q5
    listed = projects_metrics.project_list(due, year, as_of, overdue_all_years=True)
    assert sorted(listed["project_id"]) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert projects_metrics.status_board(due, year, as_of)["overdue"] == 1  # without: the year's own only


def test_change_rounded_once_in_tile_and_sentence():
    # 96.774% − 90.625% = 6.149 points: 6.1 in both, never 6.2 from a second rounding.
    assert formatting.points_change(0.96774, 0.90625) == 6.1
    assert formatting.delta_rate(0.96774, 0.90625) == "+6.1个百分点"
    now = {"has_data": True, "projects": 3, "participation_rate": 0.96774, "savings_wan": 0,
           "patents": {"total": 0, "发明专利": 0}}  # fmt: skip
    before = {"has_data": True, "participation_rate": 0.90625}
    sentence = summary.unit_sentence("甲", now, before, Y2024, "zh")
    assert "党员参与率96.8%（同比提高6.1个百分点）" in sentence
    assert "（与上年持平）" in summary.unit_sentence("甲", now, {"has_data": True, "participation_rate": 0.96771},
                                                     Y2024, "zh")  # fmt: skip


def test_zero_change_is_flat():
    assert kpi_band.Tile("projects", "项目数", "3", "+0").flat
    assert kpi_band.Tile("savings_wan", "节创价值", "3.0", "+0.0 (RMB 10k)").flat
    assert not kpi_band.Tile("savings_wan", "节创价值", "3.0", "+0.1 万元").flat


def test_highest_says_tied_and_all_equal():
    every = pd.DataFrame({"unit": ["甲", "乙", "丙"], "participation_rate": [1.0, 1.0, 1.0]})
    assert takeaways.highest(every, "participation_rate") == "各单位党员参与率均为 100.0%"
    two = pd.DataFrame({"unit": ["甲", "乙", "丙", OWN_GROUP], "savings_wan": [5.0, 5.04, 1.0, 9.0]})
    # 5.0 and 5.04 both read 5.0 万元; the 本级 row is not ranked among the units.
    assert takeaways.highest(two, "savings_wan") == "甲、乙节创价值并列最高，均为 5.0 万元"


def test_concentration_skips_units_with_few_projects():
    few = pd.DataFrame({"unit": ["甲", "乙"], "top_share": [1.0, 1.0], "projects_with_savings": [3, 2]})
    assert takeaways.concentration(few, 3) == "各单位节创价值项目均不超过3个，不作集中度比较"
    mixed = few.assign(top_share=[0.9, 1.0], projects_with_savings=[5, 2])
    assert takeaways.concentration(mixed, 3) == "甲节创价值最集中：前3个项目占 90.0%"


def test_no_zero_count_and_undeclared_awards():
    verdicts = pd.DataFrame({"studio": ["S1", "S2"], "verdict": ["warning", "ok"]})
    assert takeaways.studios(verdicts, 2025) == "2025年有 1 个工作室未完成目标，应予风险提示，暂无应摘牌的工作室"
    rates = pd.DataFrame({"unit": ["甲", "乙"], "award_rate": [0.5, None], "awards_declared": [2, 0]})
    assert takeaways.highest(rates, "award_rate") == "甲获奖率最高，为 50.0%；另有1个单位未申报"
    figures = {"awards_declared": 0}
    tiles = {tile.key: tile for tile in kpi_band.tiles(_figures(figures), None, "zh")}
    assert tiles["award_rate"].value == "未申报"


def _figures(overrides: dict) -> dict:
    base = {"projects": 0, "participation_rate": None, "branch_coverage": None, "savings_wan": 0.0,
            "patents": {"total": 0}, "award_rate": None, "awards_declared": 0, "due_completion_rate": None,
            "software_copyrights": 0}  # fmt: skip
    return base | overrides


def test_workbook_by_unit_rows_add_up_to_its_total(con):
    import io

    import openpyxl

    from analytics.exports import workbook

    company = Filters(units=("公司B",), year_from=2024, year_to=2024)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.build(con, company)))["分单位指标"]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    headers = [cell.value for cell in sheet[1]]
    patents = headers.index("专利")
    by_unit = {row[0]: row[patents] for row in rows if row[0] != "合计（所选范围）" and row[patents] is not None}
    assert by_unit == {"B1支部": 0, "本级": 1}  # 公司B's own design patent has its row
    assert sum(by_unit.values()) == next(row[patents] for row in rows if row[0] == "合计（所选范围）") == 1
