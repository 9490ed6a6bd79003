"""Who is using this session: the signed session cookie set by our own sign-in routes, single sign-on through
st.login, the person at a localhost-only server, or an anonymous reader; plus the Starlette routes and middleware
that asgi.py hands to st.App (see docs/security.md)."""

from __future__ import annotations

import html
import os
import secrets
from typing import ClassVar
from urllib.parse import quote

import streamlit as st
from itsdangerous import BadSignature, URLSafeTimedSerializer

from analytics.i18n import LANGUAGES
from analytics.i18n import t as translate
from analytics.store import accounts, audit, connection
from analytics.store.throttle import FAILED_SIGN_INS, Throttled
from ui.i18n import join, lang, t

COOKIE = "cx_session"
CSRF_COOKIE = "cx_csrf"
SESSION_HOURS = float(os.environ.get("DASHBOARD_SESSION_HOURS", "8"))
# Session state key holding a signed session token, written only by server code (tests use it because AppTest
# cannot send cookies; a browser client can set only registered widgets' values, never this key).
TOKEN_KEY = "_auth_token"
LOCAL_ADDRESSES = ("127.0.0.1", "localhost", "::1")
ANONYMOUS = "anonymous"
# asgi.py mounts the routes; under a plain `streamlit run app.py` nobody can sign in and the app says so.
_routes_mounted = False


def _cursor():
    # Imported when first used: asgi.py imports this module before Streamlit's runtime exists, and ui.cache's
    # caches must be made inside it.
    from ui import cache

    return cache.cursor()


def _serializer(con) -> URLSafeTimedSerializer:
    secret = os.environ.get("DASHBOARD_SECRET") or accounts.session_secret(con)
    return URLSafeTimedSerializer(secret, salt="cx-session")


def make_token(con, name: str) -> str:
    """A signed token naming the account and its session version (a password or role change ends it)."""
    return _serializer(con).dumps({"u": name, "v": accounts.session_version(con, name)})


def principal_from_token(con, token: str, source: str) -> accounts.Principal | None:
    try:
        data = _serializer(con).loads(token, max_age=int(SESSION_HOURS * 3600))
    except BadSignature:  # also an expired one (SignatureExpired is a BadSignature)
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), str):
        return None
    return accounts.principal_for(con, data["u"], source=source, session_version=data.get("v"))


# --- inside a session ------------------------------------------------------------------------------------------


def _text(value) -> str | None:
    # Only what a real client sent: under AppTest the session client is a stand-in whose fields are not text.
    return value if isinstance(value, str) else None


def _peer() -> str | None:
    return _text(st.context.ip_address)


def source() -> str:
    """Where the session comes from: the peer address (Streamlit gives None on loopback), a proxy's header."""
    address = _peer()
    forwarded = _text(st.context.headers.get("X-Forwarded-For"))
    if forwarded:
        return f"{address or 'local'} (X-Forwarded-For {forwarded[:100]})"
    return address or "local"


def sso_configured() -> bool:
    try:
        return bool(st.secrets.get("auth"))
    except (FileNotFoundError, KeyError, AttributeError):
        return False
    except Exception:  # a malformed secrets.toml: no identity provider, never a traceback
        return False


def local_only() -> bool:
    """The server listens on this machine only and this browser is on it."""
    address = st.get_option("server.address")
    return (address or "") in LOCAL_ADDRESSES and _peer() is None


def _sso_principal(con, where: str) -> accounts.Principal | None:
    if not sso_configured() or not st.user.get("is_logged_in"):
        return None
    settings = st.secrets.get("dashboard", {})
    role_claim = settings.get("role_claim", "dashboard_role")
    units_claim = settings.get("units_claim", "dashboard_units")
    email = str(st.user.get("email") or st.user.get("sub") or "")
    known = accounts.principal_by_email(con, email, source=where) if email else None
    if known is not None:
        return known
    claimed = st.user.get(role_claim)
    if claimed in accounts.ROLES:
        units = st.user.get(units_claim) or ()
        units = (units,) if isinstance(units, str) else tuple(str(unit) for unit in units)
        return accounts.Principal(email, claimed, units, where, via="sso")
    return accounts.Principal(email or ANONYMOUS, "viewer", (), where, via="sso-unmapped")


