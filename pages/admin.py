"""账号与备份 (admins): add, disable, re-role, re-scope accounts, reset passwords and issue or revoke API tokens (a new
one shown once); take, list and restore backups.
Every action is checked and audited where it runs (analytics.store.accounts / backup), not only hidden here."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analytics.i18n import join
from analytics.store import accounts, backup
from analytics.store.connection import db_path
from analytics.store.tree import UnknownUnitError
from ui import auth, cache
from ui.i18n import lang, t

FLASH = "admin_flash"
TOKEN_FLASH = "admin_token_flash"  # (account, token): popped by the next run, so the token is shown once


def render() -> None:
    st.title(t("page.admin"))
    st.caption(t("admin.intro"))
    principal = auth.principal()
    try:
        accounts.require(cache.cursor(), principal, "admin", "accounts_read")
    except accounts.Forbidden:
        auth.refuse_page("admin")
        return
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash)
    issued = st.session_state.pop(TOKEN_FLASH, None)
    if issued:
        st.success(t("admin.token_once", name=issued[0]))
        st.code(issued[1], language=None)
    users = accounts.list_users(cache.cursor())
    units = list(cache.unit_tree()["unit"])
    _accounts_table(users)
    _add_form(principal, units)
    if not users.empty:
        _edit_form(principal, users, units)
        _password_form(principal, list(users["name"]))
        _token_form(principal, list(users["name"]))
    _backups(principal)


def _forget(*keys: str) -> None:
    """Drop typed passwords from the session at once: clear_on_submit clears them only in the browser, and the
    server would keep them until the next submit."""
    for key in keys:
        st.session_state.pop(key, None)


def _done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def _act(action: Callable, message: str) -> None:
    """Run one account change on the primary file; a refusal or a refused value is shown, never a traceback."""
    principal = auth.principal()
    try:
        with cache.writer() as writer:
            before = accounts.session_version(writer, principal.name)
            action(writer)
            # A password, role or disabled change to one's own account ends one's own signed session: the next run
            # is signed out, and the message must outlive the admin page it was made on.
            ended = principal.via == "local" and accounts.session_version(writer, principal.name) != before
    except accounts.Forbidden as refused:
        st.error(auth.refusal(refused))
        return
    except accounts.AccountError as refused:
        st.error(_message(refused))
        return
    except UnknownUnitError as unknown:
        st.error(
            t(
                "cli.unknown_unit",
                name=unknown.name,
                suggestions=join(unknown.suggestions, lang()) or "—",
            )
        )
        return
    if ended:
        auth.after_sign_out(f"{message} {t('account.own_session_ended')}".strip())
        st.rerun()
    _done(message)


def _message(error) -> str:
    """A refused change's message (ui.i18n.t shows its values as the text they are)."""
    return t(error.key, **error.params)


def _role(role: str) -> str:
    return t(f"role.{role}")


def _scope_text(units) -> str:
    return join(list(units), lang()) if units else t("account.whole_group")


def _accounts_table(users) -> None:
    st.subheader(t("admin.accounts"))
    if users.empty:
        st.info(t("account.none"))
        return
    shown = users.assign(
        role=users["role"].map(_role),
        units=users["units"].map(lambda units: units or t("account.whole_group")),
        disabled=users["disabled"].map(lambda off: t("admin.yes") if off else ""),
    )
    shown = shown.astype(object).where(shown.notna(), "")
    st.dataframe(shown.set_axis(t("admin.columns").split(","), axis=1), hide_index=True, key="admin-accounts")


def _add_form(principal: accounts.Principal, units: list[str]) -> None:
    st.subheader(t("admin.add"))
    # Cleared on submit: a password stays in the session no longer than the one run that uses it.
    with st.form("admin-add", clear_on_submit=True):
        left, right = st.columns(2)
        name = left.text_input(t("auth.name"), key="admin-add-name")
        email = right.text_input(t("admin.email"), key="admin-add-email", help=t("admin.email_help"))
        role = left.selectbox(t("admin.role"), accounts.ROLES, format_func=_role, key="admin-add-role")
        scope = right.multiselect(
            t("admin.units"),
            units,
            key="admin-add-units",
            placeholder=t("account.whole_group"),
            select_all=False,  # none chosen already means the whole group; Streamlit's "Select all" is English
        )
        password = left.text_input(t("auth.password"), type="password", key="admin-add-password")
        again = right.text_input(t("admin.password_again"), type="password", key="admin-add-again")
        submitted = st.form_submit_button(t("admin.add_submit"), key="admin-add-submit")
    if not submitted:
        return
    _forget("admin-add-password", "admin-add-again")
    if password != again:
        st.error(t("account.password_mismatch"))
        return
    name = name.strip()
    _act(
        lambda writer: accounts.add_user(
            writer, principal, name, role=role, password=password or None, units=scope, email=email.strip() or None
        ),
        t("account.added", name=name, role=_role(role)),
    )


