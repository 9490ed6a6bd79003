"""The workbook (.xlsx) of what the filters select: 说明 (stamp, definitions, rows left out), KPIs by unit, projects,
outcomes; the detail sheets hold max_rows rows in all (projects first) and say so when the selection has more."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rvgsrust_xlsxwriter import Workbook

from analytics import metrics
from analytics.contract import access, vocab
from analytics.contract.missing import is_missing
from analytics.display import labels
from analytics.exports import printable, running
from analytics.exports.stamp import make_stamp
from analytics.filters import Filters
from analytics.i18n import TABLE, t
from analytics.metrics import outcomes as outcomes_metrics
from analytics.metrics import projects as projects_metrics
from analytics.metrics import talent
from analytics.store import tree

# Text Excel (or LibreOffice, WPS) could read as a formula or command when a cell is edited or re-imported.
RISKY_FIRST = ("=", "+", "-", "@", "\t", "\r")
# Rows an .xlsx sheet can hold (Excel's limit). The detail sheets together hold one sheet's worth of rows (its
# header and a notice row aside), projects first, then outcomes: a workbook that size (1M rows, ~55 MB) still opens
# in Excel or WPS on an office PC, and is written in well under 20 s; twice that neither opens in 32-bit Office nor
# is written in time. A sheet that stops short ends with a row that says how many rows were left out.
MAX_SHEET_ROWS = 1_048_576
MAX_DATA_ROWS = MAX_SHEET_ROWS - 2
# Column widths are fitted to the text of the first rows only: measuring every cell of a million rows costs seconds.
WIDTH_SAMPLE_ROWS = 10_000
UNKNOWN = "—"
# Text the fast path writes as it is: no risky first character, and only characters printable.printable() keeps
# (printable ASCII, Han, CJK and fullwidth punctuation). Any other row is written cell by cell, marked and quoted.
_PLAIN_CHARS = r"\x20-\x7E\p{Han}\x{2010}-\x{2027}\x{3001}-\x{3007}\x{300A}-\x{303F}\x{FF01}-\x{FF5E}"
_NEEDS_CARE = "^[" + re.escape("".join(RISKY_FIRST)) + "]|[^" + _PLAIN_CHARS + "]"

PROJECT_COLUMNS = (
    "project_id", "name", "unit", "branch", "program", "category", "leader", "year",
    "start_date", "end_date", "status", "party_participants", "participants",
)  # fmt: skip

OUTCOME_COLUMNS = (
    "project_id",
    "project_name",
    "unit",
    "outcome_type",
    "quantity",
    "value_wan",
    "year",
    "date",
    "note",
)

# KPI sheet: (frame column, header key, kind) where kind is count | rate | wan.
KPI_COLUMNS = (
    ("projects", "metric.projects", "count"),
    ("completion_rate", "metric.completion_rate", "rate"),
    ("participation_rate", "metric.participation_rate", "rate"),
    ("party_members", "col.party_members", "count"),
    ("participating_members", "col.participating", "count"),
    ("branch_coverage", "metric.branch_coverage", "rate"),
    ("savings_wan", "metric.savings_wan", "wan"),
    ("patent_count", "metric.patents", "count"),
    ("invention_patents", "col.invention", "count"),
    ("utility_model_patents", "col.utility", "count"),
    ("design_patents", "col.design", "count"),
    ("software_copyrights", "metric.software_copyrights", "count"),
    ("awards_declared", "col.declared", "count"),
    ("awards_awarded", "col.awarded", "count"),
    ("award_rate", "metric.award_rate", "rate"),
)

# How far along a build is: (fraction done 0…1, stage) where stage is "rows" or "packing" (export.progress.<stage>).
Progress = Callable[[float, str], None]
# The share of the build's time spent writing rows; the rest is packing the file (measured at 1M: about half).
ROWS_SHARE = 0.5


def _header(name: str, lang: str, sheet: vocab.SheetKind | None = None) -> str:
    if name == "project_name":
        return t("col.project_name", lang)
    if lang != "zh":
        return name
    return sheet.column(name).zh if sheet else name


class _Writer:
    """Writes one cell by the value's type; text always as text, never as a formula, number or link."""

    def __init__(self, book: Workbook):
        # quote_prefix is Excel's own "'" marker: the cell shows the original text and stays text when edited.
        self.quoted = book.add_format().set_quote_prefix()
        self.date = book.add_format().set_num_format("yyyy-mm-dd")
        self.rate = book.add_format().set_num_format("0.0%")
        self.wan = book.add_format().set_num_format("#,##0.0")
        self.bold = book.add_format().set_bold().set_background_color("#FBEEEC").set_border("thin")
        self.title = book.add_format().set_bold().set_font_size(14).set_font_color("#C0392B")

    def cell(self, sheet, row: int, column: int, value, number_format=None) -> None:
        if is_missing(value):
            return
        if isinstance(value, str):
            # Excel shows a zero-width or bidi character as nothing: two names would read alike in the sheet.
            value = printable.printable(value)
            if value.startswith(RISKY_FIRST):
                sheet.write(row, column, value, self.quoted)
            else:
                sheet.write(row, column, value)
        elif isinstance(value, (pd.Timestamp, datetime)):
            sheet.write_datetime_py(
                row, column, value.to_pydatetime() if isinstance(value, pd.Timestamp) else value, self.date
            )
        elif isinstance(value, date):
            sheet.write_datetime_py(row, column, datetime(value.year, value.month, value.day), self.date)
        elif isinstance(value, bool):
            sheet.write(row, column, value)
        else:
            value = float(value) if not isinstance(value, int) else value
            if number_format is None:
                sheet.write(row, column, value)
            else:
                sheet.write(row, column, value, number_format)

    def _frame(self, sheet, headers: list[str], widths: list[int], count: int) -> None:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(count, 1), len(headers) - 1)
        for column, width in enumerate(widths):
            # Wide enough for the longest Chinese name in the column (a CJK character is two columns wide).
            sheet.set_column_width(column, max(10, min(60, width + 2)))

    def headers(self, sheet, headers: list[str]) -> list[int]:
        for column, header in enumerate(headers):
            sheet.write(0, column, header, self.bold)
        return [_display_width(header) for header in headers]

    def table(self, sheet, headers: list[str], rows: Iterable, formats: list | None = None) -> None:
        """Header row, then the rows in order (a small table: KPIs, running-the-programme lists, people)."""
        widths = self.headers(sheet, headers)
        count = 0
        for count, values in enumerate(rows, start=1):
            measure = count <= WIDTH_SAMPLE_ROWS
            for column, value in enumerate(values):
                self.cell(sheet, count, column, value, formats[column] if formats else None)
                if measure and isinstance(value, str):
                    widths[column] = max(widths[column], _display_width(printable.printable(value)))
        self._frame(sheet, headers, widths, count)

    def batches(
        self,
        sheet,
        headers: list[str],
        batches: Iterable[pa.RecordBatch],
        done: Callable[[int], None],
        plain: frozenset[str] = frozenset(),
    ):
        """Header row, then the record batches' rows in order, streamed to disk. Rows whose text is plain go through
        the writer's Arrow path a run at a time; a row with risky or unprintable text, or a NaN, cell by cell.
        plain names the columns known to hold plain text only (not looked at). Returns the number of rows written."""
        widths = self.headers(sheet, headers)
        count = 0
        for batch in batches:
            batch = _plain_types(batch)
            if count < WIDTH_SAMPLE_ROWS:
                _measure(batch.slice(0, WIDTH_SAMPLE_ROWS - count), widths)
            dates = {name: self.date for name, kind in zip(batch.schema.names, batch.schema.types, strict=True)
                     if pa.types.is_date(kind) or pa.types.is_timestamp(kind)}  # fmt: skip
            careful = np.flatnonzero(_needs_care(batch, plain))
            start = 0
            for index in [*careful.tolist(), batch.num_rows]:
                if index > start:
                    sheet.write_dataframe(
                        count + 1 + start, 0, batch.slice(start, index - start), write_header=False,
                        column_formats=dates,
                    )  # fmt: skip
                if index < batch.num_rows:
                    for column, value in enumerate(batch.slice(index, 1).to_pylist()[0].values()):
                        self.cell(sheet, count + 1 + index, column, value)
                start = index + 1
            count += batch.num_rows
            done(count)
        self._frame(sheet, headers, widths, count)
        return count


