"""Server-wide resources: one DuckDB connection per file, a cursor per use, and one cached wrapper per query the
pages run (keyed on the data version, and cleared when data changes)."""

from __future__ import annotations

import datetime as dt
import functools

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


def data_version() -> tuple[int, int]:
    """(latest batch id, batches undone): changes whenever a batch lands or is undone, read in well under a
    millisecond, so a cached figure can never outlive the data it was computed from."""
    latest, undone = cursor().execute("SELECT coalesce(max(batch_id), 0), count(undone_at) FROM batches").fetchone()
    return int(latest), int(undone)


def cached(max_entries: int):
    """st.cache_data keyed on the arguments and data_version(): a new batch or an undo misses the cache even in a
    session whose caches nobody cleared."""

    def wrap(function):
        def versioned(version, *args, **kwargs):
            return function(*args, **kwargs)

        # Streamlit tells cached functions apart by module and qualified name.
        versioned.__module__ = function.__module__
        versioned.__qualname__ = versioned.__name__ = f"{function.__qualname__}_versioned"
        store = st.cache_data(show_spinner=False, max_entries=max_entries)(versioned)

        @functools.wraps(function)
        def read(*args, **kwargs):
            return store(data_version(), *args, **kwargs)

        read.clear = store.clear
        return read

    return wrap


@cached(max_entries=1024)
def summary(filters: Filters) -> dict:
    return metrics.summary(cursor(), filters)


@cached(max_entries=1024)
def kpis_by_unit(filters: Filters, units: tuple[str, ...]):
    return metrics.kpis_by_unit(cursor(), filters, list(units))


@cached(max_entries=1024)
def trend(filters: Filters):
    return metrics.trend(cursor(), filters)


@cached(max_entries=16)
def unit_tree():
    return tree.unit_tree(cursor())


@cached(max_entries=16)
def available_years() -> list[int]:
    return tree.available_years(cursor())


@cached(max_entries=16)
def store_is_empty() -> bool:
    return connection.is_empty(cursor())


@cached(max_entries=256)
def comparison_units(filters: Filters) -> tuple[str, ...]:
    return tuple(tree.comparison_units(cursor(), filters))


@cached(max_entries=512)
def unit_ranking(filters: Filters, units: tuple[str, ...], order_by: str):
    return participation_metrics.unit_ranking(cursor(), filters, list(units), order_by)


@cached(max_entries=256)
def unit_figures_by_year(filters: Filters, units: tuple[str, ...]):
    return participation_metrics.unit_figures_by_year(cursor(), filters, list(units))


@cached(max_entries=512)
def savings_by_unit_dimension(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_by_unit_dimension(cursor(), filters, list(units))


@cached(max_entries=512)
def savings_by_year_program(filters: Filters):
    return savings_metrics.savings_by_year_program(cursor(), filters)


@cached(max_entries=512)
def top_savings_projects(filters: Filters, limit: int):
    return savings_metrics.top_savings_projects(cursor(), filters, limit)


@cached(max_entries=512)
def savings_concentration(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_concentration(cursor(), filters, list(units))


@cached(max_entries=512)
def outcome_counts_by_unit(filters: Filters, units: tuple[str, ...]):
    return outcomes_metrics.outcome_counts_by_unit(cursor(), filters, list(units))


@cached(max_entries=256)
def project_list(filters: Filters, as_of: dt.date, search: str = "", offset: int = 0, limit: int | None = None):
    return projects_metrics.project_list(cursor(), filters, as_of, search, limit=limit, offset=offset)


@cached(max_entries=256)
def status_board(filters: Filters, as_of: dt.date, search: str = "") -> dict[str, int]:
    return projects_metrics.status_board(cursor(), filters, as_of, search)


@cached(max_entries=256)
def project_card(project_id: str) -> dict | None:
    return projects_metrics.project_card(cursor(), project_id)


@cached(max_entries=512)
def award_funnel(filters: Filters):
    return awards_metrics.award_funnel(cursor(), filters)


@cached(max_entries=256)
def studio_verdicts(filters: Filters):
    return studios_metrics.studio_verdicts(cursor(), filters)


@cached(max_entries=256)
def ancestors(unit: str) -> list[str]:
    return tree.ancestors(cursor(), unit)
