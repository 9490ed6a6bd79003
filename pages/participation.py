"""参与: participation rate and branch coverage by unit and over the years, and a ranking with rank movement."""

import streamlit as st

from analytics.charts import rates as rate_charts
from analytics.display import takeaways
from analytics.metrics import participation as participation_metrics
from ui import drill, queries, state
from ui.filters import period_label
from ui.i18n import lang, t

ORDER_KEY = "ranking-order"


def render() -> None:
    selection = drill.page_header("page.participation")
    language = lang()
    figures = state.summary(selection)
    if not figures["has_data"]:
        st.info(t("overview.no_data"))
        return
    units = queries.comparison_units(selection)
    by_unit = state.kpis_by_unit(selection, units)

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
            figure = rate_charts.rate_by_unit(by_unit, metric, title_key, language, figures[metric])
            drill.unit_chart(figure, key=f"chart-{metric}")
    st.caption(t("drill.hint"))

    st.subheader(t("participation.over_years"))
    by_year = queries.unit_figures_by_year(selection, units)
    overall = state.trend(selection.without_years())
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
            figure = rate_charts.rate_by_year(by_year, metric, title_key, language, overall)
            st.plotly_chart(figure, key=f"chart-{metric}-years")
    st.caption(t("pages.trend_all_years"))

    st.subheader(t("participation.ranking"))
    order_by = st.radio(
        t("participation.order_by"),
        options=list(participation_metrics.RANKING_COLUMNS),
        format_func=lambda key: takeaways.metric_name(key, language),
        key=ORDER_KEY,
        horizontal=True,
    )
    ranking = queries.unit_ranking(selection, units, order_by)
    drill.takeaway(takeaways.ranking_mover(ranking, order_by, language), "ranking")
    st.dataframe(
        ranking,
        key="ranking-table",
        hide_index=True,
        column_order=(
            "rank",
            "rank_change",
            "unit",
            order_by,
            *(name for name in participation_metrics.RANKING_COLUMNS if name != order_by),
            "party_members",
            "branches_total",
            "previous_rank",
        ),
        column_config=_ranking_columns(),
    )
    previous = selection.previous_period()
    if previous is None:
        st.caption(t("participation.no_previous"))
    else:
        st.caption(t("participation.previous", period=period_label(previous)))


def _ranking_columns() -> dict:
    language = lang()
    rate = "percent"
    return {
        "rank": st.column_config.NumberColumn(t("column.rank"), format="%d"),
        "rank_change": st.column_config.NumberColumn(t("column.rank_change"), format="%+d"),
        "previous_rank": st.column_config.NumberColumn(t("column.previous_rank"), format="%d"),
        "unit": st.column_config.TextColumn(t("column.unit")),
        "participation_rate": st.column_config.NumberColumn(
            takeaways.metric_name("participation_rate", language), format=rate
        ),
        "branch_coverage": st.column_config.NumberColumn(
            takeaways.metric_name("branch_coverage", language), format=rate
        ),
        "projects": st.column_config.NumberColumn(takeaways.metric_name("projects", language), format="%d"),
        "savings_wan": st.column_config.NumberColumn(t("column.savings_wan"), format="%.1f"),
        "projects_per_branch": st.column_config.NumberColumn(
            takeaways.metric_name("projects_per_branch", language), format="%.2f"
        ),
        "savings_per_100_members": st.column_config.NumberColumn(
            takeaways.metric_name("savings_per_100_members", language), format="%.1f"
        ),
        "party_members": st.column_config.NumberColumn(t("column.party_members"), format="%d"),
        "branches_total": st.column_config.NumberColumn(t("column.branches_total"), format="%d"),
    }


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
