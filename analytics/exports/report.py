"""The content of a meeting report for a connection and Filters: what the deck and the PDF both lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go

from analytics import metrics
from analytics.charts import talent as talent_charts
from analytics.charts.overview import overview_charts
from analytics.contract.missing import is_missing
from analytics.display import formatting, kpi_band, labels, takeaways
from analytics.display.kpi_band import Tile
from analytics.exports import running, summary
from analytics.exports.stamp import Stamp, make_stamp
from analytics.filters import Filters
from analytics.i18n import join, t
from analytics.metrics import awards as awards_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import studios as studios_metrics
from analytics.metrics import talent
from analytics.store import tree
from analytics.store.tree import OWN_GROUP

# Rows a table slide holds at 14 pt; the rest is counted in a note.
MAX_ROWS = 12


@dataclass(frozen=True)
class ChartPage:
    key: str
    title: str
    figure: go.Figure
    takeaway: str


@dataclass(frozen=True)
class TablePage:
    """A table slide: its title, headers, rows of text as shown, the chapter's summary paragraph and a note."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str
    note: str = ""


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
    tables: tuple[TablePage, ...]
    has_data: bool
    people: PeopleSection | None = None  # issue 16


def _ranking(con, filters: Filters, now: dict, lang: str) -> TablePage | None:
    """The compared units ranked by savings (ties share a rank), then the 本级 row and the total: the rows add up."""
    units = tree.comparison_units(con, filters)
    if len(units) < 2:
        return None
    by_unit = metrics.kpis_by_unit(con, filters, tree.comparison_groups(con, filters))
    ranked = by_unit[by_unit["unit"] != OWN_GROUP].sort_values(["savings_wan", "unit"], ascending=[False, True])
    own = by_unit[by_unit["unit"] == OWN_GROUP]
    shown_savings = ranked["savings_wan"].map(lambda value: round(float(value), 1))
    ranks = shown_savings.rank(method="min", ascending=False).astype(int)
    headers = (
        t("deck.ranking.rank", lang),
        t("col.unit", lang),
        t("metric.projects", lang),
        t("metric.participation_rate", lang),
        t("metric.branch_coverage", lang),
        t("kpi.savings_wan", lang),
        t("metric.patents", lang),
        t("metric.award_rate", lang),
    )

    def row(rank: str, unit: str, figures) -> tuple[str, ...]:
        award = (
            t("award_rate.not_declared", lang)
            if figures["awards_declared"] == 0
            else formatting.rate(figures["award_rate"], lang)
        )
        return (
            rank,
            unit,
            formatting.count(figures["projects"]),
            formatting.rate(figures["participation_rate"], lang),
            formatting.rate(figures["branch_coverage"], lang),
            formatting.wan(figures["savings_wan"], lang, unit=False),
            formatting.count(figures["patent_count"]),
            award,
        )

    rows = [
        row(str(rank), unit, record)
        for rank, (unit, record) in zip(ranks, ranked.set_index("unit").iterrows(), strict=True)
    ]
    note = ""
    if len(rows) > MAX_ROWS:
        note = t("deck.ranking.more", lang, count=len(rows) - MAX_ROWS)
        rows = rows[:MAX_ROWS]
    for _, record in own.iterrows():
        rows.append(row("—", labels.unit_label(OWN_GROUP, lang), record))
    total = {**now, "patent_count": now["patents"]["total"]}
    rows.append(row("", t("sheet.total", lang), total))
    text = t(
        "deck.ranking.summary",
        lang,
        savings=takeaways.highest(by_unit, "savings_wan", lang),
        participation=takeaways.highest(by_unit, "participation_rate", lang, average=now["participation_rate"]),
    )
    if len(own):
        text += t("deck.ranking.own", lang)
    return TablePage("ranking", t("deck.ranking", lang), headers, tuple(rows), text, note)


