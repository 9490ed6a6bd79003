"""Streamlit's and plotly's own control text in the user's language: every chart's modebar speaks the language and
keeps only download and reset; no picker offers Streamlit's English "Select all"; the style block carries our
words for the dropdown, the uploader and the fullscreen button; the calendar shows only in the browser's language."""

import json

import pytest

import pages
from tests.conftest import open_page

CHART_PAGES = ("overview", "participation", "savings", "patents", "awards", "studios", "talent", "checks")


@pytest.mark.parametrize(
    ("language", "locale", "download"), [("zh", "zh-CN", "下载图表（PNG）"), ("en", "en-US", "PNG")]
)
def test_every_chart_speaks_the_language_and_keeps_only_download_and_reset(
    make_app, demo_db, language, locale, download
):
    seen = 0
    for path in CHART_PAGES:
        # A fresh app per page: AppTest formats a kept widget's value outside the run, in the default language.
        app = open_page(make_app(demo_db, lang=language, year="2025"), path).run()
        assert not app.exception, path
        for chart in app.get("plotly_chart"):
            config = json.loads(chart.proto.config)
            words = config["locales"][config["locale"]]["dictionary"]
            assert config["locale"] == locale, path
            assert download in words["Download plot as a PNG"]
            assert {"zoom2d", "pan2d", "select2d", "lasso2d"} <= set(config["modeBarButtonsToRemove"])
            assert "resetScale2d" not in config["modeBarButtonsToRemove"]  # a drag that zoomed can be undone
            seen += 1
    assert seen >= len(CHART_PAGES)


def test_no_picker_offers_select_all(make_app, demo_db):
    """Enter after typing picks the first match, not Streamlit's English "Select N matches"; none chosen is all."""
    app = make_app(demo_db)
    for path in (entry.url_path for entry in pages.PAGES):
        open_page(app, path).run()
        for picker in app.multiselect:
            assert picker.proto.select_all == 0, (path, picker.label)  # 0: the bulk option never shows


def _styles(app) -> str:
    return "".join(block.proto.body for block in app.get("html"))


def test_the_style_block_draws_our_words_in_the_language(make_app, demo_db):
    app = open_page(make_app(demo_db), "upload").run()
    css = _styles(app)
    assert '"没有匹配的选项"' in css and '"全屏"' in css and '"选择文件"' in css
    assert '"每个文件不超过 50MB · XLSX、XLS、CSV"' in css  # the server's limit (.streamlit/config.toml)
    app.radio(key="lang").set_value("en").run()
    css = _styles(app)
    assert '"No matching options"' in css and '"Choose files"' in css and "Up to 50 MB per file · XLSX, XLS, CSV" in css
    assert "没有匹配" not in css


def test_the_calendar_is_hidden_when_the_browser_speaks_another_language(make_app, demo_db):
    app = open_page(make_app(demo_db), "projects").run()  # AppTest's browser has no locale: not Chinese
    assert "stDateInputCalendarButton" in _styles(app)
