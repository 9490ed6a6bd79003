"""账号与备份: an admin adds, re-roles, re-scopes, disables accounts, resets a password and takes and restores a
backup from the page, each audited and no password ever shown or logged; a viewer or analyst who reaches the page
by its URL, or calls the actions themselves, is refused and nothing changes."""

from __future__ import annotations

import pytest

from analytics.store import accounts, audit, backup, batches
from analytics.store.connection import connect, connect_writer
from tests.conftest import open_page
from tests.test_load import snapshot
from tests.test_roles_app import accounts_db, signed_in  # noqa: F401 (a fixture)

REFUSED = "此页面需要“管理员”及以上角色，请登录有权限的账号。"
SECRET = "a-new-secret-9"


def admin_page(make_app, db, name="老张"):
    return open_page(signed_in(make_app, db, name), "admin").run()


def page_text(app) -> str:
    """Everything the page shows as text, its tables included."""
    parts = [
        element.value for kind in ("markdown", "caption", "success", "error", "info") for element in getattr(app, kind)
    ]
    parts += [frame.value.to_csv() for frame in app.dataframe]
    parts += [str(widget.value) for widget in app.text_input]
    return "\n".join(parts)


@pytest.mark.parametrize("name", [None, "小李", "小王"])
def test_a_viewer_analyst_or_anonymous_reader_reaching_the_page_by_url_is_refused(make_app, accounts_db, name):  # noqa: F811
    app = admin_page(make_app, accounts_db, name)
    assert not app.exception
    assert [error.value for error in app.main.error] == [REFUSED]
    assert len(app.text_input) == 0 and len(app.dataframe) == 0
    assert "账号与备份" not in [link.label for link in app.sidebar.get("page_link")]


