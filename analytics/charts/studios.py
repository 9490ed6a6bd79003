"""One studio-year: each dimension's target beside its actual, met or missed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import MET_COLOUR, MISSED_COLOUR, TARGET_COLOUR, apply_layout
from analytics.i18n import t


def studio_targets(dimensions: pd.DataFrame, title: str, lang: str = "zh") -> go.Figure:
    """One studio-year: target beside actual for each dimension, the actual green when met and red when missed."""
    names = [t(f"studio.dim.{dimension}", lang) for dimension in dimensions["dimension"]]
    met = [value is not False for value in dimensions["met"]]  # a dimension without a target is not judged
    actual = list(dimensions["actual"])
    fig = go.Figure(
        go.Bar(
            name=t("chart.target", lang),
            x=names,
            y=dimensions["target"],
            marker_color=TARGET_COLOUR,
            text=dimensions["target"],
            textposition="outside",
            cliponaxis=False,
            offsetgroup="target",
        )
    )
    # Met and missed actuals share one slot, so each colour has its own legend entry.
    for name_key, colour, keep in (
        ("chart.actual_met", MET_COLOUR, True),
        ("chart.actual_missed", MISSED_COLOUR, False),
    ):
        values = [value if ok is keep else None for value, ok in zip(actual, met, strict=True)]
        if all(value is None for value in values):
            continue
        fig.add_trace(
            go.Bar(
                name=t(name_key, lang),
                x=names,
                y=values,
                marker_color=colour,
                text=values,
                textposition="outside",
                cliponaxis=False,
                offsetgroup="actual",
            )
        )
    fig.update_layout(barmode="group")
    top = max([v for v in [*dimensions["target"], *actual] if v is not None and v == v] or [1])
    fig.update_yaxes(range=[0, top * 1.25])
    fig.update_xaxes(type="category")
    fig = apply_layout(fig, title, height=320)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig
