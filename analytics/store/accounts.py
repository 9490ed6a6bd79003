"""Accounts, roles and unit scopes: argon2-hashed local accounts, the Principal every guarded action takes, the
role check that runs where the action runs (audited when refused), sign-in with lock-out, and the session secret."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import secrets
from dataclasses import dataclass

import duckdb
import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from analytics.contract.access import EVERY_UNIT, NO_UNIT, NameScope
from analytics.store import audit, connection
from analytics.store.tree import resolve_units, subtree

# In rising order of power: each role may do everything the ones before it may.
ROLES = ("viewer", "analyst", "admin")
MAX_FAILURES = 5  # failed sign-ins in a row that lock an account
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()
# Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


@dataclass(frozen=True)
class Principal:
    """Who is acting: name, role, unit scope (empty = whole group), where from, and how they were recognised
    (local account, sso, token = an HTTP API caller with the account's token, cli operator, machine = the person at
    a localhost-only server, anonymous)."""

    name: str
    role: str
    units: tuple[str, ...] = ()
    source: str = ""
    via: str = "local"

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)

    @property
    def scoped(self) -> bool:
        return bool(self.units)


def operator(source: str = "cli") -> Principal:
    """The person at the command line: whoever can run it can read and write the database file anyway."""
    return Principal(getpass.getuser(), "admin", (), source, via="cli")


class Forbidden(PermissionError):
    """The principal's role does not allow the action; key/params name a translated message."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


class AccountError(ValueError):
    """A refused account change (unknown user, bad role, short password …); key/params name a message."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


class SignInRefused(PermissionError):
    """Wrong name or password, or a locked account; key/params name a message that reveals nothing more."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def require(con: duckdb.DuckDBPyConnection, principal: Principal | None, role: str, action: str, target="") -> None:
    """Raise Forbidden unless the principal holds at least role; a refusal is audited. Call it inside the action."""
    if principal is not None and principal.can(role):
        return
    who = principal.name if principal else "?"
    audit.record(
        con,
        actor=who,
        source=principal.source if principal else "",
        action=action,
        target=target,
        outcome="refused",
        detail=f"needs {role}, has {principal.role if principal else 'nothing'}",
    )
    raise Forbidden("auth.forbidden", role=role, action=action)


# Recognised without an account that names a role and scope: nobody is responsible for any unit, so no names.
UNACCOUNTABLE = ("anonymous", "sso-unmapped")


def name_scope(con: duckdb.DuckDBPyConnection, principal: Principal) -> NameScope:
    """Whose names the principal may see: their unit scope's subtrees, every unit when unscoped, none when they
    are not signed in (names are personal data; counts are shown to everyone)."""
    if principal.via in UNACCOUNTABLE:
        return NO_UNIT
    if not principal.units:
        return EVERY_UNIT
    return NameScope(frozenset(subtree(con, principal.units)))


def has_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    """True once any account exists (enabled or not): from then on nobody is admin without signing in."""
    return con.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError("account.bad_role", role=role, roles="/".join(ROLES))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("account.short_password", length=MIN_PASSWORD_LENGTH)


def _existing(con, name: str) -> tuple:
    row = con.execute("SELECT name, role, disabled FROM users WHERE name = ?", [name]).fetchone()
    if row is None:
        raise AccountError("account.unknown", name=name)
    return row


def add_user(
    con: duckdb.DuckDBPyConnection,
    by: Principal,
    name: str,
    *,
    role: str,
    password: str | None,
    units: tuple[str, ...] | list[str] = (),
    email: str | None = None,
) -> None:
    """Create an account (admin only). Units must be in the tree; a password is optional only with an e-mail
    (a single-sign-on user)."""
    require(con, by, "admin", "user_add", name)
    name = name.strip()
    _check_role(role)
    if not name:
        raise AccountError("account.empty_name")
    if password is None and not email:
        raise AccountError("account.needs_password_or_email")
    if password is not None:
        _check_password(password)
    scope = resolve_units(con, list(units))
    if con.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone():
        raise AccountError("account.exists", name=name)
    with connection.transaction(con) as cursor:
        cursor.execute(
            "INSERT INTO users (name, password_hash, email, role, created_at) VALUES (?, ?, ?, ?, ?)",
            [name, _hasher.hash(password) if password is not None else None, email, role, dt.datetime.now()],
        )
        for unit in scope:
            cursor.execute("INSERT INTO user_units VALUES (?, ?)", [name, unit])
    audit.record(
        con, actor=by.name, source=by.source, action="user_add", target=name, detail=f"role={role} units={list(scope)}"
    )


def set_password(con: duckdb.DuckDBPyConnection, by: Principal, name: str, password: str) -> None:
    """A new password (admin, or the user themself); ends the user's other sessions and clears a lock."""
    if by.name != name or by.via not in ("local",):
        require(con, by, "admin", "user_passwd", name)
    _existing(con, name)
    _check_password(password)
    con.execute(
        "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
        " session_version = session_version + 1 WHERE name = ?",
        [_hasher.hash(password), name],
    )
    audit.record(con, actor=by.name, source=by.source, action="user_passwd", target=name)


