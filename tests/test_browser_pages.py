"""A real browser on the analysis pages: links restore the view on every page, a bar click drills down, a row
click opens a project's card, and the studios page flags the delisted studio."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

NEW_MATERIALS = "岳川新材料科技有限公司"
# A finished run can leave an element of the run before it marked stale: read the live ones.
LIVE = ":not([data-stale='true'])"
UNIT = f".st-key-unit{LIVE}"


def takeaway(page, key: str) -> str:
    locator = page.locator(f".st-key-takeaway-{key}{LIVE}")
    locator.wait_for()
    return locator.inner_text().strip()


def expect_filters(page, unit: str, years: list[str]) -> None:
    """The sidebar widgets show the unit and years (they may draw a moment after the page's figures)."""
    expect(page.locator(UNIT)).to_contain_text(unit)
    for key, year in zip(("year-from", "year-to"), years, strict=True):  # the two year selectboxes (从 / 到)
        expect(page.locator(f".st-key-{key}{LIVE} input").first).to_have_value(year)


def wait_for_text(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText.includes(text)", arg=[selector, text]
    )


def test_links_restore_the_view_on_every_page(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    link = f"?unit={quote(NEW_MATERIALS)}&year=2024"
    # A fresh server whose first visitor opens a page's own path (not /): the page must still render.
    page.goto(f"{server.url}/participation{link}")
    assert takeaway(page, "participation_rate").startswith("新材公司")  # its branches are compared
    expect_filters(page, NEW_MATERIALS, ["2024", "2024"])
    expect(page.locator(f".st-key-breadcrumb{LIVE}")).to_contain_text("全集团")

    expectations = {
        # The trends read every year of the unit, whatever the year filter: 新材 2025 has 486.5 万元, 10 patents.
        "savings": ("savings-trend", "节创价值2025年为 486.5 万元"),
        "patents": ("patents-trend", "专利2025年为 10"),
        "awards": ("funnel", "共申报"),
        "studios": ("studios", "2024年有 1 个工作室未完成目标"),  # 赵志强's first missed year
        "projects": ("board", "超期未完"),
    }
    for path, (key, text) in expectations.items():
        page.goto(f"{server.url}/{path}{link}")
        assert text in takeaway(page, key), path
        expect_filters(page, NEW_MATERIALS, ["2024", "2024"])
    page.goto(f"{server.url}/glossary{link}")
    page.locator(".st-key-glossary-award_rate").wait_for()
    assert "申报项数" in page.locator(".st-key-glossary-award_rate").inner_text()

    # The overview lives at /; its own path, typed or linked, lands there with the view kept, never on Streamlit's
    # English "Page not found".
    page.goto(f"{server.url}/overview{link}")
    page.wait_for_url(re.compile(rf"^{re.escape(server.url)}/\?"))
    expect_filters(page, NEW_MATERIALS, ["2024", "2024"])
    expect(page.locator(f".st-key-breadcrumb{LIVE}")).to_contain_text("全集团")
    assert "Page not found" not in page.locator("body").inner_text()

    page.goto(f"{server.url}/studios?year=2025")
    error = page.locator("[data-testid='stAlertContentError']").first
    error.wait_for()
    assert "赵志强劳模创新工作室" in error.inner_text() and "摘牌" in error.inner_text()
    save_screenshot(page, "studios-2025")


def test_bar_click_drills_down_and_breadcrumb_goes_back(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    page.goto(f"{server.url}/participation?year=2025")
    assert takeaway(page, "participation_rate").startswith("岳川工具研究所党员参与率最高")
    chart = page.locator(".st-key-chart-participation_rate")
    bars = chart.locator("g.point path")
    bars.first.wait_for()
    # Highest first: the top bar is 工研所 (96.8%). Plotly takes clicks on its drag layer, so click the spot.
    box = bars.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_text(page, UNIT, "岳川工具研究所")
    wait_for_text(page, ".st-key-breadcrumb", "岳川工具研究所")
    assert "unit=" in page.url
    # 工研所's only child is its 党委, so its eight branches are compared now.
    wait_for_text(page, ".st-key-takeaway-participation_rate", "工研所")
    save_screenshot(page, "participation-drilled")

    page.locator(".st-key-crumb-home button").click()
    page.wait_for_function(
        "(selector) => !document.querySelector(selector)?.innerText.includes('岳川工具研究所')", arg=UNIT
    )
    wait_for_text(page, ".st-key-takeaway-participation_rate", "岳川工具研究所党员参与率最高")

    # The projects table: clicking a row's selection cell opens the project's card.
    page.goto(f"{server.url}/projects?unit={quote(NEW_MATERIALS)}&year=2025")
    table = page.locator(".st-key-project-table")
    table.locator("canvas").first.wait_for()
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # let the scroll settle before clicking by coordinates
    box = table.locator("[data-testid='stDataFrameResizable']").bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first data row's selection cell
    card = page.locator(f".st-key-project-card{LIVE}")
    # The first row of 新材's 2025 projects (newest year first, then by number).
    expect(card).to_contain_text("项目卡片：粉末冶金齿轮国产化替代研制")
    expect(card).to_contain_text("YC-2025-0004")
    expect(card).to_contain_text(re.compile("成果[\\s\\S]*获奖"))
    save_screenshot(page, "project-card")
