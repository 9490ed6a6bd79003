"""Single sign-on where the role and unit scope come from the admin's account table, keyed by the ID token's e-mail
(or, without one, its subject), not from a claim: end to end in a browser against the test identity provider."""

import pytest

from analytics.store import accounts
from analytics.store.connection import connect
from tests.test_browser_sso import secrets_file, sign_in, start_provider, upload_is_batch_2_by

pytestmark = pytest.mark.browser

BEARINGS = "岳川精密轴承研究所"
TOOLS = "岳川工具研究所"


@pytest.fixture
def provider(tmp_path):
    url, process = start_provider(
        tmp_path,
        {
            # The token claims admin; the admin's table says a viewer of one institute: the table wins.
            "vic": {"email": "Vic@Example.com", "name": "Vic", "dashboard_role": "admin"},
            # No e-mail claim: the account is found by the token's subject.
            "sam": {"name": "Sam"},
        },
    )
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def table_db(demo_db):
    con = connect(demo_db)
    by = accounts.operator()
    accounts.add_user(con, by, "维克", role="viewer", password=None, units=[BEARINGS], email="vic@example.com")
    accounts.add_user(con, by, "萨姆", role="analyst", password=None, units=[TOOLS], email="sam")
    con.close()
    return demo_db


def test_a_viewer_by_e_mail_gets_the_tables_role_and_scope_not_the_tokens(
    provider, dashboard_server, browser_page, table_db, tmp_path
):
    server = dashboard_server(table_db, extra_args=("--secrets.files", str(secrets_file(tmp_path, provider))))
    page = browser_page
    page.goto(f"{server.url}/")
    sign_in(page, "vic")
    page.get_by_text("已登录：维克（浏览者）").wait_for()
    page.get_by_text(f"可见范围：{BEARINGS}").wait_for()
    page.goto(f"{server.url}/upload")
    page.get_by_text("此页面需要“分析员”及以上角色").wait_for()
    page.goto(f"{server.url}/admin")
    page.get_by_text("此页面需要“管理员”及以上角色").wait_for()


def test_an_analyst_by_subject_uploads_inside_the_tables_scope(
    provider, dashboard_server, browser_page, table_db, tmp_path
):
    server = dashboard_server(table_db, extra_args=("--secrets.files", str(secrets_file(tmp_path, provider))))
    page = browser_page
    page.goto(f"{server.url}/")
    sign_in(page, "sam")
    page.get_by_text("已登录：萨姆（分析员）").wait_for()
    page.get_by_text(f"可见范围：{TOOLS}").wait_for()
    upload_is_batch_2_by(page, server, table_db, "萨姆")
