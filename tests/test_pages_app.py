"""Every analysis page through AppTest on the demo data: renders with and without filters, shows the right figures."""

import base64
import datetime as dt
import json

import numpy as np
import pytest

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import projects as projects_metrics
from analytics.store.connection import connect
from tests.conftest import open_page as select_page

PAGES = ("overview", "participation", "savings", "patents", "projects", "awards", "studios", "talent", "glossary")


def open_page(app, url_path: str):
    """The page run once the app has settled its navigation (conftest.open_page selects it)."""
    app.run()
    return select_page(app, url_path).run()


def texts(app) -> list[str]:
    return [element.value for element in app.markdown]


def chart_data(app, index: int) -> list[dict]:
    """The traces of the index-th plotly chart on the page, as the browser receives them."""
    return json.loads(app.get("plotly_chart")[index].proto.spec)["data"]


def numbers(values) -> list[float]:
    """A trace's values: a plain list, or plotly's typed array ({"dtype": "f8", "bdata": base64})."""
    if isinstance(values, dict):
        return list(np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]))
    return list(values)


def expected(db_path, filters: Filters) -> dict:
    con = connect(db_path)
    try:
        return metrics.summary(con, filters)
    finally:
        con.close()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_the_whole_group_and_for_a_unit(make_app, demo_db, page):
    app = open_page(make_app(demo_db), page)
    assert not app.exception, app.exception
    narrowed = open_page(make_app(demo_db, unit="岳川新材料科技有限公司", year="2022-2024"), page)
    assert not narrowed.exception, narrowed.exception
    assert narrowed.multiselect(key="unit").value == ["岳川新材料科技有限公司"]
    assert (narrowed.selectbox(key="year-from").value, narrowed.selectbox(key="year-to").value) == (2022, 2024)


def test_participation_page_figures(make_app, demo_db):
    app = open_page(make_app(demo_db), "participation")
    # 2025: 工研所 214 / 221 = 96.8% is the highest company; the group's own row 1,193 / 1,262 = 94.5%.
    assert "**岳川工具研究所党员参与率最高，为 96.8%；整体为 94.5%**" in texts(app)
    ranking = app.dataframe[0].value
    assert ranking.iloc[0]["unit"] == "岳川工具研究所"
    assert len(ranking) == 5
    app.radio(key="ranking-order").set_value("savings_per_100_members").run()
    ranking = app.dataframe[0].value
    # 磨研所 749.8 万元 / 236 members × 100 = 317.7, first; it was fourth in 2024.
    assert ranking.iloc[0]["unit"] == "岳川磨料磨具研究所"
    assert ranking.iloc[0]["savings_per_100_members"] == pytest.approx(749.8 / 236 * 100)
    assert ranking.iloc[0]["rank_change"] == 3


def test_savings_page_matches_the_metrics(make_app, demo_db):
    filters = Filters(units=("岳川重型机械有限公司",), year_from=2024, year_to=2024)
    total = expected(demo_db, filters)["savings_wan"]
    app = open_page(make_app(demo_db, unit="岳川重型机械有限公司", year="2024"), "savings")
    assert not app.exception
    trend_line = next(text for text in texts(app) if text.startswith("**节创价值2025年"))
    assert trend_line  # the trend reads every year, whatever the year filter
    top = app.dataframe[0].value
    assert len(top) == 10 and top["savings_wan"].is_monotonic_decreasing
    # The stacked bars (programme by unit) add up to the unit's savings in the KPI band.
    stacked = sum(sum(numbers(trace["x"])) for trace in chart_data(app, 0))
    assert stacked == pytest.approx(total)
    assert total > 0


