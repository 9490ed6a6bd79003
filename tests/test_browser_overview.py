"""A real browser against `streamlit run`: the first unit chosen after a fresh server start sticks."""

import re

import pytest

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser


def kpi_value(page, key: str) -> str:
    return page.locator(f".st-key-kpi-{key} [data-testid='stMetricValue']").inner_text()


def choose_unit(page, unit: str) -> None:
    box = page.locator(".st-key-unit:not([data-stale='true']) input").first  # a rerun may leave a stale copy
    box.click()
    box.fill(unit)
    page.get_by_role("option", name=re.compile(rf"^\s*{unit}$")).first.click()
    page.keyboard.press("Escape")


def test_first_unit_choice_after_fresh_start_sticks(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)  # a fresh server: its first session is the one that lost choices
    page = browser_page
    page.goto(server.url)
    page.wait_for_selector(".st-key-kpi-projects [data-testid='stMetricValue']")
    assert kpi_value(page, "projects") == "114"  # the whole group, 2025

    choose_unit(page, "岳川工具研究所")
    page.wait_for_function(
        "() => document.querySelector('.st-key-kpi-projects [data-testid=\"stMetricValue\"]')?.innerText === '26'"
    )
    # It stays chosen through the next rerun, and the URL carries it for sharing.
    page.wait_for_timeout(1500)
    assert kpi_value(page, "projects") == "26"
    assert kpi_value(page, "savings_wan") == "254.4"  # 万元 is in the label
    assert "unit=%E5%B2%B3%E5%B7%9D%E5%B7%A5%E5%85%B7%E7%A0%94%E7%A9%B6%E6%89%80" in page.url
    save_screenshot(page, "overview-after-first-choice")

    shared = page.url
    page.goto(shared)
    page.wait_for_selector(".st-key-kpi-projects [data-testid='stMetricValue']")
    assert kpi_value(page, "projects") == "26"
