"""People charts (issue 16): the pipeline per unit and over the years, moves, shares, honours and training."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.layout import UNIT_COLOURS, apply_layout, by_unit_layout, legend_below
from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.display.labels import honour_level_label, pool_label, training_type_label
from analytics.i18n import t

POOL_COLOURS = dict(zip(vocab.TALENT_POOLS, ("#aab7b8", "#5dade2", "#2f6db5", "#d4ac0d"), strict=True))
LEVEL_COLOURS = dict(
    zip(vocab.HONOUR_LEVELS, ("#c0392b", "#d68910", "#8e44ad", "#16a085", "#2f6db5", "#7f8c8d"), strict=True)
)


def _signed(change: int) -> str:
    return f"+{change}" if change > 0 else str(change)


def pipeline_by_unit(by_unit: pd.DataFrame, year: int | None, lang: str = "zh") -> go.Figure:
    """Each unit's people per pool in the year, stacked 后备人才 → 金鹰, each part with its change on last year."""
    units = list(dict.fromkeys(by_unit["unit"]))
    fig = go.Figure()
    for pool in vocab.TALENT_POOLS:
        part = by_unit[by_unit["pool"] == pool].set_index("unit").reindex(units)
        fig.add_bar(
            name=pool_label(pool, lang),
            y=units,
            x=part["people"],
            orientation="h",
            marker_color=POOL_COLOURS[pool],
            customdata=units,
            text=[
                formatting.aside(n, _signed(c), lang) if n or c else ""
                for n, c in zip(part["people"], part["change"], strict=True)
            ],
            textposition="inside",
            hovertemplate="%{y} · "
            + t("text.colon", lang, label=pool_label(pool, lang), value="%{x}")
            + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    # Four pools make a legend of two rows at half width: below the plot, it never covers the title.
    return legend_below(by_unit_layout(fig, t("chart.talent_pipeline", lang, year=year or ""), len(units)))


def pools_over_years(by_year: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """People per pool, year by year: the shape of the pipeline and how it grows."""
    fig = go.Figure()
    for pool in vocab.TALENT_POOLS:
        part = by_year[by_year["pool"] == pool]
        fig.add_bar(
            name=pool_label(pool, lang),
            x=part["year"].astype(str),
            y=part["people"],
            marker_color=POOL_COLOURS[pool],
            text=part["people"],
            textposition="inside",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    return legend_below(apply_layout(fig, t("chart.talent_years", lang), height=360))


def moves(moves_frame: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """How many rose from each pool to the next, and how many left the pools, over the selected years."""
    labels, counts, colours = [], [], []
    promoted = moves_frame[moves_frame["move"] == "promotion"]
    for low, high in zip(vocab.TALENT_POOLS, vocab.TALENT_POOLS[1:], strict=False):
        count = int(((promoted["from_pool"] == low) & (promoted["to_pool"] == high)).sum())
        labels.append(f"{pool_label(low, lang)}→{pool_label(high, lang)}")
        counts.append(count)
        colours.append(POOL_COLOURS[high])
    skipped = len(promoted) - sum(counts)
    if skipped:
        labels.append(t("chart.talent_skipped", lang))
        counts.append(skipped)
        colours.append(POOL_COLOURS[vocab.TALENT_POOLS[-1]])
    labels.append(t("chart.talent_exits", lang))
    counts.append(int((moves_frame["move"] == "exit").sum()))
    colours.append("#7f8c8d")
    fig = go.Figure(go.Bar(x=labels, y=counts, marker_color=colours, text=counts, textposition="outside"))
    fig.update_yaxes(range=[0, max([*counts, 1]) * 1.25], title=t("unit.people", lang) or None)
    return apply_layout(fig, t("chart.talent_moves", lang), height=360)


def shares_by_unit(shares: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """职称占比 beside the party share of the pools per unit; an unknown share is written as such, never drawn as 0."""
    units = list(shares["unit"])
    fig = go.Figure()
    for column, colour in (("titled_share", "#2f6db5"), ("party_member_share", "#c0392b")):
        values = [None if is_missing(v) else float(v) for v in shares[column]]
        fig.add_bar(
            name=t(f"metric.{column}", lang),
            y=units,
            x=values,
            orientation="h",
            marker_color=colour,
            customdata=units,
            text=[formatting.rate(v, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(tickformat=".0%", range=[0, 1.15])
    return by_unit_layout(fig, t("chart.talent_shares", lang), len(units))


def honours_over_years(titles: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Titles per level, year by year (a person counts once per title)."""
    fig = go.Figure()
    years = sorted(titles["year"].unique())
    for level in [*vocab.HONOUR_LEVELS, None]:
        part = titles[titles["level"].isna()] if level is None else titles[titles["level"] == level]
        if part.empty:
            continue
        counts = part.groupby("year").size().reindex(years, fill_value=0)
        fig.add_bar(
            name=honour_level_label(level, lang),
            x=[str(int(y)) for y in years],
            y=counts.to_list(),
            marker_color=LEVEL_COLOURS.get(level, "#bdc3c7"),
            text=counts.to_list(),
            textposition="inside",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    return legend_below(apply_layout(fig, t("chart.honours_years", lang), height=360))


def honours_by_unit(titles: pd.DataFrame, units: list[str], lang: str = "zh") -> go.Figure:
    """Titles per unit, stacked by level."""
    fig = go.Figure()
    for level in [*vocab.HONOUR_LEVELS, None]:
        part = titles[titles["level"].isna()] if level is None else titles[titles["level"] == level]
        if part.empty:
            continue
        counts = part.groupby("group_key").size().reindex(units, fill_value=0)
        fig.add_bar(
            name=honour_level_label(level, lang),
            y=units,
            x=counts.to_list(),
            orientation="h",
            marker_color=LEVEL_COLOURS.get(level, "#bdc3c7"),
            customdata=units,
        )
    fig.update_layout(barmode="stack")
    return legend_below(by_unit_layout(fig, t("chart.honours_by_unit", lang), len(units)))


def training_by_type(totals: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Sessions per training type, each with its 人次 and hours."""
    by_type = (
        totals.assign(kind=totals["training_type"].map(lambda k: training_type_label(k, lang)))
        .groupby("kind", sort=False)[["sessions", "attendance", "hours"]]
        .sum()
        .sort_values("sessions", ascending=False)
    )
    text = [
        t("chart.training_label", lang, sessions=int(r.sessions), attendance=int(r.attendance), hours=f"{r.hours:g}")
        for r in by_type.itertuples()
    ]
    fig = go.Figure(
        go.Bar(
            x=list(by_type.index),
            y=by_type["sessions"],
            marker_color=UNIT_COLOURS[1],
            # The count on the bar; 人次 and hours on hover (three figures would shrink to unreadable type).
            text=by_type["sessions"],
            textposition="outside",
            cliponaxis=False,
            hovertext=text,
            hoverinfo="x+text",
        )
    )
    fig.update_yaxes(range=[0, float(by_type["sessions"].max() or 1) * 1.3], title=t("unit.sessions", lang) or None)
    return apply_layout(fig, t("chart.training_by_type", lang), height=360)


def training_by_unit(totals: pd.DataFrame, units: list[str], lang: str = "zh") -> go.Figure:
    """Sessions per unit, with 人次 and hours on hover."""
    by_unit = totals.groupby("group_key")[["sessions", "attendance", "hours"]].sum().reindex(units, fill_value=0)
    fig = go.Figure(
        go.Bar(
            y=units,
            x=by_unit["sessions"],
            orientation="h",
            marker_color=UNIT_COLOURS[0],
            customdata=units,
            text=by_unit["sessions"],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                t(
                    "chart.training_label",
                    lang,
                    sessions=int(r.sessions),
                    attendance=int(r.attendance),
                    hours=f"{r.hours:g}",
                )
                for r in by_unit.itertuples()
            ],
            hoverinfo="y+text",
        )
    )
    return by_unit_layout(fig, t("chart.training_by_unit", lang), len(units))
