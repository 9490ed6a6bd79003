"""Presenter mode in a real browser: no sidebar, the context line, Next moves on; a screenshot for the record."""

import pytest

from tests.conftest import save_screenshot

UNIT = "岳川工具研究所"


@pytest.mark.browser
def test_presenter_mode_in_a_browser(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server.url}/?present=1&unit={UNIT}&year=2024")
    context = page.locator(".st-key-page-context")
    context.wait_for()
    assert context.inner_text().strip() == f"{UNIT} · 2024年"
    page.get_by_text("1 / 10").wait_for()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stToolbar"]').is_visible()
    page.locator('[data-testid="stMetric"]').first.wait_for()
    save_screenshot(page, "presenter-overview")

    page.keyboard.press("ArrowRight")  # the Next button's shortcut
    page.get_by_text("2 / 10").wait_for()
    page.wait_for_url("**/participation?**")
    assert "present=1" in page.url and "unit=" in page.url
    assert context.inner_text().strip() == f"{UNIT} · 2024年"
    save_screenshot(page, "presenter-participation")
