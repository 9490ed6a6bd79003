"""Outcomes (patents, software copyrights, papers, standards …) counted per unit and type."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import group_params, query, query_batches, scoped_params
from analytics.store.tree import OWN_GROUP

# Outcome forms counted on the patents page: everything but savings, which is a value.
COUNTED_OUTCOME_TYPES = tuple(kind for kind in vocab.OUTCOME_TYPES if kind != vocab.SAVINGS_TYPE)


def outcome_counts_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """One row per given unit, one column per counted outcome type (vocabulary order), zeros where none; OWN_GROUP
    gives the 本级 row (outcomes the selection reports itself), left out when it has none."""
    found = query(con, "outcome_counts_by_unit", group_params(con, filters, units))
    if OWN_GROUP in units and OWN_GROUP not in set(found["unit"]):
        units = [unit for unit in units if unit != OWN_GROUP]
    table = found.pivot_table(index="unit", columns="outcome_type", values="outcome_count", aggfunc="sum")
    table = table.reindex(index=list(units), columns=list(COUNTED_OUTCOME_TYPES)).fillna(0).astype("int64")
    table.columns.name = None
    return table.rename_axis("unit").reset_index()


def selected_outcomes(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The selected outcomes, each in the year metrics count it (its own, else its project's)."""
    return query(con, "selected_outcomes", scoped_params(con, filters, limit=None, through=None))


def selected_outcome_batches(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int | None = None):
    """selected_outcomes as (columns, Arrow record batches), its first limit rows (every row when None), for
    writing a file of any size. Only the units those rows reach are sorted (3M outcomes: a third of the work)."""
    params = scoped_params(con, filters, limit=limit, through=None)
    if limit is not None:
        found = query(con, "selected_outcome_units", scoped_params(con, filters))
        reached = found[found["found"].cumsum() >= limit]
        params["through"] = None if reached.empty else reached["unit"].iloc[0]
    return query_batches(con, "selected_outcomes", params)


def selected_outcome_count(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """How many rows selected_outcomes has."""
    return int(query(con, "selected_outcome_units", scoped_params(con, filters))["found"].sum())
