"""Overview for leadership: the KPI band, the by-unit comparisons and the trend, for the shared filters."""

import streamlit as st

from analytics import charts
from ui import filters, kpi, state
from ui.i18n import lang, t


def render() -> None:
    selection = filters.current()
    st.title(t("app.title"))
    st.caption(filters.context_line(selection))
    filters.show_unknown_units()

    figures = kpi.band(selection)
    if not figures["has_data"]:
        st.info(t("overview.no_data"))
        return

    st.subheader(t("overview.by_unit"))
    by_unit = state.kpis_by_unit(selection, state.display_units(selection))
    left, right = st.columns(2)
    with left:
        figure = charts.participation_by_unit(by_unit, lang(), figures["participation_rate"])
        st.plotly_chart(figure, key="chart-participation")
    with right:
        st.plotly_chart(charts.savings_by_unit(by_unit, lang()), key="chart-savings")
    left, right = st.columns(2)
    with left:
        st.plotly_chart(charts.patents_by_unit(by_unit, lang()), key="chart-patents")
    with right:
        st.plotly_chart(charts.trend(state.trend(selection.without_years()), lang()), key="chart-trend")