def current() -> accounts.Principal:
    """The principal of this run. Checked afresh every run, so a disabled account loses access at once."""
    con = _cursor()
    where = source()
    token = _text(st.context.cookies.get(COOKIE)) or _text(st.session_state.get(TOKEN_KEY))
    if token:
        found = principal_from_token(con, token, where)
        if found is not None:
            return found
    found = _sso_principal(con, where)
    if found is not None:
        return found
    if not accounts.has_accounts(con) and not sso_configured() and local_only():
        return accounts.Principal(translate("role.admin", lang()), "admin", (), where, via="machine")
    return accounts.Principal(ANONYMOUS, "viewer", (), where, via=ANONYMOUS)


_PRINCIPAL_KEY = "_principal"
_SIGNED_OUT_NOTICE = "_signed_out_notice"


def after_sign_out(message: str) -> None:
    """Say message on the next run, whatever page that run shows: a change to one's own account signs one out."""
    st.session_state[_SIGNED_OUT_NOTICE] = message


def notice() -> None:
    """The message left by after_sign_out, once, above the page."""
    message = st.session_state.pop(_SIGNED_OUT_NOTICE, None)
    if message:
        st.info(message, icon=":material/logout:")


def remember(principal: accounts.Principal) -> accounts.Principal:
    """Keep this run's principal for the pages (set by app.py at the top of every run, by server code only)."""
    st.session_state[_PRINCIPAL_KEY] = principal
    return principal


def principal() -> accounts.Principal:
    """The principal app.py found for this run."""
    found = st.session_state.get(_PRINCIPAL_KEY)
    return found if isinstance(found, accounts.Principal) else current()


def sidebar(principal: accounts.Principal) -> None:
    """Who is signed in, and the sign-in / sign-out controls; the banner for the two account-less modes."""
    con = _cursor()
    with st.sidebar:
        # A coloured banner at the top of the sidebar, not an alert: the pages' own notices keep the main area.
        if principal.via == "machine":
            st.markdown(f":blue-background[:material/admin_panel_settings: {t('auth.machine_admin')}]")
        elif not accounts.has_accounts(con) and not sso_configured():
            st.markdown(f":orange-background[:material/lock: {t('auth.read_only_no_admin')}]")
        if principal.via == ANONYMOUS:
            st.caption(t("auth.anonymous"))
            if accounts.has_accounts(con):
                if _routes_mounted:
                    _link(t("auth.sign_in"), f"/auth/signin?lang={lang()}&next={quote(_here(), safe='')}")
                else:
                    st.caption(t("auth.no_routes"))
            if sso_configured():
                st.button(t("auth.sign_in_sso"), on_click=st.login, key="auth-sso")
        elif principal.via != "machine":
            st.caption(t("auth.signed_in_as", name=principal.name, role=t(f"role.{principal.role}")))
            if principal.units:
                st.caption(t("auth.scope", units=join(principal.units)))
            if principal.via == "sso-unmapped":
                st.caption(t("auth.no_role_for_sso", email=principal.name))
            if principal.via.startswith("sso"):
                st.button(t("auth.sign_out"), on_click=st.logout, key="auth-signout")
            else:
                _link(t("auth.sign_out"), "/auth/signout")


def _link(label: str, href: str) -> None:
    # In this tab: st.link_button and markdown links open a new one, and the sign-in should return here. Only our
    # own words and a quoted path reach this HTML, each escaped.
    st.markdown(
        f'<a href="{html.escape(href)}" target="_self" class="cx-auth-link">{html.escape(label)}</a>',
        unsafe_allow_html=True,
    )


def _here() -> str:
    """The current page's path and query, for the sign-in page to return to."""
    url = st.context.url or "/"
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url
    query = "&".join(
        f"{quote(key)}={quote(value)}" for key in st.query_params for value in st.query_params.get_all(key)
    )
    return path.split("?")[0] + (f"?{query}" if query else "")


def refusal(refused: accounts.Forbidden) -> str:
    """A Forbidden's message in the session's language, its role and action named in words."""
    params = dict(refused.params)
    if "role" in params:
        params["role"] = t(f"role.{params['role']}")
    if "action" in params:
        params["action"] = t(f"audit.action.{params['action']}")
    return t(refused.key, **params)


def refuse_page(role: str) -> None:
    st.error(t("auth.page_refused", role=t(f"role.{role}")))


# --- the routes st.App mounts (asgi.py) -----------------------------------------------------------------------


def _request_lang(request) -> str:
    wanted = request.query_params.get("lang")
    return wanted if wanted in LANGUAGES else "zh"


def _safe_next(value: str | None) -> str:
    """Only a path on this server: never another host (//evil, /\\evil, https://…)."""
    # Browsers drop tabs and line breaks from URLs ("/\t/evil" becomes "//evil"): no control character or space.
    if not value or any(ord(char) < 33 or char == "\\" for char in value):
        return "/"
    if not value.startswith("/") or value.startswith("//"):
        return "/"
    return value


