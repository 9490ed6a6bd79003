"""parse_file: upload bytes -> canonical typed frames per sheet plus every problem, located as the analyst sees it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.contract import vocab
from analytics.i18n import join, t
from analytics.ingest import coerce
from analytics.ingest.fast_xlsx import LazyRows, read_fast
from analytics.ingest.headers import HEADER_SCAN_ROWS, HeaderColumn, HeaderMatch, find_header, fold, outcome_type
from analytics.ingest.read import DEFAULT_LIMITS, ZIP_MAGIC, Limits, RawSheet, ReadError, read_file

__all__ = ["Limits", "ParsedSheet", "ParsedUpload", "Problem", "parse_file"]

# Names that identify a thing are width-folded so that Ａ公司 and A公司 are one unit; free text is only trimmed.
IDENTITY_COLUMNS = frozenset({"unit", "parent", "branch", "project_id", "studio", "employee_id", "suggestion_id"})
NUMERIC_KINDS = frozenset({"int", "number", "wan", "date", "year", "quarter", "points"})
TOO_LONG_SHOWN = 20  # characters of an over-long cell quoted in its problem
_TOTAL = re.compile(r"(合计|总计|小计|共计|总合计|total|subtotal|grandtotal|sum)(万元|元|数)?")
FILE_KEYS = frozenset(
    {
        "file_empty",
        "file_too_big",
        "not_spreadsheet",
        "file_corrupt",
        "file_password",
        "zip_bomb",
        "inflated_too_big",
        "csv_encoding",
        "csv_encoding_ambiguous",
        "csv_encoding_chosen",
        "workbook_empty",
        "parse_timeout",
        "parse_out_of_memory",
        "parse_crashed",
    }
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, kept as a key and params so it renders in the reader's language."""

    sheet: str
    row: int | None
    column: str | None
    value: str | None
    key: str
    params: dict = field(default_factory=dict)

    def reason(self, lang: str = "zh") -> str:
        """What is wrong, without where."""
        params = {k: join(v, lang) if isinstance(v, list | tuple) else v for k, v in self.params.items()}
        params["value"] = self.value
        return t(self.key, lang, **params)

    def message(self, lang: str = "zh") -> str:
        """Where and what: sheet, Excel row, column, value and reason."""
        if self.key in FILE_KEYS:
            where = t("loc_file", lang, sheet=self.sheet)
        elif self.row is None:
            where = t("loc_column" if self.column else "loc_sheet", lang, sheet=self.sheet, column=self.column)
        else:
            loc = "loc_cell" if self.column else "loc_row"
            where = t(loc, lang, sheet=self.sheet, row=self.row, column=self.column)
        return where + self.reason(lang)


@dataclass
class ParsedSheet:
    sheet: str
    kind: str
    header_row: int
    mapping: dict[str, str]
    unknown_headers: list[str]
    frame: pd.DataFrame
    problems: list[Problem]
    rows_read: int


@dataclass
class ParsedUpload:
    file_name: str
    content_hash: str
    sheets: list[ParsedSheet]
    problems: list[Problem]
    raw: dict[str, list[list]]


