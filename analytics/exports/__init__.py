"""Exports for a connection and Filters, as bytes: deck (.pptx), workbook (.xlsx), PDF and chart images (.zip)."""

from __future__ import annotations

import re
from collections.abc import Callable
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


# What a build reports it is doing (export.progress.<stage>).
PROGRESS_STAGES = ("start", "figures", "charts", "rows", "packing", "done")
FIGURES_SHARE = 0.35

FORMATS = {
    "pptx": Format("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", True),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    "pdf": Format("pdf", "application/pdf", True),
    "png": Format("zip", "application/zip", True),
}


def build(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    fmt: str,
    lang: str = "zh",
    *,
    names: NameScope,
    progress: Callable[[float, str], None] | None = None,
) -> bytes:
    """The export in the given format: the one code path for the download buttons, the command line and the API.
    names is whose people the exporter may see by name (the deck and PDF carry counts only). progress, when given,
    is told (fraction done, stage) as the build goes: stage is one of PROGRESS_STAGES."""
    tell = progress or (lambda fraction, stage: None)
    if fmt == "xlsx":
        return workbook.build(con, filters, lang, names=names, progress=tell)
    tell(0.0, "figures")
    content = report.build(con, filters, lang)
    if fmt not in ("pptx", "pdf", "png"):
        raise ValueError(fmt)
    # The figures take about a third of a deck's time, the chart images the rest.
    pictures = []
    for number, page in enumerate(content.charts):
        tell(FIGURES_SHARE + (1 - FIGURES_SHARE) * number / max(1, len(content.charts)), "charts")
        pictures.append(images.png(images.for_export(page.figure, keep_title=fmt == "png")))
    tell(1.0, "packing")
    if fmt == "pptx":
        return deck.build(content, pictures)
    if fmt == "pdf":
        return pdf.build(content, pictures)
    return images.charts_zip(content.charts, file_stem(filters, lang), pictures)


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
