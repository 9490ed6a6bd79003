"""Sentences in formal Chinese (or English) from metric figures: a unit's summary and each chart's takeaway."""

from __future__ import annotations

from analytics.contract.missing import is_missing
from analytics.display import formatting
from analytics.filters import Filters
from analytics.i18n import t


def period_phrase(filters: Filters, lang: str) -> str:
    """How a sentence opens: 2024年 / 2022—2024年 / 历年累计."""
    if filters.year_from is None:
        return t("say.period.all", lang)
    if filters.year_from == filters.year_to:
        return t("say.period.year", lang, year=filters.year_from)
    return t("say.period.range", lang, start=filters.year_from, end=filters.year_to)


def _change(now: float | None, before: float | None, single_year: bool, lang: str) -> str:
    """The change of a rate in percentage points; nothing when either side is unknown."""
    if is_missing(now) or is_missing(before):
        return ""
    span = "year" if single_year else "period"
    points = formatting.points_change(now, before)  # the very value the tile shows, rounded once
    if points == 0:
        return t(f"say.change.flat.{span}", lang)
    direction = "up" if points > 0 else "down"
    return t(f"say.change.{direction}.{span}", lang, pp=f"{abs(points):.1f}")


def unit_sentence(unit: str, figures: dict, previous: dict | None, filters: Filters, lang: str) -> str:
    """「2024年，轴研所共立项12项，党员参与率95.0%（同比提高3个百分点），节创价值186.5万元，专利7项。」

    figures and previous are metrics.summary results (previous for filters.previous_period(), or None).
    A figure that is not known is said to be unknown, never written as 0.
    """
    period = period_phrase(filters, lang)
    if not figures["has_data"]:
        return t("say.no_data", lang, period=period, unit=unit)
    parts = [t("say.projects", lang, period=period, unit=unit, count=figures["projects"])]
    rate = figures["participation_rate"]
    if is_missing(rate):
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
