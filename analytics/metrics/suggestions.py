"""Suggestions (我为企业献一策): collected, 采纳率, 办结率, median days to 办结 and the value of adopted ideas."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import per_unit_params, query, ratio, ratio_series, scoped_params

# Suggestions belong to a unit, not a project: programmes and categories do not apply to them.
SUGGESTION_PARAMS = ("group_keys", "group_roots", "year_from", "year_to", "adopted", "done", "by_month")


def _figures(con, filters: Filters, units: list[str] | None, by_month: bool) -> pd.DataFrame:
    extra = {"adopted": list(vocab.SUGGESTION_ADOPTED), "done": vocab.SUGGESTION_DONE, "by_month": by_month}
    params = scoped_params(con, filters, **extra) if units is None else per_unit_params(filters, units, **extra)
    frame = query(con, "suggestion_figures", {key: params[key] for key in SUGGESTION_PARAMS})
    frame["adoption_rate"] = ratio_series(frame["adopted"], frame["collected"])
    frame["done_rate"] = ratio_series(frame["done"], frame["adopted"])
    return frame


def suggestion_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """collected, adoption_rate, done_rate, median_days_to_done and value_wan for the selection."""
    frame = _figures(con, filters, None, by_month=False)
    if frame.empty:
        return {"collected": 0, "adoption_rate": None, "done_rate": None, "median_days_to_done": None, "value_wan": 0.0}
    row = frame.iloc[0]
    median = row["median_days_to_done"]
    return {
        "collected": int(row["collected"]),
        "adoption_rate": ratio(row["adopted"], row["collected"]),
        "done_rate": ratio(row["done"], row["adopted"]),
        "median_days_to_done": None if pd.isna(median) else float(median),
        "value_wan": round(float(row["value_wan"]), 6),  # a sum of one-decimal amounts, without float noise
    }


def suggestions_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """The figures per given unit (its whole subtree)."""
    return _figures(con, filters, units, by_month=False)


def suggestions_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The figures per month of 日期 for the selection (month None for suggestions without a date)."""
    return _figures(con, filters, None, by_month=True)
