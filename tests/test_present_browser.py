"""Presenter mode in a real browser: no sidebar, the context line, Next moves on; a screenshot for the record."""

import pytest

from tests import conftest
from tests.conftest import ROOT, save_screenshot

UNIT = "岳川工具研究所"
# Until app.py carries the presenter hooks, the server runs tests/present_entry.py (app.py with them wired).
WIRED = "present.setup(" in (ROOT / "app.py").read_text(encoding="utf-8")


@pytest.fixture
def present_server(dashboard_server, monkeypatch, tmp_path):
    if not WIRED:
        entry = tmp_path / "entry"
        entry.mkdir()
        (entry / "app.py").write_text(
            f"import runpy\nrunpy.run_path({str(ROOT / 'tests' / 'present_entry.py')!r}, run_name='__main__')\n",
            encoding="utf-8",
        )
        monkeypatch.setattr(conftest, "ROOT", entry)
    return dashboard_server


@pytest.mark.browser
def test_presenter_mode_in_a_browser(present_server, browser_page, demo_db):
    server = present_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server.url}/?present=1&unit={UNIT}&year=2024")
    context = page.locator(".st-key-present-context")
    context.wait_for()
    assert context.inner_text().strip() == f"{UNIT} · 2024年"
    page.get_by_text("1 / 6").wait_for()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stToolbar"]').is_visible()
    page.locator('[data-testid="stMetric"]').first.wait_for()
    save_screenshot(page, "presenter-overview")

    page.keyboard.press("ArrowRight")  # the Next button's shortcut
    page.get_by_text("2 / 6").wait_for()
    page.wait_for_url("**/participation?**")
    assert "present=1" in page.url and "unit=" in page.url
    assert context.inner_text().strip() == f"{UNIT} · 2024年"
    save_screenshot(page, "presenter-participation")
