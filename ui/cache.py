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

# issue 17
from analytics.metrics import checks as checks_metrics
from analytics.metrics import lists as lists_metrics
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import participation as participation_metrics
from analytics.metrics import points as points_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import savings as savings_metrics
from analytics.metrics import studios as studios_metrics
from analytics.metrics import suggestions as suggestions_metrics
from analytics.metrics import talent as talent_metrics
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
    """A cursor on this rerun's copy (DuckDB refuses one connection used from two threads at once), answering a
    question the copy was asked before from memory."""
    return _store().cursor(version())


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


@_cached(max_entries=256)
def comparison_groups(filters: Filters) -> tuple[str, ...]:
    """comparison_units plus the 本级 row's key when the selection has facts of its own to show."""
    return tuple(tree.comparison_groups(cursor(), filters))


@_cached(max_entries=512)
def unit_ranking(filters: Filters, units: tuple[str, ...], order_by: str):
    # The page shows kpis_by_unit for the same selection: ranking reuses its cached frame instead of asking again.
    by_unit = kpis_by_unit(filters, units)
    return participation_metrics.unit_ranking(cursor(), filters, list(units), order_by, by_unit=by_unit)


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
def project_list(filters: Filters, as_of: dt.date, search: str = "", offset: int = 0, limit: int | None = None):
    return projects_metrics.project_list(
        cursor(), filters, as_of, search, overdue_all_years=True, limit=limit, offset=offset
    )


@_cached(max_entries=256)
def status_board(filters: Filters, as_of: dt.date, search: str = "") -> dict[str, int]:
    return projects_metrics.status_board(cursor(), filters, as_of, overdue_all_years=True, search=search)


@st.cache_data(show_spinner=False, max_entries=16)
def data_as_of() -> dt.date | None:
    return tree.data_as_of(cursor())


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


# ---- People (issue 16) -------------------------------------------------------------------------------------------


@_cached(max_entries=256)
def talent_reference_year(filters: Filters) -> int | None:
    return talent_metrics.reference_year(cursor(), filters)


@_cached(max_entries=256)
def talent_summary(filters: Filters) -> dict:
    return talent_metrics.talent_summary(cursor(), filters)


@_cached(max_entries=512)
def talent_band(filters: Filters) -> dict:
    return talent_metrics.band_figures(cursor(), filters)


@_cached(max_entries=256)
def talent_pools_by_year(filters: Filters):
    return talent_metrics.pools_by_year(cursor(), filters)


@_cached(max_entries=256)
def talent_pools_by_unit(filters: Filters, units: tuple[str, ...], year: int | None):
    return talent_metrics.pools_by_unit(cursor(), filters, list(units), year)


@_cached(max_entries=256)
def talent_moves(filters: Filters):
    return talent_metrics.talent_moves(cursor(), filters)


@_cached(max_entries=256)
def talent_mentors(filters: Filters, year: int | None):
    return talent_metrics.mentors(cursor(), filters, year)


@_cached(max_entries=256)
def talent_shares_by_unit(filters: Filters, units: tuple[str, ...], year: int | None):
    return talent_metrics.shares_by_unit(cursor(), filters, list(units), year)


@_cached(max_entries=256)
def honour_titles(filters: Filters, units: tuple[str, ...] | None = None):
    return talent_metrics.honour_titles(cursor(), filters, None if units is None else list(units))


@_cached(max_entries=256)
def training_totals(filters: Filters, units: tuple[str, ...] | None = None):
    return talent_metrics.training_totals(cursor(), filters, None if units is None else list(units))


# ---- issue 17: running the programme ---------------------------------------------------------------------------
@_cached(max_entries=256)
def check_cards(filters: Filters):
    return checks_metrics.check_cards(cursor(), filters)


@_cached(max_entries=256)
def check_summary(filters: Filters, cutoff: dt.date, quarter: int | None) -> dict:
    return checks_metrics.check_summary(cursor(), filters, quarter=quarter, cutoff=cutoff)


@_cached(max_entries=256)
def on_track_by_quarter(filters: Filters, units: tuple[str, ...] | None):
    return checks_metrics.on_track_by_quarter(cursor(), filters, None if units is None else list(units))


@_cached(max_entries=256)
def unchecked_projects(filters: Filters, year: int, quarter: int, cutoff: dt.date):
    return checks_metrics.unchecked_projects(cursor(), filters, year, quarter, cutoff)


@_cached(max_entries=256)
def list_closure(filters: Filters, cutoff: dt.date):
    return lists_metrics.list_closure(cursor(), filters, cutoff)


@_cached(max_entries=256)
def list_items(filters: Filters, cutoff: dt.date):
    return lists_metrics.list_items(cursor(), filters, cutoff)


@_cached(max_entries=256)
def closed_share_by_unit(filters: Filters, units: tuple[str, ...], cutoff: dt.date):
    return lists_metrics.closed_share_by_unit(cursor(), filters, list(units), cutoff)


@_cached(max_entries=256)
def suggestion_summary(filters: Filters) -> dict:
    return suggestions_metrics.suggestion_summary(cursor(), filters)


@_cached(max_entries=256)
def suggestions_by_unit(filters: Filters, units: tuple[str, ...]):
    return suggestions_metrics.suggestions_by_unit(cursor(), filters, list(units))


@_cached(max_entries=256)
def suggestions_by_month(filters: Filters):
    return suggestions_metrics.suggestions_by_month(cursor(), filters)


@_cached(max_entries=256)
def points_ranking(filters: Filters, level: str | None, year: int | None):
    return points_metrics.points_ranking(cursor(), filters, level, year)


@_cached(max_entries=256)
def point_year(filters: Filters) -> int | None:
    return points_metrics.point_year(cursor(), filters)


@_cached(max_entries=256)
def points_by_project(filters: Filters):
    return points_metrics.points_by_project(cursor(), filters)


@_cached(max_entries=256)
def points_by_rule(filters: Filters):
    return points_metrics.points_by_rule(cursor(), filters)


@_cached(max_entries=256)
def points_summary(filters: Filters, year: int) -> dict:
    return points_metrics.points_summary(cursor(), filters, year)


@_cached(max_entries=16)
def point_rules():
    return points_metrics.point_rules(cursor())


@_cached(max_entries=16)
def point_rule_history():
    return points_metrics.rule_history(cursor())


def set_point_rule(rule: str, points: float, changed_by: str) -> bool:
    """Store a rule change (recorded with who and when) and drop every cached figure, so all years recompute."""
    with writer() as con:
        changed = points_metrics.set_point_rule(con, rule, points, changed_by=changed_by)
    if changed:
        data_changed()
    return changed


@_cached(max_entries=256)
def subtree(roots: tuple[str, ...]) -> frozenset[str]:
    return frozenset(tree.subtree(cursor(), roots))


def chart(build, *args):
    """build(*args) for a pure chart builder (analytics.charts), made once for the same inputs and shared by every
    session: building plotly objects is most of a warm rerun's work. Read-only once returned (st.plotly_chart
    draws a copy of it); a caller that restyles a chart (presenter slides) builds its own."""
    return _chart(f"{build.__module__}.{build.__qualname__}", build, *args)


@st.cache_resource(show_spinner=False, max_entries=512)
def _chart(name: str, _build, *args):
    return _build(*args)
