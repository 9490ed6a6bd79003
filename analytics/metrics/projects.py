"""The project list with its board status, the status board counted over the same query, and one project's card."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.common import query, query_batches, scoped_params

BOARD_STATUSES = ("completed", "in_progress", "overdue", "stopped")


# The columns the list can be sorted by (project_list.sql builds its sort key from these names).
ORDER_COLUMNS = (
    "year", "project_id", "name", "owner_unit", "program", "category", "leader", "start_date", "end_date", "status",
)  # fmt: skip


def project_list(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    as_of: dt.date | None = None,
    search: str = "",
    overdue_all_years: bool = False,
    *,
    limit: int | None = None,
    offset: int = 0,
    order_by: str = "year",
    descending: bool = True,
) -> pd.DataFrame:
    """The filtered projects with board_status (completed | in_progress | overdue | stopped) as of as_of
    (today when not given), savings_wan, patent_count, awards_declared and awards_awarded; search keeps those
    whose number, name, leader, unit or branch contains it (case ignored). overdue_all_years adds the overdue
    projects of every start year: a 2023 project still open is overdue whatever year is selected. Sorted by
    order_by (one of ORDER_COLUMNS; ties by project number), then limit rows from offset (every row when limit is
    None)."""
    if order_by not in ORDER_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; choose one of {ORDER_COLUMNS}")
    params = _list_params(con, filters, as_of, search, overdue_all_years)
    params |= {"order_by": order_by, "descending": descending, "limit": limit, "offset": max(0, offset)}
    return query(con, "project_list", params)


def _list_params(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: dt.date | None, search: str, overdue_all_years: bool
) -> dict:
    # Without a first year there is no earlier start year to add: every year is selected already.
    return scoped_params(
        con,
        filters,
        as_of=as_of or dt.date.today(),
        search=search.strip(),
        overdue_all_years=overdue_all_years and filters.year_from is not None,
    )


def status_board(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    as_of: dt.date | None = None,
    overdue_all_years: bool = False,
    search: str = "",
) -> dict[str, int]:
    """Projects per board status, every status present (0 where none), among those the list shows for search;
    overdue_all_years counts the overdue projects of every start year (as project_list lists them)."""
    # Counted over the list's own selection (searched_projects), so the board and the table can never disagree.
    found = dict(
        query(con, "status_board", _list_params(con, filters, as_of, search, overdue_all_years)).itertuples(index=False)
    )
    return {status: int(found.get(status, 0)) for status in BOARD_STATUSES}


def overdue_projects(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    as_of: dt.date | None = None,
    overdue_all_years: bool = False,
    *,
    limit: int | None = None,
) -> pd.DataFrame:
    """project_id, name, owner_unit, leader and end_date of the overdue projects project_list marks overdue,
    longest overdue first (ties by project number), the first limit of them (every one when None)."""
    params = _list_params(con, filters, as_of, "", overdue_all_years) | {"limit": limit}
    return query(con, "overdue_projects", params)


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
    return query(con, "selected_projects", scoped_params(con, filters, limit=None))


def selected_project_batches(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int | None = None):
    """selected_projects as (columns, Arrow record batches), its first limit rows (every row when None),
    for writing a file of any size."""
    return query_batches(con, "selected_projects", scoped_params(con, filters, limit=limit))


def selected_project_count(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """How many rows selected_projects has."""
    return int(query(con, "selected_project_count", scoped_params(con, filters))["found"].iloc[0])