def _request_source(request) -> str:
    address = request.client.host if request.client else "local"
    forwarded = request.headers.get("x-forwarded-for")
    return f"{address} (X-Forwarded-For {forwarded[:100]})" if forwarded else address


def _form(language: str, next_path: str, csrf: str, message: str = "") -> str:
    def text(key: str) -> str:
        return html.escape(translate(key, language))

    error = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return f"""<!doctype html>
<html lang="{"zh-CN" if language == "zh" else "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{text("auth.signin_title")}</title>
<style>body{{font-family:sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}}
label,input,button{{display:block;width:100%;margin:.4rem 0;font-size:1rem}}input{{padding:.4rem}}
button{{padding:.5rem;background:#c0392b;color:#fff;border:0}}.error{{color:#c0392b}}</style></head>
<body><h1>{text("auth.signin_title")}</h1>{error}
<form method="post" action="/auth/signin?lang={language}">
<input type="hidden" name="csrf" value="{html.escape(csrf)}">
<input type="hidden" name="next" value="{html.escape(next_path)}">
<label for="name">{text("auth.name")}</label><input id="name" name="name" autocomplete="username" required>
<label for="password">{text("auth.password")}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{text("auth.submit")}</button></form></body></html>"""


def _secure(request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


async def signin(request):
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import HTMLResponse, RedirectResponse

    language = _request_lang(request)
    if request.method == "GET":
        csrf = secrets.token_urlsafe(24)
        response = HTMLResponse(_form(language, _safe_next(request.query_params.get("next")), csrf))
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=_secure(request), path="/auth")
        return response
    form = await request.form()
    next_path = _safe_next(str(form.get("next") or "/"))
    expected = request.cookies.get(CSRF_COOKIE) or ""
    if not expected or not secrets.compare_digest(expected, str(form.get("csrf") or "")):
        return HTMLResponse(_form(language, next_path, "", translate("auth.csrf", language)), status_code=400)
    # Bounded: whatever is typed as a name is written to the audit log.
    name, password = str(form.get("name") or "").strip()[:200], str(form.get("password") or "")[:1000]

    # The address uvicorn took from X-Forwarded-For when the proxy in front is on this machine: the caller's own.
    address, store = request.client.host if request.client else "local", str(connection.db_path())

    def check():
        con = _cursor()
        principal = accounts.sign_in(con, name, password, source=_request_source(request))
        return make_token(con, principal.name)

    try:
        FAILED_SIGN_INS.check(store, address)  # before the password is hashed or the attempt written
        token = await run_in_threadpool(check)
    except Throttled as refused:
        message = translate(refused.key, language, **refused.params)
        headers = {"Retry-After": str(refused.retry_after)}
        return HTMLResponse(_form(language, next_path, expected, message), status_code=429, headers=headers)
    except accounts.SignInRefused as refused:
        FAILED_SIGN_INS.failed(store, address)
        message = translate(refused.key, language, **refused.params)
        return HTMLResponse(_form(language, next_path, expected, message), status_code=401)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(SESSION_HOURS * 3600),
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    response.delete_cookie(CSRF_COOKIE, path="/auth")
    return response


async def signout(request):
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse

    token = request.cookies.get(COOKIE)
    if token:

        def record():
            con = _cursor()
            principal = principal_from_token(con, token, _request_source(request))
            if principal is not None:
                audit.record(con, actor=principal.name, source=principal.source, action="sign_out")

        await run_in_threadpool(record)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


class SecurityHeaders:
    """Pure ASGI middleware: no sniffing, no framing by other sites, no full URLs (with filters) as referrers."""

    HEADERS: ClassVar[tuple[tuple[bytes, bytes], ...]] = (
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"SAMEORIGIN"),
        (b"referrer-policy", b"same-origin"),
    )

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    header for header in self.HEADERS if header[0] not in present
                ]
            await send(message)

        return await self.app(scope, receive, with_headers)


def routes() -> list:
    """The sign-in and sign-out routes for st.App (Streamlit's own /auth/login and /auth/logout serve st.login)."""
    global _routes_mounted
    from starlette.routing import Route

    _routes_mounted = True
    return [
        Route("/auth/signin", signin, methods=["GET", "POST"]),
        Route("/auth/signout", signout, methods=["GET"]),
    ]


def middleware() -> list:
    from starlette.middleware import Middleware

    return [Middleware(SecurityHeaders)]
