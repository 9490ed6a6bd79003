"""The shared filter set every metric takes, its previous period, and unit-name resolution."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, replace

import duckdb


@dataclass(frozen=True)
class Filters:
    """What the user selected. Empty tuples and None mean 'everything'."""

    units: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    programs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def params(self) -> dict:
        """The non-unit filters as named query parameters ($year_from, $year_to, $programs, $categories)."""
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "programs": list(self.programs),
            "categories": list(self.categories),
        }

    def previous_period(self) -> Filters | None:
        """The same selection one period earlier (a period as long as the chosen years), or None without years."""
        if self.year_from is None or self.year_to is None:
            return None
        span = self.year_to - self.year_from + 1
        return replace(self, year_from=self.year_from - span, year_to=self.year_to - span)

    def with_units(self, units: tuple[str, ...]) -> Filters:
        return replace(self, units=tuple(units))

    def without_years(self) -> Filters:
        return replace(self, year_from=None, year_to=None)


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