def _keep_an_admin(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Refuse a change that would leave no enabled admin: nobody could then manage accounts from the dashboard."""
    others = con.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled AND name <> ?", [name]
    ).fetchone()[0]
    if (
        others == 0
        and con.execute(
            "SELECT count(*) FROM users WHERE name = ? AND role = 'admin' AND NOT disabled", [name]
        ).fetchone()[0]
    ):
        raise AccountError("account.last_admin", name=name)


def update_account(
    con: duckdb.DuckDBPyConnection,
    by: Principal,
    name: str,
    *,
    role: str | None = None,
    units: tuple[str, ...] | list[str] | None = None,
    disabled: bool | None = None,
) -> None:
    """Change an account's role, unit scope (empty = whole group) and disabled flag, those given, together: every
    check passes before anything changes, so a refused change leaves the account as it was. A role change or a
    disabled account ends its sessions at their next rerun. One audit row per change."""
    for given, action in ((role, "user_role"), (units, "user_scope"), (disabled, "user_disable")):
        if given is not None:
            require(con, by, "admin", action, name)
    old_role = _existing(con, name)[1]
    if role is not None:
        _check_role(role)
    if (role is not None and role != "admin") or disabled:
        _keep_an_admin(con, name)
    scope = resolve_units(con, list(units)) if units is not None else None
    old_units = user_units(con, name)
    with connection.transaction(con) as cursor:
        if role is not None:
            cursor.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])
        if disabled is not None:
            cursor.execute("UPDATE users SET disabled = ? WHERE name = ?", [disabled, name])
        if role is not None or disabled is not None:
            cursor.execute("UPDATE users SET session_version = session_version + 1 WHERE name = ?", [name])
        if scope is not None:
            cursor.execute("DELETE FROM user_units WHERE name = ?", [name])
            for unit in scope:
                cursor.execute("INSERT INTO user_units VALUES (?, ?)", [name, unit])
    changes = (
        (role, "user_role", f"{old_role} -> {role}"),
        (scope, "user_scope", f"{list(old_units)} -> {list(scope or ())}"),
        (disabled, "user_disable", f"disabled={disabled}"),
    )
    for given, action, detail in changes:
        if given is not None:
            audit.record(con, actor=by.name, source=by.source, action=action, target=name, detail=detail)


def set_disabled(con: duckdb.DuckDBPyConnection, by: Principal, name: str, disabled: bool = True) -> None:
    """Disable (or enable again) an account; a disabled account's sessions end at their next rerun."""
    update_account(con, by, name, disabled=disabled)


def set_role(con: duckdb.DuckDBPyConnection, by: Principal, name: str, role: str) -> None:
    update_account(con, by, name, role=role)


def set_units(con: duckdb.DuckDBPyConnection, by: Principal, name: str, units: tuple[str, ...] | list[str]) -> None:
    """Replace the user's unit scope (empty = whole group)."""
    update_account(con, by, name, units=units)


def user_units(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, ...]:
    rows = con.execute("SELECT unit FROM user_units WHERE name = ? ORDER BY unit", [name]).fetchall()
    return tuple(row[0] for row in rows)


def list_users(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account with its role, scope and state; never the hash."""
    return con.execute(
        "SELECT u.name, u.email, u.role, coalesce(string_agg(s.unit, '、' ORDER BY s.unit), '') AS units,"
        " u.disabled, u.failed_attempts, u.locked_until, u.created_at"
        " FROM users AS u LEFT JOIN user_units AS s USING (name)"
        " GROUP BY ALL ORDER BY u.name"
    ).df()


def principal_for(
    con: duckdb.DuckDBPyConnection, name: str, *, source: str = "", via: str = "local", session_version=None
) -> Principal | None:
    """The enabled account's principal, or None (unknown, disabled, or a session signed before the last password
    or role change)."""
    row = con.execute("SELECT role, disabled, session_version FROM users WHERE name = ?", [name]).fetchone()
    if row is None or row[1] or (session_version is not None and session_version != row[2]):
        return None
    return Principal(name, row[0], user_units(con, name), source, via)


def principal_by_email(con: duckdb.DuckDBPyConnection, email: str, *, source: str = "") -> Principal | None:
    """The enabled account registered with this e-mail (single sign-on users are matched this way)."""
    row = con.execute(
        "SELECT name FROM users WHERE lower(email) = lower(?) AND NOT disabled ORDER BY name LIMIT 1", [email]
    ).fetchone()
    return principal_for(con, row[0], source=source, via="sso") if row else None


def session_version(con: duckdb.DuckDBPyConnection, name: str) -> int | None:
    row = con.execute("SELECT session_version FROM users WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def sign_in(
    con: duckdb.DuckDBPyConnection, name: str, password: str, *, source: str, now: dt.datetime | None = None
) -> Principal:
    """Check a local account's password. Every attempt is audited; MAX_FAILURES failures in a row lock the account
    for LOCK_MINUTES. Raises SignInRefused with a message that does not say whether the name exists. Counts are
    kept in the primary file (connection.writable: a server reads a published copy)."""
    with connection.writable(con) as writer:
        return _sign_in(writer, name, password, source=source, now=now or dt.datetime.now())


def _sign_in(con: duckdb.DuckDBPyConnection, name: str, password: str, *, source: str, now: dt.datetime) -> Principal:
    row = con.execute(
        "SELECT password_hash, disabled, failed_attempts, locked_until FROM users WHERE name = ?", [name]
    ).fetchone()

    def refuse(key: str, detail: str, **params):
        audit.record(con, actor=name, source=source, action="sign_in", outcome="failed", detail=detail)
        raise SignInRefused(key, **params)

    if row is None or row[0] is None:
        _verify(_DUMMY_HASH, password)
        refuse("auth.bad_credentials", "unknown name" if row is None else "no local password")
    stored, disabled, failures, locked_until = row
    if locked_until is not None and locked_until > now:
        refuse("auth.locked", "locked", minutes=max(1, int((locked_until - now).total_seconds() // 60) + 1))
    if not _verify(stored, password):
        failures += 1
        lock = now + dt.timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
        con.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE name = ?",
            [0 if lock else failures, lock, name],
        )
        if lock:
            refuse("auth.locked", f"wrong password; locked after {MAX_FAILURES}", minutes=LOCK_MINUTES)
        refuse("auth.bad_credentials", f"wrong password ({failures} in a row)")
    if disabled:
        refuse("auth.bad_credentials", "disabled")
    updates = "failed_attempts = 0, locked_until = NULL"
    params: list = []
    if _hasher.check_needs_rehash(stored):
        updates += ", password_hash = ?"
        params.append(_hasher.hash(password))
    con.execute(f"UPDATE users SET {updates} WHERE name = ?", [*params, name])
    audit.record(con, actor=name, source=source, action="sign_in")
    return principal_for(con, name, source=source)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    # A token is 256 random bits, not a password: a fast hash cannot be guessed back, and lets a lookup find it.
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(con: duckdb.DuckDBPyConnection, by: Principal, name: str) -> str:
    """A new HTTP API token for an enabled account (admin only), replacing any earlier one. Returned once: only its
    SHA-256 is stored."""
    require(con, by, "admin", "user_token", name)
    if _existing(con, name)[2]:
        raise AccountError("account.token_disabled", name=name)
    token = secrets.token_urlsafe(32)
    with connection.transaction(con) as cursor:
        cursor.execute("DELETE FROM api_tokens WHERE name = ?", [name])
        cursor.execute(
            "INSERT INTO api_tokens (name, token_hash, issued_by, issued_at) VALUES (?, ?, ?, ?)",
            [name, _token_hash(token), by.name, dt.datetime.now()],
        )
    audit.record(con, actor=by.name, source=by.source, action="user_token", target=name, detail="issued")
    return token


def revoke_token(con: duckdb.DuckDBPyConnection, by: Principal, name: str) -> None:
    """Remove the account's API token (admin only); AccountError when it has none."""
    require(con, by, "admin", "user_token", name)
    _existing(con, name)
    if not con.execute("SELECT 1 FROM api_tokens WHERE name = ?", [name]).fetchone():
        raise AccountError("account.no_token", name=name)
    con.execute("DELETE FROM api_tokens WHERE name = ?", [name])
    audit.record(con, actor=by.name, source=by.source, action="user_token", target=name, detail="revoked")


def principal_by_token(con: duckdb.DuckDBPyConnection, token: str, *, source: str) -> Principal:
    """The enabled account the token was issued to. A token that is unknown, revoked or whose account is disabled
    raises SignInRefused("api.bad_token") and is audited as a failed sign-in (without the token)."""
    row = con.execute("SELECT name FROM api_tokens WHERE token_hash = ?", [_token_hash(token)]).fetchone()
    principal = principal_for(con, row[0], source=source, via="token") if row else None
    if principal is None:
        audit.record(
            con,
            actor=row[0] if row else "?",
            source=source,
            action="sign_in",
            outcome="failed",
            detail="API token of a disabled account" if row else "unknown API token",
        )
        raise SignInRefused("api.bad_token")
    return principal


def session_secret(con: duckdb.DuckDBPyConnection) -> str:
    """The key that signs session cookies: made once, kept with the data so sessions outlive a restart."""
    row = con.execute("SELECT value FROM settings WHERE key = 'session_secret'").fetchone()
    if row:
        return row[0]
    value = secrets.token_urlsafe(48)
    with connection.writable(con) as writer:
        writer.execute("INSERT INTO settings VALUES ('session_secret', ?) ON CONFLICT DO NOTHING", [value])
        return writer.execute("SELECT value FROM settings WHERE key = 'session_secret'").fetchone()[0]
