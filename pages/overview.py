"""Overview for leadership: the KPI band, the by-unit comparisons (click a bar to drill down) and the trend."""

import streamlit as st

from analytics.charts.overview import overview_charts
from ui import cache, chrome, drill, kpi
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("app.title")

    figures = kpi.band(selection)
    if not figures["has_data"]:
        st.info(t("overview.no_data"))
        return

    st.subheader(t("overview.by_unit"))
    by_unit = cache.kpis_by_unit(selection, cache.comparison_groups(selection))
    trend = cache.trend(selection.without_years())
    shown = cache.chart(overview_charts, by_unit, trend, figures, lang())
    for row in (shown[:2], shown[2:]):
        for column, chart in zip(st.columns(2), row, strict=True):
            with column:
                drill.takeaway(chart.takeaway, chart.key)
                if chart.by_unit:
                    drill.unit_chart(chart.figure, key=f"chart-{chart.key}")
                else:
                    st.plotly_chart(chart.figure, key=f"chart-{chart.key}", config=chrome.plotly_config())
    st.caption(t("drill.hint"))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
