"""节创价值: savings by unit × programme or category, the trend by year, the top projects and their concentration."""

import streamlit as st

from analytics.charts import savings as savings_charts
from analytics.display import takeaways
from analytics.metrics import savings as savings_metrics
from ui import cache, chrome, columns, drill
from ui.i18n import lang, t

SPLIT_KEY = "savings-split"
TOP_PROJECTS = 10

TOP_PROJECT_COLUMNS = ("project_id", "name", "owner_unit", "program", "category", "year", "savings_wan")


def render() -> None:
    selection = drill.page_header("page.savings")
    language = lang()
    figures = cache.summary(selection)
    if not figures["savings_wan"]:
        st.info(t("pages.no_data", what=t("pages.what.savings")))
        return
    units = cache.comparison_units(selection)

    st.subheader(t("savings.by_unit"))
    dimension = st.radio(
        t("savings.split_by"),
        options=["program", "category"],
        format_func=lambda key: t(f"savings.split.{key}"),
        key=SPLIT_KEY,
        horizontal=True,
    )
    parts = cache.savings_by_unit_dimension(selection, cache.comparison_groups(selection))
    drill.takeaway(
        takeaways.largest_part(parts, dimension, language, unlabelled=t("chart.unit_level")), "savings-parts"
    )
    drill.unit_chart(
        cache.chart(
            savings_charts.savings_by_unit_parts, parts, list(cache.comparison_groups(selection)), dimension, language
        ),
        key="chart-savings-parts",
    )
    st.caption(t("drill.hint"))

    left, right = st.columns(2)
    with left:
        st.subheader(t("savings.trend"))
        everything = selection.without_years()
        drill.takeaway(takeaways.latest_year_change(cache.trend(everything), "savings_wan", language), "savings-trend")
        by_year = cache.savings_by_year_program(everything)
        st.plotly_chart(
            cache.chart(savings_charts.savings_trend_by_program, by_year, language),
            key="chart-savings-trend",
            config=chrome.plotly_config(),
        )
        st.caption(t("pages.trend_all_years"))
    with right:
        st.subheader(t("savings.concentration"))
        top_n = savings_metrics.CONCENTRATION_TOP_N
        concentration = cache.savings_concentration(selection, units)
        drill.takeaway(takeaways.concentration(concentration, top_n, language), "concentration")
        drill.unit_chart(
            cache.chart(savings_charts.concentration_by_unit, concentration, top_n, language), key="chart-concentration"
        )

    st.subheader(t("savings.top_projects"))
    top = cache.top_savings_projects(selection, TOP_PROJECTS)
    drill.takeaway(takeaways.top_project(top, language), "top-projects")
    st.dataframe(
        columns.worded(top),
        key="top-projects",
        hide_index=True,
        column_order=TOP_PROJECT_COLUMNS,
        column_config=columns.config(TOP_PROJECT_COLUMNS),
    )


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
