"""Awards declared beside awarded, per level."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import AWARDED_COLOUR, DECLARED_COLOUR, apply_layout
from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.display.labels import level_label
from analytics.i18n import t


def award_funnel(funnel: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Declared beside awarded for each level, from 国家级 down. Bars carry only their counts and each level's award
    rate is a second line under its name: a rate beside a count on a narrow bar overlapped its neighbours."""
    levels = [level_label(level, lang) for level in funnel["level"]]
    rates = [
        t("award_rate.not_declared", lang)
        if is_missing(rate)
        else t("chart.award_rate_line", lang, rate=formatting.rate(rate, lang))
        for rate in funnel["award_rate"]
    ]
    bars = [
        ("chart.declared", "awards_declared", DECLARED_COLOUR),
        ("chart.awarded", "awards_awarded", AWARDED_COLOUR),
    ]
    fig = go.Figure(
        [
            go.Bar(
                name=t(name, lang),
                x=levels,
                y=funnel[column],
                marker_color=colour,
                text=[formatting.count(value, lang) for value in funnel[column]],
                textposition="outside",
                constraintext="none",  # a count is short: never shrunk to the bar's width
                cliponaxis=False,
            )
            for name, column, colour in bars
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(
        type="category",
        tickmode="array",
        tickvals=levels,
        ticktext=[f"{level}<br>{rate}" for level, rate in zip(levels, rates, strict=True)],
    )
    top = float(funnel["awards_declared"].max() or 1)
    # Counts are whole numbers: a short axis gets a tick per item instead of 0.5, 1.5.
    fig.update_yaxes(range=[0, top * 1.2], title=t("unit.items", lang) or None, dtick=1 if top <= 5 else None)
    fig = apply_layout(fig, t("chart.award_funnel", lang), height=380)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig
