"""Raw cell Series -> typed values plus a reason key per bad cell (None where the cell is fine or empty)."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from analytics.ingest.headers import fold

# What analysts type into a number or date cell to mean "nothing": read as empty, not as an error.
PLACEHOLDERS = frozenset({"-", "--", "—", "——", "/", "无", "n/a"})
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 2958465  # 9999-12-31
# What reads as a year at all (a number in a date cell, a year cell); the contract's own bounds are narrower.
YEAR_RANGE = (1900, 2100)
_TIME_SUFFIX = r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$"
_DATE_TEXT = (
    r"^(?P<y>\d{4})(?:"
    # 2023-05-01, 2023/5/1, 2023年5月1日, 2023.5, 2023年5月
    r"\s*[-/.年]\s*(?P<m>\d{1,2})(?:\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?|\s*月)?"
    r"|(?P<m8>\d{2})(?P<d8>\d{2})"  # 20230501
    r"|\s*年度?"  # 2023年
    r")?$"
)
_SERIAL_TEXT = r"^\d{5}(?:\.\d+)?$"

# What pandas' infer_dtype (a C scan) says of an array holding no str at all: text-only tests can skip it.
TEXT_FREE = frozenset({"floating", "integer", "mixed-integer-float", "boolean", "date", "datetime", "empty"})
SAMPLE = 2000  # cells looked at to tell a column of codes or names from one of repeated values
Reasons = pd.Series  # object Series: a message key where the cell is bad, None elsewhere


def per_unique(s: pd.Series, func, missing: object = None) -> pd.Series:
    """func applied once per distinct cell value: columns repeat a lot (units, statuses, years, dates).

    Hashing merges equal values of different types (True == 1 == 1.0); a column mixing booleans with the
    number 1 is then read as whichever came first, a trade accepted for speed on 100k-row sheets.
    """
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    mapped = np.array([*(func(u) for u in uniques), missing], dtype=object)
    return pd.Series(mapped[codes], index=s.index, dtype=object)


def _kinds(s: pd.Series) -> pd.Series:
    """A coarse type tag per cell: bool is not a number, datetime is a date."""

    def tag(v: object) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return "none"
        if isinstance(v, str):
            return "str"
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, int | float | np.integer | np.floating):
            return "num"
        if isinstance(v, dt.date):
            return "date"
        return "other"

    return per_unique(s, tag, "none")


def is_blank(v: object) -> bool:
    return isinstance(v, str) and not v.strip()


def is_placeholder(v: object) -> bool:
    return isinstance(v, str) and (not v.strip() or v.strip().casefold() in PLACEHOLDERS)


def empty_mask(s: pd.Series, numeric: bool = False) -> pd.Series:
    """Cells holding nothing: missing, blank text, and for number/date columns the usual "nothing" placeholders."""
    return per_unique(s, is_placeholder if numeric else is_blank, True).astype(bool)


def mostly_distinct(rows: int, distinct_in_sample: Callable[[], int]) -> bool:
    """A long column whose first SAMPLE cells hardly repeat (codes, names, 序号): hashing every cell to find its
    distinct values would cost more than keeping each cell as its own value. The sample is counted only when the
    column is long enough to ask."""
    return rows > 4 * SAMPLE and distinct_in_sample() > 0.9 * SAMPLE


class Distinct:
    """A column as its values, each once, plus one code per row; values[-1] is None and stands for missing cells.

    A column of mostly distinct cells is kept as it is, repeats included. Hashing merges equal values of
    different types, as in per_unique.
    """

    def __init__(self, s: pd.Series) -> None:
        cells = s.to_numpy(dtype=object)
        if mostly_distinct(len(cells), lambda: len(pd.unique(cells[:SAMPLE]))):
            # Codes and names repeat too rarely for hashing 100k strings to pay: each cell is its own value.
            codes, uniques = np.arange(len(cells)), cells
            codes[pd.isna(cells)] = -1
        else:
            codes, uniques = pd.factorize(cells, use_na_sentinel=True)
        self.codes = codes  # -1 (missing) picks the trailing None
        self.values = np.empty(len(uniques) + 1, dtype=object)
        self.values[:-1] = uniques
        self._text_free: bool | None = None
        self._blank: np.ndarray | None = None

    @classmethod
    def of(cls, codes: np.ndarray, uniques: np.ndarray) -> Distinct:
        """From codes and values already distinct (a typed reader's dictionary encoding)."""
        made = object.__new__(cls)
        made.codes = codes
        made.values = np.empty(len(uniques) + 1, dtype=object)
        made.values[:-1] = uniques
        made._text_free, made._blank = None, None
        return made

    def subset(self, keep: np.ndarray) -> Distinct:
        other = object.__new__(Distinct)
        other.codes, other.values = self.codes[keep], self.values
        other._text_free, other._blank = self._text_free, self._blank
        return other

    @property
    def text_free(self) -> bool:
        """No value is a str: most columns of numbers and dates, so text tests need not look at each value."""
        if self._text_free is None:
            self._text_free = infer_dtype(self.values[:-1], skipna=True) in TEXT_FREE
        return self._text_free

    def each(self, func, missing: object, text_only: bool = False) -> np.ndarray:
        """func of every distinct value, `missing` for missing cells; text_only: func is False for non-str values."""
        if text_only and self.text_free:
            out = np.zeros(len(self.values), dtype=bool)
            out[-1] = missing
            return out
        return np.array([*[func(v) for v in self.values[:-1]], missing])

    def blank(self) -> np.ndarray:
        """is_blank of every distinct value (True for missing), computed once: rows and columns both ask."""
        if self._blank is None:
            if self.text_free:
                self._blank = np.zeros(len(self.values), dtype=bool)
            else:
                cells = self.values[:-1]
                blank = np.empty(len(self.values), dtype=bool)
                if infer_dtype(cells, skipna=False) == "string":
                    # All text (codes and names): str.isspace over 100k values in C; for str, `not v.strip()`
                    # is exactly "empty or all whitespace".
                    blank[:-1] = np.fromiter(map(str.isspace, cells), dtype=bool, count=len(cells)) | (cells == "")
                else:
                    blank[:-1] = [isinstance(v, str) and not v.strip() for v in cells]
                self._blank = blank
            self._blank[-1] = True
        return self._blank

    def map(self, func, missing: object, text_only: bool = False) -> np.ndarray:
        """func of every row's cell, computed once per distinct value."""
        return self.each(func, missing, text_only)[self.codes]

    def spread(self, per_value: pd.Series, index: pd.Index) -> pd.Series:
        """A Series computed over `values`, laid out over the rows."""
        return pd.Series(per_value.array.take(self.codes), index=index, dtype=per_value.dtype)


def _to_text(v: object, width_fold: bool) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, str):
        text = unicodedata.normalize("NFKC", v).strip() if width_fold else v.strip()
        return text or None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def text(s: pd.Series, width_fold: bool = False, max_length: int | None = None) -> tuple[pd.Series, Reasons]:
    """Trimmed text, None for empty; names that identify things are width-folded so Ａ公司 and A公司 are one;
    longer than max_length is too_long."""
    # Called on distinct values (parse.Distinct): hashing them again would only cost.
    if infer_dtype(s, skipna=True) == "string":
        # Codes and names: every value is text, so _to_text reduces to a trim, inlined for 100k distinct values.
        nfkc = unicodedata.normalize
        if width_fold:
            cells = [(nfkc("NFKC", v).strip() or None) if isinstance(v, str) else _to_text(v, True) for v in s]
        else:
            cells = [(v.strip() or None) if isinstance(v, str) else _to_text(v, False) for v in s]
    else:
        cells = [_to_text(v, width_fold) for v in s]
    values = pd.Series(cells, index=s.index, dtype=object)
    reasons = pd.Series(None, index=s.index, dtype=object)
    if max_length is not None and len(values):
        # Every cell is str or None here; len over 100k values in C, not a Python lambda per value.
        lengths = np.fromiter(map(len, (v or "" for v in cells)), dtype=np.intp, count=len(cells))
        reasons[lengths > max_length] = "too_long"
    return values, reasons


