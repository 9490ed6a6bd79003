"""Chart builders: pure functions from metric frames to plotly figures, the same for the page and the exports."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import formatting
from analytics.contract import vocab
from analytics.i18n import t

# A CJK font first, so exported images render Chinese (the app checks one is installed).
FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
PROGRAM_COLOURS = dict(
    zip(vocab.PROGRAMS, ("#c0392b", "#2f6db5", "#d68910", "#16a085", "#8e44ad", "#5d6d7e"), strict=True)
)
PATENT_COLOURS = dict(zip(vocab.PATENT_TYPES, ("#b03a2e", "#2e86c1", "#b7950b"), strict=True))
PRIMARY = "#c0392b"
SECONDARY = "#2f6db5"


def _layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 16}},
        font={"family": FONT_FAMILY, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        plot_bgcolor="white",
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True, gridcolor="#eee")
    return fig


def participation_by_unit(by_unit: pd.DataFrame, lang: str = "zh", overall: float | None = None) -> go.Figure:
    """Bars of participation rate per unit, sorted; unknown units get no bar but an explicit label."""
    ordered = by_unit.sort_values("participation_rate", ascending=False, na_position="last")
    rates = ordered["participation_rate"]
    labels = [
        formatting.rate(value, lang) if not formatting.is_unknown(value) else t("chart.unknown", lang)
        for value in rates
    ]
    fig = go.Figure(
        go.Bar(
            x=ordered["unit"],
            y=[0 if formatting.is_unknown(v) else v for v in rates],
            text=labels,
            textposition="outside",
            marker_color=PRIMARY,
            customdata=ordered["unit"],
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    title = t("chart.participation_by_unit", lang)
    if not formatting.is_unknown(overall):
        # The overall figure goes in the title: rates sit close together, so a label on the line hides bar labels.
        fig.add_hline(y=overall, line_dash="dash", line_color="#555")
        title += t("chart.title_overall", lang, value=formatting.rate(overall, lang))
    fig.update_yaxes(tickformat=".0%", range=[0, 1.15])
    return _layout(fig, title)


def savings_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    ordered = by_unit.sort_values("savings_wan", ascending=False)
    fig = go.Figure(
        go.Bar(
            x=ordered["unit"],
            y=ordered["savings_wan"],
            text=[formatting.wan(v, lang, unit=False) for v in ordered["savings_wan"]],
            textposition="outside",
            marker_color=SECONDARY,
            customdata=ordered["unit"],
            hovertemplate="%{x}: %{text} " + t("unit.wan", lang) + "<extra></extra>",
        )
    )
    fig.update_yaxes(tickformat=",.0f", title=t("unit.wan", lang))
    return _layout(fig, t("chart.savings_by_unit", lang))


def patents_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Patents per unit stacked by type; software copyrights are not part of the stack."""
    ordered = by_unit.sort_values("patent_count", ascending=False)
    columns = {
        "发明专利": "invention_patents",
        "实用新型专利": "utility_model_patents",
        "外观设计专利": "design_patents",
    }
    fig = go.Figure(
        [
            go.Bar(
                name=t(f"patent.{zh}", lang),
                x=ordered["unit"],
                y=ordered[column],
                marker_color=PATENT_COLOURS[zh],
                customdata=ordered["unit"],
            )
            for zh, column in columns.items()
        ]
    )
    fig.update_layout(barmode="stack")
    return _layout(fig, t("chart.patents_by_unit", lang))


def trend(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Projects per year as bars, savings per year as a line on its own axis."""
    years = [str(year) for year in by_year["year"]]
    fig = go.Figure(
        [
            go.Bar(name=t("metric.projects", lang), x=years, y=by_year["projects"], marker_color="#e6b0aa"),
            go.Scatter(
                name=f"{t('metric.savings_wan', lang)}（{t('unit.wan', lang)}）"
                if lang == "zh"
                else f"{t('metric.savings_wan', lang)} ({t('unit.wan', lang)})",
                x=years,
                y=by_year["savings_wan"],
                yaxis="y2",
                mode="lines+markers",
                line={"color": SECONDARY, "width": 3},
            ),
        ]
    )
    fig.update_layout(
        yaxis={"title": t("metric.projects", lang)},
        yaxis2={
            "title": t("unit.wan", lang),
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickformat": ",.0f",
        },
        xaxis={"type": "category", "title": t("chart.axis.year", lang)},
    )
    return _layout(fig, t("chart.trend", lang))
