"""Roles in the app (AppTest) and at the actions themselves: viewers change nothing, whatever the route."""

import getpass

import pytest

from analytics.ingest import upload
from analytics.store import accounts, audit, batches
from analytics.store.connection import connect
from tests.conftest import DEMO, demo_rows, open_page
from tests.test_load import snapshot
from tests.test_upload_page import XLSX


@pytest.fixture
def accounts_db(demo_db):
    """The demo store with a viewer, an analyst and an admin (passwords irrelevant: sessions come as tokens)."""
    con = connect(demo_db)
    for name, role in (("小李", "viewer"), ("小王", "analyst"), ("老张", "admin")):
        accounts.add_user(con, accounts.operator(), name, role=role, password="password-" + name)
    con.close()
    return demo_db


def signed_in(make_app, db, name: str | None, **query):
    """An AppTest whose session carries the signed token our sign-in route puts in the cookie."""
    from ui import auth

    app = make_app(db, **query)
    if name is not None:
        con = connect(db)
        token = auth.make_token(con, name)
        con.close()
        app.session_state[auth.TOKEN_KEY] = token
    return app.run()


def banner(app) -> str:
    [text] = [m.value for m in app.sidebar.markdown if "background[" in m.value]
    return text.split(": ", 1)[1].rstrip("]")


def test_anonymous_reader_sees_no_upload_and_is_refused_by_url(make_app, accounts_db):
    app = signed_in(make_app, accounts_db, None)
    assert not app.exception
    assert "未登录：只读浏览" in [caption.value for caption in app.sidebar.caption]
    open_page(app, "upload").run()
    assert [error.value for error in app.main.error] == ["此页面需要“分析员”及以上角色，请登录有权限的账号。"]
    assert len(app.get("file_uploader")) == 0
    open_page(app, "batches").run()
    assert app.main.error[0].value.startswith("此页面需要“分析员”")
    assert len(app.button) == 0 or "undo-button" not in [b.key for b in app.button]


def test_a_viewer_is_refused_the_upload_page(make_app, accounts_db):
    app = signed_in(make_app, accounts_db, "小李")
    assert "已登录：小李（浏览者）" in [caption.value for caption in app.sidebar.caption]
    open_page(app, "upload").run()
    assert app.main.error[0].value.startswith("此页面需要“分析员”")


def test_an_analyst_uploads_and_the_batch_and_audit_carry_the_name(make_app, accounts_db):
    app = signed_in(make_app, accounts_db, "小王")
    open_page(app, "batches").run()
    assert not app.main.error
    app.selectbox(key="undo-batch").set_value(1).run()
    app.checkbox(key="undo-confirm").check().run()
    app.button(key="undo-button").click().run()
    assert [message.value for message in app.success] == ["已撤销批次 #1，数据已恢复到该批次之前。"]
    open_page(app, "upload").run()
    app.file_uploader(key="upload_files").set_value(("demo.xlsx", DEMO.read_bytes(), XLSX)).run()
    app.button(key="commit-upload").click().run()
    assert [message.value for message in app.success] == [f"已载入为批次 #2：新增{demo_rows()}条，更新0条。"]
    con = connect(accounts_db)
    assert con.execute("SELECT batch_id, uploaded_by, undone_by FROM batches ORDER BY 1").fetchall() == [
        (1, getpass.getuser(), "小王"),
        (2, "小王", None),
    ]
    rows = audit.read(con, actor="小王")
    assert list(rows["action"])[::-1] == ["undo", "batch"]
    assert rows["file_hash"].iloc[0] and rows["source"].iloc[0] == "local"
    con.close()


def test_the_person_at_a_localhost_server_without_accounts_is_admin_and_told_so(make_app, demo_db):
    app = signed_in(make_app, demo_db, None)
    assert banner(app).startswith("本机模式：尚未建立任何账号")
    open_page(app, "upload").run()
    assert not app.main.error
    assert len(app.get("file_uploader")) == 1


def test_on_another_address_without_accounts_everyone_reads_only(make_app, demo_db):
    from streamlit import config

    config.set_option("server.address", "0.0.0.0")
    try:
        app = signed_in(make_app, demo_db, None)
        assert banner(app).startswith("只读模式")
        assert "python -m analytics user add" in banner(app)
        open_page(app, "upload").run()
        assert app.main.error[0].value.startswith("此页面需要“分析员”")
    finally:
        config.set_option("server.address", "127.0.0.1")


def test_a_disabled_account_or_a_changed_password_ends_the_session(make_app, accounts_db):
    app = signed_in(make_app, accounts_db, "小王")
    con = connect(accounts_db)
    accounts.set_password(con, accounts.operator(), "小王", "another password")
    con.close()
    open_page(app, "upload").run()
    assert app.main.error[0].value.startswith("此页面需要“分析员”")
    assert "未登录：只读浏览" in [caption.value for caption in app.sidebar.caption]


def test_a_forged_token_is_nobody(make_app, accounts_db):
    from ui import auth

    app = make_app(accounts_db)
    app.session_state[auth.TOKEN_KEY] = "eyJ1Ijoi6ICB5bygIiwidiI6MX0.aw2dzg.forged-signature"
    app.run()
    open_page(app, "upload").run()
    assert app.main.error[0].value.startswith("此页面需要“分析员”")


@pytest.mark.parametrize("role", ["viewer"])
def test_the_actions_refuse_without_the_role_whoever_calls_them(demo_db, role):
    """What a scripted websocket client would reach if a page forgot its check: the action itself refuses. (Called
    with no actor at all, an action is the person at the machine's, as on the command line: pages always pass the
    signed-in principal.)"""
    con = connect(demo_db)
    before = snapshot(con)
    batches_before = batches.list_batches(con)
    reader = accounts.Principal("路人", role, source="10.9.9.9") if role else None
    plan = upload.prepare(con, [(DEMO.name, DEMO.read_bytes())])
    with pytest.raises(accounts.Forbidden) as refused:
        upload.apply(con, plan, actor=reader, valid_only=True)
    assert (refused.value.key, refused.value.params) == ("auth.forbidden", {"role": "analyst", "action": "batch"})
    with pytest.raises(accounts.Forbidden):
        batches.undo(con, 1, actor=reader)
    assert snapshot(con) == before
    assert batches.list_batches(con).equals(batches_before)
    log = audit.read(con, outcome="refused")
    assert list(log["action"])[::-1] == ["batch", "undo"]
    assert set(log["actor"]) == {"路人" if role else "?"}
    con.close()
