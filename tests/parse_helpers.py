"""Small workbooks and CSVs built in code for the upload parser's tests."""

from __future__ import annotations

import io

import xlsxwriter

from analytics.ingest.parse import ParsedSheet, ParsedUpload, parse_file

PROJECT_HEADER = ["项目编号", "项目名称", "单位", "年度"]


def xlsx(sheets: dict[str, list[list]], merges: dict[str, list[tuple]] | None = None) -> bytes:
    """An .xlsx with one sheet per entry; rows start at A1; merges are (first_row, first_col, last_row, last_col, v)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if hasattr(value, "isoformat"):
                    sheet.write_datetime(r, c, value, date_format)
                else:
                    sheet.write(r, c, value)
        for first_row, first_col, last_row, last_col, value in (merges or {}).get(name, []):
            sheet.merge_range(first_row, first_col, last_row, last_col, value)
    workbook.close()
    return buffer.getvalue()


def csv_bytes(rows: list[list], encoding: str = "utf-8") -> bytes:
    return "\n".join(",".join(str(v) for v in row) for row in rows).encode(encoding)


def parse_xlsx(rows: list[list], sheet: str = "Sheet1", **kwargs) -> ParsedUpload:
    return parse_file("upload.xlsx", xlsx({sheet: rows}), **kwargs)


def only(upload: ParsedUpload, kind: str | None = None) -> ParsedSheet:
    sheets = [s for s in upload.sheets if kind is None or s.kind == kind]
    assert len(sheets) == 1, [(s.sheet, s.kind) for s in upload.sheets]
    return sheets[0]


def messages(problems, lang: str = "zh") -> list[str]:
    return [p.message(lang) for p in problems]
