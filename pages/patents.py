"""专利与成果: patents by type by unit (software copyrights beside, not inside), the trend, every outcome form."""

import streamlit as st

from analytics.charts import patents as patent_charts
from analytics.display import labels, takeaways
from ui import cache, chrome, drill
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("page.patents")
    language = lang()
    units = cache.comparison_groups(selection)  # with the 本级 row: the bars add up to the total
    counts = cache.outcome_counts_by_unit(selection, units)
    figures = cache.summary(selection)
    if not figures["has_data"]:
        st.info(t("pages.no_data", what=t("pages.what.outcomes")))
        return

    left, right = st.columns(2)
    with left:
        st.subheader(t("patents.by_unit"))
        by_unit = cache.kpis_by_unit(selection, units)
        drill.takeaway(takeaways.patents_split(by_unit, language), "patents")
        drill.unit_chart(cache.chart(patent_charts.patents_by_unit, by_unit, language), key="chart-patents-by-unit")
        st.caption(t("drill.hint"))
    with right:
        st.subheader(t("patents.trend"))
        trend = cache.trend(selection.without_years())
        drill.takeaway(takeaways.latest_year_change(trend, "patent_count", language), "patents-trend")
        st.plotly_chart(
            cache.chart(patent_charts.patents_trend, trend, language),
            key="chart-patents-trend",
            config=chrome.plotly_config(),
        )
        st.caption(t("pages.trend_all_years"))

    st.subheader(t("patents.outcomes"))
    label = lambda kind: labels.outcome_label(kind, language)  # noqa: E731
    drill.takeaway(takeaways.outcome_leader(counts, label, language), "outcomes")
    st.plotly_chart(
        cache.chart(patent_charts.outcomes_by_unit, counts, language),
        key="chart-outcomes",
        config=chrome.plotly_config(),
    )
    st.dataframe(
        labels.with_unit_labels(counts, language),
        key="outcome-table",
        hide_index=True,
        column_config={"unit": t("column.unit"), **{kind: label(kind) for kind in counts.columns if kind != "unit"}},
    )


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