def _numbers(s: pd.Series) -> tuple[pd.Series, Reasons, pd.Series]:
    """Floats from numbers and numeric text (1,234.5 / 12万 / ¥300元); the third Series is a per-cell unit or None."""
    kinds = _kinds(s)
    values = pd.Series(np.nan, index=s.index, dtype="float64")
    reasons = pd.Series(None, index=s.index, dtype=object)
    units = pd.Series(None, index=s.index, dtype=object)
    num = kinds.eq("num")
    values[num] = s[num].astype("float64")
    is_str = kinds.eq("str")
    if is_str.any():
        st = s[is_str].astype(str).str.replace(r"[,，\s¥￥]", "", regex=True)
        wan = st.str.endswith("万元") | st.str.endswith("万")
        yuan = st.str.endswith("元") & ~wan
        units[is_str] = np.where(wan, "万元", np.where(yuan, "元", None))
        parsed = pd.to_numeric(st.str.replace(r"(?:万元|万|元)$", "", regex=True), errors="coerce")
        values[is_str] = parsed.astype("float64")
    finite = np.isfinite(values)
    reasons[(num | is_str) & ~finite] = "not_number"
    reasons[~(num | is_str | kinds.eq("none"))] = "not_number"
    return values.where(finite), reasons, units


def integer(s: pd.Series, minimum: float | None = 0) -> tuple[pd.Series, Reasons]:
    """Whole numbers as Int64, not below minimum (counts are never negative)."""
    values, reasons, _ = _numbers(s)
    ok = reasons.isna() & values.notna()
    low = ok & (values < minimum) if minimum is not None else ok & False
    reasons[low] = "negative"
    reasons[ok & ~low & (values != values.round())] = "not_integer"
    good = reasons.isna() & values.notna()
    return values.where(good).round().astype("Int64"), reasons


