"""The KPI band: each headline figure with its change against the previous period and its definition."""

from __future__ import annotations

import streamlit as st

from analytics import formatting
from analytics.filters import Filters
from ui import state
from ui.filters import period_label
from ui.i18n import lang, t


def band(filters: Filters) -> dict:
    """Draw the band for the selection and return the figures it showed."""
    now = state.summary(filters)
    previous_filters = filters.previous_period()
    before = state.summary(previous_filters) if previous_filters else None
    if before is not None and not before["has_data"]:
        before = None  # no data a period earlier: no change to show, rather than a change from zero
    language = lang()

    def prior(key):
        return before[key] if before else None

    def patents(figures):
        return figures["patents"]["total"] if figures else None

    tiles = [
        ("projects", formatting.count(now["projects"]), formatting.delta_count(now["projects"], prior("projects"))),
        (
            "participation_rate",
            formatting.rate(now["participation_rate"], language),
            formatting.delta_rate(now["participation_rate"], prior("participation_rate"), language),
        ),
        (
            "branch_coverage",
            formatting.rate(now["branch_coverage"], language),
            formatting.delta_rate(now["branch_coverage"], prior("branch_coverage"), language),
        ),
        (
            "savings_wan",
            formatting.wan(now["savings_wan"], language),
            formatting.delta_wan(now["savings_wan"], prior("savings_wan"), language),
        ),
        ("patents", formatting.count(patents(now)), formatting.delta_count(patents(now), patents(before))),
        (
            "award_rate",
            formatting.rate(now["award_rate"], language),
            formatting.delta_rate(now["award_rate"], prior("award_rate"), language),
        ),
        (
            "completion_rate",
            formatting.rate(now["completion_rate"], language),
            formatting.delta_rate(now["completion_rate"], prior("completion_rate"), language),
        ),
        (
            "software_copyrights",
            formatting.count(now["software_copyrights"]),
            formatting.delta_count(now["software_copyrights"], prior("software_copyrights")),
        ),
    ]
    for row in (tiles[:4], tiles[4:]):
        for column, (key, value, delta) in zip(st.columns(len(row)), row, strict=True):
            with column, st.container(key=f"kpi-{key}"):
                st.metric(t(f"metric.{key}"), value, delta, help=t(f"metric.{key}.def"), border=True)
    if previous_filters:
        st.caption(t("overview.delta_caption", period=period_label(previous_filters)))
    if now["reference_year"] is not None:
        st.caption(t("overview.stock_year", year=now["reference_year"]))
    return now
