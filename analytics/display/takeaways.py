"""One-line takeaways written from the figures a chart shows, in the UI language; pure functions of frames."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.display import formatting, labels
from analytics.i18n import join, t
from analytics.store.tree import OWN_GROUP

# How each figure is written: rates as %, money in 万元, ratios with two decimals, everything else as a count.
RATE_COLUMNS = ("participation_rate", "branch_coverage", "award_rate", "completion_rate", "top_share")
RATE_COLUMNS += ("titled_share", "party_member_share")  # issue 16
WAN_COLUMNS = ("savings_wan", "savings_per_100_members", "top_savings_wan")
RATIO_COLUMNS = ("projects_per_branch",)
# The metric.<key> whose name a column is written with, where the two differ.
METRIC_KEY = {"patent_count": "patents", "top_share": "top3_share"}


def format_value(column: str, value, lang: str = "zh") -> str:
    if is_missing(value):
        return t("value.unknown", lang)
    if column in RATE_COLUMNS:
        return formatting.rate(value, lang)
    if column in WAN_COLUMNS:
        return formatting.wan(value, lang)
    if column in RATIO_COLUMNS:
        return f"{float(value):,.2f}"
    return formatting.count(value, lang)


def metric_name(column: str, lang: str = "zh") -> str:
    return t(f"metric.{METRIC_KEY.get(column, column)}", lang)


def units_only(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of real units: a 本级 row (tree.OWN_GROUP) completes a breakdown but is not ranked among units."""
    return frame[frame["unit"] != OWN_GROUP] if len(frame) and "unit" in frame else frame


def _known(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    frame = units_only(frame)
    values = pd.to_numeric(frame[column], errors="coerce") if len(frame) else frame[column]
    return frame.assign(_value=values).dropna(subset=["_value"])


def highest(by_unit: pd.DataFrame, column: str, lang: str = "zh", average=None) -> str:
    """「<unit><metric>最高，为 <value>」 (with the overall figure when given); units equal as shown are named
    together as 并列最高, and all units equal reads 各单位均为. Units with an unknown figure are left out and counted
    at the end; with none known, says there is nothing to compare."""
    known = _known(by_unit, column)
    if known.empty:
        return t("takeaway.no_data", lang)
    best = known.loc[known["_value"].idxmax()]
    shown = format_value(column, best[column], lang)
    # Ties are judged on the figure as shown: 96.81% and 96.83% both read 96.8%.
    tied = [row["unit"] for _, row in known.iterrows() if format_value(column, row[column], lang) == shown]
    params = {"unit": best["unit"], "metric": metric_name(column, lang), "value": shown}
    if len(tied) > 1 and len(tied) == len(known):
        sentence = t("takeaway.highest_all_tied", lang, **params)
    elif len(tied) > 1:
        units = join(tied, lang)
        sentence = t("takeaway.highest_tied", lang, units=units, **params)
    elif average is not None and not is_missing(average):
        sentence = t("takeaway.highest_with_average", lang, average=format_value(column, average, lang), **params)
    else:
        sentence = t("takeaway.highest", lang, **params)
    if len(tied) > 1 and average is not None and not is_missing(average) and len(tied) != len(known):
        sentence += t("takeaway.overall", lang, average=format_value(column, average, lang))
    unknown = len(units_only(by_unit)) - len(known)
    if column == "award_rate" and "awards_declared" in by_unit and unknown:
        # An award rate with nothing declared is 未申报, not unknown.
        undeclared = int((units_only(by_unit)["awards_declared"] == 0).sum())
        if undeclared:
            sentence += t("takeaway.undeclared_units", lang, count=undeclared)
        unknown -= undeclared
    if unknown:
        sentence += t("takeaway.unknown_units", lang, count=unknown, metric=params["metric"])
    return sentence


def latest_year_change(by_year: pd.DataFrame, column: str, lang: str = "zh") -> str:
    """The last year's figure and its change on the year before (percentage points for a rate)."""
    known = _known(by_year, column).sort_values("year")
    if known.empty:
        return t("takeaway.no_data", lang)
    last = known.iloc[-1]
    params = {
        "metric": metric_name(column, lang),
        "year": int(last["year"]),
        "value": format_value(column, last[column], lang),
    }
    if len(known) == 1 or int(known.iloc[-2]["year"]) != int(last["year"]) - 1:
        return t("takeaway.year_only", lang, **params)
    previous = known.iloc[-2]
    change = float(last["_value"]) - float(previous["_value"])
    if abs(change) < 1e-9:
        return t("takeaway.year_same", lang, previous=int(previous["year"]), **params)
    if column in RATE_COLUMNS:
        delta = f"{abs(change) * 100:.1f}{t('unit.pp', lang)}"
    else:
        delta = format_value(column, abs(change), lang)
    key = "takeaway.year_up" if change > 0 else "takeaway.year_down"
    return t(key, lang, previous=int(previous["year"]), delta=delta, **params)


def ranking_mover(ranking: pd.DataFrame, order_by: str, lang: str = "zh") -> str:
    """The unit that climbed most against the previous period; without movement, the unit ranked first."""
    ranked = ranking.dropna(subset=["rank"]) if len(ranking) else ranking
    if ranked.empty:
        return t("takeaway.no_data", lang)
    metric = metric_name(order_by, lang)
    first = ranked.sort_values(["rank", "unit"]).iloc[0]["unit"]
    moves = pd.to_numeric(ranked["rank_change"], errors="coerce").astype("float64")
    if moves.notna().sum() == 0:
        return t("takeaway.rank_first", lang, metric=metric, unit=first)
    if moves.max() <= 0:
        return t("takeaway.rank_steady", lang, metric=metric, unit=first)
    mover = ranked.loc[moves.idxmax()]
    return t(
        "takeaway.rank_up", lang, metric=metric, unit=mover["unit"], steps=int(moves.max()), rank=int(mover["rank"])
    )


def concentration(by_unit: pd.DataFrame, top_n: int, lang: str = "zh") -> str:
    """The unit whose savings depend most on its top projects; a unit with no more than top_n projects with
    savings is trivially 100% concentrated and is not compared."""
    known = _known(by_unit, "top_share")
    if known.empty:
        return t("takeaway.no_data", lang)
    if "projects_with_savings" in known:
        known = known[known["projects_with_savings"] > top_n]
        if known.empty:
            return t("takeaway.concentration_none", lang, n=top_n)
    most = known.loc[known["_value"].idxmax()]
    return t("takeaway.concentration", lang, unit=most["unit"], n=top_n, share=formatting.rate(most["top_share"], lang))


def top_project(projects: pd.DataFrame, lang: str = "zh") -> str:
    """The first project of a list sorted by savings."""
    if projects.empty:
        return t("takeaway.no_data", lang)
    first = projects.iloc[0]
    return t(
        "takeaway.top_project",
        lang,
        name=first["name"],
        unit=first["owner_unit"],
        value=formatting.wan(first["savings_wan"], lang),
    )


def largest_part(parts: pd.DataFrame, dimension: str, lang: str = "zh", unlabelled: str = "") -> str:
    """The programme or category (dimension) with the most savings over all units of savings_by_unit_dimension,
    and its share; unlabelled names the part of unit-level outcomes."""
    rows = parts[parts["dimension"] == dimension] if len(parts) else parts
    if rows.empty or float(rows["savings_wan"].sum()) <= 0:
        return t("takeaway.no_data", lang)
    totals = rows.groupby(rows["value"].fillna(""), sort=False)["savings_wan"].sum()
    part = totals.idxmax()
    return t(
        "takeaway.largest_part",
        lang,
        part=labels.vocab_label(part, lang) if part else unlabelled,
        value=formatting.wan(totals.max(), lang),
        share=formatting.rate(totals.max() / totals.sum(), lang),
    )


def patents_split(by_unit: pd.DataFrame, lang: str = "zh") -> str:
    """The unit with the most patents, and the software copyrights counted apart."""
    known = _known(by_unit, "patent_count")
    if known.empty or (float(known["_value"].sum()) == 0 and float(by_unit["software_copyrights"].sum()) == 0):
        return t("takeaway.no_data", lang)
    best = known.loc[known["_value"].idxmax()]
    return t(
        "takeaway.patents_split",
        lang,
        unit=best["unit"],
        value=formatting.count(best["patent_count"]),
        software=formatting.count(by_unit["software_copyrights"].sum()),
    )


def outcome_leader(counts: pd.DataFrame, kind_label, lang: str = "zh") -> str:
    """The most common outcome form across the units, and the unit with most outcomes.
    counts: one row per unit, one column per outcome type; kind_label names a type in the UI language."""
    kinds = [column for column in counts.columns if column != "unit"]
    totals = counts[kinds].sum() if len(counts) else pd.Series(dtype="int64")
    if totals.empty or int(totals.sum()) == 0:
        return t("takeaway.no_data", lang)
    ranked = units_only(counts)
    per_unit = ranked[kinds].sum(axis=1)
    if per_unit.empty:
        return t("takeaway.no_data", lang)
    best_unit = ranked.loc[per_unit.idxmax(), "unit"]
    return t(
        "takeaway.outcome_leader",
        lang,
        kind=kind_label(totals.idxmax()),
        count=formatting.count(totals.max()),
        unit=best_unit,
        unit_count=formatting.count(per_unit.max()),
    )


def status_board(board: dict[str, int], as_of: dt.date, lang: str = "zh") -> str:
    """Overdue projects as a share of those still open (in progress or overdue)."""
    open_projects = board["in_progress"] + board["overdue"]
    if open_projects + board["completed"] + board["stopped"] == 0:
        return t("takeaway.no_data", lang)
    date = as_of.isoformat()
    if board["overdue"] == 0:
        return t("takeaway.none_overdue", lang, date=date, completed=board["completed"])
    share = formatting.rate(board["overdue"] / open_projects, lang)
    return t("takeaway.overdue", lang, date=date, count=board["overdue"], share=share)


def award_funnel(funnel: pd.DataFrame, level_label, lang: str = "zh") -> str:
    """Declared, awarded and the award rate, with the level that won most (the higher level on a tie)."""
    declared = int(funnel["awards_declared"].sum()) if len(funnel) else 0
    if declared == 0:
        return t("takeaway.no_data", lang)
    awarded = int(funnel["awards_awarded"].sum())
    if awarded == 0:
        return t("takeaway.funnel_no_wins", lang, declared=declared)
    best = funnel.loc[funnel["awards_awarded"].idxmax()]
    return t(
        "takeaway.funnel",
        lang,
        declared=declared,
        awarded=awarded,
        rate=formatting.rate(awarded / declared, lang),
        level=level_label(best["level"]),
        level_awarded=int(best["awards_awarded"]),
    )


def studios(verdicts_in_year: pd.DataFrame, year: int | None, lang: str = "zh") -> str:
    """How many studios missed their targets in the year, and how many of those are delisted."""
    if year is None or verdicts_in_year.empty:
        return t("takeaway.no_data", lang)
    missed = verdicts_in_year[verdicts_in_year["verdict"] != "ok"]
    if missed.empty:
        return t("takeaway.studios_ok", lang, year=year, count=verdicts_in_year["studio"].nunique())
    delisted = int((missed["verdict"] == "delisted").sum())
    if delisted == 0:  # never "其中 0 个 …"
        return t("takeaway.studios_risk_only", lang, year=year, count=len(missed))
    return t("takeaway.studios_risk", lang, year=year, count=len(missed), delisted=delisted)


# ---- People (issue 16) -------------------------------------------------------------------------------------------


def talent_pipeline(by_year: pd.DataFrame, year: int | None, lang: str = "zh") -> str:
    """The year's pool sizes and the change of the total on the year before."""
    now = by_year[by_year["year"] == year]
    if year is None or not now["people"].sum():
        return t("takeaway.no_data", lang)
    parts = join((f"{labels.pool_label(r.pool, lang)} {int(r.people)}" for r in now.itertuples()), lang)
    params = {"year": year, "total": int(now["people"].sum()), "parts": parts}
    before = by_year[by_year["year"] == year - 1]
    if before.empty:
        return t("takeaway.talent_pipeline", lang, **params)
    change = int(now["people"].sum() - before["people"].sum())
    return t("takeaway.talent_pipeline_change", lang, change=f"{change:+d}", **params)


def talent_units(by_unit: pd.DataFrame, year: int | None, lang: str = "zh") -> str:
    """The unit with the most people in the pools in the year."""
    totals = by_unit.groupby("unit", sort=False)["people"].sum()
    if totals.empty or not totals.max():
        return t("takeaway.no_data", lang)
    return t("takeaway.talent_units", lang, unit=totals.idxmax(), people=int(totals.max()), year=year)


def talent_moves(moves: pd.DataFrame, lang: str = "zh") -> str:
    """How many rose (and the most common step), and how many left the pools."""
    if moves.empty:
        return t("takeaway.talent_no_moves", lang)
    promoted = moves[moves["move"] == "promotion"]
    exits = int((moves["move"] == "exit").sum())
    if promoted.empty:
        return t("takeaway.talent_only_exits", lang, exits=exits)
    steps = promoted.groupby(["from_pool", "to_pool"], sort=False).size().sort_values(ascending=False, kind="stable")
    (low, high), count = steps.index[0], int(steps.iloc[0])
    step = f"{labels.pool_label(low, lang)}→{labels.pool_label(high, lang)}"
    return t("takeaway.talent_moves", lang, promotions=len(promoted), step=step, count=count, exits=exits)


def mentors(mentor_frame: pd.DataFrame, lang: str = "zh") -> str:
    """How many mentors bring on how many people (counts only: no names)."""
    if mentor_frame.empty:
        return t("takeaway.no_mentors", lang)
    return t(
        "takeaway.mentors",
        lang,
        mentors=len(mentor_frame),
        mentees=int(mentor_frame["mentees"].sum()),
        most=int(mentor_frame["mentees"].max()),
    )


def honours(titles: pd.DataFrame, lang: str = "zh") -> str:
    """Titles in all, the highest level reached and how many there."""
    if titles.empty:
        return t("takeaway.no_data", lang)
    levels = [level for level in vocab.HONOUR_LEVELS if (titles["level"] == level).any()]
    if not levels:
        return t("takeaway.honours_total", lang, total=len(titles))
    top = levels[0]
    return t(
        "takeaway.honours",
        lang,
        total=len(titles),
        level=labels.honour_level_label(top, lang),
        count=int((titles["level"] == top).sum()),
    )


def training(totals: pd.DataFrame, lang: str = "zh") -> str:
    """Sessions, 人次 and hours in all, and the type with the most sessions."""
    if totals.empty:
        return t("takeaway.no_data", lang)
    by_type = totals.groupby(totals["training_type"].fillna(""), sort=False)["sessions"].sum()
    by_type = by_type.sort_values(ascending=False, kind="stable")
    return t(
        "takeaway.training",
        lang,
        sessions=int(totals["sessions"].sum()),
        attendance=int(totals["attendance"].sum()),
        hours=f"{float(totals['hours'].sum()):g}",
        kind=labels.training_type_label(by_type.index[0] or None, lang),
        count=int(by_type.iloc[0]),
    )


# ---- issue 17: running the programme ---------------------------------------------------------------------------
def on_track_grid(by_unit: pd.DataFrame, lang: str = "zh") -> str:
    """Which unit was least on track in the latest quarter shown."""
    if by_unit.empty:
        return t("takeaway.no_data", lang)
    latest = by_unit[by_unit["period"] == by_unit["period"].max()]
    known = _known(latest, "on_track_rate")
    if known.empty:
        return t("takeaway.no_data", lang)
    low = known.sort_values(["_value", "unit"]).iloc[0]
    shown = formatting.rate(low["on_track_rate"], lang)
    # Ties are judged on the rate as shown, as highest() does: all equal is no "lowest" at all.
    tied = [row.unit for row in known.itertuples() if formatting.rate(row.on_track_rate, lang) == shown]
    if len(tied) > 1 and len(tied) == len(known):
        return t("takeaway.on_track_all", lang, period=low["period"], rate=shown)
    key = "takeaway.on_track_low_tied" if len(tied) > 1 else "takeaway.on_track_low"
    return t(key, lang, period=low["period"], unit=join(sorted(tied), lang), rate=shown)


def check_trend(total: pd.DataFrame, summary: dict, lang: str = "zh") -> str:
    """The latest quarter's 按期率 and its cards."""
    known = _known(total, "on_track_rate")
    if known.empty:
        return t("takeaway.no_data", lang)
    last = known.iloc[-1]
    red, yellow = len(summary["red"]), len(summary["yellow"])
    if red and yellow:
        cards = t("takeaway.cards_both", lang, red=red, yellow=yellow)
    elif red or yellow:  # never "0 个": only the colour there is
        cards = t("takeaway.cards_red" if red else "takeaway.cards_yellow", lang, count=red or yellow)
    else:
        cards = t("takeaway.cards_none", lang)
    rate = formatting.rate(last["on_track_rate"], lang)
    return t("takeaway.check_trend", lang, period=last["period"], rate=rate, cards=cards)


def list_rates(closure: pd.DataFrame, lang: str = "zh") -> str:
    """How many 书记项目 are fully closed (every problem answered and every goal reached: the slide's tile and the
    closed-share chart count the same), and how many items are overdue."""
    if closure.empty:
        return t("takeaway.no_data", lang)
    closed = int(closure["fully_closed"].eq(True).sum())
    return t(
        "takeaway.list_rates",
        lang,
        projects=len(closure),
        closed=closed,
        overdue=int(closure["overdue_items"].sum()),
    )


def closed_share(by_unit: pd.DataFrame, lang: str = "zh") -> str:
    """The unit with the highest share of 书记项目 fully closed."""
    known = _known(by_unit, "closed_share")
    if known.empty:
        return t("takeaway.no_data", lang)
    top = known.sort_values(["_value", "unit"], ascending=[False, True]).iloc[0]
    return t("takeaway.closed_share", lang, unit=top["unit"], rate=formatting.rate(top["closed_share"], lang))


def suggestions_by_unit(by_unit: pd.DataFrame, lang: str = "zh") -> str:
    """The unit that handed in the most suggestions, and its adoption rate."""
    if by_unit.empty or by_unit["collected"].sum() == 0:
        return t("takeaway.no_data", lang)
    top = by_unit.sort_values(["collected", "unit"], ascending=[False, True]).iloc[0]
    return t(
        "takeaway.suggestions_top",
        lang,
        unit=top["unit"],
        collected=int(top["collected"]),
        rate=formatting.rate(top["adoption_rate"], lang),
    )


def suggestions_by_month(by_month: pd.DataFrame, lang: str = "zh") -> str:
    """The busiest month."""
    dated = by_month[by_month["month"].notna()]
    if dated.empty:
        return t("takeaway.no_data", lang)
    top = dated.sort_values(["collected", "month"], ascending=[False, True]).iloc[0]
    return t("takeaway.suggestions_month", lang, month=top["month"], collected=int(top["collected"]))


def points_ranking(ranking: pd.DataFrame, year: int, lang: str = "zh") -> str:
    """Who leads on points, and who moved up most on last year."""
    if ranking.empty:
        return t("takeaway.no_data", lang)
    top = ranking.iloc[0]
    text = t("takeaway.points_top", lang, year=year, unit=top["unit"], points=f"{float(top['points']):g}")
    moved = _known(ranking, "rank_change")
    moved = moved[moved["_value"] > 0]
    if len(moved):
        best = moved.sort_values(["_value", "unit"], ascending=[False, True]).iloc[0]
        text += t("takeaway.points_up", lang, unit=best["unit"], places=int(best["rank_change"]))
    return text


def points_rules(by_rule: pd.DataFrame, lang: str = "zh") -> str:
    """The rule that earned the most points, and its share of all the points."""
    total = float(by_rule["points"].sum()) if len(by_rule) else 0.0
    if total <= 0:
        return t("takeaway.no_data", lang)
    top = by_rule.assign(_order=range(len(by_rule))).sort_values(["points", "_order"], ascending=[False, True]).iloc[0]
    return t(
        "takeaway.points_rules",
        lang,
        rule=labels.point_rule_label(top["rule"], lang),
        points=f"{float(top['points']):g}",
        share=formatting.rate(float(top["points"]) / total, lang),
    )
