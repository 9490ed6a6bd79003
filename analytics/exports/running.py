"""Issue 17's views in the exports: the deck/PDF chart pages (checks, 书记项目, ideas, points) and workbook sheets."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.charts import checks as check_charts
from analytics.charts import lists as list_charts
from analytics.charts import points as point_charts
from analytics.charts import suggestions as suggestion_charts
from analytics.display import takeaways
from analytics.filters import Filters
from analytics.i18n import t
from analytics.metrics import checks, lists, points, suggestions
from analytics.store import tree

CHECK_COLUMNS = ("project_id", "name", "unit", "leader", "year", "quarter", "progress", "issue", "action", "card")
LIST_COLUMNS = ("project_id", "name", "unit", "problems", "problems_closed", "closure_rate", "goals", "goals_done",
                "goal_rate", "overdue_items")  # fmt: skip
SUGGESTION_COLUMNS = ("unit", "collected", "adopted", "done", "adoption_rate", "done_rate", "median_days_to_done",
                      "value_wan")  # fmt: skip
POINT_COLUMNS = ("unit", "points", "party_members", "points_per_100_members", "rank", "previous_rank", "rank_change")


def chart_pages(
    con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh", cutoff: dt.date | None = None
) -> list[tuple]:
    """(key, figure, takeaway) for each view with data, in the presenter's order."""
    cutoff = cutoff or dt.date.today()
    units = tree.comparison_units(con, filters)
    pages = []
    by_quarter = checks.on_track_by_quarter(con, filters, units)
    if len(by_quarter):
        pages.append(
            ("checks-grid", check_charts.on_track_grid(by_quarter, lang), takeaways.on_track_grid(by_quarter, lang))
        )
        total = checks.on_track_by_quarter(con, filters)
        summary = checks.check_summary(con, filters, cutoff=cutoff)
        cards = checks.check_cards(con, filters)
        pages.append(
            ("checks-trend", check_charts.check_trend(total, cards, lang), takeaways.check_trend(total, summary, lang))
        )
    share = lists.closed_share_by_unit(con, filters, units, cutoff)
    if share["projects"].sum():
        pages.append(("secretary-share", list_charts.closed_share(share, lang), takeaways.closed_share(share, lang)))
    by_unit = suggestions.suggestions_by_unit(con, filters, units)
    if len(by_unit) and by_unit["collected"].sum():
        pages.append(
            (
                "suggestions-unit",
                suggestion_charts.suggestions_by_unit(by_unit, lang),
                takeaways.suggestions_by_unit(by_unit, lang),
            )
        )
    year = points.point_year(con, filters)
    ranking = points.points_ranking(con, filters, year=year) if year is not None else pd.DataFrame()
    if len(ranking) and ranking["points"].abs().sum():
        pages.append(
            (
                "points-ranking",
                point_charts.points_ranking(ranking, year, lang),
                takeaways.points_ranking(ranking, year, lang),
            )
        )
    return pages


def workbook_sheets(
    con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh", cutoff: dt.date | None = None
) -> list[tuple[str, pd.DataFrame, tuple[str, ...]]]:
    """(sheet title, frame, columns) for each view with data."""
    cutoff = cutoff or dt.date.today()
    units = tree.comparison_units(con, filters)
    sheets = []
    cards = checks.check_cards(con, filters)
    if len(cards):
        cards = cards.assign(card=[t(f"checks.card.{c}", lang) if c else None for c in cards["card"]])
        sheets.append((t("page.checks", lang), cards, CHECK_COLUMNS))
    closure = lists.list_closure(con, filters, cutoff)
    if len(closure):
        sheets.append((t("page.secretary", lang), closure, LIST_COLUMNS))
    by_unit = suggestions.suggestions_by_unit(con, filters, units)
    if len(by_unit):
        sheets.append((t("page.suggestions", lang), by_unit, SUGGESTION_COLUMNS))
    year = points.point_year(con, filters)
    if year is not None:
        ranking = points.points_ranking(con, filters, year=year)
        if len(ranking):
            sheets.append((f"{t('page.points', lang)} {year}", ranking, POINT_COLUMNS))
    return sheets
