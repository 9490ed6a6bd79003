"""Sentences in formal Chinese (or English) from metric figures: a unit's summary and each chart's takeaway."""

from __future__ import annotations

import pandas as pd

from analytics import formatting
from analytics.filters import Filters
from analytics.i18n import t


def period_phrase(filters: Filters, lang: str) -> str:
    """How a sentence opens: 2024年 / 2022—2024年 / 历年累计."""
    if filters.year_from is None:
        return t("say.period.all", lang)
    if filters.year_from == filters.year_to:
        return t("say.period.year", lang, year=filters.year_from)
    return t("say.period.range", lang, start=filters.year_from, end=filters.year_to)


def _points(value: float) -> str:
    # One decimal, as every rate in the deck is shown: 3.0 beside 3.1 reads as the same precision.
    return f"{abs(value) * 100:.1f}"


def _change(now: float | None, before: float | None, single_year: bool, lang: str) -> str:
    """The change of a rate in percentage points; nothing when either side is unknown."""
    if formatting.is_unknown(now) or formatting.is_unknown(before):
        return ""
    span = "year" if single_year else "period"
    diff = round(now - before, 4)  # rates from counts: a rounding crumb must not read as a change
    if abs(diff) < 0.0005:
        return t(f"say.change.flat.{span}", lang)
    direction = "up" if diff > 0 else "down"
    return t(f"say.change.{direction}.{span}", lang, pp=_points(diff))


def unit_sentence(unit: str, figures: dict, previous: dict | None, filters: Filters, lang: str) -> str:
    """「2024年，轴研所共立项12项，党员参与率95.0%（同比提高3个百分点），节创价值186.5万元，授权专利7项。」

    figures and previous are metrics.summary results (previous for filters.previous_period(), or None).
    A figure that is not known is said to be unknown, never written as 0.
    """
    period = period_phrase(filters, lang)
    if not figures["has_data"]:
        return t("say.no_data", lang, period=period, unit=unit)
    parts = [t("say.projects", lang, period=period, unit=unit, count=figures["projects"])]
    rate = figures["participation_rate"]
    if formatting.is_unknown(rate):
        parts.append(t("say.participation.unknown", lang))
    else:
        before = previous["participation_rate"] if previous and previous["has_data"] else None
        single = filters.year_from is not None and filters.year_from == filters.year_to
        parts.append(
            t("say.participation", lang, rate=formatting.rate(rate, lang)) + _change(rate, before, single, lang)
        )
    # No savings or patent rows reads as "none recorded": true whether nothing was achieved or nothing reported.
    if figures["savings_wan"] > 0:
        parts.append(t("say.savings", lang, value=formatting.wan(figures["savings_wan"], lang, unit=False)))
    else:
        parts.append(t("say.savings.none", lang))
    patents = figures["patents"]
    if patents["total"] > 0:
        text = t("say.patents", lang, count=patents["total"])
        if patents["发明专利"]:
            text += t("say.patents.invention", lang, count=patents["发明专利"])
        parts.append(text)
    else:
        parts.append(t("say.patents.none", lang))
    return t("say.join", lang).join(parts) + t("say.end", lang)


def participation_takeaway(by_unit: pd.DataFrame, lang: str) -> str:
    known = by_unit[by_unit["participation_rate"].notna()].sort_values("participation_rate", ascending=False)
    unknown = len(by_unit) - len(known)
    if known.empty:
        return t("take.participation.none", lang)
    top, low = known.iloc[0], known.iloc[-1]
    if len(known) == 1:
        text = t(
            "take.participation.single",
            lang,
            top=top["unit"],
            top_rate=formatting.rate(top["participation_rate"], lang),
        )
    else:
        text = t(
            "take.participation",
            lang,
            top=top["unit"],
            top_rate=formatting.rate(top["participation_rate"], lang),
            low=low["unit"],
            low_rate=formatting.rate(low["participation_rate"], lang),
        )
    if unknown:
        text += (" " if lang == "en" else "") + t("take.participation.unknown_units", lang, count=unknown)
    return text


def savings_takeaway(by_unit: pd.DataFrame, lang: str) -> str:
    total = float(by_unit["savings_wan"].sum())
    if total <= 0:
        return t("take.savings.none", lang)
    top = by_unit.sort_values("savings_wan", ascending=False, kind="stable").iloc[0]
    return t(
        "take.savings",
        lang,
        top=top["unit"],
        value=formatting.wan(top["savings_wan"], lang, unit=False),
        share=formatting.rate(top["savings_wan"] / total, lang),
    )


def patents_takeaway(by_unit: pd.DataFrame, lang: str) -> str:
    total = int(by_unit["patent_count"].sum())
    if total == 0:
        return t("take.patents.none", lang)
    top = by_unit.sort_values("patent_count", ascending=False, kind="stable").iloc[0]
    return t(
        "take.patents",
        lang,
        top=top["unit"],
        count=int(top["patent_count"]),
        total=total,
        invention=int(by_unit["invention_patents"].sum()),
    )


def trend_takeaway(by_year: pd.DataFrame, lang: str) -> str:
    if by_year.empty:
        return ""
    last = by_year.iloc[-1]
    savings = formatting.wan(last["savings_wan"], lang, unit=False)
    if len(by_year) == 1:
        return t("take.trend.single", lang, year=int(last["year"]), projects=int(last["projects"]), savings=savings)
    before = by_year.iloc[-2]
    diff = int(last["projects"]) - int(before["projects"])
    change = t("take.same", lang) if diff == 0 else t("take.more" if diff > 0 else "take.fewer", lang, count=abs(diff))
    return t(
        "take.trend",
        lang,
        year=int(last["year"]),
        projects=int(last["projects"]),
        previous=int(before["year"]),
        change=change,
        savings=savings,
    )
