"""Points: units ranked by points (their own and everything below), with the rank change on last year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import PRIMARY, by_unit_layout
from analytics.contract.missing import is_missing
from analytics.i18n import t


def _change(value) -> str:
    if is_missing(value):
        return ""
    return f" ▲{int(value)}" if value > 0 else (f" ▼{-int(value)}" if value < 0 else " –")


def points_ranking(ranking: pd.DataFrame, year: int, lang: str = "zh") -> go.Figure:
    """Units down the side, most points on top, each bar labelled with its points and rank change."""
    fig = go.Figure(
        go.Bar(
            y=list(ranking["unit"]),
            x=[float(v) for v in ranking["points"]],
            orientation="h",
            marker_color=PRIMARY,
            customdata=list(ranking["unit"]),
            text=[f"{p:g}{_change(c)}" for p, c in zip(ranking["points"], ranking["rank_change"], strict=True)],
            textposition="outside",
            cliponaxis=False,
        )
    )
    return by_unit_layout(fig, t("chart.points_ranking", lang, year=year), len(ranking))
