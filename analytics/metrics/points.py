"""Points (项目积分制): facts scored by the editable rule table plus adjustments, rolled up the unit tree, ranked
among units of one level (also per 100 party members) with the change of rank on the year before."""

from __future__ import annotations

import datetime as dt
import getpass
import math
from dataclasses import replace

import duckdb
import pandas as pd

from analytics import metrics
from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import TOTAL_GROUP, per_unit_params, query, ratio, ratio_series, scoped_params
from analytics.store import tree
from analytics.store.connection import transaction
from analytics.store.sql import read_sql

RULE_NAMES = tuple(rule for rule, _points in vocab.DEFAULT_POINT_RULES)
POINT_PARAMS = ("group_keys", "group_roots", "year_from", "year_to")


class RuleRefused(ValueError):
    """A rule change that cannot be stored: unknown rule or a value that is not a finite number."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def point_rules(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The effective rule table: rule, points, default_points, changed_by and changed_at (None while default)."""
    stored = {
        rule: (points, by, at)
        for rule, points, by, at in con.execute(
            "SELECT rule, points, changed_by, changed_at FROM point_rules"
        ).fetchall()
    }
    rows = []
    for rule, default in vocab.DEFAULT_POINT_RULES:
        points, by, at = stored.get(rule, (default, None, None))
        rows.append(
            {"rule": rule, "points": float(points), "default_points": default, "changed_by": by, "changed_at": at}
        )
    frame = pd.DataFrame(rows, columns=["rule", "points", "default_points", "changed_by", "changed_at"])
    for column in ("changed_by", "changed_at"):
        frame[column] = pd.Series([row[column] for row in rows], dtype=object)
    return frame


def rule_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every change of the rule table, newest first: rule, old_points, new_points, changed_by, changed_at."""
    return con.execute(
        "SELECT rule, old_points, new_points, changed_by, changed_at FROM point_rules_history"
        " ORDER BY changed_at DESC, rule"
    ).df()


def set_point_rule(con: duckdb.DuckDBPyConnection, rule: str, points: float, *, changed_by: str | None = None) -> bool:
    """Store a new value for one rule, recording who and when; False when the value is already in force."""
    if rule not in RULE_NAMES:
        raise RuleRefused("points.unknown_rule", rule=rule)
    try:
        value = float(points)
    except (TypeError, ValueError):
        raise RuleRefused("points.bad_value", value=points) from None
    if not math.isfinite(value):
        raise RuleRefused("points.bad_value", value=points)
    current = point_rules(con).set_index("rule").loc[rule, "points"]
    if float(current) == value:
        return False
    who = changed_by or getpass.getuser()
    now = dt.datetime.now()
    with transaction(con) as cursor:
        cursor.execute(
            "INSERT OR REPLACE INTO point_rules (rule, points, changed_by, changed_at) VALUES (?, ?, ?, ?)",
            [rule, value, who, now],
        )
        cursor.execute(
            "INSERT INTO point_rules_history (rule, old_points, new_points, changed_by, changed_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [rule, float(current), value, who, now],
        )
    return True


def _rule_params(con: duckdb.DuckDBPyConnection) -> dict:
    rules = point_rules(con)
    return {
        "rule_names": list(rules["rule"]),
        "rule_points": [float(p) for p in rules["points"]],
        "approved": vocab.STATUSES[0],
        "completed": vocab.STATUS_COMPLETED,
        "savings": vocab.SAVINGS_TYPE,
        "savings_step": vocab.SAVINGS_POINT_STEP,
        "award_prefix": vocab.AWARD_RULE_PREFIX,
        "won": vocab.AWARD_WON,
        "suggestion": vocab.SUGGESTION_RULE,
        "adopted": list(vocab.SUGGESTION_ADOPTED),
        "adjustment": vocab.ADJUSTMENT_RULE,
    }


def point_facts(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """Every scored fact in the selected years: group_key, unit, project_id, year, rule, amount, points; one group
    per given unit's subtree, else the selection as one group. Programmes and categories do not apply."""
    params = scoped_params(con, filters) if units is None else per_unit_params(filters, units)
    params = {key: params[key] for key in POINT_PARAMS}
    return query(con, "point_facts", {**params, **_rule_params(con)})


