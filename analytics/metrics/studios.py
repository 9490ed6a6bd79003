"""Studio verdicts (met, 风险提示, 摘牌) and the views of them the studios page and the exports show."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import query, scoped_params

# studio_verdicts.sql takes the scope and the years; programmes and categories do not apply to studios.
STUDIO_PARAMS = ("group_keys", "group_roots", "year_from", "year_to", "delist_years")


def studio_verdicts(
    con: duckdb.DuckDBPyConnection, filters: Filters, delist_years: int = vocab.STUDIO_DELIST_YEARS
) -> pd.DataFrame:
    """Each studio-year with met/missed and its verdict: ok, warning (风险提示) or delisted (摘牌)."""
    params = scoped_params(con, filters, delist_years=delist_years)
    return query(con, "studio_verdicts", {key: params[key] for key in STUDIO_PARAMS})


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
    # (studio, year) is the studios table's key: a plain pivot, no aggregation.
    wide = verdicts.pivot(index=["studio", "unit"], columns="year", values="verdict")
    wide.columns = [str(int(year)) for year in wide.columns]
    return wide.reset_index().astype(object).where(lambda frame: frame.notna(), None)


def studio_table(verdicts: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """One row per studio reporting in the year: studio, unit, verdict, missed_run, and per dimension its actual,
    target and met (None when it has no target), plus missed (the dimensions missed, in vocabulary order); at-risk
    studios first (delisted, then warning), then by name. Built column-wise: one page lists hundreds of studios."""
    columns = ["studio", "unit", "verdict", "missed_run"]
    for dimension, _zh in vocab.STUDIO_DIMENSIONS:
        columns += [f"actual_{dimension}", f"target_{dimension}", f"met_{dimension}"]
    if year is None or verdicts.empty:
        return pd.DataFrame(columns=[*columns, "missed"])
    table = verdicts[verdicts["year"] == year].copy()
    missed = pd.Series([[] for _ in range(len(table))], index=table.index, dtype=object)
    for dimension, _zh in vocab.STUDIO_DIMENSIONS:
        target, actual = table[f"target_{dimension}"], table[f"actual_{dimension}"]
        met = (actual.notna() & (actual >= target)).astype(object)
        # A dimension without a target is not judged.
        table[f"met_{dimension}"] = met.where(target.notna(), None)
        for index in table.index[target.notna() & (met == False)]:  # noqa: E712 (an object column of bools)
            missed[index] = [*missed[index], dimension]
    table["missed"] = missed
    order = table["verdict"].map({"delisted": 0, "warning": 1, "ok": 2}).fillna(3)
    table = table.assign(_order=order).sort_values(["_order", "studio"]).drop(columns="_order")
    return table[[*columns, "missed"]].reset_index(drop=True)
