"""The selection over the years: projects as bars, savings as a line on its own axis."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import SECONDARY, apply_layout
from analytics.i18n import t


def trend(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Projects per year as bars, savings per year as a line on its own axis."""
    years = [str(year) for year in by_year["year"]]
    fig = go.Figure(
        [
            go.Bar(name=t("metric.projects", lang), x=years, y=by_year["projects"], marker_color="#e6b0aa"),
            go.Scatter(
                name=f"{t('metric.savings_wan', lang)}（{t('unit.wan', lang)}）"
                if lang == "zh"
                else f"{t('metric.savings_wan', lang)} ({t('unit.wan', lang)})",
                x=years,
                y=by_year["savings_wan"],
                yaxis="y2",
                mode="lines+markers",
                line={"color": SECONDARY, "width": 3},
            ),
        ]
    )
    fig.update_layout(
        yaxis={"title": t("metric.projects", lang)},
        yaxis2={
            "title": t("unit.wan", lang),
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickformat": ",.0f",
        },
        xaxis={"type": "category", "title": t("chart.axis.year", lang)},
    )
    return apply_layout(fig, t("chart.trend", lang))
