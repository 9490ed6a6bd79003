"""Suggestions: collected and adopted by unit, and collected per month."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import DECLARED_COLOUR, PRIMARY, apply_layout, by_unit_layout
from analytics.i18n import t


def _whole_step(counts: pd.Series) -> int:
    """A tick step of whole suggestions, about five ticks up to the largest count."""
    return max(1, math.ceil(int(counts.max() if len(counts) else 0) / 5))


def suggestions_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Each unit's suggestions collected beside those adopted."""
    fig = go.Figure()
    for column, colour in (("collected", DECLARED_COLOUR), ("adopted", PRIMARY)):
        fig.add_bar(
            name=t(f"metric.suggestions_{column}", lang),
            y=list(by_unit["unit"]),
            x=[int(v) for v in by_unit[column]],
            orientation="h",
            marker_color=colour,
            customdata=list(by_unit["unit"]),
            text=[int(v) for v in by_unit[column]],
            textposition="outside",
            cliponaxis=False,
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=_whole_step(by_unit["collected"]))
    return by_unit_layout(fig, t("chart.suggestions_by_unit", lang), len(by_unit) * 2)


def suggestions_by_month(by_month: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Suggestions collected per month, adopted ones within them."""
    dated = by_month[by_month["month"].notna()]
    fig = go.Figure()
    for column, colour in (("collected", DECLARED_COLOUR), ("adopted", PRIMARY)):
        fig.add_bar(
            name=t(f"metric.suggestions_{column}", lang),
            x=list(dated["month"]),
            y=[int(v) for v in dated[column]],
            marker_color=colour,
        )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(type="category")
    fig.update_yaxes(dtick=_whole_step(dated["collected"]))
    return apply_layout(fig, t("chart.suggestions_by_month", lang), height=340)
