"""书记项目 lists at a cut-off date: 闭环率, 目标达成率, 超期 items per project, and the share fully closed by unit."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import per_unit_params, ratio_series, scoped_params
from analytics.metrics.common import query as run_query

LIST_PARAMS = {"problem": vocab.LIST_PROBLEM, "fix": vocab.LIST_FIX, "goal": vocab.LIST_GOAL}


def list_closure(
    con: duckdb.DuckDBPyConnection, filters: Filters, cutoff: dt.date | None = None, units: list[str] | None = None
) -> pd.DataFrame:
    """One row per selected project that has lists (per given unit's subtree when units are given, in group_key):
    problems, problems_closed, closure_rate, goals, goals_done, goal_rate, overdue_items, items and fully_closed
    (every problem answered and every goal reached; a project with neither problems nor goals is not judged: None)."""
    extra = {"cutoff": cutoff or dt.date.today(), **LIST_PARAMS}
    params = scoped_params(con, filters, **extra) if units is None else per_unit_params(filters, units, **extra)
    frame = run_query(con, "list_closure", params)
    frame["closure_rate"] = ratio_series(frame["problems_closed"], frame["problems"])
    frame["goal_rate"] = ratio_series(frame["goals_done"], frame["goals"])
    judged = (frame["problems"] + frame["goals"]) > 0
    closed = frame["problems_closed"].eq(frame["problems"]) & frame["goals_done"].eq(frame["goals"])
    frame["fully_closed"] = closed.astype(object).where(judged, None)
    return frame


def list_items(con: duckdb.DuckDBPyConnection, filters: Filters, cutoff: dt.date | None = None) -> pd.DataFrame:
    """Every item of the selected projects' lists with done, overdue and (for 问题 items) answered."""
    params = scoped_params(
        con,
        filters,
        cutoff=cutoff or dt.date.today(),
        lists=list(vocab.LIST_KINDS),
        problem=vocab.LIST_PROBLEM,
        fix=vocab.LIST_FIX,
    )
    return run_query(con, "list_items", params)


def closed_share_by_unit(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], cutoff: dt.date | None = None
) -> pd.DataFrame:
    """unit, projects (with judged lists), fully_closed and closed_share for each given unit's subtree."""
    closure = list_closure(con, filters, cutoff, units)
    judged = closure[closure["fully_closed"].notna()]
    rows = [
        {
            "unit": unit,
            "projects": int((judged["group_key"] == unit).sum()),
            "fully_closed": int(judged.loc[judged["group_key"] == unit, "fully_closed"].astype(bool).sum()),
        }
        for unit in units
    ]
    frame = pd.DataFrame(rows, columns=["unit", "projects", "fully_closed"])
    frame["closed_share"] = ratio_series(frame["fully_closed"], frame["projects"])
    return frame


def closure_totals(closure: pd.DataFrame) -> dict:
    """projects, fully_closed (every problem answered and every goal reached) and overdue_items over the rows of
    list_closure: the headline of the 书记项目 slide."""
    return {
        "projects": len(closure),
        "fully_closed": int(closure["fully_closed"].eq(True).sum()),
        "overdue_items": int(closure["overdue_items"].sum()),
    }
