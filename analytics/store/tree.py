"""The unit tree: resolving names, roots, children, ancestors, the years with data, and which units a by-unit
chart compares; the closure table every roll-up joins through is rebuilt here."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from dataclasses import replace

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.store.sql import read_sql

# The group key of a selection's 本级 (own) facts; the unit_groups macro (store/sql/macros.sql) gives this key's
# roots only their own facts. Never a unit name: stored names are trimmed text, this has underscores round it.
OWN_GROUP = "__own__"


class UnknownUnitError(ValueError):
    """A unit name that is not in the tree, with the closest names that are."""

    def __init__(self, name: str, suggestions: list[str]):
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions


def fold_name(name: str) -> str:
    """The one rule by which two spellings are the same unit: width-folded and trimmed, nothing more."""
    return unicodedata.normalize("NFKC", name).strip()


def all_units(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute("SELECT unit FROM units ORDER BY unit").fetchall()]


def resolve_units(con: duckdb.DuckDBPyConnection, names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The stored names for the given ones; raises UnknownUnitError (with close matches) for a name not in the tree."""
    known = all_units(con)
    by_folded = {fold_name(unit): unit for unit in known}
    resolved = []
    for name in names:
        unit = by_folded.get(fold_name(name))
        if unit is None:
            raise UnknownUnitError(name, difflib.get_close_matches(fold_name(name), known, n=5, cutoff=0.3))
        resolved.append(unit)
    return tuple(dict.fromkeys(resolved))


def top_units(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Roots of the unit tree: units without a parent in the tree."""
    sql = """
        SELECT u.unit FROM units AS u
        WHERE u.parent IS NULL OR u.parent NOT IN (SELECT unit FROM units)
        ORDER BY u.unit
    """
    return [row[0] for row in con.execute(sql).fetchall()]


def scope_roots(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The selected units, or the whole tree when none is selected."""
    return list(filters.units) if filters.units else top_units(con)


def subtree(con: duckdb.DuckDBPyConnection, roots: tuple[str, ...] | list[str]) -> set[str]:
    """The roots and every unit below them."""
    rows = con.execute("SELECT DISTINCT descendant FROM unit_closure WHERE list_contains(?, ancestor)", [list(roots)])
    return {row[0] for row in rows.fetchall()} | set(roots)


def within_scope(filters: Filters, scope: tuple[str, ...], allowed: set[str]) -> Filters:
    """The filters as a principal scoped to units may see them: chosen units outside the scope are dropped, and no
    choice (or none left) means the scope's own units — never the whole group."""
    if not scope:
        return filters
    inside = tuple(unit for unit in filters.units if unit in allowed)
    return replace(filters, units=inside or tuple(scope))


def unit_tree(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """unit, parent, kind, depth in depth-first order."""
    return con.execute(read_sql("unit_tree")).df()


def available_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    # Kept at commit (fact_years): ten rows instead of a scan of every fact table.
    return [int(row[0]) for row in con.execute("SELECT year FROM fact_years ORDER BY year").fetchall()]


def data_as_of(con: duckdb.DuckDBPyConnection, today: dt.date | None = None) -> dt.date | None:
    """The date the data speaks for: the last day of the latest year with any data, or today when that year is
    still running. A ledger closed at 2025 is judged as of 2025-12-31, not against a later calendar."""
    years = available_years(con)
    if not years:
        return None
    today = today or dt.date.today()
    return min(dt.date(years[-1], 12, 31), today)


def children(con: duckdb.DuckDBPyConnection, unit: str) -> list[str]:
    sql = "SELECT unit FROM units WHERE parent = ? ORDER BY unit"
    return [row[0] for row in con.execute(sql, [unit]).fetchall()]


def _display_units(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
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


def _comparison(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[list[str], list[str]]:
    """(the units compared, the units above them whose own facts no compared unit holds)."""
    roots = list(filters.units) if filters.units else top_units(con)
    if len(roots) != 1:
        return roots, []
    own, units = [], roots
    while len(units) == 1:
        below = children(con, units[0])
        if not below:
            break
        own.append(units[0])
        units = below
    return units, own


def comparison_units(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The units a by-unit chart compares: the children of a single selected unit (the unit itself when it has
    none), the selected units when several are chosen, else the children of the top of the tree; a lone unit with
    units below it is replaced by those (a 研究所 whose only child is its 党委 compares the 党委's branches)."""
    return _comparison(con, filters)[0]


def own_roots(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The units whose own facts (a unit-level outcome, a project owned by the unit itself) the compared units do
    not hold: the selected unit and any lone unit between it and the compared ones. Their facts form the 本级 row."""
    return _comparison(con, filters)[1]


def comparison_groups(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """comparison_units plus OWN_GROUP (the 本级 row) when the compared units are the children of the selection, so
    a breakdown adds up to the selection's total."""
    units, own = _comparison(con, filters)
    return [*units, OWN_GROUP] if own else units


def rebuild_unit_closure(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every ancestor/descendant pair; called inside the transaction that changed units."""
    con.execute("DELETE FROM unit_closure")
    con.execute(read_sql("rebuild_unit_closure"))
