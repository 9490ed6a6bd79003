"""The KPI band on a page: each headline figure with its change against the previous period and its definition."""

from __future__ import annotations

import streamlit as st

from analytics.display import kpi_band
from analytics.filters import Filters
from ui import cache
from ui.filters import period_label
from ui.i18n import lang, t

FIRST_ROW = 4


def band(filters: Filters) -> dict:
    """Draw the band for the selection and return the figures it showed."""
    now = cache.summary(filters)
    previous_filters = kpi_band.comparable_period(filters, cache.available_years())
    before = kpi_band.comparable(cache.summary(previous_filters) if previous_filters else None)
    tiles = kpi_band.tiles(now, before, lang()) + people_tiles(filters, before is not None)
    for row in (tiles[start : start + FIRST_ROW] for start in range(0, len(tiles), FIRST_ROW)):
        for column, tile in zip(st.columns(len(row)), row, strict=True):
            with column, st.container(key=f"kpi-{tile.key}"):
                st.metric(
                    tile.label,
                    tile.value,
                    tile.delta,
                    help=t(f"metric.{tile.key}.def"),
                    border=True,
                    delta_color="off" if tile.flat else "normal",
                    delta_arrow="off" if tile.flat else "auto",
                )
    if before is not None:
        st.caption(t("overview.delta_caption", period=period_label(previous_filters)))
    if now["reference_year"] is not None:
        st.caption(t("overview.stock_year", year=now["reference_year"]))
    return now


def people_tiles(filters: Filters, compare: bool) -> tuple:
    """金鹰, 雄鹰 and 培训场次 (issue 16), compared with the same previous period as the tiles before them."""
    now = kpi_band.people_figures(cache.talent_band(filters))
    previous_filters = filters.previous_period()
    before = None
    if compare and previous_filters is not None:
        before = kpi_band.people_figures(cache.talent_band(previous_filters))
    return kpi_band.people_tiles(now, before, lang())
