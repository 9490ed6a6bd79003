"""Presenter mode in a real browser at the two projector sizes: every chapter one screen (no scrollbar, every chart
inside the viewport), ←/→ step through the chapters and rotation moves on by itself; screenshots for the record."""

import pytest
from playwright.sync_api import expect

import pages
from analytics.i18n import t
from tests.conftest import save_screenshot
from ui import present

# 新材 in 2024 has figures in every chapter (书记项目 included) and nine branches: the most crowded by-unit charts.
UNIT = "岳川新材料科技有限公司"
CHAPTERS = len(present.CHAPTERS)
SIZES = [(1920, 1080), (1280, 720)]
TITLES = {entry.url_path: t(entry.title_key, "zh") for entry in pages.PAGES}

_FIT = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const plots = [...document.querySelectorAll('.js-plotly-plot')].map(p => p.getBoundingClientRect())
        .map(r => [r.left, r.top, r.right, r.bottom]);
    const controls = document.querySelector('.st-key-present-controls').getBoundingClientRect();
    const ticks = [...document.querySelectorAll('.js-plotly-plot g.xtick > text, .js-plotly-plot g.ytick > text')]
        .map(t => [parseFloat(getComputedStyle(t).fontSize), getComputedStyle(t).fill]);
    const cut = [...document.querySelectorAll('.st-key-slide-kpis [data-testid="stMetric"] *')]
        .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.textContent);
    return {scroll: main.scrollHeight, client: main.clientHeight, plots, ticks, cut,
            controlsTop: controls.top, width: innerWidth, height: innerHeight};
}"""


def _fits(page, name: str) -> dict:
    page.wait_for_load_state("networkidle")
    page.locator(".js-plotly-plot").first.wait_for()
    page.wait_for_timeout(1500)  # plotly sizes itself to the slide's chart area after its first draw
    fit = page.evaluate(_FIT)
    save_screenshot(page, name)
    assert fit["plots"], f"{name}: no chart on the slide"
    assert fit["cut"] == [], f"{name}: headline figures cut short"
    assert fit["scroll"] <= fit["client"], f"{name}: the slide scrolls ({fit['scroll']} > {fit['client']})"
    for left, top, right, bottom in fit["plots"]:
        assert left >= 0 and top >= 0 and right <= fit["width"] and bottom <= fit["height"], f"{name}: chart clipped"
        # The control band sits below the charts: it never covers one.
        assert bottom <= fit["controlsTop"] + 1, f"{name}: controls cover a chart"
    return fit


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_chapter_is_one_screen(dashboard_server, browser_page, demo_db, width, height):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}/?present=1&unit={UNIT}&year=2024")
    context = page.locator(".st-key-page-context")
    context.wait_for()
    assert context.inner_text().strip() == f"{UNIT} · 2024年"
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    page.get_by_text(f"1 / {CHAPTERS}").wait_for()
    page.locator('[data-testid="stMetric"]').first.wait_for()
    assert set(present.CHAPTERS) == set(present.SLIDES)  # every chapter is a slide, none a scrolling page
    for number, chapter in enumerate(present.CHAPTERS, start=1):
        page.get_by_text(f"{number} / {CHAPTERS}").wait_for()
        page.locator(".st-key-slide-title").get_by_text(TITLES[chapter], exact=True).wait_for()
        fit = _fits(page, f"presenter-{width}x{height}-{number}-{chapter}")
        if width == 1920:  # axis text ≥ 20 px at 1080p, in near-black
            assert fit["ticks"], fit
            assert all(size >= 20 for size, _ in fit["ticks"]), chapter
            assert all(fill in ("rgb(26, 26, 26)", "#1a1a1a") for _, fill in fit["ticks"]), chapter
        if number < CHAPTERS:
            page.keyboard.press("ArrowRight")  # the Next button's shortcut
    page.keyboard.press("ArrowLeft")
    page.get_by_text(f"{CHAPTERS - 1} / {CHAPTERS}").wait_for()
    assert "present=1" in page.url and "unit=" in page.url


@pytest.mark.browser
def test_rotation_moves_on_by_itself(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/?present=1&year=2024&rotate=5")
    page.get_by_text(f"1 / {CHAPTERS}").wait_for()
    page.get_by_text(f"2 / {CHAPTERS}").wait_for(timeout=30_000)
    page.wait_for_url("**/participation?**")
    assert "rotate=5" in page.url
