"""The workbook (.xlsx) of what the filters select: 说明 (stamp, definitions), KPIs by unit, projects, outcomes."""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import xlsxwriter

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
# Rows an .xlsx sheet can hold (Excel's limit): a longer table stops one short and says so in its last row.
MAX_SHEET_ROWS = 1_048_576
# Column widths are fitted to the text of the first rows only: measuring every cell of a million rows costs seconds.
WIDTH_SAMPLE_ROWS = 10_000
UNKNOWN = "—"

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


def _header(name: str, lang: str, sheet: vocab.SheetKind | None = None) -> str:
    if name == "project_name":
        return t("col.project_name", lang)
    if lang != "zh":
        return name
    return sheet.column(name).zh if sheet else name


class _Writer:
    """Writes one cell by the value's type; text always as text, never as a formula, number or link."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.text_format = book.add_format({"text_wrap": False})
        # quote_prefix is Excel's own "'" marker: the cell shows the original text and stays text when edited.
        self.quoted = book.add_format({"quote_prefix": True})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.rate = book.add_format({"num_format": "0.0%"})
        self.wan = book.add_format({"num_format": "#,##0.0"})
        self.bold = book.add_format({"bold": True, "bg_color": "#FBEEEC", "border": 1})

    def cell(self, sheet, row: int, column: int, value, number_format=None) -> None:
        if is_missing(value):
            return
        if isinstance(value, str):
            # Excel shows a zero-width or bidi character as nothing: two names would read alike in the sheet.
            value = printable.printable(value)
            quoted = value.startswith(RISKY_FIRST)
            sheet.write_string(row, column, value, self.quoted if quoted else None)
        elif isinstance(value, (pd.Timestamp, datetime)):
            sheet.write_datetime(
                row, column, value.to_pydatetime() if isinstance(value, pd.Timestamp) else value, self.date
            )
        elif isinstance(value, date):
            sheet.write_datetime(row, column, datetime(value.year, value.month, value.day), self.date)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        else:
            sheet.write_number(row, column, float(value) if not isinstance(value, int) else value, number_format)

    def table(self, sheet, headers: list[str], rows, formats: list | None = None, notice: str = "") -> None:
        """Header row, then the rows in order (the sheet streams them to disk); beyond what a sheet holds, the
        last row is the notice instead."""
        for column, header in enumerate(headers):
            sheet.write_string(0, column, header, self.bold)
        count = 0
        widths = [_display_width(header) for header in headers]
        last_data_row = MAX_SHEET_ROWS - 2  # the sheet's last row is kept for the notice
        for count, values in enumerate(rows, start=1):
            if count > last_data_row:
                sheet.write_string(count, 0, notice or "…", self.bold)
                count = last_data_row
                break
            measure = count <= WIDTH_SAMPLE_ROWS
            for column, value in enumerate(values):
                self.cell(sheet, count, column, value, formats[column] if formats else None)
                if measure and isinstance(value, str):
                    widths[column] = max(widths[column], _display_width(printable.printable(value)))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(count, 1), len(headers) - 1)
        for column, width in enumerate(widths):
            # Wide enough for the longest Chinese name in the column (a CJK character is two columns wide).
            sheet.set_column(column, column, max(10, min(60, width + 2)))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(text))


def _frame_rows(frame: pd.DataFrame, columns) -> list[list]:
    # Python objects, not numpy scalars: xlsxwriter and the type dispatch above want plain values.
    return [[None if is_missing(v) else (v.item() if hasattr(v, "item") else v) for v in row]
            for row in frame[list(columns)].astype(object).itertuples(index=False)]  # fmt: skip


def build(
    con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh", *, names: access.NameScope = access.EVERY_UNIT
) -> bytes:
    """The workbook as .xlsx bytes, people's names only where names (the exporter's NameScope) covers the units.
    Rows go to disk as they are written (xlsxwriter's constant_memory), so a million projects never sit in memory
    as cells; each sheet holds at most MAX_SHEET_ROWS rows."""
    stamp = make_stamp(con, filters, lang)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbook.xlsx"
        book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "tmpdir": folder,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        _write(book, con, filters, stamp, lang, names)
        book.close()
        return path.read_bytes()


def _write(
    book: xlsxwriter.Workbook,
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    stamp,
    lang: str,
    names: access.NameScope,
) -> None:
    writer = _Writer(book)
    header_text = printable.printable(stamp.footer()).replace("&", "&&")[:200]

    about = book.add_worksheet(t("sheet.about", lang))
    about.set_column(0, 0, 22)
    about.set_column(1, 1, 100)
    title = book.add_format({"bold": True, "font_size": 14, "font_color": "#C0392B"})
    about.write_string(0, 0, t("deck.title", lang), title)
    for row, line in enumerate(stamp.lines(), start=2):
        writer.cell(about, row, 0, line)
    start = len(stamp.lines()) + 3
    about.write_string(start, 0, t("sheet.definitions", lang), writer.bold)
    for row, (name, text) in enumerate(stamp.definitions(), start=start + 1):
        writer.cell(about, row, 0, name)
        writer.cell(about, row, 1, text)

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
        kpi_sheet.write_string(len(rows) + 2, 0, t("deck.stock_year", lang, year=total["reference_year"]))

    notice = t("sheet.truncated", lang, rows=f"{MAX_SHEET_ROWS - 2:,}")
    for name_key, (found, rows), columns, sheet_kind in (
        ("sheet.projects", projects_metrics.selected_project_rows(con, filters), PROJECT_COLUMNS, vocab.PROJECTS),
        ("sheet.outcomes", outcomes_metrics.selected_outcome_rows(con, filters), OUTCOME_COLUMNS, vocab.OUTCOMES),
    ):
        sheet = book.add_worksheet(t(name_key, lang))
        headers = [_header(column, lang, sheet_kind if column in {c.name for c in sheet_kind.columns} else None)
                   for column in columns]  # fmt: skip
        positions = [found.index(column) for column in columns]
        writer.table(sheet, headers, ([row[i] for i in positions] for row in rows), notice=notice)
        sheet.set_header(f"&L{header_text}")
    _people_sheets(con, filters, lang, book, writer, header_text, names)
    # issue 17: checks, 书记项目 lists, suggestions and points, each on its own sheet.
    for title, frame, columns in running.workbook_sheets(con, filters, lang):
        sheet = book.add_worksheet(title[:31])
        headers = [_running_header(column, lang) for column in columns]
        formats = [writer.rate if column.endswith("_rate") else None for column in columns]
        writer.table(sheet, headers, _frame_rows(frame, columns), formats)
        sheet.set_header(f"&L{header_text}")
    for sheet in (about, kpi_sheet):
        sheet.set_header(f"&L{header_text}")


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
        sheet = book.add_worksheet(t(f"kind.{sheet_kind.name}", lang))
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
