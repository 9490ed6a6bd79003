"""Single sign-on end to end in a real browser: a test identity provider on 127.0.0.1 (discovery, authorize,
token, JWKS), st.login through it, the role from the ID token's claim, then an upload under the signed-in name."""

import json
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from analytics.store import audit
from analytics.store.connection import connect
from tests.conftest import ROOT, _free_port
from tests.parse_helpers import xlsx

pytestmark = pytest.mark.browser


def start_provider(tmp_path, users: dict):
    """The test identity provider on a free port with these users ({login: claims}); returns (url, process)."""
    port = _free_port()
    config = tmp_path / "idp.json"
    config.write_text(json.dumps({"client_id": "dashboard", "client_secret": "test-secret", "users": users}), "utf-8")
    process = subprocess.Popen([sys.executable, "-m", "tests.oidc_provider", str(port), str(config)], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return url, process


@pytest.fixture
def identity_provider(tmp_path):
    url, process = start_provider(
        tmp_path,
        {
            "ana": {"email": "ana@example.com", "name": "Ana", "dashboard_role": "analyst"},
            "vic": {"email": "vic@example.com", "name": "Vic"},
        },
    )
    yield url
    process.terminate()
    process.wait(timeout=10)


def secrets_file(tmp_path, issuer: str):
    path = tmp_path / "secrets.toml"
    path.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-that-is-long-enough-0123456789"\n'
        'client_id = "dashboard"\n'
        'client_secret = "test-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        "utf-8",
    )
    return path


def ledger() -> bytes:
    return xlsx({"项目": [["项目编号", "项目名称", "单位", "年度"], ["S-1", "单点登录项目", "岳川工具研究所", 2024]]})


def sign_in(page, login: str) -> None:
    """Through the dashboard's SSO button and the identity provider's own form, as `login`."""
    # Three redirects and a fresh session under a shared machine's load: a run of the browser suite once took longer
    # than the default 30 s here.
    page.set_default_timeout(60_000)
    sso = page.locator(".st-key-auth-sso button")
    # The first visit runs the script twice (app.py settles st.navigation): wait until the stale copy has gone.
    expect(sso).to_have_count(1, timeout=60_000)
    sso.click()
    page.locator("#login").fill(login)  # the identity provider's own sign-in form
    page.get_by_role("button", name="Sign in").click()


def upload_is_batch_2_by(page, server, db, name: str) -> None:
    """Upload the one-project ledger on /upload; once the server stops, batch #2 and its audit row carry name."""
    page.goto(f"{server.url}/upload")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "sso.xlsx", "mimeType": "application/octet-stream", "buffer": ledger()}]
    )
    page.locator(".st-key-commit-upload button").click()
    page.get_by_text("已载入为批次 #2：新增1条，更新0条。").wait_for()

    server.process.terminate()
    server.process.wait(timeout=10)
    con = connect(db)
    assert con.execute("SELECT uploaded_by FROM batches WHERE batch_id = 2").fetchone() == (name,)
    [row] = audit.read(con, actions=("batch",), actor=name).itertuples()
    assert row.outcome == "ok" and row.file_hash
    con.close()


def test_an_analyst_signs_in_through_the_identity_provider_and_uploads(
    identity_provider, dashboard_server, browser_page, demo_db, tmp_path
):
    secrets = secrets_file(tmp_path, identity_provider)
    server = dashboard_server(demo_db, extra_args=("--secrets.files", str(secrets)))
    page = browser_page
    page.goto(f"{server.url}/upload")
    page.get_by_text("此页面需要“分析员”及以上角色").wait_for()  # not signed in: refused, not an error
    sign_in(page, "ana")
    page.get_by_text("已登录：ana@example.com（分析员）").wait_for()
    upload_is_batch_2_by(page, server, demo_db, "ana@example.com")
