"""The export panel: four download buttons in the sidebar, and what each one builds for the filters it was drawn for."""

import io

import openpyxl

from analytics.filters import Filters
from analytics.store.connection import connect
from ui import exports


def test_panel_offers_every_format(make_app, demo_db):
    app = make_app(demo_db, unit="岳川工具研究所", year="2024").run()
    assert not app.exception
    buttons = app.sidebar.get("download_button")
    assert len(buttons) == 4


def test_builder_uses_its_own_cursor(demo_db):
    base = connect(demo_db, read_only=True)
    build = exports.builder(base, Filters(units=("岳川工具研究所",), year_from=2024, year_to=2024), "xlsx", "en")
    book = openpyxl.load_workbook(io.BytesIO(build()))
    assert book.sheetnames[0] == "About"
    assert base.execute("SELECT 1").fetchone() == (1,)  # the shared connection is untouched
    base.close()
