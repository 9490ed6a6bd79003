"""Issue 17's figures on hand-built stores, worked by hand: cards, 按期率, 未检查, list closure, suggestions, points."""

import datetime as dt

import pytest

from analytics.filters import Filters
from analytics.metrics import checks, lists, points, suggestions
from tests.factories import GROUP_TREE, load_records, new_store

D = dt.date
PROJECTS = [
    # P1 slides behind in 2024Q4 and again in 2025Q1: red across the year boundary.
    {"project_id": "P1", "name": "一", "unit": "A1支部", "year": 2024, "status": "实施中", "leader": "甲"},
    # P2 is behind in 2025Q1 only and recovers in Q2: yellow, then no card.
    {"project_id": "P2", "name": "二", "unit": "A2支部", "year": 2024, "status": "实施中", "leader": "乙"},
    # P3 is never checked in 2025Q1: 未检查 once that quarter has ended.
    {"project_id": "P3", "name": "三", "unit": "B1支部", "year": 2025, "status": "立项", "start_date": D(2025, 1, 5)},
    # P4 is completed: never 未检查.
    {"project_id": "P4", "name": "四", "unit": "B1支部", "year": 2024, "status": "已结题", "end_date": D(2024, 11, 1)},
]
CHECKS = [
    {"project_id": "P1", "year": 2024, "quarter": 3, "progress": "正常"},
    {"project_id": "P1", "year": 2024, "quarter": 4, "progress": "滞后", "issue": "缺设备", "action": "催货"},
    {"project_id": "P1", "year": 2025, "quarter": 1, "progress": "滞后", "issue": "仍缺", "action": "换供应商"},
    {"project_id": "P2", "year": 2024, "quarter": 4, "progress": "正常"},
    {"project_id": "P2", "year": 2025, "quarter": 1, "progress": "停滞"},
    {"project_id": "P2", "year": 2025, "quarter": 2, "progress": "正常"},
]


@pytest.fixture
def con(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE, projects=PROJECTS, checks=CHECKS)
    yield con
    con.close()


def test_two_quarters_behind_across_the_year_boundary_is_red_and_a_recovered_yellow_has_no_card(con):
    cards = checks.check_cards(con, Filters())
    by = {(r.project_id, r.year, r.quarter): r.card for r in cards.itertuples()}
    assert by[("P1", 2024, 4)] == "yellow"
    assert by[("P1", 2025, 1)] == "red"
    assert by[("P2", 2025, 1)] == "yellow"
    assert by[("P2", 2025, 2)] is None
    # Only 2025 selected: P1's Q1 is still red, its run began in 2024Q4.
    in_2025 = checks.check_cards(con, Filters(year_from=2025, year_to=2025))
    assert in_2025.loc[in_2025["project_id"] == "P1", "card"].tolist() == ["red"]
    # Three quarters needed for red: P1 is only yellow.
    strict = checks.check_cards(con, Filters(), red_quarters=3)
    assert strict.loc[(strict["project_id"] == "P1") & (strict["year"] == 2025), "card"].tolist() == ["yellow"]


def test_summary_of_2025q1_at_a_cutoff(con):
    summary = checks.check_summary(con, Filters(year_from=2025, year_to=2025), quarter=1, cutoff=D(2025, 4, 10))
    # Two checks in 2025Q1, both behind: 0 on track of 2.
    assert summary["checks"] == 2 and summary["on_track_rate"] == 0.0
    assert summary["red"] == ["P1"] and summary["yellow"] == ["P2"]
    assert summary["unchecked"] == ["P3"]
    # Before the quarter has ended nothing is 未检查.
    early = checks.check_summary(con, Filters(year_from=2025, year_to=2025), quarter=1, cutoff=D(2025, 3, 20))
    assert early["unchecked"] == []


def test_summary_defaults_to_the_latest_checked_quarter(con):
    summary = checks.check_summary(con, Filters(year_from=2025, year_to=2025), cutoff=D(2025, 12, 31))
    # 2025: three checks (P1 Q1 滞后, P2 Q1 停滞, P2 Q2 正常): 1 of 3 on track; the latest quarter is Q2.
    assert summary["checks"] == 3 and summary["on_track_rate"] == pytest.approx(1 / 3)
    assert (summary["year"], summary["quarter"]) == (2025, 2)
    assert summary["yellow"] == [] and summary["red"] == []
    # In 2025Q2 P1 and P3 are open and unchecked (P2 was checked, P4 is completed).
    assert summary["unchecked"] == ["P1", "P3"]


