"""书记项目 lists: each project's 闭环率 and 目标达成率, and by unit the share of projects fully closed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import PRIMARY, SECONDARY, by_unit_layout
from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.i18n import t


def _rates(values: pd.Series) -> list[float | None]:
    return [None if is_missing(v) else float(v) for v in values]


def list_rates(closure: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Each 书记项目 down the side with its 闭环率 and 目标达成率 as bars."""
    labels = [
        formatting.aside(name, pid, lang) for pid, name in zip(closure["project_id"], closure["name"], strict=True)
    ]
    fig = go.Figure()
    for column, colour in (("closure_rate", PRIMARY), ("goal_rate", SECONDARY)):
        values = _rates(closure[column])
        fig.add_bar(
            name=t(f"metric.{column}", lang),
            y=labels,
            x=values,
            orientation="h",
            marker_color=colour,
            text=["" if v is None else formatting.rate(v, lang, 0) for v in values],
            textposition="outside",
            cliponaxis=False,
        )
    fig.update_xaxes(range=[0, 1.15], tickformat=".0%")
    fig.update_layout(barmode="group")
    return by_unit_layout(fig, t("chart.list_rates", lang), len(labels) * 2)


def closed_share(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Each unit's share of 书记项目 fully closed (every problem answered, every goal reached)."""
    values = _rates(by_unit["closed_share"])
    fig = go.Figure(
        go.Bar(
            y=list(by_unit["unit"]),
            x=values,
            orientation="h",
            marker_color=PRIMARY,
            customdata=list(by_unit["unit"]),
            text=[
                "" if v is None else formatting.aside(formatting.rate(v, lang, 0), f"{c}/{n}", lang)
                for v, c, n in zip(values, by_unit["fully_closed"], by_unit["projects"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(range=[0, 1.2], tickformat=".0%")
    return by_unit_layout(fig, t("chart.closed_share", lang), len(by_unit))
