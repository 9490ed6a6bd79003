"""Page furniture of the analysis pages: header and breadcrumb up the unit tree, takeaways, drill-down charts."""

from __future__ import annotations

from functools import partial

import streamlit as st

from analytics.filters import Filters
from ui import cache, chrome, filters
from ui.filters import UNIT_KEY
from ui.i18n import join, t
from ui.markdown import escape


def _clicked_units(chart_key: str) -> list[str]:
    event = st.session_state.get(chart_key)
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    units = []
    for point in points:
        custom = point.get("customdata")
        # One customdata value per bar arrives as the value itself, or as a one-item list.
        unit = custom[0] if isinstance(custom, list | tuple) and custom else custom
        if isinstance(unit, str):
            units.append(unit)
    return units


def _narrow_to_clicked(chart_key: str) -> None:
    # A callback runs before the rerun, so it may still set the unit widget's state.
    known = set(cache.unit_tree()["unit"])
    clicked = [unit for unit in _clicked_units(chart_key) if unit in known]
    if clicked:
        st.session_state[UNIT_KEY] = [clicked[0]]


def _set_units(units: list[str]) -> None:
    st.session_state[UNIT_KEY] = units


def unit_chart(figure, key: str) -> None:
    """A by-unit chart whose bars narrow the unit filter when clicked (each bar carries its unit in customdata)."""
    st.plotly_chart(
        figure,
        key=key,
        on_select=partial(_narrow_to_clicked, key),
        selection_mode="points",
        config=chrome.plotly_config(),
    )


def breadcrumb(selection: Filters) -> None:
    """全集团 › … › the selected unit: every step but the last is a button back up to it."""
    path = cache.ancestors(selection.units[0]) if len(selection.units) == 1 else []
    steps = path[:-1]
    here = path[-1] if path else (join(selection.units) if selection.units else t("drill.home"))
    with st.container(key="breadcrumb", horizontal=True, vertical_alignment="center", gap="small"):
        if selection.units:
            st.button(t("drill.home"), key="crumb-home", type="tertiary", on_click=_set_units, args=([],))
            st.markdown(t("drill.separator"))
        for depth, unit in enumerate(steps):
            st.button(unit, key=f"crumb-{depth}", type="tertiary", on_click=_set_units, args=([unit],))
            st.markdown(t("drill.separator"))
        st.markdown(f"**{escape(here)}**")


def page_header(title_key: str) -> Filters:
    """Title, what is selected, any unknown unit from the link, and the breadcrumb; returns the filters."""
    selection = filters.current()
    st.title(t(title_key))
    with st.container(key="page-context"):  # presenter mode shows it as the large header line
        st.caption(filters.context_line(selection))
    filters.show_unknown_units()
    breadcrumb(selection)
    return selection


def takeaway(text: str, key: str) -> None:
    """The one-line reading of the chart below it."""
    with st.container(key=f"takeaway-{key}"):
        st.markdown(f"**{escape(text)}**")
