"""The KPI band: a selection's headline figures, formatted, each with its change against the period before."""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from analytics import metrics
from analytics.contract.definitions import KPI_BAND_KEYS, PEOPLE_BAND_KEYS
from analytics.display import formatting
from analytics.filters import Filters
from analytics.i18n import t
from analytics.store import tree


@dataclass(frozen=True)
class Tile:
    """One headline figure: its metric key, name, formatted value and change against the period before."""

    key: str
    label: str
    value: str
    delta: str | None
    judgement: str | None = None  # green | yellow | red against the previous period (JUDGEMENT); None: no comparison

    @property
    def flat(self) -> bool:
        """No change as shown (+0, +0.0个百分点): drawn without a coloured arrow."""
        number = re.match(r"[+\-−]?[\d,.]*", self.delta or "").group()
        return self.delta is not None and not any(char in "123456789" for char in number)


def comparable(before: dict | None) -> dict | None:
    """The earlier period's figures, or None when it has no data: no change to state, rather than one from zero."""
    return before if before is not None and before["has_data"] else None


# 红黄绿 against the previous period: a rate within ±1 percentage point, or a count or value within ±5%, is level
# (yellow); better is green, worse red. Every figure in the band is better when higher.
LEVEL_POINTS, LEVEL_SHARE = 1.0, 0.05
JUDGEMENTS = ("green", "yellow", "red")


def judgement(key: str, now: dict, before: dict | None) -> str | None:
    """How a band figure compares with the previous period, judged on the values as shown (rounded once)."""
    if before is None:
        return None
    if key == "award_rate" and (now["awards_declared"] == 0 or before["awards_declared"] == 0):
        return None
    if key in RATE_KEYS:
        points = formatting.points_change(now[key], before[key])
        if points is None:
            return None
        return "green" if points >= LEVEL_POINTS else "red" if points <= -LEVEL_POINTS else "yellow"
    current, previous = _amount(key, now), _amount(key, before)
    if previous == 0:
        return "green" if current > 0 else "yellow"
    share = (current - previous) / previous
    return "green" if share >= LEVEL_SHARE else "red" if share <= -LEVEL_SHARE else "yellow"


RATE_KEYS = ("participation_rate", "branch_coverage", "award_rate", "due_completion_rate")


def _amount(key: str, found: dict) -> float:
    value = found["patents"]["total"] if key == "patents" else found[key]
    return round(float(value or 0), 1)


def comparable_period(filters: Filters, years_with_data: list[int]) -> Filters | None:
    """The previous period, only when every one of its years has data: 2023–2025 is not compared with 2020–2022
    when the ledger starts in 2021 (a part-period would read as a fall)."""
    previous = filters.previous_period()
    if previous is None or not set(range(previous.year_from, previous.year_to + 1)) <= set(years_with_data):
        return None
    return previous


def figures(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[dict, dict | None]:
    """metrics.summary for the selection and for its previous period (None when there is nothing to compare)."""
    previous = comparable_period(filters, tree.available_years(con))
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
        # Nothing declared is 未申报, not an unknown rate.
        "award_rate": (
            (t("award_rate.not_declared", lang), None) if now["awards_declared"] == 0 else rate("award_rate")
        ),
        "due_completion_rate": rate("due_completion_rate"),
        "software_copyrights": count("software_copyrights"),
    }
    labels = {key: t(f"metric.{key}", lang) for key in KPI_BAND_KEYS} | {"savings_wan": t("kpi.savings_wan", lang)}
    return tuple(Tile(key, labels[key], *shown[key], judgement(key, now, before)) for key in KPI_BAND_KEYS)


# ---- People (issue 16) -------------------------------------------------------------------------------------------


def people_figures(talent_summary: dict) -> dict:
    """The band's people figures from metrics.talent.band_figures (or talent_summary): 金鹰, 雄鹰 and 培训场次."""
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
