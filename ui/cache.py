"""Server-wide resources: one DuckDB connection per file, a cursor per use, and one cached wrapper per query the
pages run (cleared when data changes)."""

from __future__ import annotations

import datetime as dt

import duckdb
import streamlit as st

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import awards as awards_metrics
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import participation as participation_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import savings as savings_metrics
from analytics.metrics import studios as studios_metrics
from analytics.store import connection, tree


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return connection.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared connection: DuckDB refuses one connection used from two threads at once."""
    return _connection(str(connection.db_path())).cursor()


def data_changed() -> None:
    """Call after an upload or undo lands, so every page shows the new figures at once."""
    st.cache_data.clear()


@st.cache_data(show_spinner=False, max_entries=1024)
def summary(filters: Filters) -> dict:
    return metrics.summary(cursor(), filters)


@st.cache_data(show_spinner=False, max_entries=1024)
def kpis_by_unit(filters: Filters, units: tuple[str, ...]):
    return metrics.kpis_by_unit(cursor(), filters, list(units))


@st.cache_data(show_spinner=False, max_entries=1024)
def trend(filters: Filters):
    return metrics.trend(cursor(), filters)


@st.cache_data(show_spinner=False, max_entries=16)
def unit_tree():
    return tree.unit_tree(cursor())


@st.cache_data(show_spinner=False, max_entries=16)
def available_years() -> list[int]:
    return tree.available_years(cursor())


@st.cache_data(show_spinner=False, max_entries=16)
def store_is_empty() -> bool:
    return connection.is_empty(cursor())


@st.cache_data(show_spinner=False, max_entries=256)
def comparison_units(filters: Filters) -> tuple[str, ...]:
    return tuple(tree.comparison_units(cursor(), filters))


@st.cache_data(show_spinner=False, max_entries=512)
def unit_ranking(filters: Filters, units: tuple[str, ...], order_by: str):
    return participation_metrics.unit_ranking(cursor(), filters, list(units), order_by)


@st.cache_data(show_spinner=False, max_entries=256)
def unit_figures_by_year(filters: Filters, units: tuple[str, ...]):
    return participation_metrics.unit_figures_by_year(cursor(), filters, list(units))


@st.cache_data(show_spinner=False, max_entries=512)
def savings_by_unit_dimension(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_by_unit_dimension(cursor(), filters, list(units))


@st.cache_data(show_spinner=False, max_entries=512)
def savings_by_year_program(filters: Filters):
    return savings_metrics.savings_by_year_program(cursor(), filters)


@st.cache_data(show_spinner=False, max_entries=512)
def top_savings_projects(filters: Filters, limit: int):
    return savings_metrics.top_savings_projects(cursor(), filters, limit)


@st.cache_data(show_spinner=False, max_entries=512)
def savings_concentration(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_concentration(cursor(), filters, list(units))


@st.cache_data(show_spinner=False, max_entries=512)
def outcome_counts_by_unit(filters: Filters, units: tuple[str, ...]):
    return outcomes_metrics.outcome_counts_by_unit(cursor(), filters, list(units))


@st.cache_data(show_spinner=False, max_entries=256)
def project_list(filters: Filters, as_of: dt.date, search: str = "", offset: int = 0, limit: int | None = None):
    return projects_metrics.project_list(cursor(), filters, as_of, search, limit=limit, offset=offset)


@st.cache_data(show_spinner=False, max_entries=256)
def status_board(filters: Filters, as_of: dt.date, search: str = "") -> dict[str, int]:
    return projects_metrics.status_board(cursor(), filters, as_of, search)


@st.cache_data(show_spinner=False, max_entries=256)
def project_card(project_id: str) -> dict | None:
    return projects_metrics.project_card(cursor(), project_id)


@st.cache_data(show_spinner=False, max_entries=512)
def award_funnel(filters: Filters):
    return awards_metrics.award_funnel(cursor(), filters)


@st.cache_data(show_spinner=False, max_entries=256)
def studio_verdicts(filters: Filters):
    return studios_metrics.studio_verdicts(cursor(), filters)


@st.cache_data(show_spinner=False, max_entries=256)
def ancestors(unit: str) -> list[str]:
    return tree.ancestors(cursor(), unit)