def test_patents_and_awards_pages(make_app, demo_db):
    app = open_page(make_app(demo_db), "patents")
    assert any(text.startswith("**专利2025年为 57") for text in texts(app))  # 57 patents in 2025 (test_demo)
    outcomes = app.dataframe[0].value
    assert "软件著作权" in outcomes.columns and "节创价值" not in outcomes.columns
    app = open_page(make_app(demo_db), "awards")
    # 2025: 23 declared (国家级 1, 省部级 4, 集团级 5, 公司级 13), 13 won (0, 3, 3, 7).
    assert "**共申报 23 项，获奖 13 项，获奖率 56.5%；公司级获奖最多（7 项）**" in texts(app)


def test_projects_page_board_as_of_a_fixed_date_and_search(make_app, demo_db):
    app = make_app(demo_db)
    app = open_page(app, "projects")
    assert not app.exception
    # The board opens at the data's own date (its latest year's end), not today, and keeps it in the link.
    assert app.date_input(key="projects-as-of").value == dt.date(2025, 12, 31)
    assert app.query_params["asof"] in ("2025-12-31", ["2025-12-31"])
    board = {status: app.metric[index].value for index, status in enumerate(projects_metrics.BOARD_STATUSES)}
    # 2025's 114 projects as of the demo's own date: 30 completed, 76 in progress, 3 stopped; overdue counts
    # every start year: 5 of 2025 plus the 2023 (7) and 2024 (6) projects still open.
    assert board == {"completed": "30", "in_progress": "76", "overdue": "18", "stopped": "3"}
    app.text_input(key="project-search").input("TPM").run()
    shown = app.dataframe[0].value
    assert list(shown["project_id"]) == ["YC-2025-0043", "YC-2025-0111"]


def test_studios_page_flags_the_delisted_studio(make_app, demo_db):
    app = open_page(make_app(demo_db), "studios")
    assert any("赵志强劳模创新工作室" in error.value and "摘牌" in error.value for error in app.error)
    assert any("陈立新职工创新工作室" in warning.value and "风险提示" in warning.value for warning in app.warning)
    earlier = open_page(make_app(demo_db, unit="岳川新材料科技有限公司", year="2024"), "studios")
    assert [warning.value for warning in earlier.warning] == [
        # 2024: 4 of 5 projects and 4 of 5 apprentices; breakthroughs 3 of 3 and exchanges 13 of 13 were met.
        "赵志强劳模创新工作室（岳川新材料科技有限公司）：风险提示 · 未完成：创新项目数、导师带徒数"
    ]
    assert not earlier.error


def test_glossary_in_both_languages(make_app, demo_db):
    app = open_page(make_app(demo_db), "glossary")
    assert "**党员参与率**" in texts(app)
    assert "分子：参与党员数（党员人数表）  \n分母：党员总数（党员人数表）" in texts(app)
    english = open_page(make_app(demo_db, lang="en"), "glossary")
    assert "**Party member participation**" in texts(english)


def test_breadcrumb_leads_back_up_the_tree(make_app, demo_db):
    app = open_page(make_app(demo_db, unit="岳川工具研究所党委"), "participation")
    assert "**岳川工具研究所党委**" in texts(app)
    app.button(key="crumb-1").click().run()  # 全集团 › 岳川精工集团有限公司 › 岳川工具研究所 › here
    assert app.multiselect(key="unit").value == ["岳川工具研究所"]
    app.button(key="crumb-home").click().run()
    assert app.multiselect(key="unit").value == []


def test_overview_takeaways_and_breadcrumb(make_app, demo_db):
    app = open_page(make_app(demo_db), "overview")
    assert "**岳川工具研究所党员参与率最高，为 96.8%；整体为 94.5%**" in texts(app)
    assert "**岳川重型机械有限公司节创价值最高，为 868.4 万元**" in texts(app)


def test_a_unit_without_data_says_so_on_every_page(make_app, db_with_an_empty_unit):
    for page in PAGES[1:-1]:
        app = open_page(make_app(db_with_an_empty_unit, unit="乙公司"), page)
        assert not app.exception, (page, app.exception)
        assert [info.value for info in app.info], page
        assert "没有" in app.info[0].value, page
        assert not app.get("plotly_chart"), page
