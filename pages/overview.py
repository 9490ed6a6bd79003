"""Overview for leadership: the KPI band, the by-unit comparisons (click a bar to drill down) and the trend."""

import streamlit as st

from analytics import charts, takeaways
from ui import drill, kpi, queries, state
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("app.title")

    figures = kpi.band(selection)
    if not figures["has_data"]:
        st.info(t("overview.no_data"))
        return

    language = lang()
    st.subheader(t("overview.by_unit"))
    by_unit = state.kpis_by_unit(selection, queries.comparison_units(selection))
    left, right = st.columns(2)
    with left:
        average = figures["participation_rate"]
        drill.takeaway(takeaways.highest(by_unit, "participation_rate", language, average=average), "participation")
        drill.unit_chart(charts.participation_by_unit(by_unit, language, average), key="chart-participation")
    with right:
        drill.takeaway(takeaways.highest(by_unit, "savings_wan", language), "savings")
        drill.unit_chart(charts.savings_by_unit(by_unit, language), key="chart-savings")
    left, right = st.columns(2)
    with left:
        drill.takeaway(takeaways.patents_split(by_unit, language), "patents")
        drill.unit_chart(charts.patents_by_unit(by_unit, language), key="chart-patents")
    with right:
        trend = state.trend(selection.without_years())
        drill.takeaway(takeaways.latest_year_change(trend, "savings_wan", language), "trend")
        st.plotly_chart(charts.trend(trend, language), key="chart-trend")
    st.caption(t("drill.hint"))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
