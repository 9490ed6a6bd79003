"""Server-wide resources: this process's reader on the store's newest published copy (each rerun pinned to one
version), the writer for uploads and undo, and one cached wrapper per query the pages run, keyed by version."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import awards as awards_metrics
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import participation as participation_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import savings as savings_metrics
from analytics.metrics import studios as studios_metrics
from analytics.store import connection, tree

_PINNED = "_store_version"


@st.cache_resource(show_spinner=False)
def _reader(path: str) -> connection.Reader:
    return connection.Reader(path)


def _store() -> connection.Reader:
    return _reader(str(connection.db_path()))


def refresh() -> int:
    """Called at the top of every rerun: pins the run to the newest published copy (a pointer read, ~0.1 ms) and,
    when a newer one appeared (an upload here, in another server process or from the command line), drops the
    results cached from older ones."""
    store = _store()
    version = store.latest().version
    if version > store.seen:
        store.seen = version
        st.cache_data.clear()
    if get_script_run_ctx() is not None:
        st.session_state[_PINNED] = version
    return version


def version() -> int:
    """The version this rerun reads: every query of one page sees one published copy, never half a batch."""
    if get_script_run_ctx() is not None:
        pinned = st.session_state.get(_PINNED)
        if pinned is not None:
            return pinned
    return _store().latest().version


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on this rerun's copy: DuckDB refuses one connection used from two threads at once."""
    return _store().connection(version()).cursor()


def data_changed() -> None:
    """Call after an upload or undo lands, so every page shows the new figures at once."""
    refresh()


@contextmanager
def writer() -> Iterator[duckdb.DuckDBPyConnection]:
    """The primary file for one write (upload, undo, saved mappings); while another write is in progress (another
    analyst, another server process, the command line) the page says so and waits. Published on leaving."""
    from ui.i18n import t

    note = st.empty()
    try:
        with connection.connect_writer(on_wait=lambda holder: note.info(t("store.waiting", holder=holder))) as con:
            yield con
    finally:
        note.empty()
        data_changed()


def _cached(max_entries: int):
    """st.cache_data keyed also by the rerun's store version: a result computed from an older copy is never
    served to a rerun pinned to a newer one, even when it lands in the cache after the switch cleared it."""

    def decorate(function):
        def by_version(store_version: int, *args, **kwargs):
            return function(*args, **kwargs)

        # Streamlit keys a cached function by module, qualified name and source: the name keeps them apart.
        by_version.__qualname__ = function.__qualname__
        by_version.__module__ = function.__module__
        cached = st.cache_data(show_spinner=False, max_entries=max_entries)(by_version)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return cached(version(), *args, **kwargs)

        call.clear = cached.clear
        return call

    return decorate


@_cached(max_entries=1024)
def summary(filters: Filters) -> dict:
    return metrics.summary(cursor(), filters)


@_cached(max_entries=1024)
def kpis_by_unit(filters: Filters, units: tuple[str, ...]):
    return metrics.kpis_by_unit(cursor(), filters, list(units))


@_cached(max_entries=1024)
def trend(filters: Filters):
    return metrics.trend(cursor(), filters)


@_cached(max_entries=16)
def unit_tree():
    return tree.unit_tree(cursor())


@_cached(max_entries=16)
def available_years() -> list[int]:
    return tree.available_years(cursor())


@_cached(max_entries=16)
def store_is_empty() -> bool:
    return connection.is_empty(cursor())


@_cached(max_entries=256)
def comparison_units(filters: Filters) -> tuple[str, ...]:
    return tuple(tree.comparison_units(cursor(), filters))


@_cached(max_entries=512)
def unit_ranking(filters: Filters, units: tuple[str, ...], order_by: str):
    return participation_metrics.unit_ranking(cursor(), filters, list(units), order_by)


@_cached(max_entries=256)
def unit_figures_by_year(filters: Filters, units: tuple[str, ...]):
    return participation_metrics.unit_figures_by_year(cursor(), filters, list(units))


@_cached(max_entries=512)
def savings_by_unit_dimension(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_by_unit_dimension(cursor(), filters, list(units))


@_cached(max_entries=512)
def savings_by_year_program(filters: Filters):
    return savings_metrics.savings_by_year_program(cursor(), filters)


@_cached(max_entries=512)
def top_savings_projects(filters: Filters, limit: int):
    return savings_metrics.top_savings_projects(cursor(), filters, limit)


@_cached(max_entries=512)
def savings_concentration(filters: Filters, units: tuple[str, ...]):
    return savings_metrics.savings_concentration(cursor(), filters, list(units))


@_cached(max_entries=512)
def outcome_counts_by_unit(filters: Filters, units: tuple[str, ...]):
    return outcomes_metrics.outcome_counts_by_unit(cursor(), filters, list(units))


@_cached(max_entries=256)
def project_list(filters: Filters, as_of: dt.date, search: str = ""):
    return projects_metrics.project_list(cursor(), filters, as_of, search)


@_cached(max_entries=256)
def status_board(filters: Filters, as_of: dt.date) -> dict[str, int]:
    return projects_metrics.status_board(cursor(), filters, as_of)


@_cached(max_entries=256)
def project_card(project_id: str) -> dict | None:
    return projects_metrics.project_card(cursor(), project_id)


@_cached(max_entries=512)
def award_funnel(filters: Filters):
    return awards_metrics.award_funnel(cursor(), filters)


@_cached(max_entries=256)
def studio_verdicts(filters: Filters):
    return studios_metrics.studio_verdicts(cursor(), filters)


@_cached(max_entries=256)
def ancestors(unit: str) -> list[str]:
    return tree.ancestors(cursor(), unit)
