"""Opens the DuckDB store: creates the schema and query macros on first use, hands out one connection per path."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from analytics.store.rollup import ensure_rollups
from analytics.store.sql import read_sql

DEFAULT_DB = "data/innovation.duckdb"
FACT_TABLES = ("units", "headcount", "projects", "outcomes", "awards", "studios")


class StoreBusy(RuntimeError):
    """Another process (usually the running dashboard) holds the database for writing."""


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: the explicit path, else $DASHBOARD_DB, else data/innovation.duckdb."""
    return Path(explicit or os.environ.get("DASHBOARD_DB") or DEFAULT_DB)


def connect(
    path: str | os.PathLike | None = None, *, read_only: bool = False, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection with the schema and macros in place (config: DuckDB settings fixed at open, e.g. a memory
    limit). Raises StoreBusy when another process holds the file."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target), read_only=read_only, config=config or {})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(str(target)) from exc
        raise
    # Connections to one file in one process share a database instance: the first one sets it up and locks it.
    if con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        return con
    con.execute("SET enable_progress_bar = false")
    if not read_only:
        con.execute(read_sql("schema"))
        con.execute(read_sql("macros"))
        ensure_rollups(con)
    # Files are read in Python and handed over as frames; no query may reach the file system, and no later
    # statement may switch that back on.
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds no facts (nothing loaded yet, or every upload undone): every fact has a unit."""
    return con.execute("SELECT count(*) FROM units").fetchone()[0] == 0
