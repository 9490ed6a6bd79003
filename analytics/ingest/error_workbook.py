"""error_workbook: the analyst's own rows back as .xlsx, bad cells filled red and a reason column per row."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import defaultdict

import xlsxwriter

from analytics.display.formatting import display_width
from analytics.i18n import t
from analytics.ingest.parse import ParsedUpload, Problem

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
WIDTH_SAMPLE_ROWS = 2000  # rows measured for a column's width: enough to see the sheet's longest names


def _header_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def _reason(problem: Problem, lang: str) -> str:
    """The message without the sheet and row, which the row itself shows."""
    where = t("loc_in_row", lang, column=problem.column) if problem.column else ""
    return where + problem.reason(lang)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("_", name)[:31] or "Sheet"
    candidate, n = base, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{base[:28]}({n})"
    taken.add(candidate.casefold())
    return candidate


def error_workbook(parsed: ParsedUpload, lang: str = "zh") -> bytes:
    """Every sheet as uploaded, rows at their own Excel row numbers, with problems marked; plus a summary sheet."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "strings_to_formulas": False,  # an analyst's '=cmd|...' stays text, never a live formula
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "constant_memory": True,
            "default_date_format": "yyyy-mm-dd",
        },
    )
    bad = workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
    bad_date = workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "num_format": "yyyy-mm-dd"})
    bold = workbook.add_format({"bold": True})
    taken: set[str] = set()

    summary = workbook.add_worksheet(_sheet_name(t("error_summary_sheet", lang), taken))
    summary.set_column(0, 0, 100)
    sheet_level = list(parsed.problems)
    for row, problem in enumerate(sheet_level):
        summary.write_string(row, 0, problem.message(lang))

    header_rows = {}
    by_row: dict[str, dict[int, list[Problem]]] = defaultdict(lambda: defaultdict(list))
    for sheet in parsed.sheets:
        header_rows.setdefault(sheet.sheet, sheet.header_row)
        for problem in sheet.problems:
            by_row[sheet.sheet][problem.row].append(problem)
    offset = len(sheet_level)
    for n, problem in enumerate(p for rows in by_row.values() for ps in rows.values() for p in ps):
        summary.write_string(offset + n, 0, problem.message(lang))

    for name, rows in parsed.raw.items():
        worksheet = workbook.add_worksheet(_sheet_name(name, taken))
        problems = by_row.get(name, {})
        header_row = header_rows.get(name)
        width = max((len(r) for r in rows), default=0)
        _set_widths(worksheet, rows, width)
        positions: dict[str, int] = {}
        if header_row:
            positions = {_header_text(c): i for i, c in enumerate(rows[header_row - 1])}
        # constant_memory writes a row once it is left: each row is written whole, in order.
        for index, row in enumerate(rows):
            found = problems.get(index + 1, [])
            marked = {positions.get(p.column) for p in found} - {None}
            for col, value in enumerate(row):
                _write(worksheet, index, col, value, (bad_date if _is_date(value) else bad) if col in marked else None)
            if header_row and index == header_row - 1:
                worksheet.write_string(index, width, t("error_column", lang), bold)
            elif found:
                worksheet.write_string(index, width, "；".join(_reason(p, lang) for p in found), bad)
    workbook.close()
    return buffer.getvalue()


def _set_widths(worksheet, rows: list, reason_column: int) -> None:
    """Each column as wide as its longest value (up to 40), the reason column wide enough to read a message."""
    widths = [8] * reason_column
    for row in rows[:WIDTH_SAMPLE_ROWS]:
        for col, value in enumerate(row):
            if value is not None:
                widths[col] = max(widths[col], min(40, display_width(value) + 2))
    for col, width in enumerate(widths):
        worksheet.set_column(col, col, width)
    worksheet.set_column(reason_column, reason_column, 60)


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date)


def _write(worksheet, row: int, col: int, value: object, fmt) -> None:
    if value is None or value == "":
        if fmt is not None:
            worksheet.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        worksheet.write_string(row, col, value, fmt)
    elif isinstance(value, bool):
        worksheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        worksheet.write_number(row, col, value, fmt)
    elif isinstance(value, dt.datetime | dt.date):
        worksheet.write_datetime(row, col, value, fmt)
    else:
        worksheet.write_string(row, col, str(value), fmt)
