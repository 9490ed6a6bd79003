"""Presenter mode through AppTest: no sidebar filters, the context line on top, Next and Previous step chapters."""

import json

from analytics import metrics
from analytics.filters import Filters
from analytics.store.connection import connect
from tests import test_running_pages, test_talent_page
from tests.conftest import open_page
from ui import present

# The stores the running and talent pages are tested on, so the slides are checked against the same hand-worked
# figures as their pages.
running_db = test_running_pages.running_db
people_db = test_talent_page.people_db

UNIT = "岳川工具研究所"


def _captions(app) -> list[str]:
    return [caption.value for caption in app.caption]


def test_presenter_mode_hides_filters_and_shows_context(make_app, demo_db):
    con = connect(demo_db, read_only=True)  # before the app opens the file
    expected = metrics.summary(con, Filters(units=(UNIT,), year_from=2024, year_to=2024))["projects"]
    con.close()
    app = make_app(demo_db, present="1", unit=UNIT, year="2024").run()
    assert not app.exception
    assert not app.sidebar.multiselect and not app.sidebar.radio  # no filter widgets at all
    assert _captions(app)[0] == "岳川工具研究所 · 2024年"
    assert app.button(key="present-previous").disabled  # the first chapter
    assert f"1 / {len(present.CHAPTERS)}" in _captions(app)
    # The figures follow the link's unit: 工研所 alone.
    assert (app.metric[0].label, app.metric[0].value) == ("项目数", str(expected))


def test_next_and_previous_step_through_chapters_keeping_the_link(make_app, demo_db):
    app = make_app(demo_db, present="1", unit=UNIT, year="2024", rotate="60").run()
    app.button(key="present-next").click().run()
    assert not app.exception
    assert f"2 / {len(present.CHAPTERS)}" in _captions(app)
    assert app.query_params["present"] in ("1", ["1"]) and app.query_params["rotate"] in ("60", ["60"])
    assert UNIT in str(app.query_params["unit"])
    assert _captions(app)[0] == "岳川工具研究所 · 2024年"  # the filters survive the page switch
    app.button(key="present-previous").click().run()
    assert f"1 / {len(present.CHAPTERS)}" in _captions(app)


def test_exit_brings_the_sidebar_back_with_the_same_filters(make_app, demo_db):
    app = make_app(demo_db, present="1", unit=UNIT, year="2024").run()
    app.button(key="present-exit").click().run()
    assert not app.exception
    assert "present" not in app.query_params
    assert app.multiselect(key="unit").value == [UNIT]


def test_enter_button_in_normal_mode(make_app, demo_db):
    app = make_app(demo_db).run()
    assert app.sidebar.multiselect
    app.sidebar.button[0].click().run()
    assert not app.exception
    assert app.query_params["present"] in ("1", ["1"])
    assert not app.sidebar.multiselect


# ---- The people and programme-running slides: the figures their pages show, worked by hand on small stores ------


def _slide(make_app, db, chapter: str, **query):
    app = open_page(make_app(db, present="1", **query), chapter).run()
    assert not app.exception, app.exception
    assert not app.dataframe and not app.date_input  # a slide, not the page: no tables, no cut-off picker
    return app


def _tiles(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _takeaways(app) -> list[str]:
    return [element.value for element in app.markdown if element.value.startswith("**")]


def _charts(app) -> int:
    return len(app.get("plotly_chart"))


def test_checks_slide(make_app, running_db):
    app = _slide(make_app, running_db, "checks", year="2025")
    # 2025: three checks, P2's 2025Q2 one alone on track; the latest quarter checked, 2025Q2, gave no card, and P1
    # and P3 (open, started by its end) were not checked in it.
    assert _tiles(app) == {"按期率": "33.3%", "红牌（2025Q2）": "0", "黄牌（2025Q2）": "0", "未检查（2025Q2）": "2"}
    assert "**2025Q2 按期率 100.0%，没有红牌或黄牌**" in _takeaways(app)  # never "红牌0个"
    assert _charts(app) == 2


def test_secretary_slide(make_app, running_db):
    app = _slide(make_app, running_db, "secretary", year="2024")
    # S1: problem 2's fix still open, goal 培养 not reached; its 培养 and 快检 are past their dates. S2: its one
    # problem answered and no goals: fully closed.
    assert _tiles(app) == {"书记项目": "2", "全部闭环": "1", "超期事项": "2"}
    assert "**2个书记项目中1个全部闭环（问题均已整改、目标均已达成），超期事项共2项**" in _takeaways(app)
    assert _charts(app) == 2


def test_suggestions_slide(make_app, running_db):
    app = _slide(make_app, running_db, "suggestions")
    # J1 adopted and done (2.0 万元), J2 not adopted.
    assert _tiles(app) == {"收集建议": "2", "采纳率": "50.0%", "办结率": "100.0%", "采纳建议价值": "2.0 万元"}
    assert _charts(app) == 2
    # Both in 2025: the months read 3月 and 4月, the year being on the slide's context line.
    months = json.loads(app.get("plotly_chart")[1].proto.spec)["layout"]["xaxis"]
    assert (months["tickvals"], months["ticktext"]) == (["2025-03", "2025-04"], ["3月", "4月"])


def test_points_slide(make_app, running_db):
    app = _slide(make_app, running_db, "points", year="2025")
    metrics = {metric.label: (metric.value, metric.delta) for metric in app.metric}
    # 2025: P3 立项 1 + J1 adopted 1 + 公司B's adjustment 4 = 6; 2024: five projects 立项 5 + P4 已结题 2 = 7.
    # 40 party members (公司A, 2025): 6 / 40 × 100 = 15.0.
    assert metrics == {"2025年积分": ("6", "-1"), "每百名党员积分": ("15.0", "")}
    assert "**积分最多来自积分调整，4分，占66.7%**" in _takeaways(app)
    assert _charts(app) == 2


def test_talent_slide(make_app, people_db):
    app = _slide(make_app, people_db, "talent")
    tiles = _tiles(app)
    # The 2024 pools: 雄鹰 2, 金鹰 0; three training sessions; 职称 450 of 700 staff.
    assert (tiles["金鹰"], tiles["雄鹰"], tiles["培训场次"], tiles["职称占比"]) == ("0", "2", "3", "64.3%")
    assert "**2024年人才库共5人（比上年+0）：后备人才 1、雏鹰 2、雄鹰 2、金鹰 0**" in _takeaways(app)
    assert "**2024年公司A人才库人数最多，为 3 人**" in _takeaways(app)
    assert _charts(app) == 2


def test_studios_slide_shows_each_studios_verdicts_up_to_the_year(make_app, demo_db):
    app = _slide(make_app, demo_db, "studios", unit="岳川新材料科技有限公司", year="2024")
    history = app.table[0].value
    # The demo's 赵志强 studio missed two targets in 2024 (风险提示); its 2025 摘牌 is after the year shown.
    assert list(history.columns) == ["2021", "2022", "2023", "2024"]
    assert history.loc["赵志强劳模创新工作室"].tolist() == ["正常", "正常", "正常", "风险提示"]
