"""The shared filters: set once in the sidebar by app.py, restored from and written to the URL, read by pages."""

from __future__ import annotations

import streamlit as st

from analytics.contract import vocab
from analytics.display import formatting
from analytics.filters import Filters
from analytics.store.tree import UnknownUnitError, resolve_units, within_scope
from ui import auth, cache
from ui.i18n import LANG_KEY, lang, t

UNIT_KEY, YEAR_KEY, PROGRAM_KEY, CATEGORY_KEY = "unit", "year", "program", "category"
URL_KEYS = (UNIT_KEY, YEAR_KEY, PROGRAM_KEY, CATEGORY_KEY, LANG_KEY)
_RESTORED = "_filters_restored_from_url"
_UNKNOWN = "_filters_unknown_units"
_IGNORED = "_filters_ignored_params"


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
        st.session_state[UNIT_KEY] = list(dict.fromkeys(known))
        st.session_state[_UNKNOWN] = [(miss.name, miss.suggestions) for miss in unknown]
    if YEAR_KEY in params:
        years = _parse_years(params[YEAR_KEY], cache.available_years())
        if years:
            st.session_state[YEAR_KEY] = years
        else:
            ignored.append((YEAR_KEY, params[YEAR_KEY]))
    for key, allowed in ((PROGRAM_KEY, vocab.PROGRAMS), (CATEGORY_KEY, vocab.CATEGORIES)):
        chosen = [value for value in params.get_all(key) if value in allowed]
        ignored.extend((key, value) for value in params.get_all(key) if value not in allowed)
        if chosen:
            st.session_state[key] = chosen
    st.session_state[_IGNORED] = ignored


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
        # Options in tree order, indented by depth: the multiselect reads as the unit tree.
        st.multiselect(
            t("filter.unit"),
            options=list(tree["unit"]),
            format_func=lambda unit: "\u3000" * int(depth.get(unit, 0)) + unit,
            key=UNIT_KEY,
            placeholder=t("filter.unit.placeholder"),
        )
        if years:
            chosen = _year_bounds(st.session_state.get(YEAR_KEY))
            if chosen[0] is not None and not set(chosen) <= set(years):
                del st.session_state[YEAR_KEY]  # a year whose data was undone: back to the default
            if len(years) > 1:
                # The default value makes it a range slider; the latest year alone is what leaders ask first.
                st.select_slider(t("filter.year"), options=years, value=(years[-1], years[-1]), key=YEAR_KEY)
            else:
                st.caption(f"{t('filter.year')}: {years[0]}")
        st.multiselect(
            t("filter.program"),
            options=list(vocab.PROGRAMS),
            key=PROGRAM_KEY,
            placeholder=t("filter.program.placeholder"),
        )
        st.multiselect(
            t("filter.category"),
            options=list(vocab.CATEGORIES),
            key=CATEGORY_KEY,
            placeholder=t("filter.category.placeholder"),
        )


def show_unknown_units() -> None:
    """A link that named units not in the tree says so, instead of showing an empty page."""
    unknown = st.session_state.get(_UNKNOWN) or []
    if unknown:
        names = "、".join(name for name, _ in unknown)
        suggestions = "、".join(dict.fromkeys(s for _, found in unknown for s in found)) or t("cli.none")
        st.warning(t("filter.unknown_units", names=names, suggestions=suggestions))
    ignored = st.session_state.get(_IGNORED) or []
    if ignored:
        st.warning(t("filter.ignored_params", params="、".join(f"{key}={value[:100]}" for key, value in ignored)))


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
    units = "、".join(filters.units) if filters.units else t("filter.whole_group")
    return t("filter.context", units=units, period=period_label(filters))
