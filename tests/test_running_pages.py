"""The four issue-17 pages through AppTest on a small hand-built store: figures shown, cards listed, rules edited."""

import datetime as dt

import pytest

from tests.conftest import open_page
from tests.factories import GROUP_TREE, load_records, new_store
from tests.test_running_metrics import CHECKS, LIST_ITEMS, PROJECTS

D = dt.date


@pytest.fixture
def running_db(tmp_path):
    con = new_store(tmp_path, "running.duckdb")
    projects = [
        *PROJECTS,
        {"project_id": "S1", "name": "书一", "unit": "A1支部", "year": 2024, "program": "书记项目"},
        {"project_id": "S2", "name": "书二", "unit": "B1支部", "year": 2024, "program": "书记项目"},
    ]
    load_records(
        con,
        units=GROUP_TREE,
        headcount=[{"unit": "公司A", "year": 2025, "party_members": 40}],
        projects=projects,
        checks=CHECKS,
        secretary_lists=LIST_ITEMS,
        suggestions=[
            {"suggestion_id": "J1", "unit": "A1支部", "date": D(2025, 3, 1), "status": "已办结",
             "done_date": D(2025, 3, 11), "value_wan": 2.0},
            {"suggestion_id": "J2", "unit": "B1支部", "date": D(2025, 4, 1), "status": "未采纳"},
        ],
        point_adjustments=[
            {"unit": "公司B", "year": 2025, "date": D(2025, 5, 1), "points": 4, "adjustment_reason": "发布会"}
        ],
    )  # fmt: skip
    con.close()
    return tmp_path / "running.duckdb"


def table(app, *columns):
    """The first table on the page holding all the given columns (tables carry no key in AppTest)."""
    return next(frame.value for frame in app.dataframe if set(columns) <= set(frame.value.columns))


def markdown(app) -> list[str]:
    return [element.value for element in app.markdown]


def run(make_app, db, page, **query):
    app = open_page(make_app(db, **query), page)
    app.run()
    assert not app.exception, app.exception
    return app


def test_checks_page_lists_the_cards_and_unchecked_projects(make_app, running_db):
    app = run(make_app, running_db, "checks", year="2025")
    app.date_input(key="checks-cutoff").set_value(D(2025, 12, 31)).run()
    metrics = {m.label: m.value for m in app.metric}
    # 2025: three checks, one on track; latest quarter Q2 has no cards; P1 and P3 unchecked in 2025Q2.
    assert metrics["检查次数"] == "3" and metrics["按期率"] == "33.3%"
    assert (metrics["红牌"], metrics["黄牌"], metrics["未检查"]) == ("0", "0", "2")
    assert "2025Q2 没有红牌或黄牌项目。" in [s.value for s in app.success]
    unchecked = table(app, "project_id", "status")
    assert list(unchecked["project_id"]) == ["P1", "P3"]
    assert any("按期率" in text and "2025Q2" in text for text in markdown(app))
    assert len(app.get("plotly_chart")) == 2


def test_checks_page_shows_the_red_card_with_owner_issue_and_action(make_app, running_db):
    app = run(make_app, running_db, "checks", year="2025")
    app.date_input(key="checks-cutoff").set_value(D(2025, 4, 10))
    app.selectbox(key="checks-quarter").set_value(1).run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    # 2025Q1 only: two checks, both behind; P1 red (2024Q4 and 2025Q1), P2 yellow; P3 never checked.
    assert (metrics["检查次数"], metrics["按期率"], metrics["红牌"], metrics["黄牌"]) == ("2", "0.0%", "1", "1")
    cards = table(app, "card", "issue", "action")
    shown = cards[["project_id", "unit", "leader", "issue", "action", "card"]].fillna("")
    assert shown.values.tolist() == [
        ["P1", "A1支部", "甲", "仍缺", "换供应商", "红牌"],
        ["P2", "A2支部", "乙", "", "", "黄牌"],
    ]
    assert list(table(app, "project_id", "status")["project_id"]) == ["P3"]


