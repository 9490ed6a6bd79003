"""建议: collected, 采纳率, 办结率 and median days to close, by unit and month; the value of adopted ideas."""

import streamlit as st

from analytics.charts import suggestions as suggestion_charts
from analytics.display import formatting, takeaways
from ui import cache, chrome, drill
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("page.suggestions")
    language = lang()
    summary = cache.suggestion_summary(selection)
    if summary["collected"] == 0:
        st.info(t("pages.no_data", what=t("pages.what.suggestions")))
        return
    days = summary["median_days_to_done"]
    with st.container(key="suggestion-kpis", horizontal=True):
        st.metric(t("metric.suggestions_collected"), formatting.count(summary["collected"], language), border=True)
        st.metric(t("metric.adoption_rate"), formatting.rate(summary["adoption_rate"], language), border=True)
        st.metric(t("metric.done_rate"), formatting.rate(summary["done_rate"], language), border=True)
        st.metric(t("metric.median_days_to_done"), "—" if days is None else f"{days:g}", border=True)
        st.metric(t("metric.adopted_value"), formatting.wan(summary["value_wan"], language), border=True)

    st.subheader(t("suggestions.by_unit"))
    by_unit = cache.suggestions_by_unit(selection, cache.comparison_units(selection))
    drill.takeaway(takeaways.suggestions_by_unit(by_unit, language), "suggestions-unit")
    drill.unit_chart(cache.chart(suggestion_charts.suggestions_by_unit, by_unit, language), "chart-suggestions-unit")
    st.dataframe(
        by_unit[
            ["unit", "collected", "adopted", "done", "adoption_rate", "done_rate", "median_days_to_done", "value_wan"]
        ],
        hide_index=True,
        key="suggestions-unit-table",
    )

    st.subheader(t("suggestions.by_month"))
    by_month = cache.suggestions_by_month(selection)
    drill.takeaway(takeaways.suggestions_by_month(by_month, language), "suggestions-month")
    st.plotly_chart(
        cache.chart(suggestion_charts.suggestions_by_month, by_month, language),
        key="chart-suggestions-month",
        config=chrome.plotly_config(),
    )


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