def test_a_project_closed_since_is_judged_by_its_state_in_that_quarter(tmp_path):
    # P5 ran through 2025Q1 and closed on 20 May: 未检查 in Q1 (open at the quarter's end), not in Q2. P6 closed
    # with no end date: when it closed is unknown, so it is never called 未检查.
    closed = [
        {"project_id": "P5", "name": "五", "unit": "A1支部", "year": 2024, "status": "已结题",
         "start_date": D(2024, 3, 1), "end_date": D(2025, 5, 20)},
        {"project_id": "P6", "name": "六", "unit": "A1支部", "year": 2024, "status": "已终止"},
    ]  # fmt: skip
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE, projects=[*PROJECTS, *closed], checks=CHECKS)
    in_2025 = Filters(year_from=2025, year_to=2025)
    assert checks.check_summary(con, in_2025, quarter=1, cutoff=D(2025, 7, 10))["unchecked"] == ["P3", "P5"]
    assert checks.check_summary(con, in_2025, quarter=2, cutoff=D(2025, 7, 10))["unchecked"] == ["P1", "P3"]
    con.close()


def test_on_track_rate_by_unit_and_quarter(con):
    frame = checks.on_track_by_quarter(con, Filters(), ["公司A", "公司B"])
    rows = {(r.unit, r.period): (r.checks, r.on_track) for r in frame.itertuples()}
    # 公司A holds A1 (P1) and A2 (P2): 2024Q4 two checks, P2 正常 → 1 of 2.
    assert rows[("公司A", "2024Q4")] == (2, 1)
    assert rows[("公司A", "2025Q1")] == (2, 0)
    assert ("公司B", "2024Q4") not in rows


LIST_ITEMS = [
    {"project_id": "S1", "list": "目标", "item_no": 1, "item": "降本", "done_date": D(2024, 12, 1)},
    {"project_id": "S1", "list": "目标", "item_no": 2, "item": "培养", "due_date": D(2024, 6, 30)},
    {"project_id": "S1", "list": "问题", "item_no": 1, "item": "配料浪费"},
    {"project_id": "S1", "list": "问题", "item_no": 2, "item": "交检慢"},
    # Answers problem 1 and is completed.
    {"project_id": "S1", "list": "整改", "item_no": 1, "item": "复核制度", "answers": 1, "done_date": D(2024, 9, 1)},
    # Answers problem 2 but is still open and past its deadline.
    {"project_id": "S1", "list": "整改", "item_no": 2, "item": "快检", "answers": 2, "due_date": D(2024, 10, 31)},
    {"project_id": "S2", "list": "问题", "item_no": 1, "item": "x"},
    {"project_id": "S2", "list": "整改", "item_no": 1, "item": "y", "answers": 1, "done_date": D(2024, 5, 1)},
]


@pytest.fixture
def list_store(tmp_path):
    con = new_store(tmp_path)
    projects = [
        {"project_id": "S1", "name": "书一", "unit": "A1支部", "year": 2024, "program": "书记项目"},
        {"project_id": "S2", "name": "书二", "unit": "B1支部", "year": 2024, "program": "书记项目"},
    ]
    load_records(con, units=GROUP_TREE, projects=projects, secretary_lists=LIST_ITEMS)
    yield con
    con.close()


def test_a_problem_answered_by_a_closed_fix_and_one_left_open(list_store):
    frame = lists.list_closure(list_store, Filters(), cutoff=D(2024, 12, 31)).set_index("project_id")
    s1 = frame.loc["S1"]
    assert (s1["problems"], s1["problems_closed"], s1["closure_rate"]) == (2, 1, 0.5)
    assert (s1["goals"], s1["goals_done"], s1["goal_rate"]) == (2, 1, 0.5)
    # Goal 2 (due 2024-06-30) and fix 2 (due 2024-10-31) are open past their deadline.
    assert s1["overdue_items"] == 2
    assert s1["fully_closed"] is False
    assert frame.loc["S2", "closure_rate"] == 1.0 and frame.loc["S2", "fully_closed"] is True
    # At an earlier cut-off, fix 1 (done 2024-09-01) had not happened yet.
    early = lists.list_closure(list_store, Filters(), cutoff=D(2024, 8, 1)).set_index("project_id")
    assert early.loc["S1", "problems_closed"] == 0 and early.loc["S1", "overdue_items"] == 1
    share = lists.closed_share_by_unit(list_store, Filters(), ["公司A", "公司B"], cutoff=D(2024, 12, 31))
    assert share.set_index("unit")["closed_share"].to_dict() == {"公司A": 0.0, "公司B": 1.0}


