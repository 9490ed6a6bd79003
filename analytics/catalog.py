"""What there is to filter on: the unit tree, the years with data, and which units a by-unit chart shows."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import Filters, top_units
from analytics.sql_files import read_sql


def unit_tree(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """unit, parent, kind, depth in depth-first order."""
    return con.execute(read_sql("unit_tree")).df()


def available_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    sql = """
        SELECT DISTINCT year FROM (
            SELECT year FROM projects UNION ALL SELECT year FROM headcount
            UNION ALL SELECT year FROM outcomes WHERE year IS NOT NULL UNION ALL SELECT year FROM awards
        ) ORDER BY year
    """
    return [int(row[0]) for row in con.execute(sql).fetchall()]


def children(con: duckdb.DuckDBPyConnection, unit: str) -> list[str]:
    sql = "SELECT unit FROM units WHERE parent = ? ORDER BY unit"
    return [row[0] for row in con.execute(sql, [unit]).fetchall()]


def display_units(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The units a by-unit chart compares: the children of a single selected unit (the unit itself when it has
    none), the selected units when several are chosen, else the children of the top of the tree."""
    roots = list(filters.units) if filters.units else top_units(con)
    if len(roots) == 1:
        return children(con, roots[0]) or roots
    return roots


def ancestors(con: duckdb.DuckDBPyConnection, unit: str) -> list[str]:
    """The path from the top of the tree down to the unit, for a breadcrumb."""
    sql = "SELECT ancestor FROM unit_closure WHERE descendant = ? ORDER BY depth DESC"
    return [row[0] for row in con.execute(sql, [unit]).fetchall()]