def points_by_rule(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """rule, amount and points for the selection, in rule-table order (adjustments last)."""
    facts = point_facts(con, filters)
    order = {rule: i for i, rule in enumerate((*RULE_NAMES, vocab.ADJUSTMENT_RULE))}
    grouped = facts.groupby("rule", as_index=False)[["amount", "points"]].sum()
    return grouped.sort_values("rule", key=lambda s: s.map(order)).reset_index(drop=True)


def points_by_project(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """project_id, name, unit and points of each selected project, most points first."""
    facts = point_facts(con, filters)
    facts = facts[facts["project_id"].notna()]
    totals = facts.groupby("project_id", as_index=False)["points"].sum()
    names = con.execute("SELECT project_id, name, coalesce(branch, unit) AS unit FROM projects").df()
    frame = totals.merge(names, on="project_id", how="left")[["project_id", "name", "unit", "points"]]
    return frame.sort_values(["points", "project_id"], ascending=[False, True]).reset_index(drop=True)


def points_total(con: duckdb.DuckDBPyConnection, filters: Filters) -> float:
    """All points of the selection."""
    facts = point_facts(con, filters)
    return float(facts.loc[facts["group_key"] == TOTAL_GROUP, "points"].sum())


def points_summary(con: duckdb.DuckDBPyConnection, filters: Filters, year: int) -> dict:
    """The selection's points in the year, the year before (previous_points) and per 100 party members of the year:
    the headline of the 积分 slide, counted as the ranking counts (points_total over one year)."""
    now = replace(filters, year_from=year, year_to=year)
    points = round(points_total(con, now), 6)  # a sum of fractions of a point, without float noise
    previous = round(points_total(con, replace(filters, year_from=year - 1, year_to=year - 1)), 6)
    members = metrics.summary(con, now)["party_members"]
    per_100 = ratio(points, members)
    return {
        "points": points,
        "previous_points": previous,
        "points_per_100_members": None if per_100 is None else per_100 * 100.0,
    }


def point_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The year a ranking reports: the last chosen year, else the latest year with projects."""
    return metrics.reference_year(con, filters)


def level_units(con: duckdb.DuckDBPyConnection, filters: Filters, level: str | None) -> list[str]:
    """The units a ranking compares: every unit of the level (a unit kind) in the selection; without a level,
    the units the by-unit charts compare."""
    if level is None:
        return tree.comparison_units(con, filters)
    roots = tree.scope_roots(con, filters)
    rows = con.execute(
        "SELECT DISTINCT u.unit FROM units AS u JOIN unit_closure AS c ON c.descendant = u.unit"
        " WHERE u.kind = ? AND list_contains(?, c.ancestor) ORDER BY u.unit",
        [level, roots],
    ).fetchall()
    return [row[0] for row in rows]


def _unit_points(con, filters: Filters, units: list[str]) -> pd.DataFrame:
    # Summed in DuckDB: at a million projects the facts are millions of rows, a frame of them costs seconds.
    params = {key: value for key, value in per_unit_params(filters, units).items() if key in POINT_PARAMS}
    sql = f"SELECT group_key, sum(points) AS points FROM ({read_sql('point_facts', 'metrics')}) GROUP BY group_key"
    totals = con.execute(sql, {**params, **_rule_params(con)}).df().set_index("group_key")["points"]
    members = metrics.kpis_by_unit(con, filters, units).set_index("unit")["party_members"] if units else pd.Series()
    frame = pd.DataFrame({"unit": units})
    # Savings earn fractions of a point: sums are rounded so 0.1 + 0.2 reads 0.3, not 0.30000000000000004.
    frame["points"] = [round(float(totals.get(unit, 0.0)), 6) for unit in units]
    frame["party_members"] = [members.get(unit) for unit in units]
    frame["points_per_100_members"] = ratio_series(frame["points"], frame["party_members"], 100.0)
    frame["rank"] = frame["points"].rank(method="min", ascending=False).astype("Int64")
    return frame


def points_ranking(
    con: duckdb.DuckDBPyConnection, filters: Filters, level: str | None = None, year: int | None = None
) -> pd.DataFrame:
    """unit, points (its own and everything below it), party_members, points_per_100_members, rank (1 = most
    points; ties share the better rank), previous_rank (the year before) and rank_change (positive = moved up),
    for one year: the given one, else point_year."""
    year = year if year is not None else point_year(con, filters)
    units = level_units(con, filters, level)
    columns = ["unit", "points", "party_members", "points_per_100_members", "rank", "previous_rank", "rank_change"]
    if year is None or not units:
        return pd.DataFrame(columns=columns)
    now = _unit_points(con, replace(filters, year_from=year, year_to=year), units)
    before = _unit_points(con, replace(filters, year_from=year - 1, year_to=year - 1), units)
    # A unit with no points at all the year before was not in last year's ranking.
    ranked_before = before[before["points"] != 0].copy()
    ranked_before["rank"] = ranked_before["points"].rank(method="min", ascending=False).astype("Int64")
    previous = dict(zip(ranked_before["unit"], ranked_before["rank"], strict=True))
    now["previous_rank"] = pd.array([previous.get(unit, pd.NA) for unit in now["unit"]], dtype="Int64")
    now["rank_change"] = now["previous_rank"] - now["rank"]
    return now.sort_values(["rank", "unit"]).reset_index(drop=True)[columns]
