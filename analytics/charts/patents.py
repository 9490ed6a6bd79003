"""Patents by unit and type (software copyrights beside, never inside), over the years, and every outcome form."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import (
    FONT_FAMILY,
    PATENT_COLOURS,
    SOFTWARE_COLOUR,
    apply_layout,
    by_unit_layout,
    legend_below,
)
from analytics.contract import vocab
from analytics.display.labels import outcome_label, unit_label
from analytics.i18n import t


def patents_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Patents per unit stacked by type, and software copyrights as their own bar beside the stack (never in it)."""
    ordered = by_unit.sort_values(["patent_count", "software_copyrights"], ascending=False)
    units = list(ordered["unit"])
    shown = [unit_label(unit, lang) for unit in units]
    traces = []
    base = pd.Series(0.0, index=ordered.index)
    # Grouped bars with an explicit base: the three types stack in one slot, software sits in the next.
    for zh, column in vocab.PATENT_COLUMNS.items():
        values = ordered[column].astype(float)
        traces.append(
            go.Bar(
                orientation="h",
                name=t(f"patent.{zh}", lang),
                y=shown,
                x=values,
                base=base.copy(),
                offsetgroup="patents",
                marker_color=PATENT_COLOURS[zh],
                customdata=units,
                hovertemplate=f"%{{y}} · {t(f'patent.{zh}', lang)}: %{{x}}<extra></extra>",
            )
        )
        base = base + values
    traces.append(
        go.Bar(
            orientation="h",
            name=t("chart.software", lang),
            y=shown,
            x=ordered["software_copyrights"],
            offsetgroup="software",
            marker_color=SOFTWARE_COLOUR,
            customdata=units,
            hovertemplate=f"%{{y}} · {t('chart.software', lang)}: %{{x}}<extra></extra>",
        )
    )
    fig = go.Figure(traces)
    fig.update_layout(barmode="group")
    fig.update_xaxes(title=t("unit.pieces", lang) or None)
    return by_unit_layout(fig, t("chart.patents_and_software_by_unit", lang), len(units))


def patents_trend(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Patents per year stacked by type, software copyrights as a line beside them."""
    labels = [str(year) for year in by_year["year"]]
    traces = [
        go.Bar(name=t(f"patent.{zh}", lang), x=labels, y=by_year[column], marker_color=PATENT_COLOURS[zh])
        for zh, column in vocab.PATENT_COLUMNS.items()
    ]
    traces.append(
        go.Scatter(
            name=t("chart.software", lang),
            x=labels,
            y=by_year["software_copyrights"],
            mode="lines+markers",
            line={"color": SOFTWARE_COLOUR, "width": 3},
        )
    )
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    return legend_below(apply_layout(fig, t("chart.patents_trend", lang), height=420))


def outcomes_by_unit(counts: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Units × outcome forms as a grid of counts (forms no unit has are left out); darker = more."""
    kinds = [column for column in counts.columns if column != "unit" and counts[column].sum() > 0]
    values = counts[kinds].to_numpy() if kinds else [[]]
    fig = go.Figure(
        go.Heatmap(
            z=values,
            x=[outcome_label(kind, lang) for kind in kinds],
            y=[unit_label(unit, lang) for unit in counts["unit"]],
            text=values,
            texttemplate="%{text}",
            colorscale=[[0, "#fdfefe"], [1, "#2f6db5"]],
            showscale=False,
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig = apply_layout(fig, t("chart.outcomes_by_unit", lang), height=max(260, 110 + 34 * len(counts)))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 90, "b": 10}, font={"family": FONT_FAMILY, "size": 12})
    return fig
