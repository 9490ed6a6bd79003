"""Exports for a connection and Filters, as bytes: deck (.pptx), workbook (.xlsx), PDF and chart images (.zip)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import duckdb

from analytics.contract.access import NameScope
from analytics.display import formatting
from analytics.exports import deck, images, pdf, report, workbook
from analytics.filters import Filters
from analytics.i18n import t


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    needs_cjk_font: bool


FORMATS = {
    "pptx": Format("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", True),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    "pdf": Format("pdf", "application/pdf", True),
    "png": Format("zip", "application/zip", True),
}


def build(con: duckdb.DuckDBPyConnection, filters: Filters, fmt: str, lang: str = "zh", *, names: NameScope) -> bytes:
    """The export in the given format: the one code path for the download buttons, the command line and the API.
    names is whose people the exporter may see by name (the deck and PDF carry counts only)."""
    if fmt == "xlsx":
        return workbook.build(con, filters, lang, names=names)
    content = report.build(con, filters, lang)
    if fmt == "pptx":
        return deck.build(content)
    if fmt == "pdf":
        return pdf.build(content)
    if fmt == "png":
        return images.charts_zip(content.charts, file_stem(filters, lang))
    raise ValueError(fmt)


def file_stem(filters: Filters, lang: str, today: date | None = None) -> str:
    """创新成效_岳川工具研究所_2025年_2026-01-31: safe as a file name on Windows, macOS and Linux."""
    units = filters.units
    if not units:
        scope = t("filter.whole_group", lang)
    elif len(units) == 1:
        scope = units[0]
    else:
        scope = t("export.more_units", lang, unit=units[0], count=len(units))
    parts = (t("export.file_stem", lang), scope, formatting.period(filters, lang), (today or date.today()).isoformat())
    return re.sub(r'[\\/:*?"<>|\s]+', "_", "_".join(parts))[:120]


def file_name(filters: Filters, fmt: str, lang: str, today: date | None = None) -> str:
    return f"{file_stem(filters, lang, today)}.{FORMATS[fmt].extension}"


def missing_font_hint(lang: str) -> str | None:
    """What to install when no CJK font is there to render Chinese in images and PDFs; None when one is."""
    return None if images.cjk_font() is not None else t("export.no_cjk_font", lang)