def test_secretary_page_shows_closure_and_lists(make_app, running_db):
    app = run(make_app, running_db, "secretary", year="2024")
    shown = table(app, "closure_rate", "overdue_items").set_index("project_id")
    assert shown.loc["S1", "closure_rate"] == 0.5 and shown.loc["S2", "closure_rate"] == 1.0
    assert "2个书记项目中1个全部闭环（问题均已整改、目标均已达成）" in "".join(markdown(app))


def test_suggestions_page_figures(make_app, running_db):
    app = run(make_app, running_db, "suggestions")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["收集建议"] == "2" and metrics["采纳率"] == "50.0%" and metrics["办结率"] == "100.0%"
    assert metrics["办结中位天数"] == "10"


def test_points_page_ranks_and_the_admin_edits_a_rule(make_app, running_db):
    app = run(make_app, running_db, "points", year="2025")
    ranking = table(app, "points_per_100_members").set_index("unit")
    # 2025: 公司B: P3 立项 1 + adjustment 4 = 5; 公司A: no 2025 project, J1 adopted (已办结) 1.
    assert ranking["points"].to_dict() == {"公司B": 5.0, "公司A": 1.0}
    app.selectbox(key="points-rule").set_value("立项")
    app.number_input(key="points-value").set_value(3.0)
    app.get("form_submit_button")[0].click().run()
    assert not app.exception
    ranking = table(app, "points_per_100_members").set_index("unit")
    assert ranking.loc["公司B", "points"] == 7.0
    assert len(table(app, "old_points", "new_points")) == 1


def test_glossary_shows_the_rule_table(make_app, running_db):
    app = run(make_app, running_db, "glossary")
    rules = table(app, "default_points")
    assert dict(zip(rules["rule"], rules["points"], strict=True))["发明专利"] == 3.0


def test_projects_board_links_to_the_checks_page(make_app, running_db):
    app = run(make_app, running_db, "projects")
    links = app.get("page_link")
    # The sidebar menu is drawn with page links too; the board's own link is the one that names the checks page.
    assert [link.proto.label for link in links].count("查看进展督察（红黄牌）") == 1


@pytest.mark.parametrize("page", ["checks", "secretary", "suggestions", "points"])
def test_each_page_renders_on_the_demo_for_the_group_and_a_unit(make_app, demo_db, page):
    app = run(make_app, demo_db, page)
    assert app.get("plotly_chart"), page  # the demo has checks, lists, ideas and points in its last year
    run(make_app, demo_db, page, unit="岳川新材料科技有限公司", year="2022-2024")


def test_a_quarterly_check_sheet_through_the_upload_page_then_the_cards(make_app, running_db):
    from tests.test_upload_page import upload_page, workbook

    rows = [
        ["项目编号", "检查季度", "进展情况", "存在问题"],
        ["P2", "2025Q3", "滞后", "又停了"],
        ["NOPE", "2025Q3", "正常", ""],
    ]
    app = upload_page(make_app, running_db, "checks.xlsx", workbook(rows))
    problems = table(app, "原因")
    assert list(problems["原因"]) == ["工作表「Sheet1」第3行「项目编号」列：项目编号在本次上传和已有数据中都不存在"]
    assert app.button(key="commit-upload").disabled  # refused until the analyst chooses to load the valid rows
    app.checkbox(key="valid-only").check().run()
    app.button(key="commit-upload").click().run()
    assert not app.exception
    open_page(app, "checks").run()
    app.date_input(key="checks-cutoff").set_value(D(2025, 12, 31)).run()
    # 2025Q3: P2 behind after 正常 in Q2 → yellow; P1 and P3 unchecked.
    assert {m.label: m.value for m in app.metric}["黄牌"] == "1"
    assert list(table(app, "card", "issue")["project_id"]) == ["P2"]
