"""创新工作室: each studio's targets against actuals by dimension, its verdict, and the studios at risk this year."""

import streamlit as st

from analytics.charts import studios as studio_charts
from analytics.display import takeaways
from analytics.metrics import studios as studios_metrics
from ui import cache, chrome, columns, drill
from ui.i18n import join, lang, t

CARDS_PER_ROW = 2


def render() -> None:
    selection = drill.page_header("page.studios")
    language = lang()
    verdicts = cache.studio_verdicts(selection)
    year = studios_metrics.studio_year(verdicts, selection)
    cards = studios_metrics.studio_cards(verdicts, year)
    if not cards:
        st.info(t("pages.no_data", what=t("pages.what.studios")))
        return

    st.subheader(t("studios.at_risk", year=year))
    at_risk = [card for card in cards if card["verdict"] != "ok"]
    with st.container(key="studios-at-risk"):
        drill.takeaway(takeaways.studios(verdicts[verdicts["year"] == year], year, language), "studios")
        if not at_risk:
            st.success(t("studios.none_at_risk", year=year))
        for card in at_risk:
            line = t(
                "studios.verdict_line", studio=card["studio"], unit=card["unit"], verdict=_verdict(card["verdict"])
            )
            missed = t("studios.missed_dims", dims=join(t(f"studio.dim.{dim}") for dim in card["missed"]))
            (st.error if card["verdict"] == "delisted" else st.warning)(f"{line} · {missed}")
    st.caption(t("studios.rule"))

    st.subheader(t("studios.each", year=year))
    for start in range(0, len(cards), CARDS_PER_ROW):
        row = cards[start : start + CARDS_PER_ROW]
        for offset, (column, card) in enumerate(zip(st.columns(CARDS_PER_ROW), row, strict=False)):
            with column, st.container(key=f"studio-{start + offset}", border=True):
                title = f"{card['studio']} · {_verdict(card['verdict'])}"
                st.plotly_chart(
                    studio_charts.studio_targets(card["dimensions"], title, language),
                    key=f"chart-studio-{card['studio']}",
                    config=chrome.plotly_config(),
                )

    st.subheader(t("studios.history"))
    history = studios_metrics.verdict_history(cache.studio_verdicts(selection.without_years()))
    year_columns = [column for column in history.columns if column not in ("studio", "unit")]
    labels = {code: _verdict(code) for code in ("ok", "warning", "delisted")}
    st.dataframe(
        history,
        key="studio-history",
        hide_index=True,
        column_config=columns.config(
            ("studio", "unit"),
            **{
                column: st.column_config.SelectboxColumn(column, options=list(labels), format_func=labels.get)
                for column in year_columns
            },
        ),
    )


def _verdict(code: str) -> str:
    return t(f"studio.verdict.{code}")


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
