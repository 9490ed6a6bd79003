"""The roll-ups every page reads (fact_rollup, project_outcome_rollup, project_savings_rollup, headcount_cover,
open_project_rollup, fact_years): refreshed inside each commit and undo, for the units its batch touched."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import duckdb

from analytics.store.sql import read_sql


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the roll-ups from the current facts; called inside the transaction that changed them. Records
    which definition filled them, so a store opened by a program that defines them otherwise refills them."""
    _refill(con, everything=True)


def refresh_rollups(con: duckdb.DuckDBPyConnection, owners: Sequence[str], covers: Sequence[str]) -> None:
    """Recompute only the roll-up rows of these owner units and the headcount cover of these units (the same
    definition as the full rebuild, restricted), inside the transaction that changed their facts."""
    _refill(con, everything=False, owners=owners, covers=covers)


def _refill(
    con: duckdb.DuckDBPyConnection, *, everything: bool, owners: Sequence[str] = (), covers: Sequence[str] = ()
) -> None:
    # rebuild_rollups.sql reads its scope from these (temp objects: this connection's, gone with it).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rollup_scope AS SELECT unnest(?::VARCHAR[]) AS owner_unit", [list(owners)]
    )
    con.execute("CREATE OR REPLACE TEMP TABLE cover_scope AS SELECT unnest(?::VARCHAR[]) AS unit", [list(covers)])
    con.execute("SET VARIABLE rollup_everything = ?", [everything])
    con.execute(read_sql("rebuild_rollups"))
    con.execute(
        "INSERT INTO settings (key, value) VALUES ('rollup_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [rollup_version()],
    )


# Above this share of the units touched, the full rebuild is nearly as quick: at 1M projects a refresh of 40% of the
# units cost 16–41% of a full rebuild, of 60% 66–74%, of 80% 94–96% (bench/commit_bench.py --crossover).
FULL_REBUILD_SHARE = 0.5


@dataclass(frozen=True)
class Touched:
    """The roll-up keys one batch can have changed (touched_by)."""

    owners: frozenset[str]
    covers: frozenset[str]
    units_changed: bool


def touched_by(con: duckdb.DuckDBPyConnection, batch_id: int) -> Touched:
    """The owner units and headcount units whose roll-up rows the batch's rows can change, and whether it changed
    any unit row. Run after the batch is committed, or before it is undone (the same rows either way)."""
    found: dict[str, set[str]] = {"owner": set(), "cover": set(), "units": set()}
    for what, unit in con.execute(read_sql("touched_by"), {"batch": batch_id}).fetchall():
        if unit is not None:
            found[what].add(unit)
    return Touched(frozenset(found["owner"]), frozenset(found["cover"]), bool(found["units"]))


def refresh_touched(con: duckdb.DuckDBPyConnection, touched: Touched) -> None:
    """Bring the roll-ups up to date after a batch's rows changed: only the touched units', unless a unit row
    changed (kinds and the tree feed every row) or so many units were touched that rebuilding all is as quick."""
    units = con.execute("SELECT count(*) FROM units").fetchone()[0]
    if touched.units_changed or len(touched.owners | touched.covers) > FULL_REBUILD_SHARE * units:
        rebuild_rollups(con)
    else:
        refresh_rollups(con, sorted(touched.owners), sorted(touched.covers))


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
