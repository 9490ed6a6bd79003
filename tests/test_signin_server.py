"""The sign-in routes of a real server (`streamlit run asgi.py`): the session cookie is signed, HttpOnly and
expiring; a bad password, a missing CSRF token or a foreign `next` get nowhere; every attempt is audited."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from analytics.store import accounts, audit
from analytics.store.connection import connect


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    return opener, jar


def fetch(opener, url, data: dict | None = None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        response = opener.open(url, data=body, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, dict(response.headers), response.headers.get_all("set-cookie") or [], response.read()


@pytest.fixture
def server(demo_db, dashboard_server):
    con = connect(demo_db)
    accounts.add_user(con, accounts.operator(), "小王", role="analyst", password="analyst-pass")
    con.close()
    return dashboard_server(demo_db)


def test_sign_in_sets_a_signed_httponly_expiring_cookie_and_refuses_the_rest(server, demo_db):
    opener, _jar = client()
    status, headers, cookies, body = fetch(opener, f"{server.url}/auth/signin?next=/upload")
    assert status == 200
    assert headers["x-frame-options"] == "SAMEORIGIN" and headers["x-content-type-options"] == "nosniff"
    csrf = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()

    status, _, _, body = fetch(opener, f"{server.url}/auth/signin", {"csrf": csrf, "name": "小王", "password": "x"})
    assert status == 401 and "用户名或密码不正确。" in body.decode()

    other, _ = client()  # no CSRF cookie: a cross-site form post
    status, _, cookies, _ = fetch(
        other, f"{server.url}/auth/signin", {"csrf": csrf, "name": "小王", "password": "analyst-pass"}
    )
    assert status == 400 and not any(c.startswith("cx_session") for c in cookies)

    form = {"csrf": csrf, "name": "小王", "password": "analyst-pass", "next": "//evil.example/x"}
    status, headers, cookies, _ = fetch(opener, f"{server.url}/auth/signin", form)
    assert (status, headers["location"]) == (303, "/")
    [session] = [c for c in cookies if c.startswith("cx_session=")]
    assert "HttpOnly" in session and "Max-Age=28800" in session and "SameSite=lax" in session

    status, headers, cookies, _ = fetch(opener, f"{server.url}/auth/signout")
    assert status == 303 and any(c.startswith("cx_session=") and "Max-Age=0" in c for c in cookies)

    server.process.terminate()
    server.process.wait(timeout=10)
    con = connect(demo_db)
    log = audit.read(con, actions=("sign_in", "sign_out"))
    assert list(zip(log["action"], log["outcome"], strict=True))[::-1] == [
        ("sign_in", "failed"),
        ("sign_in", "ok"),
        ("sign_out", "ok"),
    ]
    assert set(log["source"]) == {"127.0.0.1"}
    con.close()


def test_a_flood_of_wrong_passwords_from_one_address_is_refused_before_the_store(server, demo_db):
    opener, _jar = client()
    _, _, _, body = fetch(opener, f"{server.url}/auth/signin")
    csrf = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    guesses = [fetch(opener, f"{server.url}/auth/signin", {"csrf": csrf, "name": "小王", "password": f"guess{n}"})
               for n in range(12)]  # fmt: skip
    # Five wrong passwords lock the account (accounts.MAX_FAILURES); ten failures a minute stop the address.
    assert [status for status, *_ in guesses] == [401] * 10 + [429] * 2
    status, headers, _, body = guesses[-1]
    seconds = int(headers["retry-after"])
    assert f"此地址登录失败次数过多，请 {seconds} 秒后再试。" in body.decode() and 1 <= seconds <= 60
    # Even the right password waits out the address's window: nothing of it is checked or written.
    status, *_ = fetch(opener, f"{server.url}/auth/signin", {"csrf": csrf, "name": "小王", "password": "analyst-pass"})
    assert status == 429
    server.process.terminate()
    server.process.wait(timeout=10)
    con = connect(demo_db)
    assert len(audit.read(con, actions=("sign_in",))) == 10
    con.close()


@pytest.mark.parametrize(
    ("wanted", "safe"),
    [
        ("/upload?year=2024&unit=%E7%94%B2", "/upload?year=2024&unit=%E7%94%B2"),
        ("//evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
def test_after_sign_in_only_a_path_on_this_server_is_followed(wanted, safe):
    from ui.auth import _safe_next

    assert _safe_next(wanted) == safe