def _plain_types(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Decimals as doubles: the Arrow path writes numbers of the float and integer types."""
    if not any(pa.types.is_decimal(kind) for kind in batch.schema.types):
        return batch
    columns = [column.cast(pa.float64()) if pa.types.is_decimal(column.type) else column for column in batch.columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _plain_choices(sheet_kind: vocab.SheetKind) -> frozenset[str]:
    """The sheet's choice columns whose every allowed value is plain text: the store holds nothing else in them
    (a CHECK of the allowed values), so their cells need no look."""
    return frozenset(
        column.name
        for column in sheet_kind.columns
        if column.kind == "choice"
        and all(printable.printable(value) == value and not value.startswith(RISKY_FIRST) for value in column.choices)
    )


def _needs_care(batch: pa.RecordBatch, plain: frozenset[str] = frozenset()) -> np.ndarray:
    """True for the rows with a text that starts risky or holds a character other than plain ones, or a NaN."""
    care = np.zeros(batch.num_rows, dtype=bool)
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if name in plain:
            continue
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            found = pc.match_substring_regex(column, _NEEDS_CARE)
        elif pa.types.is_floating(column.type):
            found = pc.is_nan(column)
        else:
            continue
        care |= found.fill_null(False).to_numpy(zero_copy_only=False)
    return care


def _measure(batch: pa.RecordBatch, widths: list[int]) -> None:
    """Widen each text column to its widest entry: plain text counted in Arrow (a character of three UTF-8 bytes,
    Han or CJK punctuation, is two columns wide), any other through printable and _display_width."""
    for position, column in enumerate(batch.columns):
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        values = pc.unique(column.drop_null())
        if not len(values):
            continue
        care = pc.match_substring_regex(values, _NEEDS_CARE)
        plain = values.filter(pc.invert(care))
        if len(plain):
            characters = pc.utf8_length(plain)
            wide = pc.divide(pc.subtract(pc.binary_length(plain), characters), 2)
            widths[position] = max(widths[position], pc.max(pc.add(characters, wide)).as_py())
        for value in values.filter(care).to_pylist():
            widths[position] = max(widths[position], _display_width(printable.printable(value)))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(text))


def _frame_rows(frame: pd.DataFrame, columns) -> list[list]:
    # Python objects, not numpy scalars: the writer and the type dispatch above want plain values.
    return [[None if is_missing(v) else (v.item() if hasattr(v, "item") else v) for v in row]
            for row in frame[list(columns)].astype(object).itertuples(index=False)]  # fmt: skip


def build(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    lang: str = "zh",
    *,
    names: access.NameScope = access.EVERY_UNIT,
    max_rows: int = MAX_DATA_ROWS,
    progress: Progress | None = None,
) -> bytes:
    """The workbook as .xlsx bytes, people's names only where names (the exporter's NameScope) covers the units.
    Rows go to disk as they are written (constant memory), so a million projects never sit in memory as cells;
    the projects and outcomes sheets hold max_rows rows in all (projects first), and the 说明 sheet and a short
    sheet's last row say how many were left out and how to get them. progress, when given, hears how far it is."""
    stamp = make_stamp(con, filters, lang)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbook.xlsx"
        book = Workbook(str(path))
        book.set_tempdir(folder)
        _write(book, con, filters, stamp, lang, names, max_rows, progress or (lambda fraction, stage: None))
        book.close()
        return path.read_bytes()


