"""What every metric query shares: the selection's scope as bound parameters, the query runner, and ratios."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract.missing import is_missing
from analytics.filters import Filters
from analytics.store.sql import read_sql
from analytics.store.tree import OWN_GROUP, own_roots, scope_roots

# The group key of "the whole selection taken together" in queries that group by unit subtree.
TOTAL_GROUP = "__total__"


def scoped_params(con: duckdb.DuckDBPyConnection, filters: Filters, **extra) -> dict:
    """Parameters for a query over the whole selection taken together."""
    roots = scope_roots(con, filters)
    return {"group_keys": [TOTAL_GROUP] * len(roots), "group_roots": roots, **filters.params(), **extra}


def per_unit_params(filters: Filters, units: list[str], **extra) -> dict:
    """Parameters for a query with one group per given unit (its whole subtree)."""
    return {"group_keys": list(units), "group_roots": list(units), **filters.params(), **extra}


def unit_groups(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> dict[str, list[str]]:
    """Group key → roots for per-unit queries: each unit its own subtree; OWN_GROUP (the 本级 row) the selection's
    own facts, those of tree.own_roots."""
    return {unit: (own_roots(con, filters) if unit == OWN_GROUP else [unit]) for unit in units}


def group_params(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], **extra) -> dict:
    """per_unit_params, with OWN_GROUP among the units standing for the selection's 本级 facts."""
    groups = unit_groups(con, filters, units)
    keys = [key for key, roots in groups.items() for _ in roots]
    roots = [root for group_roots in groups.values() for root in group_roots]
    return {"group_keys": keys, "group_roots": roots, **filters.params(), **extra}


def query(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame:
    """Run analytics/metrics/sql/<name>.sql with named parameters."""
    return con.execute(read_sql(name, "metrics"), params).df()


def query_batches(con: duckdb.DuckDBPyConnection, name: str, params: dict, batch: int = 100_000):
    """(columns, batches): run analytics/metrics/sql/<name>.sql on a cursor of its own and hand its rows over as
    Arrow record batches, so a million rows are streamed to a file rather than held as one frame or as tuples."""
    cursor = con.cursor()
    relation = cursor.sql(read_sql(name, "metrics"), params=params)
    columns = list(relation.columns)
    reader = relation.to_arrow_reader(batch)

    def batches():
        try:
            yield from reader
        finally:
            cursor.close()

    return columns, batches()


def ratio(numerator, denominator) -> float | None:
    """numerator ÷ denominator, None when either is unknown or the denominator is 0 (never a made-up 0)."""
    if is_missing(numerator) or is_missing(denominator) or denominator == 0:
        return None
    return float(numerator) / float(denominator)


def ratio_series(numerator: pd.Series, denominator: pd.Series, scale: float = 1.0) -> pd.Series:
    """ratio() element-wise, times scale, as objects so an unknown stays None."""
    num = pd.to_numeric(numerator, errors="coerce").astype("float64")
    den = pd.to_numeric(denominator, errors="coerce").astype("float64")
    result = num * scale / den.where(den != 0)
    return result.astype(object).where(result.notna(), None)


def none_for_null(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A NULL text value as None (not NaN), so the unlabelled part can be asked for by value."""
    frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame
