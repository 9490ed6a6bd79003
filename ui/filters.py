"""The shared filters: set once in the sidebar by app.py, restored from and written to the URL, read by pages."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.contract import vocab
from analytics.display import formatting
from analytics.display.labels import vocab_label
from analytics.filters import Filters
from analytics.store.tree import UnknownUnitError, resolve_units, within_scope
from ui import auth, cache, chrome
from ui.i18n import LANG_KEY, join, lang, t

UNIT_KEY, YEAR_KEY, PROGRAM_KEY, CATEGORY_KEY = "unit", "year", "program", "category"
# The year is set with two selectboxes (从 / 到): one gesture each, never two stacked slider thumbs. YEAR_KEY holds
# the (from, to) pair they set, which pages and the link read.
YEAR_FROM_KEY, YEAR_TO_KEY = "year-from", "year-to"
URL_KEYS = (UNIT_KEY, YEAR_KEY, YEAR_FROM_KEY, YEAR_TO_KEY, PROGRAM_KEY, CATEGORY_KEY, LANG_KEY)
_DROPPED = "_filters_dropped_units"
_PREVIOUS_UNITS = "_filters_previous_units"
_RESTORED = "_filters_restored_from_url"
_UNKNOWN = "_filters_unknown_units"
_IGNORED = "_filters_ignored_params"
INDENT = "    "  # one level of the unit tree in the picker's dropdown
AS_OF_PARAM = "asof"  # the cut-off date the status board, 进展督察 and 书记项目 judge overdue against


def _parse_years(text: str, years: list[int]) -> tuple[int, int] | None:
    parts = text.replace("—", "-").replace("–", "-").split("-")
    try:
        bounds = [int(part) for part in parts if part.strip()]
    except ValueError:
        return None
    if len(bounds) == 1:
        bounds = bounds * 2
    if len(bounds) != 2 or bounds[0] > bounds[1] or bounds[0] not in years or bounds[1] not in years:
        return None
    return bounds[0], bounds[1]


def restore_from_url() -> None:
    """On a session's first run, seed the filter widgets from the link that opened it."""
    if st.session_state.get(_RESTORED):
        return
    st.session_state[_RESTORED] = True
    params = st.query_params
    ignored = []  # (parameter, value) a link carried that means nothing here: said, then ignored
    if params.get(LANG_KEY) in ("zh", "en"):
        st.session_state[LANG_KEY] = params[LANG_KEY]
    elif LANG_KEY in params:
        ignored.append((LANG_KEY, params[LANG_KEY]))
    names = params.get_all(UNIT_KEY)
    if names:
        known, unknown = [], []
        for name in names:
            try:
                known.extend(resolve_units(cache.cursor(), [name]))
            except UnknownUnitError as missing:
                unknown.append(missing)
        scope, allowed = _scope()
        if scope:
            # A unit outside the scope is treated like one not in the tree: named in the notice, never shown.
            unknown.extend(UnknownUnitError(unit, []) for unit in known if unit not in allowed)
            known = [unit for unit in known if unit in allowed]
        kept, dropped = one_per_branch(list(dict.fromkeys(known)), [], _parents())
        st.session_state[UNIT_KEY] = kept
        st.session_state[_DROPPED] = dropped
        st.session_state[_UNKNOWN] = [(miss.name, miss.suggestions) for miss in unknown]
    years = _parse_years(params[YEAR_KEY], cache.available_years()) if YEAR_KEY in params else None
    if YEAR_KEY in params and not years:
        ignored.append((YEAR_KEY, params[YEAR_KEY]))
    if years:
        _set_years(*years)
        st.session_state[_YEAR_SET] = True
    else:  # a link without a year opens on the latest year in which its units have data
        latest = latest_year(tuple(st.session_state.get(UNIT_KEY) or ()))
        if latest is not None:
            _set_years(latest, latest)
    for key, allowed in ((PROGRAM_KEY, vocab.PROGRAMS), (CATEGORY_KEY, vocab.CATEGORIES)):
        chosen = [value for value in params.get_all(key) if value in allowed]
        ignored.extend((key, value) for value in params.get_all(key) if value not in allowed)
        if chosen:
            st.session_state[key] = chosen
    st.session_state[_IGNORED] = ignored


def _parents() -> dict[str, str | None]:
    tree = cache.unit_tree()
    return dict(zip(tree["unit"], tree["parent"], strict=True))


def _line(unit: str, parents: dict) -> set[str]:
    """The unit, everything above it and everything below it: units whose figures overlap with its own."""
    above, node = set(), parents.get(unit)
    while node is not None and node not in above:
        above.add(node)
        node = parents.get(node)
    below = {other for other in parents if unit in _above(other, parents)}
    return above | below


def _above(unit: str, parents: dict) -> set[str]:
    seen, node = set(), parents.get(unit)
    while node is not None and node not in seen:
        seen.add(node)
        node = parents.get(node)
    return seen


def one_per_branch(selected: list[str], before: list[str], parents: dict) -> tuple[list[str], list[str]]:
    """(kept, dropped): a unit chosen later drops every chosen unit above or below it (a company and its own 党委
    would be counted twice and compared with themselves); among units chosen together, the first wins."""
    added = [unit for unit in selected if unit not in before]
    order = added + [unit for unit in selected if unit in before]  # the newest choice wins
    kept: list[str] = []
    for unit in order:
        if not any(unit in _line(other, parents) for other in kept):
            kept.append(unit)
    dropped = [unit for unit in selected if unit not in kept]
    return [unit for unit in selected if unit in kept], dropped


def _on_units_changed() -> None:
    before = st.session_state.get(_PREVIOUS_UNITS) or []
    kept, dropped = one_per_branch(list(st.session_state.get(UNIT_KEY) or []), before, _parents())
    st.session_state[UNIT_KEY] = kept
    st.session_state[_DROPPED] = dropped
    st.session_state[_PREVIOUS_UNITS] = kept
    _default_year_for(kept)


def _default_year_for(units: list[str]) -> None:
    """No year chosen yet: the latest year in which the selected units have data."""
    if st.session_state.get(_YEAR_SET):
        return
    latest = latest_year(tuple(units))
    if latest is not None:
        _set_years(latest, latest)


def latest_year(units: tuple[str, ...]) -> int | None:
    trend = cache.trend(Filters(units=units))
    return None if trend.empty else int(trend["year"].max())


def _set_years(start: int, end: int) -> None:
    st.session_state[YEAR_KEY] = (start, end)
    st.session_state[YEAR_FROM_KEY] = start
    st.session_state[YEAR_TO_KEY] = end


def _on_year_changed(changed: str) -> None:
    start, end = st.session_state[YEAR_FROM_KEY], st.session_state[YEAR_TO_KEY]
    if start > end:  # moving one end past the other moves both: still one gesture
        start, end = (start, start) if changed == YEAR_FROM_KEY else (end, end)
    st.session_state[_YEAR_SET] = True
    _set_years(start, end)


_YEAR_SET = "_filters_year_set"


def render_sidebar() -> None:
    """The filter widgets, each keyed, drawn once per run by app.py."""
    tree = cache.unit_tree()
    scope, allowed = _scope()
    if scope:
        tree = tree[tree["unit"].isin(allowed)]
        if any(unit not in allowed for unit in st.session_state.get(UNIT_KEY) or ()):
            st.session_state[UNIT_KEY] = [unit for unit in st.session_state[UNIT_KEY] if unit in allowed]
    depth = dict(zip(tree["unit"], tree["depth"], strict=True))
    years = cache.available_years()
    with st.sidebar:
        st.radio(
            t("lang.label"),
            options=["zh", "en"],
            format_func=lambda code: t(f"lang.{code}"),
            key=LANG_KEY,
            horizontal=True,
        )
        st.header(t("filter.header"))
        # Options in tree order, indented by depth: the multiselect reads as the unit tree. No "select all matches"
        # (Enter after typing picks the unit, not every match). The indent is plain spaces: the dropdown keeps them,
        # a chip drops them and shows the whole name (chrome.full_names).
        st.session_state.setdefault(_PREVIOUS_UNITS, list(st.session_state.get(UNIT_KEY) or []))
        chrome.full_names(UNIT_KEY, t("filter.unit"))
        st.multiselect(
            t("filter.unit"),
            options=list(tree["unit"]),
            format_func=lambda unit: INDENT * int(depth.get(unit, 0)) + unit,
            key=UNIT_KEY,
            placeholder=t("filter.unit.placeholder"),
            on_change=_on_units_changed,
            select_all=False,
        )
        dropped = st.session_state.get(_DROPPED)
        if dropped:
            st.caption(t("filter.unit.dropped", units=join(dropped)))
        if years:
            chosen = _year_bounds(st.session_state.get(YEAR_KEY))
            if chosen[0] is not None and not set(chosen) <= set(years):
                for key in (YEAR_KEY, YEAR_FROM_KEY, YEAR_TO_KEY):
                    st.session_state.pop(key, None)  # a year whose data was undone: back to the default
                chosen = (None, None)
            if chosen[0] is None:
                latest = latest_year(tuple(st.session_state.get(UNIT_KEY) or ())) or years[-1]
                _set_years(latest, latest)
            if len(years) > 1:
                start, end = st.columns(2)
                start.selectbox(
                    t("filter.year_from"), years, key=YEAR_FROM_KEY, on_change=_on_year_changed, args=(YEAR_FROM_KEY,)
                )
                end.selectbox(
                    t("filter.year_to"), years, key=YEAR_TO_KEY, on_change=_on_year_changed, args=(YEAR_TO_KEY,)
                )
            else:
                st.caption(f"{t('filter.year')}: {years[0]}")
        chrome.full_names(PROGRAM_KEY, t("filter.program"))  # English names are long: whole, never "…"
        st.multiselect(
            t("filter.program"),
            options=list(vocab.PROGRAMS),
            format_func=lambda value: vocab_label(value, lang()),
            key=PROGRAM_KEY,
            placeholder=t("filter.program.placeholder"),
            select_all=False,  # none chosen already means all; Streamlit's "Select all" is English
        )
        chrome.full_names(CATEGORY_KEY, t("filter.category"))  # English names are long: whole, never "…"
        st.multiselect(
            t("filter.category"),
            options=list(vocab.CATEGORIES),
            format_func=lambda value: vocab_label(value, lang()),
            key=CATEGORY_KEY,
            placeholder=t("filter.category.placeholder"),
            select_all=False,  # none chosen already means all; Streamlit's "Select all" is English
        )


def show_unknown_units() -> None:
    """A link that named units not in the tree says so, instead of showing an empty page."""
    unknown = st.session_state.get(_UNKNOWN) or []
    if unknown:
        names = join(name for name, _ in unknown)
        suggestions = join(dict.fromkeys(s for _, found in unknown for s in found)) or t("cli.none")
        st.warning(t("filter.unknown_units", names=names, suggestions=suggestions))
    ignored = st.session_state.get(_IGNORED) or []
    if ignored:
        st.warning(t("filter.ignored_params", params=join(f"{key}={value[:100]}" for key, value in ignored)))


def _year_bounds(value) -> tuple[int | None, int | None]:
    # The range slider hands back a single year when both ends sit on the same one.
    if value is None:
        return None, None
    if isinstance(value, int):
        return value, value
    return int(value[0]), int(value[1])


def _scope() -> tuple[tuple[str, ...], frozenset[str]]:
    """The principal's units and every unit below them (empty: the whole group)."""
    units = auth.principal().units
    return (units, cache.subtree(units)) if units else ((), frozenset())


def current() -> Filters:
    """The filters as the widgets hold them, within the principal's unit scope: what every page, chart, takeaway,
    link, export and the presenter view read — the one place a scope is applied."""
    year_from, year_to = _year_bounds(st.session_state.get(YEAR_KEY))
    chosen = Filters(
        units=tuple(st.session_state.get(UNIT_KEY) or ()),
        year_from=year_from,
        year_to=year_to,
        programs=tuple(st.session_state.get(PROGRAM_KEY) or ()),
        categories=tuple(st.session_state.get(CATEGORY_KEY) or ()),
    )
    scope, allowed = _scope()
    return within_scope(chosen, scope, allowed)


def write_url() -> None:
    """Mirror the filters into the URL so the view can be shared as a link; other parameters are kept."""
    filters = current()
    wanted: dict[str, str | list[str]] = {LANG_KEY: lang()}
    if filters.units:
        wanted[UNIT_KEY] = list(filters.units)
    if filters.year_from is not None:
        same = filters.year_from == filters.year_to
        wanted[YEAR_KEY] = str(filters.year_from) if same else f"{filters.year_from}-{filters.year_to}"
    if filters.programs:
        wanted[PROGRAM_KEY] = list(filters.programs)
    if filters.categories:
        wanted[CATEGORY_KEY] = list(filters.categories)
    for key in URL_KEYS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    for key, value in wanted.items():
        current_value = st.query_params.get_all(key)
        if current_value != (value if isinstance(value, list) else [value]):
            st.query_params[key] = value


def period_label(filters: Filters) -> str:
    return formatting.period(filters, lang())


def context_line(filters: Filters) -> str:
    units = join(filters.units) if filters.units else t("filter.whole_group")
    return t("filter.context", units=units, period=period_label(filters))


def linked_cutoff() -> dt.date:
    """The cut-off a page or slide opens on: the link's &asof=, else the data's own date (its latest year's end,
    tree.data_as_of), so a ledger closed at 2025 is not judged against today's calendar; today for an empty store."""
    try:
        linked = dt.date.fromisoformat(st.query_params.get(AS_OF_PARAM, ""))
    except ValueError:
        linked = None
    return linked or cache.data_as_of() or dt.date.today()


def cutoff_input(key: str, label: str, help: str | None = None) -> dt.date:
    """The page's cut-off date control, opened on linked_cutoff() and kept in the link when changed."""
    if key not in st.session_state:
        st.session_state[key] = linked_cutoff()
    as_of = st.date_input(label, key=key, help=help)
    st.query_params[AS_OF_PARAM] = as_of.isoformat()
    return as_of
