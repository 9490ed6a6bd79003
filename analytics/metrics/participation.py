"""Participation and branch coverage by unit, over the years, and units ranked with their movement."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics.common import ratio_series, unit_groups
from analytics.store import tree

RANKING_RAW = ("participation_rate", "branch_coverage", "projects", "savings_wan")
RANKING_NORMALISED = ("projects_per_branch", "savings_per_100_members")
RANKING_COLUMNS = RANKING_RAW + RANKING_NORMALISED


def normalised_by_unit(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], by_unit: pd.DataFrame | None = None
) -> pd.DataFrame:
    """kpis_by_unit plus projects per party branch and savings (万元) per 100 party members (by_unit: that
    kpis_by_unit when the caller has it already)."""
    by_unit = metrics.kpis_by_unit(con, filters, units) if by_unit is None else by_unit.copy()
    if by_unit.empty:
        return by_unit.assign(projects_per_branch=[], savings_per_100_members=[])
    by_unit["projects_per_branch"] = ratio_series(by_unit["projects"], by_unit["branches_total"])
    by_unit["savings_per_100_members"] = ratio_series(by_unit["savings_wan"], by_unit["party_members"], 100.0)
    return by_unit


def _ranks(values: pd.Series) -> pd.Series:
    """1 = highest; ties share the better rank; an unknown value has no rank."""
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    ranks = numbers.rank(method="min", ascending=False)
    return ranks.astype("Int64")


def unit_ranking(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    units: list[str],
    order_by: str = "participation_rate",
    by_unit: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The units ranked by one figure (raw or normalised), with their rank a period earlier and the movement
    (positive = moved up). The previous period is Filters.previous_period(); without chosen years, no movement.
    by_unit: kpis_by_unit(con, filters, units) when the caller has it already (the page shows it too)."""
    if order_by not in RANKING_COLUMNS:
        raise ValueError(f"cannot rank by {order_by!r}; choose one of {RANKING_COLUMNS}")
    now = normalised_by_unit(con, filters, units, by_unit)
    if now.empty:
        return now.assign(rank=[], previous_rank=[], rank_change=[])
    now["rank"] = _ranks(now[order_by])
    previous_filters = filters.previous_period()
    if previous_filters is None:
        now["previous_rank"] = pd.array([pd.NA] * len(now), dtype="Int64")
    else:
        before = normalised_by_unit(con, previous_filters, units)
        previous = dict(zip(before["unit"], _ranks(before[order_by]), strict=True))
        now["previous_rank"] = pd.array([previous.get(unit, pd.NA) for unit in now["unit"]], dtype="Int64")
    now["rank_change"] = now["previous_rank"] - now["rank"]
    return now.sort_values(["rank", "unit"], na_position="last").reset_index(drop=True)


def unit_figures_by_year(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """kpis_by_unit for every year with data (the year filter is ignored: this is the trend), one row per
    unit and year, so per-year stock figures (participation, coverage) are read in their own year."""
    years = tree.available_years(con)
    if not years:
        return pd.DataFrame(columns=["unit", "year", "participation_rate", "branch_coverage"])
    # One query for every unit and year; each (unit, year) is then summarised exactly as a one-year selection.
    per_year = metrics.kpis_by_year(con, filters.without_years(), unit_groups(con, filters, units))
    parts = metrics.records_by(per_year, "group_key", "year")
    frames = []
    for year in years:
        rows = [metrics.unit_row(unit, metrics.summarise(parts.get((unit, year), []), year)) for unit in units]
        frames.append(pd.DataFrame([row for row in rows if row is not None]).assign(year=year))
    return pd.concat(frames, ignore_index=True)
