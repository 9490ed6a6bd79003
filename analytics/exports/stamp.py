"""The stamp every export carries: the filters it was built for, the data cut-off time and when it was made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from analytics.contract.definitions import KPI_BAND_KEYS
from analytics.display import formatting
from analytics.filters import Filters
from analytics.i18n import join, t
from analytics.store.tree import data_as_of


@dataclass(frozen=True)
class Stamp:
    """What an export was built from, in words for one language."""

    filters: Filters
    lang: str
    cutoff: datetime | None
    generated: datetime
    as_of: date | None = None  # the last day the data speaks for (period_end), the report's date

    @property
    def as_of_text(self) -> str:
        if self.as_of is None:
            return t("stamp.no_data", self.lang)
        return t("stamp.date", self.lang, year=self.as_of.year, month=self.as_of.month, day=self.as_of.day)

    @property
    def units(self) -> str:
        if not self.filters.units:
            return t("filter.whole_group", self.lang)
        return t("stamp.with_subunits", self.lang, units=join(self.filters.units, self.lang))

    @property
    def period(self) -> str:
        return formatting.period(self.filters, self.lang)

    @property
    def cutoff_text(self) -> str:
        return self.cutoff.strftime("%Y-%m-%d %H:%M") if self.cutoff else t("stamp.no_data", self.lang)

    def lines(self) -> list[str]:
        """One line per fact: units, period, programmes, categories, the data's date, latest upload, generated."""
        every = t("stamp.all", self.lang)
        return [
            t("stamp.units", self.lang, value=self.units),
            t("stamp.period", self.lang, value=self.period),
            t("stamp.programs", self.lang, value=join(self.filters.programs, self.lang) or every),
            t("stamp.categories", self.lang, value=join(self.filters.categories, self.lang) or every),
            t("stamp.as_of", self.lang, value=self.as_of_text),
            t("stamp.cutoff", self.lang, value=self.cutoff_text),
            t("stamp.generated", self.lang, value=self.generated.strftime("%Y-%m-%d %H:%M")),
        ]

    def footer(self) -> str:
        """The one-line form for slide and page footers."""
        units = join(self.filters.units, self.lang) or t("filter.whole_group", self.lang)
        return t("stamp.footer", self.lang, units=units, period=self.period, cutoff=self.as_of_text)

    def definitions(self) -> list[tuple[str, str]]:
        """(metric name, definition) for every headline metric, from the one translation table."""
        keys = [*KPI_BAND_KEYS, "completion_rate"]  # the plain 结题率 beside the 到期结题率 the band shows
        return [(t(f"metric.{key}", self.lang), t(f"metric.{key}.def", self.lang)) for key in keys]


def data_cutoff(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """When the data last changed by upload: the latest batch still in force (an undone batch's data is gone)."""
    row = con.execute("SELECT max(uploaded_at) FROM batches WHERE undone_at IS NULL").fetchone()
    return row[0]


def period_end(con: duckdb.DuckDBPyConnection, filters: Filters) -> date | None:
    """The last day the selection's data speaks for: the end of its last selected year, or the data's own date
    (tree.data_as_of) when that is earlier or no year is chosen."""
    as_of = data_as_of(con)
    if filters.year_to is None:
        return as_of
    end = date(filters.year_to, 12, 31)
    return min(end, as_of) if as_of else end


def make_stamp(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str, generated: datetime | None = None) -> Stamp:
    return Stamp(
        filters=filters,
        lang=lang,
        cutoff=data_cutoff(con),
        generated=generated or datetime.now(),
        as_of=period_end(con, filters),
    )
