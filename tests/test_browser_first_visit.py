"""A fresh server's first visitor: the dashboard in its language, with the app's own menu, never Streamlit's list
of raw module names (app, awards, batches …) from the legacy pages/ mode."""

import pytest

from tests.conftest import save_screenshot

RAW_NAMES = ("app", "awards", "batches", "glossary", "overview", "participation", "patents", "savings", "upload")


@pytest.mark.browser
def test_first_visit_shows_the_dashboard_and_its_menu(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)  # fresh: this is its first session
    page = browser_page
    page.goto(server.url)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=30_000)
    save_screenshot(page, "first-visit")
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "总览" in sidebar and "节创价值" in sidebar and "数据上传" in sidebar  # the app's menu, in Chinese
    lines = {line.strip() for line in sidebar.splitlines()}
    assert not lines & set(RAW_NAMES), lines & set(RAW_NAMES)
    assert not page.locator('[data-testid="stSidebarNav"]').count()  # Streamlit's own menu is off
