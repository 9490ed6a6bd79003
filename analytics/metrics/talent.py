"""People (issue 16): talent pools and their moves, mentors, 职称占比, party share, honours and training, rolled up."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import per_unit_params, query, ratio, scoped_params

PEOPLE_PARAMS = ("group_keys", "group_roots")
RANGE_PARAMS = ("group_keys", "group_roots", "year_from", "year_to")
POOL_OF_RANK = dict(enumerate(vocab.TALENT_POOLS, start=1))


def _params(con, filters: Filters, units: list[str] | None, names: tuple[str, ...]) -> dict:
    """The whole selection as one group (units None), else one group per given unit; programmes do not apply."""
    params = scoped_params(con, filters) if units is None else per_unit_params(filters, units)
    return {name: params[name] for name in names}


def reference_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The year the stock figures (pools, shares) are read in: the last selected year, else the latest year of
    the talent ledger, else of a headcount row stating 职称人数."""
    if filters.year_to is not None:
        return filters.year_to
    row = con.execute(
        "SELECT coalesce((SELECT max(year) FROM talent),"
        " (SELECT max(year) FROM headcount WHERE titled_employees IS NOT NULL))"
    ).fetchone()
    return None if row[0] is None else int(row[0])


def talent_people(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """group_key, year, who, person, units, pool, mentor, party_member: each person once per group and year, in
    their highest pool. Every year is returned (the year filter is applied by the callers: moves need last year)."""
    frame = query(con, "talent_people", _params(con, filters, units, PEOPLE_PARAMS))
    frame["pool"] = frame["pool_rank"].map(POOL_OF_RANK).astype(object)
    frame["pool"] = frame["pool"].where(frame["pool"].notna(), None)
    return frame


def _ledger_years(con: duckdb.DuckDBPyConnection) -> set[int]:
    return {int(year) for (year,) in con.execute("SELECT DISTINCT year FROM talent").fetchall()}


def talent_moves(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """group_key, year, move ('promotion' | 'exit'), person, units, from_pool, to_pool: a promotion is a person whose
    pool rises from one year to the next (后备人才 → 雏鹰 → 雄鹰 → 金鹰); an exit a person in a pool one year and in no
    pool of the group the next (金鹰 出库 among them). Only years the ledger reports count; moves land in the later
    year, filtered to the selected years."""
    people = talent_people(con, filters, units)
    people = people[people["pool_rank"].notna()]
    columns = ["group_key", "year", "move", "person", "units", "from_pool", "to_pool"]
    years = _ledger_years(con)
    before = people.assign(year=people["year"] + 1)
    before = before[before["year"].isin(years)]
    joined = before.merge(people, on=["group_key", "year", "who"], how="left", suffixes=("_before", ""))
    promoted = joined["pool_rank"].notna() & (joined["pool_rank"] > joined["pool_rank_before"])
    exited = joined["pool_rank"].isna()
    # Columns taken from each part itself: a Series assigned to an empty part would lend it the Series' rows.
    moves = pd.concat(
        [
            joined[promoted].assign(move="promotion"),
            joined[exited].assign(move="exit", person=lambda f: f["person_before"], units=lambda f: f["units_before"]),
        ]
    )
    moves["from_pool"] = moves["pool_before"]
    moves["to_pool"] = moves["pool"].astype(object).where(moves["pool"].notna(), None)
    if filters.year_from is not None:
        moves = moves[moves["year"] >= filters.year_from]
    if filters.year_to is not None:
        moves = moves[moves["year"] <= filters.year_to]
    moves = moves.sort_values(["group_key", "year", "move", "person"], kind="stable")
    return moves[columns].reset_index(drop=True).astype({"year": "int64"})


def pools(people: pd.DataFrame, year: int | None) -> dict[str, int]:
    """People per pool in the year, every pool present (0 when empty), in rising order."""
    in_year = people[people["year"] == year] if year is not None else people.iloc[0:0]
    counts = in_year["pool"].value_counts()
    return {pool: int(counts.get(pool, 0)) for pool in vocab.TALENT_POOLS}


def party_share(people: pd.DataFrame, year: int | None) -> float | None:
    """Party members ÷ people in the pools whose membership is stated, in the year; None when nobody's is."""
    in_year = people[(people["year"] == year) & people["pool"].notna()] if year is not None else people.iloc[0:0]
    stated = in_year["party_member"].dropna()
    return ratio(int(stated.astype(bool).sum()), len(stated))


def mentors(con: duckdb.DuckDBPyConnection, filters: Filters, year: int | None) -> pd.DataFrame:
    """mentor, units, mentees: each mentor named in the year's ledger and how many people they bring on, most first."""
    people = talent_people(con, filters)
    in_year = people[(people["year"] == year) & people["mentor"].notna()] if year is not None else people.iloc[0:0]
    grouped = in_year.groupby("mentor").agg(mentees=("who", "nunique"), units=("units", _joined))
    grouped = grouped.reset_index().sort_values(["mentees", "mentor"], ascending=[False, True], kind="stable")
    return grouped[["mentor", "units", "mentees"]].reset_index(drop=True)


def _joined(values: pd.Series) -> str:
    return "、".join(sorted({part for value in values for part in str(value).split("、")}))


def titled_staff(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """group_key, year, titled_employees, employees, titled_share (None when either figure is unknown)."""
    frame = query(con, "titled_staff", _params(con, filters, units, RANGE_PARAMS))
    frame["titled_share"] = [
        ratio(titled, staff) for titled, staff in zip(frame["titled_employees"], frame["employees"], strict=True)
    ]
    return frame


def titled_share(con: duckdb.DuckDBPyConnection, filters: Filters, year: int | None) -> float | None:
    """职称人数 ÷ 职工总数 of the selection in the year; None when either is missing."""
    if year is None:
        return None
    frame = titled_staff(con, Filters(filters.units, year, year))
    share = None if frame.empty else frame["titled_share"].iloc[0]
    return None if share is None or pd.isna(share) else float(share)


def honour_titles(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """group_key, who, title, year, level, person, unit: each person's title once, in the first selected year."""
    return query(con, "honour_titles", _params(con, filters, units, RANGE_PARAMS))


def honours_by_level(titles: pd.DataFrame) -> dict[str, int]:
    """Titles per level, every level present, in vocabulary order (a title without a level counts in none)."""
    counts = titles["level"].value_counts()
    return {level: int(counts.get(level, 0)) for level in vocab.HONOUR_LEVELS}


def training_totals(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str] | None = None) -> pd.DataFrame:
    """group_key, year, training_type, sessions, attendance, hours."""
    # Every year asked for and the chosen ones kept here (each row is its own year's): the band's two periods are
    # one question to the store (store/memo.py).
    return filters.in_years(query(con, "training_totals", _params(con, filters.without_years(), units, RANGE_PARAMS)))


def training_figures(totals: pd.DataFrame) -> dict:
    return {
        "sessions": int(totals["sessions"].sum()),
        "attendance": int(totals["attendance"].sum()),
        "hours": round(float(totals["hours"].sum()), 2),
    }


def talent_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """The object of `python -m analytics talent --json`: exactly the keys the issue names, in its order. Pools and
    shares are read in the reference year; promotions, exits, honours and training count over the selected years."""
    year = reference_year(con, filters)
    people = talent_people(con, filters)
    moves = talent_moves(con, filters)
    band = band_figures(con, filters)
    return {
        "pools": band["pools"],
        "promotions": int((moves["move"] == "promotion").sum()),
        "exits": int((moves["move"] == "exit").sum()),
        "titled_share": titled_share(con, filters, year),
        "party_member_share": party_share(people, year),
        "honours": honours_by_level(honour_titles(con, filters)),
        "training": band["training"],
    }


def band_figures(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """talent_summary's pools (in the reference year) and training (over the selected years) alone: what the KPI
    band shows, without the moves, shares and honours it does not."""
    people = talent_people(con, filters)
    return {
        "pools": pools(people, reference_year(con, filters)),
        "training": training_figures(training_totals(con, filters)),
    }


def pools_by_unit(con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], year: int | None) -> pd.DataFrame:
    """unit, pool, people, previous (the year before), change: the pipeline of each given unit in the year."""
    people = talent_people(con, filters, units)
    rows = []
    for unit in units:
        own = people[people["group_key"] == unit]
        now = pools(own, year)
        before = pools(own, None if year is None else year - 1)
        rows += [
            {
                "unit": unit,
                "pool": pool,
                "people": now[pool],
                "previous": before[pool],
                "change": now[pool] - before[pool],
            }
            for pool in vocab.TALENT_POOLS
        ]
    return pd.DataFrame(rows, columns=["unit", "pool", "people", "previous", "change"])


def pools_by_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """year, pool, people for the selection in every year of the ledger (the year filter is the page's focus)."""
    people = talent_people(con, filters)
    rows = [
        {"year": int(year), "pool": pool, "people": count}
        for year in sorted(people["year"].unique())
        for pool, count in pools(people, int(year)).items()
    ]
    return pd.DataFrame(rows, columns=["year", "pool", "people"])


def shares_by_unit(
    con: duckdb.DuckDBPyConnection, filters: Filters, units: list[str], year: int | None
) -> pd.DataFrame:
    """unit, titled_share, party_member_share, people (in the pools) in the year; unknown shares are None."""
    people = talent_people(con, filters, units)
    titled = titled_staff(con, Filters(filters.units, year, year), units) if year is not None else None
    rows = []
    for unit in units:
        own = people[people["group_key"] == unit]
        share = None
        if titled is not None:
            found = titled[titled["group_key"] == unit]
            share = None if found.empty else found["titled_share"].iloc[0]
        rows.append(
            {
                "unit": unit,
                "titled_share": share,
                "party_member_share": party_share(own, year),
                "people": sum(pools(own, year).values()),
            }
        )
    frame = pd.DataFrame(rows, columns=["unit", "titled_share", "party_member_share", "people"])
    # Kept as objects from the rows themselves, so an unknown share stays None instead of turning into NaN.
    for column in ("titled_share", "party_member_share"):
        frame[column] = pd.Series([row[column] for row in rows], dtype=object)
    return frame


def selected_talent(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The talent ledger's rows of the selection, as stored (for the workbook export)."""
    return query(con, "selected_talent", _params(con, filters, None, RANGE_PARAMS))


def selected_honours(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The honours rows of the selection, as stored."""
    return query(con, "selected_honours", _params(con, filters, None, RANGE_PARAMS))


def selected_training(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The training sessions of the selection, as stored."""
    return query(con, "selected_training", _params(con, filters, None, RANGE_PARAMS))
