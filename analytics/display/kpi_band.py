"""The KPI band: a selection's headline figures, formatted, each with its change against the period before."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from analytics import metrics
from analytics.contract.definitions import KPI_BAND_KEYS, PEOPLE_BAND_KEYS
from analytics.display import formatting
from analytics.filters import Filters
from analytics.i18n import t


@dataclass(frozen=True)
class Tile:
    """One headline figure: its metric key, name, formatted value and change against the period before."""

    key: str
    label: str
    value: str
    delta: str | None


def comparable(before: dict | None) -> dict | None:
    """The earlier period's figures, or None when it has no data: no change to state, rather than one from zero."""
    return before if before is not None and before["has_data"] else None


def figures(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[dict, dict | None]:
    """metrics.summary for the selection and for its previous period (None when there is nothing to compare)."""
    previous = filters.previous_period()
    return metrics.summary(con, filters), comparable(metrics.summary(con, previous) if previous else None)


def tiles(now: dict, before: dict | None, lang: str) -> tuple[Tile, ...]:
    """The band, in definitions.KPI_BAND_KEYS order."""

    def prior(key):
        return before[key] if before else None

    def patents(found):
        return found["patents"]["total"] if found else None

    def rate(key):
        return formatting.rate(now[key], lang), formatting.delta_rate(now[key], prior(key), lang)

    def count(key):
        return formatting.count(now[key]), formatting.delta_count(now[key], prior(key))

    shown = {
        "projects": count("projects"),
        "participation_rate": rate("participation_rate"),
        "branch_coverage": rate("branch_coverage"),
        # 万元 goes in the label: a tile is too narrow at 1366×768 for "2,650.1 万元" in large type.
        "savings_wan": (
            formatting.wan(now["savings_wan"], lang, unit=False),
            formatting.delta_wan(now["savings_wan"], prior("savings_wan"), lang),
        ),
        "patents": (formatting.count(patents(now)), formatting.delta_count(patents(now), patents(before))),
        "award_rate": rate("award_rate"),
        "completion_rate": rate("completion_rate"),
        "software_copyrights": count("software_copyrights"),
    }
    labels = {key: t(f"metric.{key}", lang) for key in KPI_BAND_KEYS} | {"savings_wan": t("kpi.savings_wan", lang)}
    return tuple(Tile(key, labels[key], *shown[key]) for key in KPI_BAND_KEYS)


# ---- People (issue 16) -------------------------------------------------------------------------------------------


def people_figures(talent_summary: dict) -> dict:
    """The band's people figures from metrics.talent.talent_summary: 金鹰, 雄鹰 and 培训场次."""
    return {
        "golden_eagles": talent_summary["pools"]["金鹰"],
        "eagles": talent_summary["pools"]["雄鹰"],
        "training_sessions": talent_summary["training"]["sessions"],
    }


def people_tiles(now: dict, before: dict | None, lang: str) -> tuple[Tile, ...]:
    """The people tiles, in definitions.PEOPLE_BAND_KEYS order; before None states no change."""
    return tuple(
        Tile(
            key,
            t(f"metric.{key}", lang),
            formatting.count(now[key]),
            formatting.delta_count(now[key], before[key] if before else None),
        )
        for key in PEOPLE_BAND_KEYS
    )
