"""The sidebar controls: a unit and its own 党委 cannot be chosen together, the year is set in one gesture with two
selectboxes, and a link without a year opens on the latest year its units have data."""

from tests.conftest import open_page
from ui.filters import one_per_branch

PARENTS = {"集团G": None, "公司A": "集团G", "A党委": "公司A", "A1支部": "A党委", "公司B": "集团G"}
COMPANY, COMMITTEE = "岳川工具研究所", "岳川工具研究所党委"


def test_the_newest_choice_drops_what_is_above_or_below_it():
    assert one_per_branch(["公司A", "A党委"], ["公司A"], PARENTS) == (["A党委"], ["公司A"])
    assert one_per_branch(["A1支部", "公司A"], ["A1支部"], PARENTS) == (["公司A"], ["A1支部"])
    assert one_per_branch(["公司A", "公司B"], ["公司A"], PARENTS) == (["公司A", "公司B"], [])  # siblings stay
    # Chosen together (a link): the first wins.
    assert one_per_branch(["集团G", "A1支部", "公司B"], [], PARENTS) == (["集团G"], ["A1支部", "公司B"])


def test_picking_a_company_and_its_committee_keeps_the_committee(make_app, demo_db):
    app = open_page(make_app(demo_db), "overview").run()
    app.multiselect(key="unit").set_value([COMPANY]).run()
    app.multiselect(key="unit").set_value([COMPANY, COMMITTEE]).run()
    assert not app.exception
    assert app.multiselect(key="unit").value == [COMMITTEE]
    assert any("已移除" in caption.value and COMPANY in caption.value for caption in app.sidebar.caption)


def test_year_from_and_to_in_one_gesture_each(make_app, demo_db):
    app = open_page(make_app(demo_db), "overview").run()
    assert (app.selectbox(key="year-from").value, app.selectbox(key="year-to").value) == (2025, 2025)
    app.selectbox(key="year-from").set_value(2023).run()
    assert app.query_params["year"] in ("2023-2025", ["2023-2025"])
    app.selectbox(key="year-to").set_value(2022).run()  # past the other end: both move, one gesture
    assert not app.exception
    assert (app.selectbox(key="year-from").value, app.selectbox(key="year-to").value) == (2022, 2022)


def test_a_link_without_a_year_opens_on_its_units_latest_year(make_app, demo_db):
    app = open_page(make_app(demo_db, unit=COMPANY), "overview").run()
    assert not app.exception
    assert app.query_params["year"] in ("2025", ["2025"])


def test_a_range_is_compared_only_with_a_previous_range_that_has_data():
    from analytics.display.kpi_band import comparable_period
    from analytics.filters import Filters

    chosen = Filters(year_from=2023, year_to=2025)
    assert comparable_period(chosen, [2021, 2022, 2023, 2024, 2025]) is None  # 2020 has no data: no comparison
    previous = comparable_period(chosen, [2020, 2021, 2022, 2023, 2024, 2025])
    assert (previous.year_from, previous.year_to) == (2020, 2022)
    assert comparable_period(Filters(year_from=2025, year_to=2025), [2025]) is None
