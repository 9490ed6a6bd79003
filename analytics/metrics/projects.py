"""The project list with its board status, the status board counted over the same query, and one project's card."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.common import query, scoped_params
from analytics.store.sql import read_sql

BOARD_STATUSES = ("completed", "in_progress", "overdue", "stopped")


def project_list(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    as_of: dt.date | None = None,
    search: str = "",
    overdue_all_years: bool = False,
) -> pd.DataFrame:
    """The filtered projects with board_status (completed | in_progress | overdue | stopped) as of as_of
    (today when not given), savings_wan, patent_count, awards_declared and awards_awarded; search keeps those
    whose number, name, leader, unit or branch contains it (case ignored). overdue_all_years adds the overdue
    projects of every start year: a 2023 project still open is overdue whatever year is selected."""
    params = scoped_params(con, filters, as_of=as_of or dt.date.today(), search=search.strip())
    found = query(con, "project_list", params)
    if not overdue_all_years or filters.year_from is None:
        return found
    every_year = query(con, "project_list", scoped_params(con, filters.without_years(), **_keep(params)))
    older = every_year[(every_year["board_status"] == "overdue") & ~every_year["project_id"].isin(found["project_id"])]
    if older.empty:
        return found
    return pd.concat([found, older], ignore_index=True)


def _keep(params: dict) -> dict:
    return {"as_of": params["as_of"], "search": params["search"]}


def status_board(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    as_of: dt.date | None = None,
    overdue_all_years: bool = False,
) -> dict[str, int]:
    """Projects per board status, every status present (0 where none); overdue_all_years counts the overdue
    projects of every start year (as project_list lists them)."""
    # Counted over the same query as the list, so the board and the table can never disagree.
    sql = f"SELECT board_status, count(*) FROM ({read_sql('project_list', 'metrics')}) GROUP BY board_status"
    params = scoped_params(con, filters, as_of=as_of or dt.date.today(), search="")
    found = dict(con.execute(sql, params).fetchall())
    board = {status: int(found.get(status, 0)) for status in BOARD_STATUSES}
    if overdue_all_years and filters.year_from is not None:
        every_year = dict(con.execute(sql, scoped_params(con, filters.without_years(), **_keep(params))).fetchall())
        board["overdue"] = int(every_year.get("overdue", 0))
    return board


def project_card(con: duckdb.DuckDBPyConnection, project_id: str) -> dict | None:
    """One project with every outcome and award it has, whatever the filters; None when there is no such project."""
    project = con.execute("SELECT * FROM project_facts(NULL, NULL, [], []) WHERE project_id = ?", [project_id]).df()
    if project.empty:
        return None
    outcomes = con.execute(
        """
        SELECT outcome_type, quantity, value_wan, fact_year AS year, date, note
        FROM outcome_facts(NULL, NULL, [], []) WHERE project_id = ?
        ORDER BY fact_year, outcome_type, note
        """,
        [project_id],
    ).df()
    awards = con.execute(
        "SELECT year, award, level, result FROM award_facts(NULL, NULL, [], []) WHERE project_id = ? "
        "ORDER BY year, award",
        [project_id],
    ).df()
    record = project.drop(columns=["batch_id"]).iloc[0].to_dict()
    return {"project": record, "outcomes": outcomes, "awards": awards}


def selected_projects(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The selected projects, as stored (a project counts where metrics count it: its 党支部, else its unit)."""
    return query(con, "selected_projects", scoped_params(con, filters))
