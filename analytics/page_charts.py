"""Chart builders for the analysis pages: pure functions from page_metrics frames to plotly figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import formatting
from analytics.charts import FONT_FAMILY, PATENT_COLOURS, PRIMARY, PROGRAM_COLOURS, SECONDARY, _layout
from analytics.contract import vocab
from analytics.i18n import t

CATEGORY_COLOURS = dict(zip(vocab.CATEGORIES, ("#2f6db5", "#c0392b", "#16a085", "#d68910", "#7f8c8d"), strict=True))
UNLABELLED_COLOUR = "#bdc3c7"
SOFTWARE_COLOUR = "#6c3483"
MET_COLOUR, MISSED_COLOUR, TARGET_COLOUR = "#27ae60", "#c0392b", "#d5d8dc"
DECLARED_COLOUR, AWARDED_COLOUR = "#aab7b8", PRIMARY
UNIT_COLOURS = ("#c0392b", "#2f6db5", "#d68910", "#16a085", "#8e44ad", "#5d6d7e", "#b03a2e", "#1f618d")
AWARD_LEVEL_EN = {"国家级": "National", "省部级": "Provincial", "集团级": "Group", "公司级": "Company"}


def outcome_label(kind: str, lang: str = "zh") -> str:
    """An outcome type as the UI shows it: the vocabulary word in Chinese, its header word in English."""
    if lang == "zh":
        return kind
    return vocab.OUTCOME_TYPE_EN.get(kind, kind).replace("_", " ").capitalize()


def level_label(level, lang: str = "zh") -> str:
    if level is None or (isinstance(level, float) and level != level):
        return t("level.unstated", lang)
    return level if lang == "zh" else AWARD_LEVEL_EN.get(level, level)


def _by_unit_layout(fig: go.Figure, title: str, units: int) -> go.Figure:
    """Units down the side, largest on top: long Chinese unit names read whole at any width."""
    _layout(fig, title, height=max(260, 110 + 34 * units))
    fig.update_yaxes(autorange="reversed", gridcolor=None, showgrid=False)
    fig.update_xaxes(gridcolor="#eee")
    # The legend sits between the title and the plot, left-aligned, so it never covers a bar or a label.
    fig.update_layout(
        margin={"l": 10, "r": 30, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig


def _legend_below(fig: go.Figure) -> go.Figure:
    """For half-width charts over the years: a long legend wraps under the plot instead of over the title."""
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return fig


def rate_by_unit(by_unit: pd.DataFrame, column: str, title_key: str, lang: str = "zh", overall=None) -> go.Figure:
    """One bar per unit for a 0–1 rate, highest first; an unknown rate gets no bar but the word 未知; the
    selection's overall figure as a dashed line. Each bar carries its unit in customdata (drill-down)."""
    return _rate_bars(by_unit, column, t(title_key, lang), PRIMARY, lang, overall)


def _rate_bars(by_unit: pd.DataFrame, column: str, title: str, colour: str, lang: str, overall=None) -> go.Figure:
    ordered = by_unit.assign(_rate=pd.to_numeric(by_unit[column], errors="coerce")).sort_values(
        "_rate", ascending=False, na_position="last"
    )
    labels = [
        t("chart.unknown", lang) if formatting.is_unknown(v) else formatting.rate(v, lang) for v in ordered["_rate"]
    ]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=ordered["unit"],
            x=ordered["_rate"].fillna(0),
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=colour,
            customdata=ordered["unit"],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    if not formatting.is_unknown(overall):
        fig.add_vline(
            x=overall,
            line_dash="dash",
            line_color="#555",
            annotation_text=t("chart.group_average", lang, value=formatting.rate(overall, lang)),
            annotation_position="top",
        )
    fig.update_xaxes(tickformat=".0%", range=[0, 1.18])
    return _by_unit_layout(fig, title, len(ordered))


