"""The shared filter set every metric takes, its previous period, and the query parameters it binds."""

from __future__ import annotations

from dataclasses import dataclass, replace


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

    def in_years(self, frame, column: str = "year"):
        """The rows of a frame (one year's figures each) whose column lies in the chosen years, as the SQL filters
        `(year_from IS NULL OR y >= year_from) AND (year_to IS NULL OR y <= year_to)` would keep them."""
        if self.year_from is None and self.year_to is None:
            return frame
        years = frame[column]
        keep = years >= self.year_from if self.year_from is not None else years.notna()
        if self.year_to is not None:
            keep &= years <= self.year_to
        return frame if keep.all() else frame[keep].reset_index(drop=True)
