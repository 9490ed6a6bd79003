"""创新工作室: each studio's targets against actuals by dimension, its verdict, and the studios at risk this year."""

import streamlit as st

from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.display import takeaways
from analytics.metrics import studios as studios_metrics
from ui import cache, columns, drill
from ui.i18n import join, lang, t


def render() -> None:
    selection = drill.page_header("page.studios")
    language = lang()
    verdicts = cache.studio_verdicts(selection)
    year = studios_metrics.studio_year(verdicts, selection)
    table = studios_metrics.studio_table(verdicts, year)
    if table.empty:
        st.info(t("pages.no_data", what=t("pages.what.studios")))
        return

    st.subheader(t("studios.at_risk", year=year))
    at_risk = table[table["verdict"] != "ok"]
    with st.container(key="studios-at-risk"):
        drill.takeaway(takeaways.studios(verdicts[verdicts["year"] == year], year, language), "studios")
        if at_risk.empty:
            st.success(t("studios.none_at_risk", year=year))
        for row in at_risk.itertuples(index=False):
            line = t("studios.verdict_line", studio=row.studio, unit=row.unit, verdict=_verdict(row.verdict))
            missed = t("studios.missed_dims", dims=join(t(f"studio.dim.{dim}") for dim in row.missed))
            (st.error if row.verdict == "delisted" else st.warning)(f"{line} · {missed}")
    st.caption(t("studios.rule"))

    # One table for every studio, however many: one chart per studio took 15 s with 200 of them.
    st.subheader(t("studios.each", year=year))
    st.dataframe(
        _readable(table),
        key="studio-table",
        hide_index=True,
        column_config={
            "studio": t("column.studio"),
            "unit": t("column.unit"),
            "verdict": t("column.verdict"),
            "missed": t("studios.missed_column"),
            **{dim: t(f"studio.dim.{dim}") for dim, _zh in vocab.STUDIO_DIMENSIONS},
        },
    )
    st.caption(t("studios.table_hint"))

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


def _readable(table):
    """studio, unit, verdict, each dimension as 'actual / target' (✓ met, ✗ missed), and the missed ones."""
    shown = table[["studio", "unit"]].assign(verdict=[_verdict(code) for code in table["verdict"]])
    for dim, _zh in vocab.STUDIO_DIMENSIONS:
        cells = []
        for actual, target, met in zip(
            table[f"actual_{dim}"], table[f"target_{dim}"], table[f"met_{dim}"], strict=True
        ):
            mark = "" if met is None else (" ✓" if met else " ✗")
            cells.append(f"{_number(actual)} / {_number(target)}{mark}")
        shown[dim] = cells
    shown["missed"] = ["、".join(t(f"studio.dim.{dim}") for dim in missed) for missed in table["missed"]]
    return shown


def _number(value) -> str:
    return "—" if is_missing(value) else str(int(value))


def _verdict(code: str) -> str:
    return t(f"studio.verdict.{code}")


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
