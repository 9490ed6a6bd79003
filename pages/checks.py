"""进展督察: 按期率 by unit and quarter, the red and yellow cards of the latest quarter, 未检查 projects, the trend."""

import streamlit as st

from analytics.charts import checks as check_charts
from analytics.contract import vocab
from analytics.display import formatting, takeaways
from ui import cache, chrome, drill, filters
from ui.i18n import lang, t

CUTOFF_KEY, QUARTER_KEY = "checks-cutoff", "checks-quarter"
CARD_COLUMNS = ("project_id", "name", "unit", "leader", "progress", "issue", "action", "card")


def render() -> None:
    selection = drill.page_header("page.checks")
    language = lang()
    cutoff = filters.cutoff_input(CUTOFF_KEY, t("running.cutoff"))
    summary = cache.check_summary(selection, cutoff, None)
    if summary["year"] is None:
        st.info(t("pages.no_data", what=t("pages.what.checks")))
        return
    cards = cache.check_cards(selection)
    checked = sorted(cards.loc[cards["year"] == summary["year"], "quarter"].unique())
    quarter = st.selectbox(
        t("running.quarter"),
        checked,
        index=len(checked) - 1,
        key=QUARTER_KEY,
        format_func=lambda q: f"{summary['year']}Q{q}",
    )
    if quarter != summary["quarter"]:
        summary = cache.check_summary(selection, cutoff, int(quarter))
    period = f"{summary['year']}Q{summary['quarter']}"
    with st.container(key="checks-kpis", horizontal=True):
        st.metric(t("metric.checks"), formatting.count(summary["checks"], language), border=True)
        st.metric(t("metric.on_track_rate"), formatting.rate(summary["on_track_rate"], language), border=True)
        st.metric(t("metric.red_cards"), len(summary["red"]), border=True)
        st.metric(t("metric.yellow_cards"), len(summary["yellow"]), border=True)
        st.metric(t("metric.unchecked"), len(summary["unchecked"]), border=True)

    st.subheader(t("checks.cards", period=period))
    latest = cards[
        (cards["year"] == summary["year"]) & (cards["quarter"] == summary["quarter"]) & cards["card"].notna()
    ]
    latest = latest.assign(card=latest["card"].map(lambda card: t(f"checks.card.{card}")))
    with st.container(key="checks-cards"):
        if latest.empty:
            st.success(t("checks.no_cards", period=period))
        else:
            st.dataframe(latest[list(CARD_COLUMNS)], hide_index=True, key="checks-card-table")
    st.caption(t("checks.rule", n=vocab.CHECK_RED_QUARTERS))

    st.subheader(t("checks.unchecked", period=period))
    unchecked = cache.unchecked_projects(selection, summary["year"], summary["quarter"], cutoff)
    with st.container(key="checks-unchecked"):
        if unchecked.empty:
            st.success(t("checks.none_unchecked", period=period))
        else:
            st.dataframe(unchecked, hide_index=True, key="checks-unchecked-table")

    st.subheader(t("checks.by_unit"))
    units = cache.comparison_units(selection)
    by_unit = cache.on_track_by_quarter(selection, units)
    drill.takeaway(takeaways.on_track_grid(by_unit, language), "checks-grid")
    if len(by_unit):
        st.plotly_chart(
            cache.chart(check_charts.on_track_grid, by_unit, language),
            key="chart-checks-grid",
            config=chrome.plotly_config(),
        )

    st.subheader(t("checks.trend"))
    total = cache.on_track_by_quarter(selection, None)
    drill.takeaway(takeaways.check_trend(total, summary, language), "checks-trend")
    st.plotly_chart(
        cache.chart(check_charts.check_trend, total, cards, language),
        key="chart-checks-trend",
        config=chrome.plotly_config(),
    )


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
