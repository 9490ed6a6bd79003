"""Strings in the user's language and one decimal everywhere: the English context line has no 、, the batches table
never shows None, the ranking table shows rates as percent with one decimal."""

from tests.conftest import open_page

TWO = ("岳川工具研究所", "岳川重型机械有限公司")


def test_english_context_line_separates_units_with_commas(make_app, demo_db):
    app = open_page(make_app(demo_db, lang="en", unit=list(TWO), year="2025"), "overview").run()
    assert not app.exception
    assert app.caption[0].value == f"{TWO[0]}, {TWO[1]} · 2025"


def test_batches_table_never_shows_none(make_app, demo_db):
    app = open_page(make_app(demo_db), "batches").run()
    table = app.dataframe[0].value
    assert not table.isna().any().any() and "None" not in table.astype(str).to_numpy()


def test_ranking_rates_in_percent(make_app, demo_db):
    app = open_page(make_app(demo_db), "participation").run()
    ranking = next(frame.value for frame in app.dataframe if "participation_rate" in frame.value)
    rates = ranking["participation_rate"].dropna()
    assert len(rates) and rates.between(0, 100).all() and rates.max() > 1  # 96.8 drawn as "96.8%", not 0.968
