"""A real browser on the controls Streamlit draws in English: in the Chinese UI the unit picker's chips show whole
names, its empty dropdown, the uploader and the plot's modebar speak Chinese, and the date picker's calendar shows
only when the browser speaks the UI's language; an input's "press Enter" hint and a table's button tooltips are in
Chinese too."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

LIVE = ":not([data-stale='true'])"
# Two units whose names begin alike: truncated, their chips read the same.
COMMITTEE, COMPANY = "岳川工具研究所党委", "岳川重型机械有限公司"

_AFTER = "(element) => getComputedStyle(element, '::after').content"
_VISIBLE = "(element) => getComputedStyle(element).fontSize !== '0px' ? element.innerText : ''"


def _shown(locator) -> str:
    """What the reader sees in an element: its own text unless hidden, then the text drawn after it."""
    own = locator.evaluate(_VISIBLE)
    after = locator.evaluate(_AFTER)
    return own + (after.strip('"') if after not in ("none", "normal") else "")


def test_streamlit_controls_speak_chinese(dashboard_server, browser_page, demo_db):
    server = dashboard_server(demo_db)
    page = browser_page
    page.goto(f"{server.url}/?unit={quote(COMMITTEE)}&unit={quote(COMPANY)}&year=2025")
    chips = page.locator(f".st-key-unit{LIVE} [data-tag] > span[title]")
    chips.nth(1).wait_for()
    for index, name in enumerate((COMMITTEE, COMPANY)):
        chip = chips.nth(index)
        assert chip.inner_text().strip() == name
        assert chip.evaluate("(element) => element.scrollWidth <= element.clientWidth")  # not cut off with "…"
    save_screenshot(page, "language-unit-chips")

    typed = page.locator(f".st-key-unit{LIVE} input").first
    typed.click()
    typed.fill("不存在的单位")
    empty = page.locator('[role="listbox"][data-empty="true"] [role="option"] > span').first
    empty.wait_for()
    assert _shown(empty) == "没有匹配的选项"
    typed.fill("岳川精密")  # Enter picks the match, never Streamlit's English "Select N matches"
    page.locator('[role="listbox"] [role="option"]').first.wait_for()
    page.keyboard.press("Enter")
    expect(chips).to_have_count(3)
    assert chips.nth(2).inner_text().strip() == "岳川精密轴承研究所"
    page.keyboard.press("Escape")

    page.goto(f"{server.url}/awards?year=2025")
    chart = page.locator(".st-key-chart-award-funnel")
    chart.locator(".modebar-btn").first.wait_for(state="attached")
    titles = [_shown(button) for button in chart.locator(".modebar-btn").all()]
    assert titles == ["下载图表（PNG）", "重置坐标轴", "全屏"], titles

    page.goto(f"{server.url}/upload")
    dropzone = page.locator(".st-key-upload_files [data-testid='stFileUploaderDropzone']")
    dropzone.wait_for()
    assert _shown(dropzone.locator("button [data-testid='stMarkdownContainer'] p")) == "选择文件"
    limit = _shown(dropzone.locator("[data-testid='stFileUploaderDropzoneInstructions'] span"))
    assert limit == "每个文件不超过 50MB · XLSX、XLS、CSV"
    page.set_input_files(  # a file the uploader refuses (its type): the chip's tooltip gives our reason
        "[data-testid='stFileUploaderDropzoneInput']",
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"x"}],
    )
    refused = page.locator("[data-testid='stFileChip'][aria-invalid='true']")
    refused.hover()
    tooltip = page.locator("[data-testid='stTooltipErrorContent']").first
    tooltip.wait_for()
    assert _shown(tooltip) == "无法上传此文件：只接受 XLSX、XLS、CSV，每个文件不超过 50MB"
    save_screenshot(page, "language-uploader")

    page.goto(f"{server.url}/projects?year=2025")  # a Chinese browser: its calendar speaks Chinese, so it shows
    page.locator("[data-testid='stDateInputCalendarButton']").first.wait_for(state="visible")
    search = page.locator("[data-testid='stTextInput'] input").first
    search.click()
    search.type("降本")
    assert _shown(page.locator("[data-testid='InputInstructions'] > span").first) == "按回车键确认"
    page.keyboard.press("Tab")  # the search applies: a rerun redraws the table (and would drop a tooltip)
    page.wait_for_timeout(500)  # the rerun has begun
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")
    page.locator("[data-testid='stDataFrame']").first.hover()
    # Every tooltip rule the style block writes is valid CSS (a broken one is dropped silently): 5 buttons × hover
    # and keyboard focus × (hide Streamlit's text, draw ours).
    rules = page.evaluate(
        "() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])"
        ".filter((rule) => (rule.selectorText || '').includes('stElementToolbarButton')).length"
    )
    assert rules == 20
    for label, words in (("Search", "搜索"), ("Download as CSV", "下载为 CSV")):
        page.locator(f"[data-testid='stElementToolbarButton'] button[aria-label='{label}']").first.hover()
        tooltip = page.locator("[data-testid='stTooltipContent'] p").first
        tooltip.wait_for()
        page.wait_for_timeout(300)  # the tooltip follows the pointer from one button to the next
        assert _shown(tooltip) == words

    page.goto(f"{server.url}/audit")  # its date inputs start empty
    year = page.locator("[data-testid='stDateInputField'] [data-type='year']").first
    year.wait_for()
    assert _shown(year) == "年"

    english_browser = page.context.browser.new_page(viewport={"width": 1366, "height": 768}, locale="en-US")
    english_browser.goto(f"{server.url}/projects?year=2025")
    english_browser.locator("[data-testid='stDateInputField']").first.wait_for()
    assert not english_browser.locator("[data-testid='stDateInputCalendarButton']").first.is_visible()
    english_browser.close()