def _awards(con, filters: Filters, now: dict, lang: str) -> TablePage:
    funnel = awards_metrics.award_funnel(con, filters)
    headers = (
        t("deck.awards.level", lang),
        t("col.declared", lang),
        t("col.awarded", lang),
        t("metric.award_rate", lang),
    )

    def rate(declared, awarded) -> str:
        return t("award_rate.not_declared", lang) if declared == 0 else formatting.rate(awarded / declared, lang)

    rows = [
        (
            labels.level_label(level, lang),
            formatting.count(declared),
            formatting.count(awarded),
            rate(declared, awarded),
        )
        for level, declared, awarded in funnel[["level", "awards_declared", "awards_awarded"]].itertuples(index=False)
    ]
    declared, awarded = now["awards_declared"], now["awards_awarded"]
    rows.append(
        (t("sheet.total", lang), formatting.count(declared), formatting.count(awarded), rate(declared, awarded))
    )
    text = takeaways.award_funnel(funnel, lambda level: labels.level_label(level, lang), lang)
    return TablePage("awards", t("deck.awards", lang), headers, tuple(rows), t("deck.awards.summary", lang, text=text))


def _studios(con, filters: Filters, lang: str) -> TablePage | None:
    verdicts = studios_metrics.studio_verdicts(con, filters)
    year = studios_metrics.studio_year(verdicts, filters)
    cards = studios_metrics.studio_cards(verdicts, year)
    if not cards:
        return None
    headers = (
        t("deck.studios.studio", lang),
        t("col.unit", lang),
        t("deck.studios.verdict", lang),
        t("deck.studios.missed", lang),
    )
    rows = tuple(
        (
            card["studio"],
            card["unit"],
            t(f"studio.verdict.{card['verdict']}", lang),
            join((t(f"studio.dim.{dim}", lang) for dim in card["missed"]), lang),
        )
        for card in cards
        if card["verdict"] != "ok"
    )
    text = takeaways.studios(verdicts[verdicts["year"] == year], year, lang)
    summary_text = t("deck.studios.summary", lang, text=text)
    return TablePage("studios", t("deck.studios", lang), headers, rows, summary_text)


def _overdue(con, filters: Filters, as_of: dt.date | None, lang: str) -> TablePage | None:
    if as_of is None:
        return None
    # The board counts every overdue project; only the first MAX_ROWS are fetched for the table.
    board = projects_metrics.status_board(con, filters, as_of, overdue_all_years=True)
    late = projects_metrics.overdue_projects(con, filters, as_of, overdue_all_years=True, limit=MAX_ROWS)
    headers = (
        t("column.project_id", lang),
        t("column.name", lang),
        t("col.unit", lang),
        t("column.leader", lang),
        t("column.end_date", lang),
        t("deck.overdue.days", lang),
    )
    rows = []
    for record in late.itertuples(index=False):
        end = record.end_date.date() if hasattr(record.end_date, "date") else record.end_date
        rows.append(
            (
                record.project_id,
                record.name,
                record.owner_unit,
                "" if is_missing(record.leader) else record.leader,
                end.isoformat(),
                formatting.count((as_of - end).days),
            )
        )
    overdue = board["overdue"]
    note = t("deck.overdue.more", lang, count=overdue - MAX_ROWS) if overdue > MAX_ROWS else ""
    text = takeaways.status_board(board, as_of, lang)
    return TablePage(
        "overdue", t("deck.overdue", lang), headers, tuple(rows), t("deck.overdue.summary", lang, text=text), note
    )


def build(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh") -> Report:
    stamp = make_stamp(con, filters, lang)
    now, before = kpi_band.figures(con, filters)
    scope = join(filters.units, lang) or t("filter.whole_group", lang)
    notes = []
    previous_filters = filters.previous_period()
    if previous_filters and before:
        notes.append(t("deck.delta_caption", lang, period=formatting.period(previous_filters, lang)))
        notes.append(t("deck.judgement.legend", lang))
    if now["reference_year"] is not None:
        notes.append(t("deck.stock_year", lang, year=now["reference_year"]))
    chart_pages: list[ChartPage] = []
    tables: list[TablePage] = []
    if now["has_data"]:
        by_unit = metrics.kpis_by_unit(con, filters, tree.comparison_groups(con, filters))
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
        found = (
            _ranking(con, filters, now, lang),
            _awards(con, filters, now, lang) if now["awards_declared"] else None,
            _studios(con, filters, lang),
            _overdue(con, filters, tree.data_as_of(con), lang),
        )
        tables = [table for table in found if table is not None]
    return Report(
        lang=lang,
        title=t("deck.title", lang),
        stamp=stamp,
        sentence=summary.unit_sentence(scope, now, before, filters, lang),
        tiles=kpi_band.tiles(now, before, lang),
        notes=tuple(notes),
        charts=tuple(chart_pages),
        tables=tuple(tables),
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
