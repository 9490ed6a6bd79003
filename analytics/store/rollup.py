"""The roll-ups every page reads (fact_rollup, project_outcome_rollup): rebuilt inside each commit and undo."""

from __future__ import annotations

import duckdb

from analytics.store.sql import read_sql


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the roll-ups from the current facts; called inside the transaction that changed them."""
    con.execute(read_sql("rebuild_rollups"))


def ensure_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the roll-ups of a store written before they existed (empty roll-ups beside stored facts)."""
    stale = con.execute(
        "SELECT NOT EXISTS (SELECT 1 FROM fact_rollup)"
        " AND (EXISTS (SELECT 1 FROM projects) OR EXISTS (SELECT 1 FROM outcomes))"
    ).fetchone()[0]
    if stale:
        cursor = con.cursor()
        cursor.execute("BEGIN TRANSACTION")
        try:
            rebuild_rollups(cursor)
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.close()
