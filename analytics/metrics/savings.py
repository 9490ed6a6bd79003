"""Savings (节创价值, 万元) by unit and programme or category, over the years, top projects and concentration."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.common import group_params, none_for_null, per_unit_params, query, scoped_params

CONCENTRATION_TOP_N = 3


def savings_by_unit_dimension(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """unit, dimension ('program' | 'category'), value (None = a unit-level outcome), savings_wan; OWN_GROUP among
    the units gives the 本级 rows (the selection's own savings)."""
    return none_for_null(query(con, "savings_by_unit_dimension", group_params(con, filters, units)), "value")


def savings_by_year_program(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """year, program (None = unit-level outcomes), savings_wan for the whole selection."""
    return none_for_null(query(con, "savings_by_year_program", scoped_params(con, filters)), "program")


def top_savings_projects(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 10) -> pd.DataFrame:
    """The projects with the most savings in the selection: project_id, name, unit, program, …, savings_wan."""
    return query(con, "top_savings_projects", scoped_params(con, filters, limit=limit))


def savings_concentration(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], top_n: int = CONCENTRATION_TOP_N
) -> pd.DataFrame:
    """Per given unit: savings_wan, top_savings_wan of its top_n projects, top_share (None without savings)."""
    found = query(con, "savings_concentration", per_unit_params(filters, units, top_n=top_n)).set_index("unit")
    rows = []
    for unit in units:
        if unit in found.index:
            row = found.loc[unit]
            rows.append(
                {
                    "unit": unit,
                    "savings_wan": float(row["savings_wan"]),
                    "top_savings_wan": float(row["top_savings_wan"]),
                    "projects_with_savings": int(row["projects_with_savings"]),
                    "top_share": None if pd.isna(row["top_share"]) else float(row["top_share"]),
                }
            )
        else:
            rows.append(
                {
                    "unit": unit,
                    "savings_wan": 0.0,
                    "top_savings_wan": 0.0,
                    "projects_with_savings": 0,
                    "top_share": None,
                }
            )
    return pd.DataFrame(rows)
