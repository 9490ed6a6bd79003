"""The content of a meeting report for a connection and Filters: what the deck and the PDF both lay out."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go

from analytics import metrics
from analytics.charts import talent as talent_charts
from analytics.charts.overview import overview_charts
from analytics.display import formatting, kpi_band, takeaways
from analytics.display.kpi_band import Tile
from analytics.exports import running, summary
from analytics.exports.stamp import Stamp, make_stamp
from analytics.filters import Filters
from analytics.i18n import join, t
from analytics.metrics import talent
from analytics.store import tree


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
class PeopleSection:
    """The 人才 section (issue 16): its tiles, one line per chart, and the charts themselves (counts only, no names)."""

    title: str
    tiles: tuple[Tile, ...]
    lines: tuple[str, ...]
    charts: tuple[ChartPage, ...]


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
    people: PeopleSection | None = None  # issue 16


def report_units(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The units that get a slide of their own: those the dashboard's by-unit charts compare, when there are several."""
    units = tree.comparison_units(con, filters)
    return units if len(units) > 1 else []


def build(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh") -> Report:
    stamp = make_stamp(con, filters, lang)
    now, before = kpi_band.figures(con, filters)
    scope = join(filters.units, lang) or t("filter.whole_group", lang)
    notes = []
    previous_filters = filters.previous_period()
    if previous_filters and before:
        notes.append(t("deck.delta_caption", lang, period=formatting.period(previous_filters, lang)))
    if now["reference_year"] is not None:
        notes.append(t("deck.stock_year", lang, year=now["reference_year"]))
    chart_pages: list[ChartPage] = []
    unit_pages: list[UnitPage] = []
    if now["has_data"]:
        by_unit = metrics.kpis_by_unit(con, filters, tree.comparison_units(con, filters))
        by_year = metrics.trend(con, filters.without_years())
        chart_pages = [
            ChartPage(chart.key, chart.figure.layout.title.text, chart.figure, chart.takeaway)
            for chart in overview_charts(by_unit, by_year, now, lang)
        ]
        # issue 17: the running-the-programme views (checks, 书记项目, ideas, points) follow the overview's charts.
        chart_pages += [
            ChartPage(key, figure.layout.title.text, figure, takeaway)
            for key, figure, takeaway in running.chart_pages(con, filters, lang)
        ]
        for unit in report_units(con, filters):
            unit_filters = filters.with_units((unit,))
            unit_now, unit_before = kpi_band.figures(con, unit_filters)
            sentence = summary.unit_sentence(unit, unit_now, unit_before, unit_filters, lang)
            unit_pages.append(UnitPage(unit, sentence, kpi_band.tiles(unit_now, unit_before, lang)))
    return Report(
        lang=lang,
        title=t("deck.title", lang),
        stamp=stamp,
        sentence=summary.unit_sentence(scope, now, before, filters, lang),
        tiles=kpi_band.tiles(now, before, lang),
        notes=tuple(notes),
        charts=tuple(chart_pages),
        units=tuple(unit_pages),
        has_data=now["has_data"],
        people=people_section(con, filters, lang),
    )


# ---- People (issue 16) -------------------------------------------------------------------------------------------


def people_section(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh") -> PeopleSection | None:
    """The 人才 section of the deck and PDF: the band's people tiles, the pipeline, moves, titles and training,
    each chart with the 人才 page's takeaway; None when the selection has no people facts."""
    year = talent.reference_year(con, filters)
    by_year = talent.pools_by_year(con, filters)
    titles = talent.honour_titles(con, filters)
    training = talent.training_totals(con, filters)
    if by_year.empty and titles.empty and training.empty:
        return None
    now = kpi_band.people_figures(talent.talent_summary(con, filters))
    previous = filters.previous_period()
    before = kpi_band.people_figures(talent.talent_summary(con, previous)) if previous else None
    moves = talent.talent_moves(con, filters)
    pipeline = talent_charts.pools_over_years(by_year, lang)
    charts = [
        ChartPage("talent-years", "", pipeline, takeaways.talent_pipeline(by_year, year, lang)),
        ChartPage("talent-moves", "", talent_charts.moves(moves, lang), takeaways.talent_moves(moves, lang)),
    ]
    if not titles.empty:
        figure = talent_charts.honours_over_years(titles, lang)
        charts.append(ChartPage("honours-years", "", figure, takeaways.honours(titles, lang)))
    if not training.empty:
        figure = talent_charts.training_by_type(training, lang)
        charts.append(ChartPage("training-types", "", figure, takeaways.training(training, lang)))
    charts = [ChartPage(c.key, c.figure.layout.title.text, c.figure, c.takeaway) for c in charts]
    mentors = talent.mentors(con, filters, year)
    return PeopleSection(
        title=t("page.talent", lang),
        tiles=kpi_band.people_tiles(now, before, lang),
        lines=(*(chart.takeaway for chart in charts), takeaways.mentors(mentors, lang)),
        charts=tuple(charts),
    )
