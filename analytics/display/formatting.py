"""Formats figures for people: 万元 with separators, rates as %, unknown as "—" (never 0)."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

from analytics.contract.missing import is_missing
from analytics.filters import Filters
from analytics.i18n import t


def wan(value, lang: str = "zh", *, unit: bool = True) -> str:
    if is_missing(value):
        return t("value.unknown", lang)
    text = f"{value:,.1f}"
    return t("value.wan", lang, value=text) if unit else text


def rate(value, lang: str = "zh", digits: int = 1) -> str:
    if is_missing(value):
        return t("value.unknown", lang)
    return f"{value * 100:.{digits}f}%"


def count(value, lang: str = "zh") -> str:
    if is_missing(value):
        return t("value.unknown", lang)
    return f"{int(value):,}"


def delta_count(current, previous) -> str | None:
    if is_missing(current) or is_missing(previous):
        return None
    return f"{int(current) - int(previous):+,}"


def delta_wan(current, previous, lang: str = "zh") -> str | None:
    if is_missing(current) or is_missing(previous):
        return None
    return t("value.wan", lang, value=f"{current - previous:+,.1f}")


def points_change(current, previous) -> float | None:
    """A change of rate in percentage points, rounded once to the one decimal every figure is shown with: the tile
    and the sentence both read this value (96.774% − 90.625% → 6.1, never 6.1 here and 6.2 there)."""
    if is_missing(current) or is_missing(previous):
        return None
    return round((float(current) - float(previous)) * 100, 1) + 0.0  # + 0.0: no "-0.0"


def delta_rate(current, previous, lang: str = "zh") -> str | None:
    """A change of rate in percentage points, never a percent of a percent."""
    points = points_change(current, previous)
    if points is None:
        return None
    return f"{points:+.1f}{t('unit.pp', lang)}"


def period(filters: Filters, lang: str = "zh") -> str:
    """The selected years in words: 全部年度, 2024年, 2022—2024年."""
    if filters.year_from is None:
        return t("filter.all_years", lang)
    if filters.year_from == filters.year_to:
        return t("filter.year_single", lang, year=filters.year_from)
    return t("filter.year_range", lang, start=filters.year_from, end=filters.year_to)


def aside(main, note, lang: str = "zh") -> str:
    """A figure with a note beside it: 22（+1） in Chinese, "22 (+1)" in English."""
    return t("text.aside", lang, main=main, note=note)


def month(number: int, lang: str = "zh") -> str:
    """A month of the year on its own: 3月, Mar."""
    return f"{number}月" if lang == "zh" else calendar.month_abbr[number]


def display_width(value: object) -> int:
    """Columns a value takes in a spreadsheet cell: a Chinese (wide or full-width) character counts two."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
