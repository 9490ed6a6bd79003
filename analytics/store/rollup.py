"""The roll-ups every page reads (fact_rollup, project_outcome_rollup, project_savings_rollup, headcount_cover,
open_project_rollup, fact_years):
rebuilt inside each commit and undo."""

from __future__ import annotations

import hashlib
from functools import cache

import duckdb

from analytics.store.sql import read_sql


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the roll-ups from the current facts; called inside the transaction that changed them. Records
    which definition filled them, so a store opened by a program that defines them otherwise refills them."""
    con.execute(read_sql("rebuild_rollups"))
    con.execute(
        "INSERT INTO settings (key, value) VALUES ('rollup_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [rollup_version()],
    )


@cache
def rollup_version() -> str:
    """The roll-up definition (rebuild_rollups.sql) as a short hash."""
    return hashlib.sha256(read_sql("rebuild_rollups").encode("utf-8")).hexdigest()[:16]


ROLLUP_TABLES = (
    "fact_rollup", "project_outcome_rollup", "project_savings_rollup", "headcount_cover", "open_project_rollup",
    "fact_years",
)  # fmt: skip


@cache
def _schema_columns() -> dict[str, list[str]]:
    """The roll-up tables' columns as schema.sql defines them now (read off a scratch in-memory store)."""
    scratch = duckdb.connect()
    scratch.execute(read_sql("schema"))
    found = {table: _columns(scratch, table) for table in ROLLUP_TABLES}
    scratch.close()
    return found


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [description[0] for description in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def ensure_rollups(con: duckdb.DuckDBPyConnection, *, rebuild: bool = False) -> None:
    """Fill the roll-ups of a store written before they existed, before their columns last changed (they are
    derived data: dropped, recreated and refilled) or by another definition of them (rollup_version); rebuild=True
    refills them whatever they hold (a file put back from a backup)."""
    expected = _schema_columns()
    outdated = [table for table in ROLLUP_TABLES if _columns(con, table) != expected[table]]
    for table in outdated:
        con.execute(f"DROP TABLE {table}")
    if outdated:
        con.execute(read_sql("schema"))
    recorded = con.execute("SELECT value FROM settings WHERE key = 'rollup_version'").fetchone()
    stale = (
        rebuild
        or recorded is None
        or recorded[0] != rollup_version()
        or con.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM fact_rollup)"
            " AND (EXISTS (SELECT 1 FROM projects) OR EXISTS (SELECT 1 FROM outcomes))"
        ).fetchone()[0]
    )
    if stale:
        # Imported here: connection imports this module to bring every store it opens up to date.
        from analytics.store.connection import transaction

        with transaction(con) as cursor:
            rebuild_rollups(cursor)
