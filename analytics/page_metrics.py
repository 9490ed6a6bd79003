"""Figures for the analysis pages: each takes a connection and Filters, aggregates in DuckDB, returns frames."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import duckdb
import pandas as pd

from analytics import metrics
from analytics.contract import vocab
from analytics.filters import Filters
from analytics.store import tree
from analytics.store.sql import read_sql
from analytics.store.tree import scope_roots

METRICS = "metrics"

# Orderings a leader can rank units by: raw figures first, then the ones normalised for unit size.
RANKING_RAW = ("participation_rate", "branch_coverage", "projects", "savings_wan")
RANKING_NORMALISED = ("projects_per_branch", "savings_per_100_members")
RANKING_COLUMNS = RANKING_RAW + RANKING_NORMALISED
BOARD_STATUSES = ("completed", "in_progress", "overdue", "stopped")
# Outcome forms counted on the patents page: everything but savings, which is a value.
COUNTED_OUTCOME_TYPES = tuple(kind for kind in vocab.OUTCOME_TYPES if kind != vocab.SAVINGS_TYPE)
CONCENTRATION_TOP_N = 3


def _scoped_params(con: duckdb.DuckDBPyConnection, filters: Filters, **extra) -> dict:
    """Parameters for a query over the whole selection taken together."""
    roots = scope_roots(con, filters)
    return {"group_keys": [metrics.TOTAL_GROUP] * len(roots), "group_roots": roots, **filters.params(), **extra}


def _per_unit_params(filters: Filters, units: list[str], **extra) -> dict:
    """Parameters for a query with one group per given unit (its whole subtree)."""
    return {"group_keys": list(units), "group_roots": list(units), **filters.params(), **extra}


def _query(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame:
    return con.execute(read_sql(name, METRICS), params).df()


def _none_for_null(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A NULL text value as None (not NaN), so the unlabelled part can be asked for by value."""
    frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _ratio(numerator: pd.Series, denominator: pd.Series, scale: float = 1.0) -> pd.Series:
    """numerator ÷ denominator × scale, None where either is unknown or the denominator is 0."""
    num = pd.to_numeric(numerator, errors="coerce").astype("float64")
    den = pd.to_numeric(denominator, errors="coerce").astype("float64")
    result = num * scale / den.where(den != 0)
    return result.astype(object).where(result.notna(), None)


# --- Participation ---------------------------------------------------------------------------------------------


def normalised_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """kpis_by_unit plus projects per party branch and savings (万元) per 100 party members."""
    by_unit = metrics.kpis_by_unit(con, filters, units)
    if by_unit.empty:
        return by_unit.assign(projects_per_branch=[], savings_per_100_members=[])
    by_unit["projects_per_branch"] = _ratio(by_unit["projects"], by_unit["branches_total"])
    by_unit["savings_per_100_members"] = _ratio(by_unit["savings_wan"], by_unit["party_members"], 100.0)
    return by_unit


def _ranks(values: pd.Series) -> pd.Series:
    """1 = highest; ties share the better rank; an unknown value has no rank."""
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    ranks = numbers.rank(method="min", ascending=False)
    return ranks.astype("Int64")


def unit_ranking(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], order_by: str = "participation_rate"
) -> pd.DataFrame:
    """The units ranked by one figure (raw or normalised), with their rank a period earlier and the movement
    (positive = moved up). The previous period is Filters.previous_period(); without chosen years, no movement."""
    if order_by not in RANKING_COLUMNS:
        raise ValueError(f"cannot rank by {order_by!r}; choose one of {RANKING_COLUMNS}")
    now = normalised_by_unit(con, filters, units)
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
    frames = []
    for year in tree.available_years(con):
        single_year = replace(filters, year_from=year, year_to=year)
        frames.append(metrics.kpis_by_unit(con, single_year, units).assign(year=year))
    if not frames:
        return pd.DataFrame(columns=["unit", "year", "participation_rate", "branch_coverage"])
    return pd.concat(frames, ignore_index=True)


# --- Savings ---------------------------------------------------------------------------------------------------


