"""获奖: declared → awarded by level, and the award rate by unit."""

import streamlit as st

from analytics.charts import awards as award_charts
from analytics.charts import rates as rate_charts
from analytics.display import labels, takeaways
from ui import cache, chrome, drill
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("page.awards")
    language = lang()
    figures = cache.summary(selection)
    if not figures["awards_declared"]:
        st.info(t("pages.no_data", what=t("pages.what.awards")))
        return

    left, right = st.columns(2)
    with left:
        st.subheader(t("awards.funnel"))
        funnel = cache.award_funnel(selection)
        level = lambda value: labels.level_label(value, language)  # noqa: E731
        drill.takeaway(takeaways.award_funnel(funnel, level, language), "funnel")
        st.plotly_chart(
            cache.chart(award_charts.award_funnel, funnel, language),
            key="chart-award-funnel",
            config=chrome.plotly_config(),
        )
    with right:
        st.subheader(t("awards.by_unit"))
        by_unit = cache.kpis_by_unit(selection, cache.comparison_groups(selection))
        drill.takeaway(takeaways.highest(by_unit, "award_rate", language, average=figures["award_rate"]), "award-rate")
        figure = cache.chart(
            rate_charts.rate_by_unit, by_unit, "award_rate", "chart.award_rate_by_unit", language, figures["award_rate"]
        )
        drill.unit_chart(figure, key="chart-award-rate")
        st.caption(t("drill.hint"))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
