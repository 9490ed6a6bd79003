"""The content of a meeting report for a connection and Filters: what the deck and the PDF both lay out."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go

from analytics import charts, formatting, metrics, page_metrics
from analytics.exports import summary
from analytics.exports.stamp import Stamp, make_stamp, period_label
from analytics.filters import Filters
from analytics.i18n import t


@dataclass(frozen=True)
class Tile:
    """One headline figure: its name, the formatted value and the change against the period before."""

    key: str
    label: str
    value: str
    delta: str | None


@dataclass(frozen=True)
class ChartPage:
    key: str
    title: str
    figure: go.Figure
    takeaway: str


@dataclass(frozen=True)
class UnitPage:
    unit: str
    sentence: str
    tiles: tuple[Tile, ...]


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    stamp: Stamp
    sentence: str
    tiles: tuple[Tile, ...]
    notes: tuple[str, ...]
    charts: tuple[ChartPage, ...]
    units: tuple[UnitPage, ...]
    has_data: bool


def tiles(now: dict, before: dict | None, lang: str) -> tuple[Tile, ...]:
    """The KPI band's figures, formatted as the overview shows them."""

    def prior(key):
        return before[key] if before else None

    def patents(figures):
        return figures["patents"]["total"] if figures else None

    rows = [
        ("projects", formatting.count(now["projects"]), formatting.delta_count(now["projects"], prior("projects"))),
        (
            "participation_rate",
            formatting.rate(now["participation_rate"], lang),
            formatting.delta_rate(now["participation_rate"], prior("participation_rate"), lang),
        ),
        (
            "branch_coverage",
            formatting.rate(now["branch_coverage"], lang),
            formatting.delta_rate(now["branch_coverage"], prior("branch_coverage"), lang),
        ),
        (
            "savings_wan",
            formatting.wan(now["savings_wan"], lang),
            formatting.delta_wan(now["savings_wan"], prior("savings_wan"), lang),
        ),
        ("patents", formatting.count(patents(now)), formatting.delta_count(patents(now), patents(before))),
        (
            "award_rate",
            formatting.rate(now["award_rate"], lang),
            formatting.delta_rate(now["award_rate"], prior("award_rate"), lang),
        ),
        (
            "completion_rate",
            formatting.rate(now["completion_rate"], lang),
            formatting.delta_rate(now["completion_rate"], prior("completion_rate"), lang),
        ),
        (
            "software_copyrights",
            formatting.count(now["software_copyrights"]),
            formatting.delta_count(now["software_copyrights"], prior("software_copyrights")),
        ),
    ]
    return tuple(Tile(key, t(f"metric.{key}", lang), value, delta) for key, value, delta in rows)


def _figures_and_before(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[dict, dict | None]:
    now = metrics.summary(con, filters)
    previous_filters = filters.previous_period()
    before = metrics.summary(con, previous_filters) if previous_filters else None
    if before is not None and not before["has_data"]:
        before = None  # no data a period earlier: no change to state, rather than a change from zero
    return now, before


def report_units(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The units that get a slide of their own: those the dashboard's by-unit charts compare, when there are several."""
    units = page_metrics.comparison_units(con, filters)
    return units if len(units) > 1 else []


def build(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh") -> Report:
    stamp = make_stamp(con, filters, lang)
    now, before = _figures_and_before(con, filters)
    scope = "、".join(filters.units) or t("filter.whole_group", lang)
    notes = []
    previous_filters = filters.previous_period()
    if previous_filters and before:
        notes.append(t("deck.delta_caption", lang, period=period_label(previous_filters, lang)))
    if now["reference_year"] is not None:
        notes.append(t("deck.stock_year", lang, year=now["reference_year"]))
    chart_pages: list[ChartPage] = []
    unit_pages: list[UnitPage] = []
    if now["has_data"]:
        by_unit = metrics.kpis_by_unit(con, filters, page_metrics.comparison_units(con, filters))
        by_year = metrics.trend(con, filters.without_years())
        figures = (
            (
                "participation",
                charts.participation_by_unit(by_unit, lang, now["participation_rate"]),
                summary.participation_takeaway(by_unit, lang),
            ),
            ("savings", charts.savings_by_unit(by_unit, lang), summary.savings_takeaway(by_unit, lang)),
            ("patents", charts.patents_by_unit(by_unit, lang), summary.patents_takeaway(by_unit, lang)),
            ("trend", charts.trend(by_year, lang), summary.trend_takeaway(by_year, lang)),
        )
        chart_pages = [ChartPage(key, figure.layout.title.text, figure, takeaway) for key, figure, takeaway in figures]
        for unit in report_units(con, filters):
            unit_filters = filters.with_units((unit,))
            unit_now, unit_before = _figures_and_before(con, unit_filters)
            sentence = summary.unit_sentence(unit, unit_now, unit_before, unit_filters, lang)
            unit_pages.append(UnitPage(unit, sentence, tiles(unit_now, unit_before, lang)))
    return Report(
        lang=lang,
        title=t("deck.title", lang),
        stamp=stamp,
        sentence=summary.unit_sentence(scope, now, before, filters, lang),
        tiles=tiles(now, before, lang),
        notes=tuple(notes),
        charts=tuple(chart_pages),
        units=tuple(unit_pages),
        has_data=now["has_data"],
    )
