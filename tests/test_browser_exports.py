"""A presenter takes the view away in a real browser: the export panel builds the workbook and the deck for the unit
and year on screen, shows their progress, and hands over files that open with that unit's figures."""

import io

import openpyxl
import pytest
from playwright.sync_api import expect
from pptx import Presentation

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

UNIT = "岳川新材料科技有限公司"


def build_and_download(page, fmt: str) -> bytes:
    page.locator(f".st-key-export-build-{fmt} button").click()
    download_button = page.locator(f".st-key-export-{fmt} button")
    expect(download_button).to_be_enabled(timeout=120_000)  # enabled once the background build has finished
    with page.expect_download() as download:
        download_button.click()
    return download.value.path().read_bytes()


def test_the_panel_builds_the_workbook_and_deck_of_the_view_on_screen(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server.url}/?unit={UNIT}&year=2024")
    page.locator(".st-key-page-context").get_by_text(f"{UNIT} · 2024年").wait_for()
    page.get_by_text("导出", exact=True).click()
    expect(page.locator(".st-key-export-xlsx button")).to_be_disabled()  # nothing to download before a build

    workbook = openpyxl.load_workbook(io.BytesIO(build_and_download(page, "xlsx")), read_only=True)
    about = [row for row in workbook.worksheets[0].iter_rows(values_only=True) if row and row[0]]
    assert any(UNIT in str(cell) for row in about for cell in row if cell), about[:8]

    deck = Presentation(io.BytesIO(build_and_download(page, "pptx")))
    cover = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert UNIT in cover and "2024" in cover
    save_screenshot(page, "export-panel-1440x900")


@pytest.mark.parametrize(("language", "header"), [("zh", "导出"), ("en", "Export")])
def test_every_download_label_reads_whole_in_the_sidebar(dashboard_server, browser_page, demo_db, language, header):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server.url}/?unit={UNIT}&year=2024&lang={language}")
    page.locator(".st-key-page-context").wait_for()
    page.get_by_text(header, exact=True).click()
    labels = page.locator(
        "[data-testid='stExpander'] [data-testid='stDownloadButton'] [data-testid='stMarkdownContainer']"
    )
    expect(labels).to_have_count(4)
    # None cut short with an ellipsis (the label's box narrower than its text).
    assert (
        labels.evaluate_all("found => found.filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)") == []
    )
