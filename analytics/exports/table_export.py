"""Any table (the audit log) as .xlsx or .csv for a spreadsheet: text that Excel would run (= + - @ tab CR first)
stays text — quote-prefixed in .xlsx, led by an apostrophe in .csv."""

from __future__ import annotations

import pandas as pd
from rvgsrust_xlsxwriter import Workbook

from analytics.contract.missing import is_missing
from analytics.exports.workbook import RISKY_FIRST, _frame_rows, _Writer


def to_xlsx(frame: pd.DataFrame, headers: list[str], sheet_name: str) -> bytes:
    book = Workbook()
    writer = _Writer(book)
    sheet = book.add_worksheet(sheet_name[:31])
    writer.table(sheet, headers, _frame_rows(frame, frame.columns))
    return book.save_to_buffer()


def _safe(value):
    if is_missing(value):
        return ""
    if isinstance(value, str) and value.startswith(RISKY_FIRST):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, headers: list[str]) -> bytes:
    """UTF-8 with a BOM, which Chinese Excel needs to read the text right."""
    safe = frame.astype(object).map(_safe).set_axis(headers, axis=1)
    return safe.to_csv(index=False).encode("utf-8-sig")
