"""Points: units ranked by points (their own and everything below), with the rank change on last year; where the
points come from, rule by rule."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import PRIMARY, SECONDARY, by_unit_layout
from analytics.contract.missing import is_missing
from analytics.display.labels import point_rule_label
from analytics.i18n import t


def _change(value) -> str:
    if is_missing(value):
        return ""
    return f" ▲{int(value)}" if value > 0 else (f" ▼{-int(value)}" if value < 0 else " –")


def _room(values: list[float], factor: float) -> list[float]:
    """An axis range from 0 (or the lowest negative) to past the largest bar by factor, for the labels outside."""
    return [min([0.0, *values]) * factor, max([1.0, *values]) * factor]


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
    # Room right of the longest bar for its label and rank change.
    fig.update_xaxes(range=_room([float(v) for v in ranking["points"]], 1.25))
    return by_unit_layout(fig, t("chart.points_ranking", lang, year=year), len(ranking))


def points_by_rule(by_rule: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """The rules down the side, most points on top (metrics.points.points_by_rule), each bar with its points."""
    ordered = by_rule.sort_values("points", ascending=False, kind="stable")
    rules = [point_rule_label(rule, lang) for rule in ordered["rule"]]
    fig = go.Figure(
        go.Bar(
            y=rules,
            x=[float(v) for v in ordered["points"]],
            orientation="h",
            marker_color=SECONDARY,
            text=[f"{float(v):g}" for v in ordered["points"]],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(range=_room([float(v) for v in ordered["points"]], 1.15))
    return by_unit_layout(fig, t("chart.points_by_rule", lang), len(rules))