def number(s: pd.Series, minimum: float | None = 0) -> tuple[pd.Series, Reasons]:
    """Decimals not below minimum (hours and the like): no unit is read from the cell."""
    values, reasons, units = _numbers(s)
    reasons[reasons.isna() & units.notna()] = "not_number"  # 3万 or 5元 is no count of hours
    if minimum is not None:
        reasons[reasons.isna() & (values < minimum)] = "negative"
    return values.where(reasons.isna()), reasons


def money(s: pd.Series, header_unit: str | None, minimum: float | None = 0) -> tuple[pd.Series, Reasons]:
    """Amounts in 万元, not below minimum: a cell's own 万/元 wins, then the header's unit; no unit means 万元."""
    values, reasons, units = _numbers(s)
    in_yuan = units.eq("元") | (units.isna() & (header_unit == "元"))
    values = values.where(~in_yuan, values / 10000)
    if minimum is not None:
        reasons[reasons.isna() & (values < minimum)] = "negative"
    return values.where(reasons.isna()), reasons


def _serial_dates(serial: pd.Series) -> pd.Series:
    days = serial.where((serial >= 1) & (serial <= MAX_SERIAL)).astype("float64")
    return (pd.Timestamp(EXCEL_EPOCH) + pd.to_timedelta(np.floor(days), unit="D")).astype("datetime64[s]")


def _text_dates(st: pd.Series) -> pd.Series:
    st = st.str.strip().str.replace(_TIME_SUFFIX, "", regex=True)
    parts = st.str.extract(_DATE_TEXT)
    year = pd.to_numeric(parts["y"], errors="coerce")
    month = pd.to_numeric(parts["m"].fillna(parts["m8"]), errors="coerce").fillna(1)
    day = pd.to_numeric(parts["d"].fillna(parts["d8"]), errors="coerce").fillna(1)
    frame = pd.DataFrame({"year": year, "month": month, "day": day}).where(year.notna())
    out = pd.to_datetime(frame.dropna(), errors="coerce").reindex(st.index).astype("datetime64[s]")
    serial = st.str.fullmatch(_SERIAL_TEXT).fillna(False).astype(bool)
    if serial.any():
        out[serial] = _serial_dates(pd.to_numeric(st[serial], errors="coerce"))
    return out


def _year_month(v: float) -> dt.date | None:
    """A number like 2023.5 typed into a date cell: year and month, never an Excel serial from 1905."""
    year, _, month = repr(float(v)).partition(".")
    try:
        return dt.date(int(year), int(month) if month != "0" else 1, 1)
    except ValueError:
        return None


