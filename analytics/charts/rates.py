"""Rates (0–1) by unit as bars, and over the years as lines: participation, branch coverage, concentration."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import PRIMARY, UNIT_COLOURS, apply_layout, by_unit_layout
from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.display.takeaways import units_only
from analytics.i18n import t


def rate_by_unit(by_unit: pd.DataFrame, column: str, title_key: str, lang: str = "zh", overall=None) -> go.Figure:
    """One bar per unit for a 0–1 rate, highest first; an unknown rate gets no bar but the word 未知; the
    selection's overall figure as a dashed line. Each bar carries its unit in customdata (drill-down)."""
    return rate_bars(by_unit, column, t(title_key, lang), PRIMARY, lang, overall)


def rate_bars(by_unit: pd.DataFrame, column: str, title: str, colour: str, lang: str, overall=None) -> go.Figure:
    by_unit = units_only(by_unit)  # a rate of the 本级 part is not compared with the units'
    ordered = by_unit.assign(_rate=pd.to_numeric(by_unit[column], errors="coerce")).sort_values(
        "_rate", ascending=False, na_position="last"
    )
    undeclared = (
        ordered["awards_declared"] == 0 if column == "award_rate" and "awards_declared" in ordered else None
    )  # an award rate with nothing declared is 未申报, not unknown
    labels = [
        (
            t("award_rate.not_declared", lang)
            if undeclared is not None and undeclared.iloc[i]
            else t("chart.unknown", lang)
        )
        if is_missing(v)
        else formatting.rate(v, lang)
        for i, v in enumerate(ordered["_rate"])
    ]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=ordered["unit"],
            x=ordered["_rate"].fillna(0),
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=colour,
            customdata=ordered["unit"],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    if not is_missing(overall):
        fig.add_vline(
            x=overall,
            line_dash="dash",
            line_color="#555",
            annotation_text=t("chart.group_average", lang, value=formatting.rate(overall, lang)),
            annotation_position="top",
        )
    fig.update_xaxes(tickformat=".0%", range=[0, 1.18])
    return by_unit_layout(fig, title, len(ordered))


def rate_by_year(
    by_unit_year: pd.DataFrame, column: str, title_key: str, lang: str = "zh", overall: pd.DataFrame | None = None
) -> go.Figure:
    """A line per unit over the years for a 0–1 rate, with the selection's overall line dashed on top."""
    fig = go.Figure()
    for index, (unit, rows) in enumerate(by_unit_year.groupby("unit", sort=False)):
        rows = rows.sort_values("year")
        fig.add_trace(
            go.Scatter(
                name=unit,
                x=[str(year) for year in rows["year"]],
                y=pd.to_numeric(rows[column], errors="coerce"),
                mode="lines+markers",
                line={"color": UNIT_COLOURS[index % len(UNIT_COLOURS)], "width": 2},
                connectgaps=False,
            )
        )
    if overall is not None and len(overall):
        fig.add_trace(
            go.Scatter(
                name=t("chart.whole_selection", lang),
                x=[str(year) for year in overall["year"]],
                y=pd.to_numeric(overall[column], errors="coerce"),
                mode="lines",
                line={"color": "#222", "width": 3, "dash": "dash"},
            )
        )
    fig.update_yaxes(tickformat=".0%")
    fig.update_xaxes(type="category", title=t("chart.axis.year", lang))
    fig = apply_layout(fig, t(title_key, lang), height=420)
    # Many units: the legend goes to the right, where it can run down instead of over the title.
    fig.update_layout(legend={"orientation": "v", "yanchor": "top", "y": 1.0, "xanchor": "left", "x": 1.02})
    return fig
