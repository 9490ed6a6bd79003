"""The analyst's journey in a real browser: upload, see the dry run, load, see the dashboard change, undo."""

import pytest

from tests.conftest import save_screenshot
from tests.parse_helpers import xlsx

pytestmark = pytest.mark.browser

HOSTILE_UNIT = "<img src=x onerror=alert(1)>分公司"


def ledger() -> bytes:
    return xlsx(
        {
            "项目汇总表": [
                ["2024年党员创新工程项目汇总表"],
                ["序号", "项目编号", "项目名称", "所属单位", "年度", "状态"],
                [1, "T-001", '=HYPERLINK("http://x","点我")', HOSTILE_UNIT, 2024, "已结题"],
                [2, "T-002", "降低采购成本", HOSTILE_UNIT, 2024, "实施中"],
                ["合计", None, None, None, None, None],
            ]
        }
    )


def test_upload_load_see_it_and_undo(dashboard_server, browser_page, tmp_path):
    server = dashboard_server(tmp_path / "journey.duckdb")
    page = browser_page
    page.goto(f"{server.url}/upload")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "台账.xlsx", "mimeType": "application/octet-stream", "buffer": ledger()}]
    )
    page.get_by_text("预览（尚未写入）").wait_for()
    page.get_by_text("新单位").first.wait_for()
    save_screenshot(page, "upload-dry-run")
    page.locator(".st-key-commit-upload button").click()
    page.get_by_text("已载入为批次 #1：新增3条，更新0条。").wait_for()  # 2 projects and their new unit

    page.goto(f"{server.url}/?year=2024")
    value = page.locator(".st-key-kpi-projects [data-testid='stMetricValue']")
    value.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.st-key-kpi-projects [data-testid=\"stMetricValue\"]').innerText === '2'"
    )
    # The unit name is data: shown as the text it is, never turned into an element.
    box = page.locator(".st-key-unit:not([data-stale='true']) input").first  # a rerun may leave a stale copy
    box.click()
    box.press_sequentially("分公司")
    page.get_by_role("option", name=HOSTILE_UNIT).wait_for()
    assert page.locator("img[src='x']").count() == 0
    page.keyboard.press("Escape")

    page.goto(f"{server.url}/batches")
    page.locator(".st-key-undo-confirm label").click()
    page.locator(".st-key-undo-button button").click()
    page.get_by_text("已撤销批次 #1，数据已恢复到该批次之前。").wait_for()
    page.goto(server.url)
    page.get_by_text("还没有数据").first.wait_for()