def test_the_admin_sees_the_page_in_the_menu_and_the_accounts_without_hashes(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    assert not app.exception
    assert "账号与备份" in [link.proto.label for link in app.sidebar.get("page_link")]
    table = app.dataframe[0].value
    assert list(table.columns) == ["用户名", "邮箱", "角色", "可见范围", "已停用", "连续失败次数", "锁定至", "建立时间"]
    assert list(zip(table["用户名"], table["角色"], table["可见范围"], strict=True)) == [
        ("小李", "浏览者", "全集团"),
        ("小王", "分析员", "全集团"),
        ("老张", "管理员", "全集团"),
    ]
    assert "argon2" not in page_text(app)


def test_the_admin_adds_a_scoped_analyst_who_can_then_sign_in(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.text_input(key="admin-add-name").input("小赵")
    app.selectbox(key="admin-add-role").set_value("analyst")
    app.multiselect(key="admin-add-units").set_value(["岳川工具研究所"])
    app.text_input(key="admin-add-password").input(SECRET)
    app.text_input(key="admin-add-again").input(SECRET)
    app.button(key="admin-add-submit").click().run()
    assert not app.exception
    assert [message.value for message in app.success] == ["已建立账号 小赵（分析员）。"]
    assert SECRET not in page_text(app)
    con = connect(accounts_db)
    principal = accounts.sign_in(con, "小赵", SECRET, source="test")
    assert (principal.role, principal.units) == ("analyst", ("岳川工具研究所",))
    [row] = audit.read(con, actions=("user_add",), actor="老张").itertuples()
    assert (row.target, row.detail) == ("小赵", "role=analyst units=['岳川工具研究所']")
    logged = con.execute("SELECT string_agg(concat_ws('|', actor, target, detail), ';') FROM audit_log").fetchone()[0]
    assert SECRET not in logged
    con.close()


def test_two_different_passwords_add_nothing(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.text_input(key="admin-add-name").input("小赵")
    app.text_input(key="admin-add-password").input(SECRET)
    app.text_input(key="admin-add-again").input(SECRET + "x")
    app.button(key="admin-add-submit").click().run()
    assert [error.value for error in app.error] == ["两次输入的密码不一致。"]
    con = connect(accounts_db)
    assert list(accounts.list_users(con)["name"]) == ["小李", "小王", "老张"]
    con.close()


def test_the_admin_changes_role_scope_and_disables_then_resets_a_password(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.selectbox(key="admin-edit-name").set_value("小王").run()
    number = 1  # 小王 is the second account
    app.selectbox(key=f"admin-edit-role-{number}").set_value("viewer")
    app.multiselect(key=f"admin-edit-units-{number}").set_value(["岳川工具研究所"])
    app.button(key=f"admin-edit-submit-{number}").click().run()
    assert [message.value for message in app.success] == [
        "小王 的角色已改为 浏览者。 小王 的可见范围已改为：岳川工具研究所"
    ]
    app.selectbox(key="admin-edit-name").set_value("小李").run()
    app.checkbox(key="admin-edit-disabled-0").check()
    app.button(key="admin-edit-submit-0").click().run()
    assert [message.value for message in app.success] == ["已停用账号 小李。"]
    app.selectbox(key="admin-password-name").set_value("小王")
    app.text_input(key="admin-password-new").input(SECRET)
    app.text_input(key="admin-password-again").input(SECRET)
    app.button(key="admin-password-submit").click().run()
    assert [message.value for message in app.success] == ["已为 小王 设置新密码。"]
    assert SECRET not in page_text(app)

    con = connect(accounts_db)
    table = accounts.list_users(con).set_index("name")
    assert (table.loc["小王", "role"], table.loc["小王", "units"], bool(table.loc["小李", "disabled"])) == (
        "viewer",
        "岳川工具研究所",
        True,
    )
    assert accounts.sign_in(con, "小王", SECRET, source="test").role == "viewer"
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(con, "小李", "password-小李", source="test")
    log = audit.read(con, actor="老张")
    assert list(zip(log["action"], log["target"], log["detail"], strict=True))[::-1] == [
        ("user_role", "小王", "analyst -> viewer"),
        ("user_scope", "小王", "[] -> ['岳川工具研究所']"),
        ("user_disable", "小李", "disabled=True"),
        ("user_passwd", "小王", ""),
    ]
    con.close()


def test_the_admin_takes_a_backup_and_restores_it_with_the_figures_back(make_app, accounts_db):  # noqa: F811
    con = connect(accounts_db)
    before = snapshot(con)
    con.close()
    app = admin_page(make_app, accounts_db)
    assert "尚无备份。" in [info.value for info in app.info]
    app.button(key="admin-backup").click().run()
    assert not app.exception
    [taken] = backup.list_backups(accounts_db.parent / "backups")
    assert [message.value for message in app.success] == [f"已备份：{taken.name}"]

    with connect_writer(accounts_db) as writer:
        batches.undo(writer, 1, actor=accounts.operator())  # the demo batch gone; a backup before it is taken too
        accounts.set_disabled(writer, accounts.operator(), "小李")  # after the backup: must survive the restore
    con = connect(accounts_db, read_only=True)
    assert con.execute("SELECT count(*) FROM projects").fetchone() == (0,)
    con.close()

    app.run()
    table = app.dataframe[-1].value
    assert list(table["原因"]) == ["撤销前", "手动"]
    app.selectbox(key="admin-restore-name").set_value(taken.name).run()
    app.checkbox(key="admin-restore-confirm").check().run()
    app.button(key="admin-restore-button").click().run()
    assert not app.exception
    assert [message.value for message in app.success] == [
        f"已从 {taken.name} 恢复（1 个批次，最后一个 #1）。原数据库已另存为备份。"
    ]
    con = connect(accounts_db)
    assert snapshot(con) == before
    assert batches.list_batches(con)["undone_at"].isna().all()
    [row] = audit.read(con, actions=("restore",)).itertuples()
    assert (row.actor, row.target, row.outcome) == ("老张", taken.name, "ok")
    # The accounts and the audit log are the replaced store's: nothing done since the backup is forgotten.
    assert accounts.principal_for(con, "小李") is None
    newest = list(audit.read(con, limit=4)["action"])
    assert newest == ["restore", "user_disable", "undo", "backup"]
    con.close()


@pytest.mark.parametrize("name", ["小李", "小王"])
def test_the_actions_themselves_refuse_a_viewer_or_analyst(accounts_db, name):  # noqa: F811
    """What a scripted websocket client would reach if the page forgot its check: each action refuses, is audited,
    and changes nothing."""
    con = connect(accounts_db)
    who = accounts.principal_for(con, name, source="10.9.9.9")
    before, users = snapshot(con), accounts.list_users(con)
    attempts = (
        lambda: accounts.add_user(con, who, "入侵者", role="admin", password=SECRET),
        lambda: accounts.set_role(con, who, name, "admin"),
        lambda: accounts.set_units(con, who, "老张", ["岳川工具研究所"]),
        lambda: accounts.set_disabled(con, who, "老张"),
        lambda: accounts.set_password(con, who, "老张", SECRET),
        lambda: backup.take(con, who, accounts_db),
        lambda: backup.restore_here(con, who, "any", accounts_db),
    )
    for attempt in attempts:
        with pytest.raises(accounts.Forbidden):
            attempt()
    assert snapshot(con) == before and accounts.list_users(con).equals(users)
    assert not (accounts_db.parent / "backups").exists()
    log = audit.read(con, outcome="refused")
    assert list(log["action"])[::-1] == [
        "user_add", "user_role", "user_scope", "user_disable", "user_passwd", "backup", "restore",
    ]  # fmt: skip
    assert set(log["actor"]) == {name}
    con.close()


def test_a_hostile_account_name_shows_as_the_text_it_is(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.text_input(key="admin-add-name").input("**粗体**<img src=x onerror=alert(1)>")
    app.text_input(key="admin-add-password").input(SECRET)
    app.text_input(key="admin-add-again").input(SECRET)
    app.button(key="admin-add-submit").click().run()
    assert [message.value for message in app.success] == [
        r"已建立账号 \*\*粗体\*\*\<img src=x onerror=alert(1)\>（浏览者）。"
    ]


def test_an_admin_who_resets_their_own_password_is_told_the_sign_in_ended_and_can_sign_in_with_it(
    make_app,
    accounts_db,  # noqa: F811
):
    app = admin_page(make_app, accounts_db)
    app.selectbox(key="admin-password-name").set_value("老张")
    app.text_input(key="admin-password-new").input(SECRET)
    app.text_input(key="admin-password-again").input(SECRET)
    app.button(key="admin-password-submit").click().run()
    assert not app.exception
    assert [message.value for message in app.info] == [
        "已为 老张 设置新密码。 你的账号已更改，本次登录随之结束；请用新的账号信息重新登录。"
    ]
    assert [error.value for error in app.main.error] == [REFUSED]  # the old sign-in no longer holds
    assert SECRET not in page_text(app)
    app.run()
    assert [message.value for message in app.info] == []  # said once
    con = connect(accounts_db)
    assert accounts.sign_in(con, "老张", SECRET, source="test").role == "admin"
    con.close()


def test_the_only_admin_cannot_disable_or_demote_themself(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.selectbox(key="admin-edit-name").set_value("老张").run()
    app.checkbox(key="admin-edit-disabled-2").check()
    app.button(key="admin-edit-submit-2").click().run()
    assert [error.value for error in app.error] == [
        "老张 是唯一启用的管理员，不能停用或降级；请先让另一个账号成为管理员。"
    ]
    app.selectbox(key="admin-edit-role-2").set_value("analyst")
    app.checkbox(key="admin-edit-disabled-2").uncheck()
    app.button(key="admin-edit-submit-2").click().run()
    assert [error.value for error in app.error] == [
        "老张 是唯一启用的管理员，不能停用或降级；请先让另一个账号成为管理员。"
    ]
    con = connect(accounts_db)
    assert accounts.principal_for(con, "老张").role == "admin"
    con.close()


def test_a_refused_part_of_an_edit_leaves_every_part_unmade(make_app, accounts_db):  # noqa: F811
    # 老张, the only admin, narrows his own scope and disables himself in one save: the disabling is refused, and
    # the scope must not change on its own.
    app = admin_page(make_app, accounts_db)
    app.selectbox(key="admin-edit-name").set_value("老张").run()
    app.multiselect(key="admin-edit-units-2").set_value(["岳川工具研究所"])
    app.checkbox(key="admin-edit-disabled-2").check()
    app.button(key="admin-edit-submit-2").click().run()
    assert [error.value for error in app.error] == [
        "老张 是唯一启用的管理员，不能停用或降级；请先让另一个账号成为管理员。"
    ]
    con = connect(accounts_db)
    assert accounts.user_units(con, "老张") == ()
    assert accounts.principal_for(con, "老张").role == "admin"
    assert audit.read(con, actor="老张").query("action == 'user_scope'").empty
    con.close()


def test_the_admin_issues_an_api_token_shown_once_and_revokes_it(make_app, accounts_db):  # noqa: F811
    app = admin_page(make_app, accounts_db)
    app.selectbox(key="admin-token-name").set_value("小李")
    app.button(key="admin-token-issue").click().run()
    assert not app.exception
    assert [message.value for message in app.success] == ["小李 的新接口令牌如下，只显示这一次，请现在复制："]
    [code] = app.code
    token = code.value
    con = connect(accounts_db)
    assert accounts.principal_by_token(con, token, source="test").name == "小李"
    assert con.execute("SELECT token_hash FROM api_tokens").fetchone()[0] != token
    con.close()
    app.run()  # any next run: the token is gone from the page and the session
    assert len(app.code) == 0 and token not in page_text(app)
    assert "admin_token_flash" not in app.session_state

    app.selectbox(key="admin-token-name").set_value("小李")
    app.button(key="admin-token-revoke").click().run()
    assert [message.value for message in app.success] == ["已吊销 小李 的接口令牌。"]
    app.button(key="admin-token-revoke").click().run()
    assert [error.value for error in app.error] == ["小李 没有接口令牌。"]
    con = connect(accounts_db)
    with pytest.raises(accounts.SignInRefused):
        accounts.principal_by_token(con, token, source="test")
    log = audit.read(con, actions=("user_token",), actor="老张")
    assert list(zip(log["target"], log["detail"], strict=True)) == [("小李", "revoked"), ("小李", "issued")]
    con.close()
