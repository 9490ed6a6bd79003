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


def _short(name: str, chars: int) -> str:
    return name if len(name) <= chars else f"{name[: chars - 1]}…"


def list_rates(closure: pd.DataFrame, lang: str = "zh", name_chars: int | None = None) -> go.Figure:
    """Each 书记项目 down the side with its 闭环率 and 目标达成率 as bars; with name_chars (a slide), each name cut
    to that many characters above its project number, so the bars keep the width."""
    labels = [
        formatting.aside(name, pid, lang) if name_chars is None else f"{_short(name, name_chars)}<br>{pid}"
        for pid, name in zip(closure["project_id"], closure["name"], strict=True)
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
    fig.update_xaxes(range=[0, 1.25], tickformat=".0%", tickvals=[0, 0.5, 1])
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
    # Room right of a full bar for 100%（n/n）; the ticks stop at 100%, a share's end.
    fig.update_xaxes(range=[0, 1.4], tickformat=".0%", tickvals=[0, 0.25, 0.5, 0.75, 1])
    return by_unit_layout(fig, t("chart.closed_share", lang), len(by_unit))