def savings_by_unit_dimension(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """unit, dimension ('program' | 'category'), value (None = a unit-level outcome), savings_wan."""
    return _none_for_null(_query(con, "savings_by_unit_dimension", _per_unit_params(filters, units)), "value")


def savings_by_year_program(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """year, program (None = unit-level outcomes), savings_wan for the whole selection."""
    return _none_for_null(_query(con, "savings_by_year_program", _scoped_params(con, filters)), "program")


def top_savings_projects(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 10) -> pd.DataFrame:
    """The projects with the most savings in the selection: project_id, name, unit, program, …, savings_wan."""
    return _query(con, "top_savings_projects", _scoped_params(con, filters, limit=limit))


def savings_concentration(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], top_n: int = CONCENTRATION_TOP_N
) -> pd.DataFrame:
    """Per given unit: savings_wan, top_savings_wan of its top_n projects, top_share (None without savings)."""
    found = _query(con, "savings_concentration", _per_unit_params(filters, units, top_n=top_n)).set_index("unit")
    rows = []
    for unit in units:
        if unit in found.index:
            row = found.loc[unit]
            rows.append(
                {
                    "unit": unit,
                    "savings_wan": float(row["savings_wan"]),
                    "top_savings_wan": float(row["top_savings_wan"]),
                    "projects_with_savings": int(row["projects_with_savings"]),
                    "top_share": None if pd.isna(row["top_share"]) else float(row["top_share"]),
                }
            )
        else:
            rows.append(
                {
                    "unit": unit,
                    "savings_wan": 0.0,
                    "top_savings_wan": 0.0,
                    "projects_with_savings": 0,
                    "top_share": None,
                }
            )
    return pd.DataFrame(rows)


# --- Patents and outcomes --------------------------------------------------------------------------------------


def outcome_counts_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """One row per given unit, one column per counted outcome type (vocabulary order), zeros where none."""
    found = _query(con, "outcome_counts_by_unit", _per_unit_params(filters, units))
    table = found.pivot_table(index="unit", columns="outcome_type", values="outcome_count", aggfunc="sum")
    table = table.reindex(index=list(units), columns=list(COUNTED_OUTCOME_TYPES)).fillna(0).astype("int64")
    table.columns.name = None
    return table.rename_axis("unit").reset_index()


# --- Projects --------------------------------------------------------------------------------------------------


def project_list(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: dt.date | None = None, search: str = ""
) -> pd.DataFrame:
    """The filtered projects with board_status (completed | in_progress | overdue | stopped) as of as_of
    (today when not given), savings_wan, patent_count, awards_declared and awards_awarded; search keeps those
    whose number, name, leader, unit or branch contains it (case ignored)."""
    params = _scoped_params(con, filters, as_of=as_of or dt.date.today(), search=search.strip())
    return _query(con, "project_list", params)


def status_board(con: duckdb.DuckDBPyConnection, filters: Filters, as_of: dt.date | None = None) -> dict[str, int]:
    """Projects per board status, every status present (0 where none)."""
    # Counted over the same query as the list, so the board and the table can never disagree.
    sql = f"SELECT board_status, count(*) FROM ({read_sql('project_list', METRICS)}) GROUP BY board_status"
    params = _scoped_params(con, filters, as_of=as_of or dt.date.today(), search="")
    found = dict(con.execute(sql, params).fetchall())
    return {status: int(found.get(status, 0)) for status in BOARD_STATUSES}


def project_card(con: duckdb.DuckDBPyConnection, project_id: str) -> dict | None:
    """One project with every outcome and award it has, whatever the filters; None when there is no such project."""
    project = con.execute("SELECT * FROM project_facts(NULL, NULL, [], []) WHERE project_id = ?", [project_id]).df()
    if project.empty:
        return None
    outcomes = con.execute(
        """
        SELECT outcome_type, quantity, value_wan, fact_year AS year, date, note
        FROM outcome_facts(NULL, NULL, [], []) WHERE project_id = ?
        ORDER BY fact_year, outcome_type, note
        """,
        [project_id],
    ).df()
    awards = con.execute(
        "SELECT year, award, level, result FROM award_facts(NULL, NULL, [], []) WHERE project_id = ? "
        "ORDER BY year, award",
        [project_id],
    ).df()
    record = project.drop(columns=["batch_id"]).iloc[0].to_dict()
    return {"project": record, "outcomes": outcomes, "awards": awards}


# --- Awards ----------------------------------------------------------------------------------------------------


def award_funnel(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """level (vocabulary order, every level present; an unstated level last), awards_declared, awards_awarded,
    award_rate (None when nothing was declared)."""
    found = _query(con, "award_funnel", _scoped_params(con, filters))
    counts = {
        (None if pd.isna(level) else level): (int(declared), int(awarded))
        for level, declared, awarded in found[["level", "awards_declared", "awards_awarded"]].itertuples(index=False)
    }
    levels = [*vocab.AWARD_LEVELS, *([None] if None in counts else [])]
    rows = []
    for level in levels:
        declared, awarded = counts.get(level, (0, 0))
        rows.append(
            {
                "level": level,
                "awards_declared": declared,
                "awards_awarded": awarded,
                "award_rate": awarded / declared if declared else None,
            }
        )
    return pd.DataFrame(rows)


# --- Studios ---------------------------------------------------------------------------------------------------


def studio_dimensions(verdicts: pd.DataFrame) -> pd.DataFrame:
    """studio_verdicts' rows in long form: one row per studio, year and dimension with target, actual and met
    (a dimension without a target is not judged: met is None)."""
    rows = []
    for record in verdicts.itertuples(index=False):
        for dimension, _zh in vocab.STUDIO_DIMENSIONS:
            target = getattr(record, f"target_{dimension}")
            actual = getattr(record, f"actual_{dimension}")
            target = None if pd.isna(target) else int(target)
            actual = None if pd.isna(actual) else int(actual)
            judged = None if target is None else (actual is not None and actual >= target)
            rows.append(
                {
                    "studio": record.studio,
                    "unit": record.unit,
                    "year": int(record.year),
                    "verdict": record.verdict,
                    "dimension": dimension,
                    "target": target,
                    "actual": actual,
                    "met": judged,
                }
            )
    columns = ["studio", "unit", "year", "verdict", "dimension", "target", "actual", "met"]
    frame = pd.DataFrame(rows, columns=columns)
    # Kept as objects so a missing target stays None instead of turning the column into floats with NaN.
    for column in ("target", "actual", "met"):
        frame[column] = pd.Series([row[column] for row in rows], dtype=object)
    return frame


def studio_year(verdicts: pd.DataFrame, filters: Filters) -> int | None:
    """The year a studio page reports: the last chosen year, else the latest year studios reported."""
    if filters.year_to is not None:
        return filters.year_to
    return None if verdicts.empty else int(verdicts["year"].max())


def studios_at_risk(verdicts: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Studios whose verdict in the year is not ok, delisted first, then by name."""
    if year is None or verdicts.empty:
        return verdicts.iloc[0:0]
    at_risk = verdicts[(verdicts["year"] == year) & (verdicts["verdict"] != "ok")]
    order = {"delisted": 0, "warning": 1}
    return (
        at_risk.assign(_order=at_risk["verdict"].map(order))
        .sort_values(["_order", "studio"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def studio_cards(verdicts: pd.DataFrame, year: int | None) -> list[dict]:
    """One card per studio reporting in the year: studio, unit, verdict, missed_run, its dimensions (long form)
    and the dimensions it missed; at-risk studios first (delisted, then warning), then by name."""
    if year is None or verdicts.empty:
        return []
    in_year = verdicts[verdicts["year"] == year]
    dimensions = studio_dimensions(in_year)
    order = {"delisted": 0, "warning": 1, "ok": 2}
    cards = []
    for record in in_year.itertuples(index=False):
        own = dimensions[dimensions["studio"] == record.studio].reset_index(drop=True)
        cards.append(
            {
                "studio": record.studio,
                "unit": record.unit,
                "verdict": record.verdict,
                "missed_run": int(record.missed_run),
                "dimensions": own,
                "missed": [row.dimension for row in own.itertuples() if row.met is False],
            }
        )
    return sorted(cards, key=lambda card: (order.get(card["verdict"], 3), card["studio"]))


def verdict_history(verdicts: pd.DataFrame) -> pd.DataFrame:
    """studio, unit, then one column per year holding that year's verdict code (None where it did not report)."""
    if verdicts.empty:
        return pd.DataFrame(columns=["studio", "unit"])
    wide = verdicts.pivot_table(index=["studio", "unit"], columns="year", values="verdict", aggfunc="first")
    wide.columns = [str(int(year)) for year in wide.columns]
    return wide.reset_index().astype(object).where(lambda frame: frame.notna(), None)
