"""Progress checks: 按期率 by unit and quarter (a grid), and the trend of 按期率 and cards over quarters."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import MISSED_COLOUR, SECONDARY, apply_layout, legend_below
from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.i18n import t

YELLOW_COLOUR = "#d4ac0d"


def on_track_grid(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Units down the side, quarters across, each cell the unit's 按期率 in that quarter (blank: no check)."""
    periods = sorted(by_unit["period"].unique())
    units = list(dict.fromkeys(by_unit["unit"]))
    cells = by_unit.set_index(["unit", "period"])["on_track_rate"]
    z = [[None if is_missing(cells.get((u, p))) else float(cells.get((u, p))) for p in periods] for u in units]
    text = [["" if v is None else formatting.rate(v, lang, 0) for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=periods,
            y=units,
            text=text,
            texttemplate="%{text}",
            zmin=0,
            zmax=1,
            colorscale=[[0, MISSED_COLOUR], [0.5, YELLOW_COLOUR], [1, "#27ae60"]],
            showscale=False,
            hoverongaps=False,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category", side="top")
    return apply_layout(fig, t("chart.on_track_grid", lang), height=max(260, 110 + 34 * len(units)))


def check_trend(total: pd.DataFrame, cards: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """按期率 of the selection per quarter (line) over the yellow and red cards given in each quarter (bars)."""
    periods = list(total["period"])
    cards = cards.assign(period=[f"{int(y)}Q{int(q)}" for y, q in zip(cards["year"], cards["quarter"], strict=True)])
    counts = {card: cards[cards["card"] == card].groupby("period").size() for card in ("yellow", "red")}
    fig = go.Figure()
    for card, colour in (("yellow", YELLOW_COLOUR), ("red", MISSED_COLOUR)):
        fig.add_bar(
            name=t(f"checks.card.{card}", lang),
            x=periods,
            y=[int(counts[card].get(p, 0)) for p in periods],
            marker_color=colour,
            yaxis="y2",
            opacity=0.6,
        )
    rates = [None if is_missing(r) else float(r) for r in total["on_track_rate"]]
    fig.add_scatter(
        name=t("metric.on_track_rate", lang),
        x=periods,
        y=rates,
        mode="lines+markers+text",
        text=["" if r is None else formatting.rate(r, lang, 0) for r in rates],
        textposition="top center",
        line={"color": SECONDARY, "width": 3},
    )
    # Cards are whole numbers on the right axis, scaled so the tallest bar stays in the lower half: the rate's
    # line and its labels run above the bars, never through them.
    most = max([sum(int(counts[card].get(p, 0)) for card in counts) for p in periods] or [0])
    fig.update_layout(
        barmode="stack",
        yaxis={"range": [0, 1.15], "tickformat": ".0%"},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "range": [0, max(most, 1) * 2.2],
            "dtick": max(1, math.ceil(most / 4)),
            "tickformat": "d",
            "title": t("unit.cards", lang) or None,
        },
    )
    fig.update_xaxes(type="category")
    return legend_below(apply_layout(fig, t("chart.check_trend", lang), height=360))
