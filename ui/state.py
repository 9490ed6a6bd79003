"""Server-wide resources: one DuckDB connection per database file, a cursor per use, cached query results."""

from __future__ import annotations

import duckdb
import streamlit as st

from analytics import metrics
from analytics.filters import Filters
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