def parse_file(
    file_name: str,
    data: bytes,
    *,
    manual_mappings: dict[tuple[str, str], str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
) -> ParsedUpload:
    """Every sheet of the upload as canonical frames of valid rows, with every problem found on the way.
    encoding: a CSV's encoding as the analyst stated it (read.CSV_ENCODINGS), else decided from the content."""
    upload = ParsedUpload(file_name, hashlib.sha256(data).hexdigest(), [], [], {})
    try:
        raw_sheets = _read(file_name, data, limits, manual_mappings, encoding)
    except ReadError as exc:
        upload.problems.append(Problem(file_name, None, None, None, exc.key, exc.params))
        return upload
    for raw in raw_sheets:
        if not _has_values(raw.rows):
            continue  # an empty sheet says nothing; Excel files often carry Sheet2, Sheet3
        upload.raw[raw.name] = raw.rows
        match = find_header(raw.rows, raw.name, manual_mappings)
        if match is None:
            upload.problems.append(Problem(raw.name, None, None, None, "no_header", {"rows": HEADER_SCAN_ROWS}))
            continue
        sheets, problems = SheetParser(raw, match).parse()
        upload.sheets += sheets
        upload.problems += problems
    if not upload.raw:
        upload.problems.append(Problem(file_name, None, None, None, "workbook_empty", {}))
    return upload


def _read(
    file_name: str,
    data: bytes,
    limits: Limits,
    manual_mappings: dict[tuple[str, str], str] | None,
    encoding: str | None = None,
) -> list[RawSheet]:
    """The fast typed read for plain .xlsx sheets, calamine for everything else and whenever the fast one is unsure."""
    if data.startswith(ZIP_MAGIC) and len(data) <= limits.max_bytes:
        sheets = read_fast(data, limits, lambda rows, sheet: find_header(rows, sheet, manual_mappings))
        if sheets is not None:
            return sheets
    return read_file(file_name, data, limits, encoding)


def _has_values(rows: list[list]) -> bool:
    if isinstance(rows, LazyRows):
        return True  # the fast read only answers for sheets whose header it found
    return any(cell not in ("", None) for row in rows for cell in row)


def _is_total(value: object) -> bool:
    return isinstance(value, str) and bool(_TOTAL.fullmatch(fold(value)))


def _cell_str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class SheetParser:
    """One recognised sheet: filter rows, coerce cells, apply the kind's row rules, build the frame."""

    def __init__(self, raw: RawSheet, match: HeaderMatch) -> None:
        self.raw = raw
        self.match = match
        self.kind = match.kind
        self.name = raw.name
        self.columns = {c.name: c for c in match.columns}
        self.sheet_problems: list[Problem] = []
        self.cell_problems: list[tuple[int, str | None, str | None, str, dict]] = []  # (row label, col, value, key)

    # ---- rows -------------------------------------------------------------------------------------------------

    def _body(self) -> pd.Index:
        """Excel row numbers of the data rows below the header, without blank and total rows; sets self.cells."""
        start = self.match.row + 1
        rows = self.raw.rows
        self.lazy = rows if isinstance(rows, LazyRows) and start == rows.body_start else None
        if self.lazy is not None:
            # Straight from the fast read's columns, each already a code per row and its distinct values.
            height = self.lazy.body_rows
            width = max(self.lazy.width if height else 0, *(c.index + 1 for c in self.match.columns), 1)
            self.cells = {c: self.lazy.distinct(c) for c in range(width)}
        else:
            body = pd.DataFrame(rows[start:], dtype=object)
            width = max(body.shape[1], *(c.index + 1 for c in self.match.columns), 1)
            self.body = body.reindex(columns=range(width))
            height = len(self.body)
            self.body.index = pd.RangeIndex(start + 1, start + 1 + height)
            # Each column is factorized once: every later test of a cell is made once per distinct value.
            self.cells = {c: coerce.Distinct(self.body[c]) for c in self.body.columns}
        index = pd.RangeIndex(start + 1, start + 1 + height)
        if not height:
            self.rows_read = 0
            return index
        filled = np.column_stack([~cells.blank()[cells.codes] for cells in self.cells.values()])
        nonblank = filled.any(axis=1)
        first = filled.argmax(axis=1)
        total = np.zeros(height, dtype=bool)
        for c in range(width):
            at = first == c
            if at.any():
                total[at] = self.cells[c].map(_is_total, False, text_only=True)[at]
        for position in self.match.row_number_columns:
            total |= self.cells[position].map(_is_total, False, text_only=True)
        keep = nonblank & ~total
        self.rows_read = int(keep.sum())
        self.cells = {c: cells.subset(keep) for c, cells in self.cells.items()}
        return index[keep]

    def _holds_values(self, position: int) -> bool:
        cells = self.cells.get(position)
        return cells is not None and bool((~cells.blank()[cells.codes]).any())

    def _cell(self, column: int, row: int) -> object:
        """The cell as read, at Excel row `row`."""
        if self.lazy is not None:
            return self.lazy.cell(column, row - 1 - self.lazy.body_start)
        return self.body.at[row, column]

    def parse(self) -> tuple[list[ParsedSheet], list[Problem]]:
        index = self._body()
        # An unknown column with nothing in it carries no fact: there is nothing to map and nothing to lose.
        self.unknown = [
            text
            for text, position in zip(self.match.unknown, self.match.unknown_columns, strict=True)
            if self._holds_values(position)
        ]
        missing = [c for c in self.kind.columns if c.required and c.name not in self.columns]
        for column in missing:
            required = [c.zh for c in self.kind.columns if c.required]
            self._sheet_problem(column.zh, "missing_column", kind=self.kind.zh, required=required)
        if self.kind is vocab.PROJECTS and not {"year", "start_date"} & self.columns.keys():
            self._sheet_problem(None, "missing_year_columns")
        if self.kind in (vocab.OUTCOMES, vocab.POINT_ADJUSTMENTS) and not {"project_id", "unit"} & self.columns.keys():
            self._sheet_problem(None, "missing_owner_columns")
        if self.sheet_problems:
            return [self._sheet(self.kind.name, self._empty_frame(), [])], self.sheet_problems
        # A second column for the same field is ignored, not fatal: the first one is read.
        for dup in self.match.duplicates:
            first = self.columns[dup.name].text
            self._sheet_problem(dup.text, "duplicate_column", first=first, target=dup.name)

        formulas = self._formula_mask(index, len(self.cells))
        values: dict[str, pd.Series] = {}
        for name, column in self.columns.items():
            values[name] = self._coerce(index, column, formulas)
        self._kind_rules(values, index)
        self._duplicates(values, index)

        bad = {row for row, *_ in self.cell_problems}
        valid = ~index.isin(list(bad))
        problems = [Problem(self.name, row, col, val, key, params) for row, col, val, key, params in self.cell_problems]
        positions = {c.text: c.index for c in self.match.columns}
        problems.sort(key=lambda p: (p.row or 0, positions.get(p.column, len(positions))))
        frame = self._frame(values, index, valid)
        sheets = [self._sheet(self.kind.name, frame, problems)]
        if self.kind is vocab.PROJECTS and any(outcome_type(n) for n in self.columns):
            sheets.append(self._project_outcomes(values, index, valid))
        return sheets, self.sheet_problems

    # ---- cells ------------------------------------------------------------------------------------------------

    def _formula_mask(self, index: pd.Index, width: int) -> dict[int, pd.Series]:
        masks: dict[int, pd.Series] = {}
        for row, col in self.raw.formula_cells:
            if row + 1 in index and 0 <= col < width:
                masks.setdefault(col, pd.Series(False, index=index)).loc[row + 1] = True
        return masks

    def _column_def(self, header: HeaderColumn) -> vocab.Column:
        kind = outcome_type(header.name)
        if kind == vocab.SAVINGS_TYPE:
            return vocab.OUTCOMES.column("value_wan")
        if kind:
            return vocab.OUTCOMES.column("quantity")
        return self.kind.column(header.name)

    def _coerce(self, index: pd.Index, header: HeaderColumn, formulas: dict[int, pd.Series]) -> pd.Series:
        column = self._column_def(header)
        distinct = self.cells[header.index]
        nothing = coerce.is_placeholder if column.kind in NUMERIC_KINDS else coerce.is_blank
        # Both tests are False for anything but text.
        empty_distinct = distinct.blank() if nothing is coerce.is_blank else distinct.each(nothing, True, True)
        empty_rows = empty_distinct[distinct.codes]
        # Coerced once per distinct value, then spread to the rows: every rule is a function of the cell alone.
        cells = pd.Series(distinct.values, dtype=object).where(~empty_distinct, None)
        low, high = column.bounds
        if column.kind == "text":
            values, reasons = coerce.text(
                cells, width_fold=column.name in IDENTITY_COLUMNS, max_length=column.length_limit
            )
        elif column.kind == "int":
            values, reasons = coerce.integer(cells, low)
        elif column.kind == "wan":
            values, reasons = coerce.money(cells, header.unit, low)
        elif column.kind == "number":
            values, reasons = coerce.number(cells, low)
        elif column.kind == "date":
            values, reasons = coerce.date(cells)
        elif column.kind == "year":
            values, reasons = coerce.year(cells, column.bounds)
        elif column.kind == "quarter":
            values, reasons = coerce.quarter(cells)
        elif column.kind == "points":
            values, reasons = coerce.signed_number(cells)
        else:
            values, reasons = coerce.choice(cells, column.choices)
        required = column.required and not outcome_type(header.name)
        if header.index not in formulas:
            # Most columns have nothing to report: no bad value, no formula, no required cell left empty.
            bad = reasons.notna().to_numpy() & ~empty_distinct
            if not bad.any() and not (required and empty_rows.any()):
                return distinct.spread(values, index)
        empty = pd.Series(empty_rows, index=index)
        formula = formulas.get(header.index, pd.Series(False, index=index))
        values = distinct.spread(values, index)
        reasons = distinct.spread(reasons, index)
        reasons = reasons.where(~empty & ~formula, None)
        if required:
            reasons[empty & ~formula] = "required_empty"
        reasons[formula] = "formula_no_value"
        params = {"allowed": list(column.choices)} if column.kind == "choice" else {}
        if column.kind == "year":
            params = {"low": low, "high": high}
        elif column.kind == "text":
            params = {"max": column.length_limit}
        for row, reason in reasons.dropna().items():
            bare = reason in ("required_empty", "formula_no_value")
            value = None if bare else _cell_str(self._cell(header.index, row))
            if reason == "too_long":
                value = value[:TOO_LONG_SHOWN] + "…"  # the reader needs to find the cell, not to read it all
            self.cell_problems.append((row, header.text, value, reason, params))
        return values.where(reasons.isna())

    def _kind_rules(self, values: dict[str, pd.Series], index: pd.Index) -> None:
        no_text = pd.Series(None, index=index, dtype=object)
        no_year = pd.Series(pd.NA, index=index, dtype="Int64")
        if self.kind is vocab.PROJECTS:
            # A project counts in its 年度, else in the year it was approved.
            values["year"] = self._derived_years(values, index, "start_date")
            header = self._header_text("year", "start_date")
            for row in index[values["year"].isna() & ~self._has_problem(index, ("year", "start_date"))]:
                self.cell_problems.append((row, header, None, "year_or_start_missing", {}))
        if self.kind is vocab.OUTCOMES:
            owner = values.get("project_id", no_text).notna() | values.get("unit", no_text).notna()
            header = self._header_text("project_id", "unit")
            for row in index[~owner & ~self._has_problem(index, ("project_id", "unit"))]:
                self.cell_problems.append((row, header, None, "outcome_owner_missing", {}))
            values["year"] = self._derived_years(values, index, "date")
        if self.kind.name in vocab.PERSON_KINDS:
            values[vocab.PERSON_KEY] = vocab.person_keys(values.get("employee_id", no_text), values["person"])
        if self.kind in vocab.RUNNING_KINDS:
            self._running_rules(values, index, no_text, no_year)

    def _derived_years(self, values: dict[str, pd.Series], index: pd.Index, date_name: str) -> pd.Series:
        """年度, else the year of the date column: a year taken from a date keeps to the same bounds."""
        no_year = pd.Series(pd.NA, index=index, dtype="Int64")
        dates = values.get(date_name, pd.Series(None, index=index, dtype=object))
        years = _fill_years(values.get("year", no_year), dates)
        low, high = self.kind.column("year").bounds
        outside = (years.notna() & ((years < low) | (years > high))).fillna(False).to_numpy(dtype=bool)
        for row in index[outside]:
            day = dates[row]
            value = day.isoformat() if isinstance(day, dt.date) else _cell_str(day)
            header = self.columns[date_name].text
            self.cell_problems.append((row, header, value, "year_out_of_range", {"low": low, "high": high}))
        return years.where(~outside)

    def _running_rules(self, values: dict[str, pd.Series], index: pd.Index, no_text, no_year) -> None:
        """Issue 17's sheets: a check's quarter may carry its year (2024Q3); an adjustment names a project or unit;
        a list without a 序号 column numbers its items in sheet order within each project's list."""
        if self.kind is vocab.CHECKS:
            code = values.get("quarter", no_year)
            named_year = (code // coerce.QUARTER_YEAR).where(code >= coerce.QUARTER_YEAR)
            values["quarter"] = code.where(code < coerce.QUARTER_YEAR, code % coerce.QUARTER_YEAR)
            year = values.get("year", no_year)
            header = self._header_text("quarter")
            clash = year.notna() & named_year.notna() & year.ne(named_year).fillna(False)
            for row in index[clash.to_numpy(dtype=bool)]:
                value = f"{int(named_year[row])}Q{int(values['quarter'][row])}"
                self.cell_problems.append((row, header, value, "quarter_year_clash", {"year": int(year[row])}))
            values["year"] = _fill_years(year.fillna(named_year), values.get("check_date", no_text))
            for name, key in (("quarter", "quarter_missing"), ("year", "check_year_missing")):
                lacking = values[name].isna() & ~self._has_problem(index, ("quarter", "year", "check_date"))
                for row in index[lacking.to_numpy(dtype=bool)]:
                    self.cell_problems.append((row, self._header_text(name), None, key, {}))
        if self.kind is vocab.POINT_ADJUSTMENTS:
            owner = values.get("project_id", no_text).notna() | values.get("unit", no_text).notna()
            header = self._header_text("project_id", "unit")
            for row in index[~owner & ~self._has_problem(index, ("project_id", "unit"))]:
                self.cell_problems.append((row, header, None, "outcome_owner_missing", {}))
            values["year"] = self._derived_years(values, index, "date")
            for row in index[values["year"].isna() & ~self._has_problem(index, ("year", "date"))]:
                self.cell_problems.append((row, self._header_text("date", "year"), None, "date_or_year_missing", {}))
        if self.kind is vocab.SECRETARY_LISTS:
            if "item_no" not in self.columns:
                groups = pd.DataFrame({"p": values.get("project_id", no_text), "l": values.get("list", no_text)})
                values["item_no"] = (groups.fillna("").groupby(["p", "l"]).cumcount() + 1).astype("Int64")
            else:
                for row in index[values["item_no"].isna() & ~self._has_problem(index, ("item_no",))]:
                    self.cell_problems.append((row, self._header_text("item_no"), None, "required_empty", {}))

    def _has_problem(self, index: pd.Index, names: tuple[str, ...]) -> np.ndarray:
        texts = {self.columns[n].text for n in names if n in self.columns}
        rows = {row for row, col, *_ in self.cell_problems if col in texts}
        return index.isin(list(rows))

    def _header_text(self, *names: str) -> str:
        return next((self.columns[n].text for n in names if n in self.columns), self.kind.column(names[0]).zh)

    def _duplicates(self, values: dict[str, pd.Series], index: pd.Index) -> None:
        """The same key twice: the second row is reported with the first row's number."""
        # Issue 17's sheets key on values their rules fill in (a check's year from 2024Q3, a list item's number).
        filled = self.kind in vocab.RUNNING_KINDS
        key = [n for n in self.kind.key if n in self.columns or n == vocab.PERSON_KEY or (filled and n in values)]
        if not key:
            return
        keys = pd.DataFrame({n: values[n] for n in key}, index=index)
        # A person's key is made of 工号 and 姓名: a bad cell in either already rejects the row.
        names = (*key, "employee_id", "person") if self.kind.name in vocab.PERSON_KINDS else tuple(key)
        checked = keys.notna().any(axis=1) & ~self._has_problem(index, names)
        if self.kind is vocab.OUTCOMES:
            # Outcome rows without a 说明 are items that add up (upload.combine_unnamed_outcomes), not duplicates.
            checked &= named_outcomes(values.get("note"), index)
        keys = keys[checked]
        if len(key) == 1:
            identity = keys[key[0]]  # a checked single key is never missing: its values compare as they are
        else:
            identity = pd.util.hash_pandas_object(keys.astype(object).where(keys.notna(), None), index=False)
        dup = identity.duplicated(keep="first")
        if not dup.any():
            return
        first_row = pd.Series(identity.index, index=identity.to_numpy()).groupby(level=0).first()
        header = self.columns[key[0]].text
        for row in identity.index[dup]:
            value = " / ".join(_cell_str(v) for v in keys.loc[row] if v is not None and not pd.isna(v))
            first = int(first_row[identity[row]])
            self.cell_problems.append((row, header, value, "duplicate_key", {"first_row": first}))

    # ---- frames -----------------------------------------------------------------------------------------------

    def _empty_frame(self) -> pd.DataFrame:
        return self._frame({}, pd.RangeIndex(0), np.zeros(0, dtype=bool))

    def _frame(self, values: dict[str, pd.Series], index: pd.Index, valid: np.ndarray) -> pd.DataFrame:
        columns = {}
        for column in self.kind.columns:
            series = values.get(column.name)
            series = _typed(series if series is not None else pd.Series(None, index=index), column.kind)
            if column.default is not None:
                # An empty cell or an absent optional column means the contract's default (no note, one item).
                series = series.fillna(column.default).astype(series.dtype)
            columns[column.name] = series
        frame = pd.DataFrame(columns, index=index)
        if not valid.all():
            frame = frame[valid]
        if self.kind is vocab.OUTCOMES:
            frame["source"] = pd.Series("outcomes", index=frame.index, dtype=object)
        if self.kind.name in vocab.PERSON_KINDS:
            frame[vocab.PERSON_KEY] = vocab.person_keys(frame["employee_id"], frame["person"])
        frame["_row"] = frame.index.astype("int64")
        return frame.reset_index(drop=True)

    def _project_outcomes(self, values: dict[str, pd.Series], index: pd.Index, valid: np.ndarray) -> ParsedSheet:
        """Per-project outcome columns of a projects sheet, as outcome rows with source "projects"."""
        # Built as arrays, one part per outcome column, then ordered by Excel row (column order within a row).
        project_ids = values["project_id"].to_numpy(dtype=object)[valid]
        excel_rows = index.to_numpy()[valid]
        rows, ids, kinds, quantities, amounts = [], [], [], [], []
        for name, series in values.items():
            kind = outcome_type(name)
            if not kind:
                continue
            numbers = series.to_numpy(dtype="float64", na_value=np.nan)[valid]
            present = numbers > 0  # False for missing (NaN)
            count = int(present.sum())
            savings = kind == vocab.SAVINGS_TYPE
            rows.append(excel_rows[present])
            ids.append(project_ids[present])
            kinds.append(_repeated(kind, count))
            quantities.append(np.ones(count) if savings else numbers[present])
            amounts.append(numbers[present] if savings else np.full(count, np.nan))
        excel_row = np.concatenate(rows).astype("int64")
        order = np.argsort(excel_row, kind="stable")
        count = len(order)

        def text(cells: np.ndarray) -> pd.Series:
            return pd.Series(cells, dtype=object)  # as every parsed frame holds text: not pandas' own str dtype

        frame = pd.DataFrame(
            {
                "project_id": text(np.concatenate(ids)[order]),
                "unit": text(np.empty(count, dtype=object)),  # numpy fills an object array with None
                "outcome_type": text(np.concatenate(kinds)[order]),
                "quantity": pd.array(np.concatenate(quantities)[order], dtype="Int64"),
                "value_wan": np.concatenate(amounts)[order],
                "year": pd.arrays.IntegerArray(np.zeros(count, dtype="int64"), np.ones(count, dtype=bool)),  # all NA
                "date": text(np.empty(count, dtype=object)),
                "note": text(_repeated("", count)),
                "source": text(_repeated("projects", count)),
                "_row": excel_row[order],
            }
        )
        sheet = self._sheet(vocab.OUTCOMES.name, frame, [])
        sheet.mapping = {h.text: h.name for h in self.match.columns if outcome_type(h.name)}
        sheet.unknown_headers = []
        sheet.rows_read = len(frame)
        return sheet

    def _sheet(self, kind: str, frame: pd.DataFrame, problems: list[Problem]) -> ParsedSheet:
        mapping = {c.text: c.name for c in self.match.columns}
        return ParsedSheet(
            self.name, kind, self.match.row + 1, mapping, list(self.unknown), frame, problems, self.rows_read
        )

    def _sheet_problem(self, column: str | None, key: str, **params: object) -> None:
        self.sheet_problems.append(Problem(self.name, None, column, None, key, params))


def named_outcomes(notes: pd.Series | None, index: pd.Index) -> pd.Series:
    """True for the outcome rows whose 说明 names the item (a cell with text); absent column or empty cell: False."""
    if notes is None:
        return pd.Series(False, index=index)
    return notes.notna() & notes.astype(str).str.strip().ne("")


def _repeated(value: object, count: int) -> np.ndarray:
    """An object array holding `value` `count` times: np.full would make a new str object per element."""
    cells = np.empty(count, dtype=object)
    cells.fill(value)
    return cells


def _years(dates: pd.Series) -> pd.Series:
    # Dates repeat (a few hundred distinct days in 100k rows): each is asked its year once.
    codes, days = pd.factorize(dates.to_numpy(dtype=object), use_na_sentinel=True)
    years = pd.array([d.year if isinstance(d, dt.date) else None for d in days] + [None], dtype="Int64")
    return pd.Series(years.take(codes), index=dates.index, dtype="Int64")


def _fill_years(years: pd.Series, dates: pd.Series) -> pd.Series:
    """Missing years taken from the dates, which are only looked at when a year is missing."""
    missing = years.isna()
    if not missing.any():
        return years
    return years.fillna(_years(dates[missing]))


def _typed(series: pd.Series, kind: str) -> pd.Series:
    """The column's dtype: Int64 for counts and years, float64 for 万元, object (None for missing) for the rest."""
    if kind in ("int", "year", "quarter"):
        return series if series.dtype == "Int64" else pd.to_numeric(series, errors="coerce").astype("Int64")
    if kind in ("wan", "number", "points"):
        return series if series.dtype == "float64" else pd.to_numeric(series, errors="coerce").astype("float64")
    cells = series.to_numpy(dtype=object)
    missing = pd.isna(cells)
    if series.dtype == object and not missing.any():
        return series  # nothing to replace: no copy
    cells = cells.copy()
    cells[missing] = None
    return pd.Series(cells, index=series.index, dtype=object)