def test_suggestion_figures(tmp_path):
    con = new_store(tmp_path)
    rows = [
        {
            "suggestion_id": "J1",
            "unit": "A1支部",
            "date": D(2024, 3, 1),
            "status": "已办结",
            "done_date": D(2024, 3, 11),
            "value_wan": 2.0,
        },
        {
            "suggestion_id": "J2",
            "unit": "A1支部",
            "date": D(2024, 3, 5),
            "status": "已办结",
            "done_date": D(2024, 4, 4),
            "value_wan": 1.0,
        },
        {"suggestion_id": "J3", "unit": "A2支部", "date": D(2024, 4, 1), "status": "已采纳", "value_wan": 5.0},
        {"suggestion_id": "J4", "unit": "B1支部", "date": D(2024, 4, 2), "status": "未采纳", "value_wan": 9.0},
        {"suggestion_id": "J5", "unit": "B1支部", "date": D(2023, 4, 2), "status": "已受理"},
    ]
    load_records(con, units=GROUP_TREE, suggestions=rows)
    summary = suggestions.suggestion_summary(con, Filters(year_from=2024, year_to=2024))
    # 4 collected in 2024; adopted J1, J2, J3 → 3/4; done J1, J2 → 2/3; days 10 and 30 → median 20;
    # value of adopted ideas 2 + 1 + 5 = 8 (J4's 9 was not adopted).
    assert summary == {
        "collected": 4,
        "adoption_rate": 0.75,
        "done_rate": pytest.approx(2 / 3),
        "median_days_to_done": 20.0,
        "value_wan": 8.0,
    }
    by_unit = suggestions.suggestions_by_unit(con, Filters(year_from=2024, year_to=2024), ["公司A", "公司B"])
    assert by_unit.set_index("unit")["collected"].to_dict() == {"公司A": 3, "公司B": 1}
    by_month = suggestions.suggestions_by_month(con, Filters(year_from=2024, year_to=2024))
    assert by_month.set_index("month")["collected"].to_dict() == {"2024-03": 2, "2024-04": 2}
    con.close()


@pytest.fixture
def point_store(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        units=GROUP_TREE,
        headcount=[
            {"unit": "公司A", "year": 2024, "party_members": 50},
            {"unit": "公司B", "year": 2024, "party_members": 10},
        ],
        projects=[
            {
                "project_id": "P1",
                "name": "一",
                "unit": "A1支部",
                "year": 2023,
                "status": "已结题",
                "end_date": D(2023, 12, 1),
            },
            {"project_id": "P2", "name": "二", "unit": "A2支部", "year": 2024, "status": "实施中"},
            {"project_id": "P3", "name": "三", "unit": "B1支部", "year": 2024, "status": "实施中"},
        ],
        outcomes=[
            {"project_id": "P2", "outcome_type": "发明专利", "quantity": 2, "year": 2024},
            {"project_id": "P2", "outcome_type": "节创价值", "value_wan": 25.0, "year": 2024},
        ],
        awards=[{"project_id": "P3", "year": 2024, "award": "奖", "level": "省部级", "result": "获奖"}],
        suggestions=[{"suggestion_id": "J1", "unit": "B1支部", "date": D(2024, 2, 1), "status": "已采纳"}],
        point_adjustments=[
            {"unit": "公司A", "year": 2024, "date": D(2024, 5, 1), "points": -1.5, "adjustment_reason": "迟报"}
        ],
    )
    yield con
    con.close()