def _write(
    book: Workbook,
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    stamp,
    lang: str,
    names: access.NameScope,
    max_rows: int,
    progress: Progress,
) -> None:
    writer = _Writer(book)
    header_text = printable.printable(stamp.footer()).replace("&", "&&")[:200]
    # Sheets in the order they are shown; the 说明 sheet is filled last, once it is known what was left out.
    about = book.add_worksheet(t("sheet.about", lang))

    kpi_sheet = book.add_worksheet(t("sheet.kpis", lang))
    # With the 本级 row, the units' rows add up to the 合计 row below them.
    units = tree.comparison_groups(con, filters)
    by_unit = labels.with_unit_labels(metrics.kpis_by_unit(con, filters, units), lang)
    total = metrics.summary(con, filters)
    total_row = {
        **total,
        "unit": t("sheet.total", lang),
        "patent_count": total["patents"]["total"],
        **{column: total["patents"][zh] for zh, column in vocab.PATENT_COLUMNS.items()},
    }
    kinds = {"rate": writer.rate, "wan": writer.wan, "count": None}
    headers = [t("col.unit", lang)] + [t(key, lang) for _, key, _ in KPI_COLUMNS]
    formats = [None] + [kinds[kind] for _, _, kind in KPI_COLUMNS]
    rows = []
    for record in [*by_unit.to_dict("records"), total_row]:
        values = [record["unit"]]
        for column, _, kind in KPI_COLUMNS:
            value = record[column]
            # An unknown rate or headcount is shown as unknown, never as an empty cell a sum would read as 0.
            values.append(UNKNOWN if is_missing(value) and kind in ("rate", "count") else value)
        rows.append(values)
    writer.table(kpi_sheet, headers, rows, formats)
    if total["reference_year"] is not None:
        kpi_sheet.write(len(rows) + 2, 0, t("deck.stock_year", lang, year=total["reference_year"]))

    details = (
        ("sheet.projects", projects_metrics.selected_project_count(con, filters),
         projects_metrics.selected_project_batches, PROJECT_COLUMNS, vocab.PROJECTS),
        ("sheet.outcomes", outcomes_metrics.selected_outcome_count(con, filters),
         outcomes_metrics.selected_outcome_batches, OUTCOME_COLUMNS, vocab.OUTCOMES),
    )  # fmt: skip
    to_write = min(max_rows, sum(found for _, found, _, _, _ in details)) or 1
    written = 0
    left_out = []
    for name_key, found, batches, columns, sheet_kind in details:
        title = t(name_key, lang)
        sheet = book.add_worksheet(title, constant_memory=True)
        headers = [_header(column, lang, sheet_kind if column in {c.name for c in sheet_kind.columns} else None)
                   for column in columns]  # fmt: skip
        room = min(found, max_rows - written)
        ordered = iter(())
        if room > 0:
            returned, stream = batches(con, filters, limit=room)
            positions = [returned.index(column) for column in columns]
            ordered = (batch.select(positions) for batch in stream)
        before = written

        def done(rows: int, before: int = before) -> None:
            progress(ROWS_SHARE * (before + rows) / to_write, "rows")

        count = writer.batches(sheet, headers, ordered, done, _plain_choices(sheet_kind))
        written += count
        if found > count:
            shown, more = f"{count:,}", f"{found - count:,}"
            notice = t("sheet.truncated", lang, sheet=title, total=f"{found:,}", rows=shown, left=more)
            sheet.write(count + 1, 0, notice, writer.bold)
            left_out.append(notice)
        sheet.set_header(f"&L{header_text}")
    _people_sheets(con, filters, lang, book, writer, header_text, names)
    # issue 17: checks, 书记项目 lists, suggestions and points, each on its own sheet.
    for title, frame, columns in running.workbook_sheets(con, filters, lang):
        sheet = book.add_worksheet(title[:31], constant_memory=True)
        headers = [_running_header(column, lang) for column in columns]
        formats = [writer.rate if column.endswith("_rate") else None for column in columns]
        writer.table(sheet, headers, _frame_rows(frame, columns), formats)
        sheet.set_header(f"&L{header_text}")
    _about(about, writer, stamp, lang, left_out)
    for sheet in (about, kpi_sheet):
        sheet.set_header(f"&L{header_text}")
    progress(ROWS_SHARE, "packing")


