"""Quarterly progress checks: 按期率 per quarter, 黄牌/红牌 cards, 未检查 projects, and the summary the CLI prints."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import none_for_null, per_unit_params, query, ratio, ratio_series, scoped_params


def _rule_params(red_quarters: int) -> dict:
    if red_quarters < 1:
        raise ValueError("red_quarters must be 1 or more")
    return {"behind": list(vocab.CHECK_BEHIND), "red_quarters": red_quarters}


def check_cards(
    con: duckdb.DuckDBPyConnection, filters: Filters, red_quarters: int = vocab.CHECK_RED_QUARTERS
) -> pd.DataFrame:
    """Every check in the selection with project, unit, leader, progress, issue, action and its card
    (None, 'yellow' or 'red') and behind_run, the consecutive quarterly checks behind ending there."""
    frame = query(con, "check_cards", scoped_params(con, filters, **_rule_params(red_quarters)))
    for column in ("card", "issue", "action", "leader"):
        none_for_null(frame, column)
    return frame


def on_track_by_quarter(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None
) -> pd.DataFrame:
    """unit, year, quarter, checks, on_track and on_track_rate; units=None gives the selection as one group
    (unit = TOTAL_GROUP)."""
    extra = {"on_track": list(vocab.CHECK_ON_TRACK)}
    params = scoped_params(con, filters, **extra) if units is None else per_unit_params(filters, units, **extra)
    frame = query(con, "on_track_by_quarter", params)
    frame["on_track_rate"] = ratio_series(frame["on_track"], frame["checks"])
    frame["period"] = [f"{int(y)}Q{int(q)}" for y, q in zip(frame["year"], frame["quarter"], strict=True)]
    return frame


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of the quarter."""
    following = dt.date(year + quarter // 4, quarter % 4 * 3 + 1, 1)
    return following - dt.timedelta(days=1)


def report_quarter(cards: pd.DataFrame, filters: Filters, quarter: int | None = None) -> tuple[int, int] | None:
    """The quarter a report shows: the chosen quarter of the last chosen year (else of the latest year with
    checks); without a chosen quarter, the latest quarter checked in that year."""
    if filters.year_to is not None:
        year = filters.year_to
    elif len(cards):
        year = int(cards["year"].max())
    else:
        return None
    if quarter is not None:
        return year, quarter
    in_year = cards[cards["year"] == year]
    return (year, int(in_year["quarter"].max())) if len(in_year) else None


def unchecked_projects(
    con: duckdb.DuckDBPyConnection, filters: Filters, year: int, quarter: int, cutoff: dt.date
) -> pd.DataFrame:
    """Projects open at the quarter's end (立项/实施中 then: now, or closed after it) with no check in the quarter,
    once it has ended by the cut-off date; empty for a quarter still running."""
    end = quarter_end(year, quarter)
    if end >= cutoff:
        return pd.DataFrame(columns=["project_id", "name", "unit", "leader", "status"])
    params = scoped_params(
        con,
        filters,
        quarter_year=year,
        quarter=quarter,
        quarter_end=end,
        open_statuses=list(vocab.CHECK_OPEN_STATUSES),
    )
    params.pop("year_from")
    params.pop("year_to")
    return query(con, "unchecked_projects", params)


def check_summary(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    quarter: int | None = None,
    cutoff: dt.date | None = None,
    red_quarters: int = vocab.CHECK_RED_QUARTERS,
) -> dict:
    """The figures `python -m analytics checks` prints and the 进展督察 page heads with: checks and 按期率 in the
    selected years (only the quarter when one is chosen), the yellow and red projects and the 未检查 projects
    of the report quarter."""
    cards = check_cards(con, filters, red_quarters)
    shown = report_quarter(cards, filters, quarter)
    counted = cards if quarter is None else cards[cards["quarter"] == quarter]
    on_track = int(counted["progress"].isin(vocab.CHECK_ON_TRACK).sum())
    summary = {
        "checks": len(counted),
        "on_track_rate": ratio(on_track, len(counted)),
        "yellow": [],
        "red": [],
        "unchecked": [],
        "year": None,
        "quarter": None,
    }
    if shown is None:
        return summary
    year, shown_quarter = shown
    latest = cards[(cards["year"] == year) & (cards["quarter"] == shown_quarter)]
    summary["year"], summary["quarter"] = year, shown_quarter
    summary["yellow"] = sorted(latest.loc[latest["card"] == "yellow", "project_id"])
    summary["red"] = sorted(latest.loc[latest["card"] == "red", "project_id"])
    unchecked = unchecked_projects(con, filters, year, shown_quarter, cutoff or dt.date.today())
    summary["unchecked"] = sorted(unchecked["project_id"])
    return summary
