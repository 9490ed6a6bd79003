"""Savings (万元) by unit, by unit and programme or category, over the years, and how concentrated they are."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import (
    CATEGORY_COLOURS,
    PROGRAM_COLOURS,
    SECONDARY,
    UNLABELLED_COLOUR,
    apply_layout,
    by_unit_layout,
    legend_below,
)
from analytics.charts.rates import rate_bars
from analytics.contract import vocab
from analytics.display import formatting
from analytics.display.labels import unit_label, vocab_label
from analytics.i18n import t


def savings_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Savings (万元) per unit, largest on top, the figure beside each bar; each bar carries its unit (drill-down)."""
    ordered = by_unit.sort_values("savings_wan", ascending=False)
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=[unit_label(unit, lang) for unit in ordered["unit"]],
            x=ordered["savings_wan"],
            text=[formatting.wan(v, lang, unit=False) for v in ordered["savings_wan"]],
            textposition="outside",
            cliponaxis=False,
            marker_color=SECONDARY,
            customdata=ordered["unit"],
            hovertemplate="%{y}: " + t("value.wan", lang, value="%{text}") + "<extra></extra>",
        )
    )
    top = float(pd.to_numeric(ordered["savings_wan"], errors="coerce").max() or 0) or 1.0
    # Room beyond the longest bar for its label, and the axis from zero (a bar's length is the figure).
    fig.update_xaxes(tickformat=",.0f", title=t("unit.wan", lang), range=[0, top * 1.18])
    return by_unit_layout(fig, t("chart.savings_by_unit", lang), len(ordered))


def _part_colour(part, dimension: str) -> str:
    colours = PROGRAM_COLOURS if dimension == "program" else CATEGORY_COLOURS
    return colours.get(part, UNLABELLED_COLOUR)


def savings_by_unit_parts(parts: pd.DataFrame, units: list[str], dimension: str, lang: str = "zh") -> go.Figure:
    """Savings per unit stacked by programme or category, in the one colour each programme has everywhere;
    unit-level outcomes (no project) in grey. Units ordered by their total, largest on top."""
    rows = parts[parts["dimension"] == dimension]
    totals = rows.groupby("unit")["savings_wan"].sum().reindex(units).fillna(0).sort_values(ascending=False)
    order = list(totals.index)
    vocabulary = vocab.PROGRAMS if dimension == "program" else vocab.CATEGORIES
    traces = []
    for part in (*vocabulary, None):
        part_rows = rows[rows["value"].isna()] if part is None else rows[rows["value"] == part]
        if part_rows.empty:
            continue
        values = part_rows.groupby("unit")["savings_wan"].sum().reindex(order).fillna(0)
        name = t("chart.unit_level", lang) if part is None else vocab_label(part, lang)
        traces.append(
            go.Bar(
                orientation="h",
                name=name,
                y=[unit_label(unit, lang) for unit in order],
                x=values,
                marker_color=_part_colour(part, dimension),
                customdata=order,
                hovertemplate=f"%{{y}} · {name}: {t('value.wan', lang, value='%{x:,.1f}')}<extra></extra>",
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=",.0f", title=t("unit.wan", lang))
    return by_unit_layout(fig, t(f"chart.savings_by_unit_{dimension}", lang), len(order))


def savings_trend_by_program(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Savings per year stacked by programme, each in its programme colour, the year's total above."""
    years = sorted(int(year) for year in by_year["year"].unique())
    labels = [str(year) for year in years]
    traces = []
    for program in (*vocab.PROGRAMS, None):
        rows = by_year[by_year["program"].isna()] if program is None else by_year[by_year["program"] == program]
        if rows.empty:
            continue
        values = rows.groupby("year")["savings_wan"].sum().reindex(years).fillna(0)
        traces.append(
            go.Bar(
                name=t("chart.unit_level", lang) if program is None else vocab_label(program, lang),
                x=labels,
                y=values,
                marker_color=PROGRAM_COLOURS.get(program, UNLABELLED_COLOUR),
            )
        )
    fig = go.Figure(traces)
    totals = by_year.groupby("year")["savings_wan"].sum().reindex(years).fillna(0)
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=totals,
            mode="text",
            text=[formatting.wan(v, lang, unit=False) for v in totals],
            textposition="top center",
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=",.0f", title=t("unit.wan", lang), range=[0, float(totals.max() or 1) * 1.15])
    return legend_below(apply_layout(fig, t("chart.savings_trend_program", lang), height=420))


def concentration_by_unit(by_unit: pd.DataFrame, top_n: int, lang: str = "zh") -> go.Figure:
    """Each unit's share of savings from its top_n projects, most concentrated on top."""
    return rate_bars(by_unit, "top_share", t("chart.concentration", lang, n=top_n), SECONDARY, lang)
