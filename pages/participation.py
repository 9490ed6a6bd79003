"""参与: participation rate and branch coverage by unit and over the years, and a ranking with rank movement."""

import streamlit as st

from analytics.charts import rates as rate_charts
from analytics.display import takeaways
from analytics.metrics import participation as participation_metrics
from ui import cache, chrome, columns, drill
from ui.filters import period_label
from ui.i18n import lang, t

ORDER_KEY = "ranking-order"
# The ranking table's columns; the chosen order figure moves up beside the unit.
RANKING_TABLE = (
    "rank",
    "rank_change",
    "unit",
    *participation_metrics.RANKING_COLUMNS,
    "party_members",
    "branches_total",
    "previous_rank",
)


def render() -> None:
    selection = drill.page_header("page.participation")
    language = lang()
    figures = cache.summary(selection)
    if not figures["has_data"]:
        st.info(t("overview.no_data"))
        return
    units = cache.comparison_units(selection)
    by_unit = cache.kpis_by_unit(selection, units)

    st.subheader(t("participation.by_unit"))
    if all(value is None for value in by_unit["participation_rate"]):
        st.info(t("pages.no_data", what=t("pages.what.headcount")))
    left, right = st.columns(2)
    for column, (metric, title_key) in zip(
        (left, right),
        (("participation_rate", "chart.participation_by_unit"), ("branch_coverage", "chart.branch_coverage_by_unit")),
        strict=True,
    ):
        with column:
            drill.takeaway(takeaways.highest(by_unit, metric, language, average=figures[metric]), metric)
            figure = cache.chart(rate_charts.rate_by_unit, by_unit, metric, title_key, language, figures[metric])
            drill.unit_chart(figure, key=f"chart-{metric}")
    st.caption(t("drill.hint"))

    st.subheader(t("participation.over_years"))
    by_year = cache.unit_figures_by_year(selection, units)
    overall = cache.trend(selection.without_years())
    left, right = st.columns(2)
    for column, (metric, title_key) in zip(
        (left, right),
        (
            ("participation_rate", "chart.participation_over_years"),
            ("branch_coverage", "chart.branch_coverage_over_years"),
        ),
        strict=True,
    ):
        with column:
            drill.takeaway(takeaways.latest_year_change(overall, metric, language), f"{metric}-years")
            figure = cache.chart(rate_charts.rate_by_year, by_year, metric, title_key, language, overall)
            st.plotly_chart(figure, key=f"chart-{metric}-years", config=chrome.plotly_config())
    st.caption(t("pages.trend_all_years"))

    _ranking(selection, units)


@st.fragment
def _ranking(selection, units) -> None:
    """The ranking table: choosing another order reruns this part only, not the charts above."""
    language = lang()
    st.subheader(t("participation.ranking"))
    order_by = st.radio(
        t("participation.order_by"),
        options=list(participation_metrics.RANKING_COLUMNS),
        format_func=lambda key: takeaways.metric_name(key, language),
        key=ORDER_KEY,
        horizontal=True,
    )
    ranking = cache.unit_ranking(selection, units, order_by)
    drill.takeaway(takeaways.ranking_mover(ranking, order_by, language), "ranking")
    st.dataframe(
        columns.shown(ranking),
        key="ranking-table",
        hide_index=True,
        column_order=(*RANKING_TABLE[:3], order_by, *(name for name in RANKING_TABLE[3:] if name != order_by)),
        column_config=columns.config(RANKING_TABLE),
    )
    previous = selection.previous_period()
    if previous is None:
        st.caption(t("participation.no_previous"))
    else:
        st.caption(t("participation.previous", period=period_label(previous)))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