def test_points_ranking_per_100_members_and_rank_change(point_store):
    ranking = points.points_ranking(point_store, Filters(), level="公司", year=2024).set_index("unit")
    # 公司A 2024: P2 立项 1 + 2 invention patents × 3 + 25 万元 ÷ 10 × 1 − 1.5 adjustment = 8.0
    # 公司B 2024: P3 立项 1 + 省部级 award 6 + adopted suggestion 1 = 8.0 → both rank 1.
    assert ranking["points"].to_dict() == {"公司A": 8.0, "公司B": 8.0}
    assert ranking["points_per_100_members"].to_dict() == {"公司A": 16.0, "公司B": 80.0}
    assert ranking["rank"].tolist() == [1, 1]
    # 2023: only 公司A had points (P1 立项 1 + 已结题 2): rank 1 then, 1 now → change 0; 公司B unranked.
    assert ranking.loc["公司A", "rank_change"] == 0
    assert ranking["rank_change"].isna().tolist() == [False, True]
    by_project = points.points_by_project(point_store, Filters(year_from=2024, year_to=2024)).set_index("project_id")
    assert by_project["points"].to_dict() == {"P2": 9.5, "P3": 7.0}


def test_a_rule_change_recomputes_a_past_year_and_is_recorded(point_store):
    before = points.points_ranking(point_store, Filters(), level="公司", year=2023).set_index("unit")
    assert before.loc["公司A", "points"] == 3.0
    assert points.set_point_rule(point_store, "已结题", 5, changed_by="admin") is True
    after = points.points_ranking(point_store, Filters(), level="公司", year=2023).set_index("unit")
    assert after.loc["公司A", "points"] == 6.0  # 立项 1 + 已结题 5
    history = points.rule_history(point_store)
    assert history[["rule", "old_points", "new_points", "changed_by"]].values.tolist() == [
        ["已结题", 2.0, 5.0, "admin"]
    ]
    rules = points.point_rules(point_store).set_index("rule")
    assert rules.loc["已结题", "changed_by"] == "admin" and rules.loc["立项", "changed_by"] is None
    # Setting the same value again changes nothing and records nothing.
    assert points.set_point_rule(point_store, "已结题", 5.0, changed_by="admin") is False
    assert len(points.rule_history(point_store)) == 1
    with pytest.raises(points.RuleRefused):
        points.set_point_rule(point_store, "不存在", 1)
    with pytest.raises(points.RuleRefused):
        points.set_point_rule(point_store, "立项", float("nan"))


def test_the_four_commands_print_the_figures_as_json(tmp_path, capsys, point_store):
    import json

    from analytics import cli

    load_records(
        point_store, "more.xlsx", checks=[{"project_id": "P2", "year": 2024, "quarter": 1, "progress": "滞后"}]
    )
    point_store.close()
    db = tmp_path / "store.duckdb"

    def run(*args):
        assert cli.main([*args, "--db", str(db), "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    assert run("checks", "--year", "2024", "--quarter", "Q1", "--cutoff", "2024-04-15") == {
        "checks": 1,
        "on_track_rate": 0.0,
        "yellow": ["P2"],
        "red": [],
        "unchecked": ["P3"],
    }
    assert run("lists", "--year", "2024") == []
    assert run("suggestions", "--year", "2024") == {
        "collected": 1,
        "adoption_rate": 1.0,
        "done_rate": 0.0,
        "median_days_to_done": None,
        "value_wan": 0.0,
    }
    assert run("points", "--year", "2024", "--level", "公司") == [
        {"unit": "公司A", "points": 8.0, "points_per_100_members": 16.0, "rank": 1, "rank_change": 0},
        {"unit": "公司B", "points": 8.0, "points_per_100_members": 80.0, "rank": 1, "rank_change": None},
    ]


def test_running_texts_shadow_no_other_section_and_have_both_languages():
    from analytics.i18n import export_text, ingest_text, pages_text, running_text, store_text, ui_text

    others = set().union(*(m.TEXT for m in (export_text, ingest_text, pages_text, store_text, ui_text)))
    assert not set(running_text.TEXT) & others
    # Both languages in every entry ("en_one", English's form for a count of one, is the only other field).
    assert all({"zh", "en"} <= set(entry) <= {"zh", "en", "en_one"} for entry in running_text.TEXT.values())
    assert all(all(entry.values()) for entry in running_text.TEXT.values())
