"""Local accounts in a real browser: sign in through the form, the session survives a refresh and a shared link,
sign out; hostile unit names never open a dialog on any page."""

import pytest

from analytics.store import accounts
from pages import PAGES
from tests.factories import load_records, new_store
from tests.test_hostile_app import HOSTILE

pytestmark = pytest.mark.browser


def test_sign_in_survives_a_refresh_and_a_shared_link_then_sign_out(dashboard_server, browser_page, demo_db):
    from analytics.store.connection import connect

    con = connect(demo_db)
    accounts.add_user(con, accounts.operator(), "小王", role="analyst", password="analyst-pass")
    con.close()
    server = dashboard_server(demo_db)
    page = browser_page
    page.goto(f"{server.url}/upload?year=2024")
    page.get_by_text("此页面需要“分析员”及以上角色").wait_for()
    page.locator("[data-testid='stSidebar'] a", has_text="登录").click()
    page.locator("#name").fill("小王")
    page.locator("#password").fill("wrong password")
    page.locator("button[type=submit]").click()
    page.get_by_text("用户名或密码不正确。").wait_for()
    page.locator("#name").fill("小王")
    page.locator("#password").fill("analyst-pass")
    page.locator("button[type=submit]").click()
    page.get_by_text("已登录：小王（分析员）").wait_for()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").wait_for(state="attached")  # back on /upload
    assert "year=2024" in page.url
    assert "cx_session" not in page.evaluate("document.cookie")  # HttpOnly: no script can read the session

    page.reload()
    page.get_by_text("已登录：小王（分析员）").wait_for()
    page.goto(f"{server.url}/batches?year=2023")  # a shared link opened in the same browser: a new session
    page.get_by_text("已登录：小王（分析员）").wait_for()
    page.locator(".st-key-undo-button").wait_for()

    page.locator("[data-testid='stSidebar'] a", has_text="退出登录").click()
    page.get_by_text("未登录：只读浏览").wait_for()
    page.goto(f"{server.url}/upload")
    page.get_by_text("此页面需要“分析员”及以上角色").wait_for()


def test_hostile_names_open_no_dialog_on_any_page(dashboard_server, browser_page, tmp_path):
    con = new_store(tmp_path, "hostile.duckdb")
    units = [{"unit": "集团", "kind": "集团"}] + [{"unit": name, "parent": "集团"} for name in HOSTILE]
    projects = [{"project_id": f"P{i}", "name": n, "unit": n, "year": 2024} for i, n in enumerate(HOSTILE)]
    load_records(con, units=units, projects=projects)
    con.close()
    server = dashboard_server(tmp_path / "hostile.duckdb")
    page = browser_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for entry in PAGES:
        for unit in ("", HOSTILE[0], HOSTILE[1]):
            query = f"?unit={unit}" if unit else ""
            page.goto(f"{server.url}/{'' if entry.default else entry.url_path}{query}")
            page.locator("[data-testid='stMain'] h1").first.wait_for()
            page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("img[src='x']").count() == 0


def test_double_hyphens_in_a_name_show_verbatim(dashboard_server, browser_page, tmp_path):
    con = new_store(tmp_path, "dash.duckdb")
    units = [{"unit": "集团", "kind": "集团"}, {"unit": "甲--乙", "parent": "集团"}]
    load_records(con, units=units, projects=[{"project_id": "P1", "name": "x", "unit": "甲--乙", "year": 2024}])
    con.close()
    server = dashboard_server(tmp_path / "dash.duckdb")
    page = browser_page
    page.goto(f"{server.url}/?unit=%E7%94%B2--%E4%B9%99&year=2024")
    page.get_by_text("甲--乙 · 2024年").wait_for()  # the caption, as typed: no typographic dash
    assert "甲—乙" not in page.locator("[data-testid='stMain']").inner_text()