def _stamps(s: pd.Series) -> pd.Series:
    """Every readable date form as datetime64 (NaT where unreadable or empty), parsed once per distinct value."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    stamps = _distinct_stamps(pd.Series(uniques, dtype=object)).to_numpy()
    taken = np.append(stamps, np.datetime64("NaT", "s"))[codes]
    return pd.Series(taken, index=s.index, dtype="datetime64[s]")


def _distinct_stamps(s: pd.Series) -> pd.Series:
    kinds = _kinds(s)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[s]")
    is_date = kinds.eq("date")
    if is_date.any():
        # Floored to the second the store keeps: a timestamp with milliseconds (10:42:00.5) made the cast raise.
        out[is_date] = pd.to_datetime(s[is_date].tolist()).floor("s")
    num = kinds.eq("num")
    if num.any():
        numbers = s[num].astype("float64")
        yearish = numbers.between(YEAR_RANGE[0], YEAR_RANGE[1] + 100, inclusive="left")
        stamps = pd.Series(pd.NaT, index=numbers.index, dtype="datetime64[s]")
        stamps[~yearish] = _serial_dates(numbers[~yearish])
        stamps[yearish] = pd.to_datetime(numbers[yearish].map(_year_month))
        out[num] = stamps
    is_str = kinds.eq("str")
    if is_str.any():
        out[is_str] = _text_dates(s[is_str].astype(str))
    return out


def date(s: pd.Series) -> tuple[pd.Series, Reasons]:
    """datetime.date objects: real dates, Excel serials, 2023-05-01, 2023/5/1, 2023年5月1日, 2023.5 (first of month)."""
    if infer_dtype(s, skipna=True) == "date":
        # Every cell a real date (not a datetime, which infer_dtype names so), as typed readers give them.
        return s.astype(object).where(s.notna(), None), pd.Series(None, index=s.index, dtype=object)
    stamps = _stamps(s)
    reasons = pd.Series(None, index=s.index, dtype=object)
    reasons[stamps.isna() & ~_kinds(s).eq("none")] = "bad_date"
    values = pd.Series(stamps.dt.date, index=s.index, dtype=object).where(stamps.notna(), None)
    return values, reasons


def year(s: pd.Series, bounds: tuple[int, int] = YEAR_RANGE) -> tuple[pd.Series, Reasons]:
    """Years as Int64: 2023, '2023', '2023年', or any date (its year); a year outside bounds is year_out_of_range."""
    kinds = _kinds(s)
    values = pd.Series(pd.NA, index=s.index, dtype="Float64")
    num = kinds.eq("num")
    values[num] = s[num].astype("float64")
    # Digits typed as text are read as the number they spell (as a CSV gives every cell): '20233' is no year,
    # where the date reading would take it for the Excel serial of a day in 1955.
    digits = kinds.eq("str") & s.where(kinds.eq("str"), "").astype(str).str.fullmatch(r"\s*\d+(?:\.0*)?\s*")
    values[digits] = pd.to_numeric(s[digits].astype(str).str.strip(), errors="coerce").astype("float64")
    values[(num | digits) & (values != values.round())] = pd.NA
    rest = kinds.isin(["str", "date"]) & ~digits
    if rest.any():
        values[rest] = _stamps(s[rest]).dt.year.astype("Float64")
    yearish = values.between(*YEAR_RANGE).fillna(False).astype(bool)
    in_range = values.between(*bounds).fillna(False).astype(bool)
    reasons = pd.Series(None, index=s.index, dtype=object)
    reasons[~yearish & ~kinds.eq("none")] = "bad_year"
    reasons[yearish & ~in_range] = "year_out_of_range"
    return values.where(in_range).astype("Int64"), reasons


def choice(s: pd.Series, allowed: tuple[str, ...]) -> tuple[pd.Series, Reasons]:
    """One of the allowed values once trimmed and width/case/space-folded; anything else is not_choice."""
    lookup = {fold(a): a for a in allowed}
    texts, _ = text(s, width_fold=True)
    uniques = {v: lookup.get(fold(v)) for v in texts.dropna().unique()}
    values = texts.map(lambda v: uniques.get(v) if v is not None else None).astype(object)
    reasons = pd.Series(None, index=s.index, dtype=object)
    reasons[values.isna() & texts.notna()] = "not_choice"
    return values, reasons


# ---- issue 17: quarters and signed points ---------------------------------------------------------------------
_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_TEXT = re.compile(
    r"^(?:(?P<y>\d{4})\s*(?:年度?|[-/.])?\s*)?"
    r"(?:q(?P<q>[1-4])|第?(?P<zh>[一二三四1-4])季度?|(?P<n>[1-4]))$"
)
QUARTER_YEAR = 10  # a quarter cell is read as year * QUARTER_YEAR + quarter when it names its year (2024Q3 -> 20243)


def _quarter_code(v: object) -> int | None:
    if isinstance(v, bool | dt.date):
        return None
    if isinstance(v, int | float | np.integer | np.floating):
        return int(v) if float(v).is_integer() and 1 <= v <= 4 else None
    found = _QUARTER_TEXT.match(unicodedata.normalize("NFKC", str(v)).strip().casefold().replace(" ", ""))
    if not found:
        return None
    quarter = int(found["q"] or found["n"] or _QUARTER_WORDS[found["zh"]])
    year_text = found["y"]
    if year_text is None:
        return quarter
    year_value = int(year_text)
    if not YEAR_RANGE[0] <= year_value <= YEAR_RANGE[1]:
        return None
    return year_value * QUARTER_YEAR + quarter


def quarter(s: pd.Series) -> tuple[pd.Series, Reasons]:
    """Quarters 1–4 from 1, 一季度, 第三季度, Q1, 2024Q3 or 2024年三季度; a named year rides along as
    year * QUARTER_YEAR + quarter for the sheet's rules to split."""
    codes = [None if v is None or (isinstance(v, float) and math.isnan(v)) else _quarter_code(v) for v in s]
    values = pd.Series(codes, index=s.index, dtype="Int64")
    reasons = pd.Series(None, index=s.index, dtype=object)
    reasons[values.isna() & ~_kinds(s).eq("none")] = "bad_quarter"
    return values, reasons


def signed_number(s: pd.Series) -> tuple[pd.Series, Reasons]:
    """Any finite number, negative ones included (points taken away)."""
    values, reasons, _ = _numbers(s)
    return values.where(reasons.isna()), reasons
