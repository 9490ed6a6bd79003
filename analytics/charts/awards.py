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
    """Declared beside awarded for each level, from 国家级 down, with each level's award rate."""
    levels = [level_label(level, lang) for level in funnel["level"]]
    rates = ["" if is_missing(rate) else f"{formatting.rate(rate, lang)}" for rate in funnel["award_rate"]]
    fig = go.Figure(
        [
            go.Bar(
                name=t("chart.declared", lang),
                x=levels,
                y=funnel["awards_declared"],
                marker_color=DECLARED_COLOUR,
                text=funnel["awards_declared"],
                textposition="outside",
                cliponaxis=False,
            ),
            go.Bar(
                name=t("chart.awarded", lang),
                x=levels,
                y=funnel["awards_awarded"],
                marker_color=AWARDED_COLOUR,
                text=[
                    f"{won}（{rate}）" if rate else str(won)
                    for won, rate in zip(funnel["awards_awarded"], rates, strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    top = float(funnel["awards_declared"].max() or 1)
    fig.update_yaxes(range=[0, top * 1.2], title=t("unit.items", lang) or None)
    fig = apply_layout(fig, t("chart.award_funnel", lang), height=380)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig
