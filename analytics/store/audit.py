"""The audit log: one appended row per batch, undo, export, account/role/scope change and sign-in — who, when,
from where, what, the outcome and the uploaded file's hash — and the filtered reading of it."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.store import connection

OUTCOMES = ("ok", "refused", "failed")
ACTIONS = (
    "batch",
    "undo",
    "export",
    "audit_read",
    "accounts_read",
    "sign_in",
    "sign_out",
    "user_add",
    "user_disable",
    "user_passwd",
    "user_role",
    "user_scope",
    "user_token",
    "backup",
    "restore",
)
COLUMNS = ("audit_id", "happened_at", "actor", "source", "action", "target", "outcome", "detail", "file_hash")


def record(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str,
    source: str,
    action: str,
    target: object = "",
    outcome: str = "ok",
    detail: str = "",
    file_hash: str | None = None,
) -> None:
    """Append one row; the action and outcome must be known ones (a typo would hide a row from every filter)."""
    if action not in ACTIONS or outcome not in OUTCOMES:
        raise ValueError(f"unknown audit action/outcome: {action!r}/{outcome!r}")
    with connection.writable(con) as writer:
        cursor = writer.cursor()
        try:
            cursor.execute(
                "INSERT INTO audit_log (audit_id, happened_at, actor, source, action, target, outcome, detail,"
                " file_hash) VALUES (nextval('audit_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?)",
                [dt.datetime.now(), actor, source or "", action, str(target or ""), outcome, detail or "", file_hash],
            )
        finally:
            cursor.close()


def read(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    actions: tuple[str, ...] = (),
    outcome: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 5000,
) -> pd.DataFrame:
    """The newest rows first, filtered by actor (exact), actions, outcome and a date range (inclusive)."""
    return con.execute(
        f"SELECT {', '.join(COLUMNS)} FROM audit_log"
        " WHERE ($actor::VARCHAR IS NULL OR actor = $actor)"
        " AND (len($actions) = 0 OR list_contains($actions::VARCHAR[], action))"
        " AND ($outcome::VARCHAR IS NULL OR outcome = $outcome)"
        " AND ($since IS NULL OR happened_at >= $since::DATE)"
        " AND ($until IS NULL OR happened_at < $until::DATE + INTERVAL 1 DAY)"
        " ORDER BY audit_id DESC LIMIT $limit::INTEGER",
        {
            "actor": actor or None,
            "actions": list(actions),
            "outcome": outcome,
            "since": since,
            "until": until,
            "limit": limit,
        },
    ).df()