def _about(about, writer: _Writer, stamp, lang: str, left_out: list[str]) -> None:
    """Title, the stamp's lines, what the detail sheets left out (when anything was), the definitions."""
    about.set_column_width(0, 22)
    about.set_column_width(1, 100)
    about.write(0, 0, t("deck.title", lang), writer.title)
    row = 2
    for row, line in enumerate(stamp.lines(), start=2):
        writer.cell(about, row, 0, line)
    row += 2
    if left_out:
        about.write(row, 0, t("sheet.left_out", lang), writer.bold)
        for line in left_out:
            row += 1
            writer.cell(about, row, 0, line)
        row += 2
    about.write(row, 0, t("sheet.definitions", lang), writer.bold)
    for name, text in stamp.definitions():
        row += 1
        writer.cell(about, row, 0, name)
        writer.cell(about, row, 1, text)


# ---- People (issue 16) -------------------------------------------------------------------------------------------

# Columns that name a person: written only when the one access check lets the exporter see the selection's names.
NAME_COLUMNS = ("employee_id", "person", "mentor")


def _people_sheets(
    con, filters: Filters, lang: str, book, writer: _Writer, header_text: str, names: access.NameScope
) -> None:
    """The 人才, 荣誉 and 培训 rows of the selection, one sheet each (only the sheets with rows)."""
    shown = (
        all(access.may_see_names(unit, names) for unit in filters.units)
        if filters.units
        else access.may_see_names(None, names)
    )
    for sheet_kind, frame in (
        (vocab.TALENT, talent.selected_talent(con, filters)),
        (vocab.HONOURS, talent.selected_honours(con, filters)),
        (vocab.TRAINING, talent.selected_training(con, filters)),
    ):
        if frame.empty:
            continue
        columns = [c.name for c in sheet_kind.columns if shown or c.name not in NAME_COLUMNS]
        sheet = book.add_worksheet(t(f"kind.{sheet_kind.name}", lang), constant_memory=True)
        writer.table(sheet, [_header(column, lang, sheet_kind) for column in columns], _frame_rows(frame, columns))
        sheet.set_header(f"&L{header_text}")


def _running_header(column: str, lang: str) -> str:
    """A running-the-programme column: its own header or metric name, else its sheet's zh header, else as is."""
    for key in (f"runcol.{column}", f"metric.{column}"):
        if key in TABLE:
            return t(key, lang)
    if lang == "zh":
        for kind in vocab.RUNNING_KINDS:
            if any(c.name == column for c in kind.columns):
                return kind.column(column).zh
    return column