def _edit_form(principal: accounts.Principal, users, units: list[str]) -> None:
    st.subheader(t("admin.edit"))
    names = list(users["name"])
    chosen = st.selectbox(t("admin.account"), names, key="admin-edit-name")
    record = users[users["name"] == chosen].iloc[0]
    current_units = [unit for unit in str(record["units"]).split("、") if unit]
    # Keyed by the account: choosing another one shows that account's values, not the last one's.
    number = names.index(chosen)
    with st.form(f"admin-edit-{number}"):
        role = st.selectbox(
            t("admin.role"),
            accounts.ROLES,
            index=accounts.ROLES.index(record["role"]),
            format_func=_role,
            key=f"admin-edit-role-{number}",
        )
        scope = st.multiselect(
            t("admin.units"),
            units,
            default=[unit for unit in current_units if unit in units],
            key=f"admin-edit-units-{number}",
            placeholder=t("account.whole_group"),
            select_all=False,
        )
        disabled = st.checkbox(t("admin.disabled"), value=bool(record["disabled"]), key=f"admin-edit-disabled-{number}")
        submitted = st.form_submit_button(t("admin.save"), key=f"admin-edit-submit-{number}")
    if not submitted:
        return
    messages, change = [], {}
    if role != record["role"]:
        change["role"] = role
        messages.append(t("account.role_set", name=chosen, role=_role(role)))
    if sorted(scope) != sorted(current_units):
        change["units"] = scope
        messages.append(t("account.scope_set", name=chosen, units=_scope_text(scope)))
    if disabled != bool(record["disabled"]):
        change["disabled"] = disabled
        messages.append(t("account.disabled" if disabled else "account.enabled", name=chosen))
    if not change:
        st.info(t("admin.no_change"))
        return

    # All or nothing: a refused part (the last admin disabled) leaves the other parts unmade too.
    def apply(writer) -> None:
        accounts.update_account(writer, principal, chosen, **change)

    _act(apply, " ".join(messages))


def _password_form(principal: accounts.Principal, names: list[str]) -> None:
    st.subheader(t("admin.password"))
    with st.form("admin-password", clear_on_submit=True):
        chosen = st.selectbox(t("admin.account"), names, key="admin-password-name")
        password = st.text_input(t("admin.new_password"), type="password", key="admin-password-new")
        again = st.text_input(t("admin.password_again"), type="password", key="admin-password-again")
        submitted = st.form_submit_button(t("admin.password_submit"), key="admin-password-submit")
    if not submitted:
        return
    _forget("admin-password-new", "admin-password-again")
    if password != again:
        st.error(t("account.password_mismatch"))
        return
    _act(
        lambda writer: accounts.set_password(writer, principal, chosen, password),
        t("account.password_set", name=chosen),
    )


def _token_form(principal: accounts.Principal, names: list[str]) -> None:
    st.subheader(t("admin.token"))
    st.caption(t("admin.token_intro"))
    with st.form("admin-token"):
        chosen = st.selectbox(t("admin.account"), names, key="admin-token-name")
        left, right = st.columns(2)
        issue = left.form_submit_button(t("admin.token_issue"), key="admin-token-issue")
        revoke = right.form_submit_button(t("admin.token_revoke"), key="admin-token-revoke")
    if issue:

        def apply(writer) -> None:
            st.session_state[TOKEN_FLASH] = (chosen, accounts.issue_token(writer, principal, chosen))

        _act(apply, "")
    elif revoke:
        _act(
            lambda writer: accounts.revoke_token(writer, principal, chosen),
            t("account.token_revoked", name=chosen),
        )


def _backups(principal: accounts.Principal) -> None:
    st.subheader(t("admin.backups"))
    root = backup.auto_dir(db_path())
    st.caption(t("admin.backups_where", path=root, keep=backup.keep_count()))
    if st.button(t("admin.backup_now"), key="admin-backup"):
        try:
            made = backup.take(cache.cursor(), principal)
        except accounts.Forbidden as refused:
            st.error(auth.refusal(refused))
        except backup.BackupError as failed:
            st.error(_message(failed))
        else:
            _done(t("admin.backup_done", name=made.name))
    found = backup.catalogue(root)
    if not found:
        st.info(t("admin.no_backups"))
        return
    headers = t("admin.backup_columns").split(",")
    rows = [
        {
            headers[0]: entry["name"],
            headers[1]: (entry["taken_at"] or "").replace("T", " "),
            headers[2]: _reason(entry["reason"]),
            headers[3]: entry["batches"],
            headers[4]: entry["last_batch"],
        }
        for entry in found
    ]
    st.dataframe(rows, hide_index=True, key="admin-backup-table")
    chosen = st.selectbox(t("admin.restore_choose"), [entry["name"] for entry in found], key="admin-restore-name")
    confirm = st.checkbox(t("admin.restore_confirm", name=chosen), key="admin-restore-confirm")
    if st.button(t("admin.restore"), disabled=not confirm, key="admin-restore-button"):
        try:
            summary = backup.restore_here(cache.cursor(), principal, chosen)
        except accounts.Forbidden as refused:
            st.error(auth.refusal(refused))
            return
        except backup.BackupError as failed:
            st.error(_message(failed))
            return
        cache.data_changed()
        _done(t("backup.restored", path=chosen, batches=summary["batches"], last=summary["last_batch"]))


def _reason(reason: str | None) -> str:
    return t(f"admin.reason.{reason}") if reason in backup.REASONS else (reason or "")


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
