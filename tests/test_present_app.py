"""Presenter mode through AppTest: no sidebar filters, the context line on top, Next and Previous step chapters."""

from analytics import metrics
from analytics.filters import Filters
from analytics.store.connection import connect

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
    assert "1 / 10" in _captions(app)
    # The figures follow the link's unit: 工研所 alone.
    assert (app.metric[0].label, app.metric[0].value) == ("项目数", str(expected))


def test_next_and_previous_step_through_chapters_keeping_the_link(make_app, demo_db):
    app = make_app(demo_db, present="1", unit=UNIT, year="2024", rotate="60").run()
    app.button(key="present-next").click().run()
    assert not app.exception
    assert "2 / 10" in _captions(app)
    assert app.query_params["present"] in ("1", ["1"]) and app.query_params["rotate"] in ("60", ["60"])
    assert UNIT in str(app.query_params["unit"])
    assert _captions(app)[0] == "岳川工具研究所 · 2024年"  # the filters survive the page switch
    app.button(key="present-previous").click().run()
    assert "1 / 10" in _captions(app)


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
