"""The headline figures (summary, KPIs, by unit, trend), rolled up the unit tree; one module per subject beside it."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.filters import Filters
from analytics.metrics.common import TOTAL_GROUP, query, ratio, scoped_params, unit_groups
from analytics.store.tree import OWN_GROUP, data_as_of, scope_roots

ADDITIVE = (
    "projects",
    "projects_completed",
    "projects_not_stopped",
    "projects_overdue",
    "savings_wan",
    "invention_patents",
    "utility_model_patents",
    "design_patents",
    "software_copyrights",
    "awards_declared",
    "awards_awarded",
)
# Per-year stock figures: for a range of years they are read in the reference year, not summed.
PER_YEAR = ("party_members", "participating_members", "branches_stated", "branches_active")


def reference_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The year whose stock figures (participation, coverage) a selection reports: the last selected year,
    else the latest year with any data."""
    if filters.year_to is not None:
        return filters.year_to
    row = con.execute(
        "SELECT max(y) FROM (SELECT max(year) AS y FROM projects UNION ALL SELECT max(year) FROM headcount)"
    ).fetchone()
    return None if row[0] is None else int(row[0])


def kpis_by_year(con: duckdb.DuckDBPyConnection, filters: Filters, groups: dict[str, list[str]]) -> pd.DataFrame:
    """Raw additive figures per (group_key, year). groups maps a group key to the units whose subtrees form it."""
    # Every year is asked for and the chosen ones kept here: each row depends on its own year only, so the band's two
    # periods and the trend beside them are one question to the store (answered once per copy, store/memo.py).
    keys = [key for key, roots in groups.items() for _ in roots]
    roots = [root for group_roots in groups.values() for root in group_roots]
    params = {"group_keys": keys, "group_roots": roots, "as_of": data_as_of(con), **filters.without_years().params()}
    return filters.in_years(query(con, "kpis_by_group", params))


def summarise(per_year: pd.DataFrame | list[dict], ref_year: int | None) -> dict:
    """Collapse one group's per-year rows (a frame, or its records) into the KPI figures (ref_year: the year
    stock figures are read in). Plain Python over a handful of rows: a page summarises hundreds of groups."""
    rows = per_year.to_dict("records") if isinstance(per_year, pd.DataFrame) else per_year
    totals = {column: sum(row[column] for row in rows) for column in ADDITIVE}
    ref = next((row for row in rows if row["year"] == ref_year), None) if ref_year is not None else None
    stock = {column: None if ref is None or is_missing(ref[column]) else int(ref[column]) for column in PER_YEAR}
    branch_units = int(max(row["branch_units"] for row in rows)) if rows else 0
    branch_total = stock["branches_stated"] if stock["branches_stated"] is not None else branch_units
    patents = {zh: int(totals[column]) for zh, column in vocab.PATENT_COLUMNS.items()}
    due = int(totals["projects_completed"] + totals["projects_overdue"])
    return {
        "projects": int(totals["projects"]),
        "projects_completed": int(totals["projects_completed"]),
        "projects_not_stopped": int(totals["projects_not_stopped"]),
        "completion_rate": ratio(totals["projects_completed"], totals["projects_not_stopped"]),
        # 到期结题率: completed ÷ (completed + open past their 结题日期 at the data's own date)
        "projects_due": due,
        "due_completion_rate": ratio(totals["projects_completed"], due),
        "savings_wan": round(float(totals["savings_wan"]), 4),
        "patents": {"total": sum(patents.values()), **patents},
        "software_copyrights": int(totals["software_copyrights"]),
        "awards_declared": int(totals["awards_declared"]),
        "awards_awarded": int(totals["awards_awarded"]),
        "award_rate": ratio(totals["awards_awarded"], totals["awards_declared"]),
        "party_members": stock["party_members"],
        "participating_members": stock["participating_members"],
        "participation_rate": ratio(stock["participating_members"], stock["party_members"]),
        "branches_total": branch_total,
        "branches_active": stock["branches_active"] or 0,
        "branch_coverage": ratio(stock["branches_active"] or 0, branch_total),
        "reference_year": ref_year,
        "has_data": bool(rows),
    }


def summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """Every headline figure for the whole selection (selected units' subtrees taken together), with the 到期结题率
    judged at the data's own date (tree.data_as_of): completed ÷ (completed + past their 结题日期 and still open)."""
    per_year = kpis_by_year(con, filters, {TOTAL_GROUP: scope_roots(con, filters)})
    return summarise(per_year, reference_year(con, filters)) | {"as_of": data_as_of(con)}


def kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """The KPI object of `python -m analytics kpis --json`: exactly the keys the issue names."""
    figures = summary(con, filters)
    counts = project_counts_by_dimension(con, filters)
    return {
        "projects": figures["projects"],
        "by_category": counts["category"],
        "by_program": counts["program"],
        "participation_rate": figures["participation_rate"],
        "branch_coverage": figures["branch_coverage"],
        "savings_wan": figures["savings_wan"],
        "patents": figures["patents"],
        "software_copyrights": figures["software_copyrights"],
        "awards": {
            "declared": figures["awards_declared"],
            "awarded": figures["awards_awarded"],
            "rate": figures["award_rate"],
        },
        "completion_rate": figures["completion_rate"],
    }


def project_counts_by_dimension(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, dict[str, int]]:
    """{'category': {类别: n}, 'program': {活动类型: n}} in vocabulary order, absent values left out."""
    frame = query(con, "project_counts_by_dimension", scoped_params(con, filters))
    result: dict[str, dict[str, int]] = {}
    for dimension, order in (("category", vocab.CATEGORIES), ("program", vocab.PROGRAMS)):
        found = dict(frame.loc[frame["dimension"] == dimension, ["value", "projects"]].itertuples(index=False))
        result[dimension] = {value: int(found[value]) for value in order if value in found}
    return result


def kpis_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str]) -> pd.DataFrame:
    """One row per given unit (its whole subtree) with every KPI figure, in the order given. OWN_GROUP among the
    units gives the 本级 row (the selection's own facts, tree.own_roots), left out when it has no data; its
    per-year stock figures (members, participation, coverage) are unknown: a stated headcount covers the subtree."""
    per_year = kpis_by_year(con, filters, unit_groups(con, filters, units))
    ref_year = reference_year(con, filters)
    by_group = records_by(per_year, "group_key")
    rows = [unit_row(unit, summarise(by_group.get(unit, []), ref_year)) for unit in units]
    return pd.DataFrame([row for row in rows if row is not None])


def unit_row(unit: str, figures: dict) -> dict | None:
    """One unit's row of kpis_by_unit from its summarised figures; for OWN_GROUP (the 本级 row) None when it has no
    facts, and no stock figures: a headcount row of its own is the subtree's, not a 本级 figure."""
    if unit == OWN_GROUP:
        if (
            not any(figures[key] for key in ("projects", "savings_wan", "software_copyrights", "awards_declared"))
            and not figures["patents"]["total"]
        ):
            return None
        figures |= dict.fromkeys(("party_members", "participating_members", "participation_rate"), None)
        figures |= {"branches_total": None, "branch_coverage": None}
    patents = figures.pop("patents")
    return {"unit": unit, **figures, "patent_count": patents["total"], **patent_columns(patents)}


def records_by(per_year: pd.DataFrame, *keys: str) -> dict:
    """per_year's records bucketed by the given columns' values (one key: the value; several: a tuple)."""
    buckets: dict = {}
    for row in per_year.to_dict("records"):
        key = row[keys[0]] if len(keys) == 1 else tuple(row[k] for k in keys)
        buckets.setdefault(key, []).append(row)
    return buckets


def patent_columns(patents: dict) -> dict:
    return {column: patents[zh] for zh, column in vocab.PATENT_COLUMNS.items()}


def trend(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The selection's figures year by year (every year with data when no years are chosen)."""
    per_year = kpis_by_year(con, filters, {TOTAL_GROUP: scope_roots(con, filters)})
    by_year = records_by(per_year, "year")
    rows = []
    for year in sorted(per_year["year"].dropna().unique()):
        figures = summarise(by_year[year], int(year))
        patents = figures.pop("patents")
        rows.append({"year": int(year), **figures, "patent_count": patents["total"], **patent_columns(patents)})
    return pd.DataFrame(rows)