def rate_by_year(
    by_unit_year: pd.DataFrame, column: str, title_key: str, lang: str = "zh", overall: pd.DataFrame | None = None
) -> go.Figure:
    """A line per unit over the years for a 0–1 rate, with the selection's overall line dashed on top."""
    fig = go.Figure()
    for index, (unit, rows) in enumerate(by_unit_year.groupby("unit", sort=False)):
        rows = rows.sort_values("year")
        fig.add_trace(
            go.Scatter(
                name=unit,
                x=[str(year) for year in rows["year"]],
                y=pd.to_numeric(rows[column], errors="coerce"),
                mode="lines+markers",
                line={"color": UNIT_COLOURS[index % len(UNIT_COLOURS)], "width": 2},
                connectgaps=False,
            )
        )
    if overall is not None and len(overall):
        fig.add_trace(
            go.Scatter(
                name=t("chart.whole_selection", lang),
                x=[str(year) for year in overall["year"]],
                y=pd.to_numeric(overall[column], errors="coerce"),
                mode="lines",
                line={"color": "#222", "width": 3, "dash": "dash"},
            )
        )
    fig.update_yaxes(tickformat=".0%")
    fig.update_xaxes(type="category", title=t("chart.axis.year", lang))
    fig = _layout(fig, t(title_key, lang), height=420)
    # Many units: the legend goes to the right, where it can run down instead of over the title.
    fig.update_layout(legend={"orientation": "v", "yanchor": "top", "y": 1.0, "xanchor": "left", "x": 1.02})
    return fig


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
        name = t("chart.unit_level", lang) if part is None else part
        traces.append(
            go.Bar(
                orientation="h",
                name=name,
                y=order,
                x=values,
                marker_color=_part_colour(part, dimension),
                customdata=order,
                hovertemplate=f"%{{y}} · {name}: %{{x:,.1f}} {t('unit.wan', lang)}<extra></extra>",
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=",.0f", title=t("unit.wan", lang))
    return _by_unit_layout(fig, t(f"chart.savings_by_unit_{dimension}", lang), len(order))


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
                name=t("chart.unit_level", lang) if program is None else program,
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
    return _legend_below(_layout(fig, t("chart.savings_trend_program", lang), height=420))


def concentration_by_unit(by_unit: pd.DataFrame, top_n: int, lang: str = "zh") -> go.Figure:
    """Each unit's share of savings from its top_n projects, most concentrated on top."""
    return _rate_bars(by_unit, "top_share", t("chart.concentration", lang, n=top_n), SECONDARY, lang)


def patents_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Patents per unit stacked by type, and software copyrights as their own bar beside the stack (never in it)."""
    ordered = by_unit.sort_values(["patent_count", "software_copyrights"], ascending=False)
    units = list(ordered["unit"])
    columns = {
        "发明专利": "invention_patents",
        "实用新型专利": "utility_model_patents",
        "外观设计专利": "design_patents",
    }
    traces = []
    base = pd.Series(0.0, index=ordered.index)
    # Grouped bars with an explicit base: the three types stack in one slot, software sits in the next.
    for zh, column in columns.items():
        values = ordered[column].astype(float)
        traces.append(
            go.Bar(
                orientation="h",
                name=t(f"patent.{zh}", lang),
                y=units,
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
            y=units,
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
    return _by_unit_layout(fig, t("chart.patents_and_software_by_unit", lang), len(units))


def patents_trend(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Patents per year stacked by type, software copyrights as a line beside them."""
    labels = [str(year) for year in by_year["year"]]
    columns = {
        "发明专利": "invention_patents",
        "实用新型专利": "utility_model_patents",
        "外观设计专利": "design_patents",
    }
    traces = [
        go.Bar(name=t(f"patent.{zh}", lang), x=labels, y=by_year[column], marker_color=PATENT_COLOURS[zh])
        for zh, column in columns.items()
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
    return _legend_below(_layout(fig, t("chart.patents_trend", lang), height=420))


def outcomes_by_unit(counts: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Units × outcome forms as a grid of counts (forms no unit has are left out); darker = more."""
    kinds = [column for column in counts.columns if column != "unit" and counts[column].sum() > 0]
    values = counts[kinds].to_numpy() if kinds else [[]]
    fig = go.Figure(
        go.Heatmap(
            z=values,
            x=[outcome_label(kind, lang) for kind in kinds],
            y=list(counts["unit"]),
            text=values,
            texttemplate="%{text}",
            colorscale=[[0, "#fdfefe"], [1, "#2f6db5"]],
            showscale=False,
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig = _layout(fig, t("chart.outcomes_by_unit", lang), height=max(260, 110 + 34 * len(counts)))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 90, "b": 10}, font={"family": FONT_FAMILY, "size": 12})
    return fig


def award_funnel(funnel: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Declared beside awarded for each level, from 国家级 down, with each level's award rate."""
    levels = [level_label(level, lang) for level in funnel["level"]]
    rates = ["" if formatting.is_unknown(rate) else f"{formatting.rate(rate, lang)}" for rate in funnel["award_rate"]]
    fig = go.Figure(
        [
            go.Bar(
                name=t("chart.declared", lang),
                x=levels,
                y=funnel["awards_declared"],
                marker_color=DECLARED_COLOUR,
                text=funnel["awards_declared"],
                textposition="outside",
                cliponaxis=False,
            ),
            go.Bar(
                name=t("chart.awarded", lang),
                x=levels,
                y=funnel["awards_awarded"],
                marker_color=AWARDED_COLOUR,
                text=[
                    f"{won}（{rate}）" if rate else str(won)
                    for won, rate in zip(funnel["awards_awarded"], rates, strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    top = float(funnel["awards_declared"].max() or 1)
    fig.update_yaxes(range=[0, top * 1.2], title=t("unit.items", lang) or None)
    fig = _layout(fig, t("chart.award_funnel", lang), height=380)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig


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
    fig = _layout(fig, title, height=320)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig
