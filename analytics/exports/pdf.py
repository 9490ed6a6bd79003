"""The report as PDF (fpdf2, the installed CJK font embedded): the deck's pages, for those who only read PDF."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from analytics.exports import images
from analytics.exports.report import Report, Tile
from analytics.i18n import t

FONT = "cjk"
RED, INK, GREY, PALE = (192, 57, 43), (34, 34, 34), (119, 119, 119), (251, 238, 236)
MARGIN = 14.0


class MissingFontError(RuntimeError):
    """No CJK font is installed: Chinese would come out as nothing. The message says what to install."""


class _Pages(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.footer_text = footer_text
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=16)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, size=8)
        self.set_text_color(*GREY)
        self.cell(self.epw - 20, 5, self.footer_text)
        self.cell(20, 5, str(self.page_no()), align="R")


def _paragraph(pdf: _Pages, text: str, size: float, *, color=INK, height: float | None = None) -> None:
    pdf.set_font(FONT, size=size)
    pdf.set_text_color(*color)
    # Chinese has no spaces to break at: wrap at any character.
    pdf.multi_cell(0, height or size * 0.5, text, wrapmode=WrapMode.CHAR, align="L", new_x=XPos.LMARGIN)


def _title(pdf: _Pages, text: str) -> None:
    pdf.add_page()
    pdf.set_font(FONT, size=20)
    pdf.set_text_color(*RED)
    pdf.cell(0, 12, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_fill_color(*RED)
    pdf.rect(MARGIN, pdf.get_y() + 1, 30, 1.2, style="F")
    pdf.ln(6)


def _tiles(pdf: _Pages, tiles: tuple[Tile, ...], height: float, value_size: float) -> None:
    columns, gap = 4, 5.0
    width = (pdf.epw - gap * (columns - 1)) / columns
    top = pdf.get_y()
    for index, tile in enumerate(tiles):
        row, column = divmod(index, columns)
        x, y = MARGIN + column * (width + gap), top + row * (height + gap)
        pdf.set_fill_color(*PALE)
        pdf.rect(x, y, width, height, style="F", round_corners=True, corner_radius=2)
        for offset, text, size, color in (
            (0.18, tile.value, value_size, RED),
            (0.55, tile.label, 11, INK),
            (0.78, tile.delta or "", 9, GREY),
        ):
            pdf.set_xy(x, y + height * offset)
            pdf.set_font(FONT, size=size)
            pdf.set_text_color(*color)
            pdf.cell(width, size * 0.4, text, align="C")
    rows = (len(tiles) + columns - 1) // columns
    pdf.set_xy(MARGIN, top + rows * (height + gap))


def build(report: Report, chart_images: list[bytes] | None = None) -> bytes:
    """The report as PDF bytes; chart_images (PNG, one per report chart) are rendered when not given."""
    font = images.cjk_font()
    if font is None:
        raise MissingFontError(t("export.no_cjk_font", report.lang))
    lang, stamp = report.lang, report.stamp
    pdf = _Pages(stamp.footer())
    pdf.set_title(report.title)
    pdf.set_creator(t("app.title", lang))
    pdf.add_font(FONT, fname=font.path, collection_font_number=font.index)

    pdf.add_page()
    pdf.set_y(60)
    pdf.set_font(FONT, size=28)
    pdf.set_text_color(*RED)
    pdf.cell(0, 16, report.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    for line in (stamp.units, stamp.period, stamp.generated.strftime("%Y-%m-%d")):
        _paragraph(pdf, line, 16, height=10)
    pdf.ln(8)
    _paragraph(pdf, stamp.lines()[4], 10, color=GREY)

    _title(pdf, t("deck.kpis", lang))
    _tiles(pdf, report.tiles, 34, 22)
    pdf.ln(2)
    _paragraph(pdf, report.sentence, 14, height=8)
    pdf.ln(2)
    _paragraph(pdf, "；".join(report.notes), 9, color=GREY)

    pictures = chart_images if chart_images is not None else [
        images.png(images.for_export(page.figure, keep_title=False)) for page in report.charts
    ]  # fmt: skip
    for page, picture in zip(report.charts, pictures, strict=True):
        _title(pdf, page.title)
        width = pdf.epw
        pdf.image(io.BytesIO(picture), x=MARGIN, y=pdf.get_y(), w=width, h=width * images.HEIGHT / images.WIDTH)
        pdf.set_y(pdf.get_y() + width * images.HEIGHT / images.WIDTH + 3)
        _paragraph(pdf, page.takeaway, 13, height=7)

    if report.people is not None:  # issue 16: the 人才 section, after the headline charts
        _title(pdf, report.people.title)
        _tiles(pdf, report.people.tiles, 30, 20)
        for line in report.people.lines:
            _paragraph(pdf, line, 12, height=7)
        for page in report.people.charts:
            _title(pdf, page.title)
            picture = images.png(images.for_export(page.figure, keep_title=False))
            width = pdf.epw
            pdf.image(io.BytesIO(picture), x=MARGIN, y=pdf.get_y(), w=width, h=width * images.HEIGHT / images.WIDTH)
            pdf.set_y(pdf.get_y() + width * images.HEIGHT / images.WIDTH + 3)
            _paragraph(pdf, page.takeaway, 13, height=7)

    for unit in report.units:
        _title(pdf, unit.unit)
        _paragraph(pdf, unit.sentence, 15, height=9)
        pdf.ln(6)
        _tiles(pdf, unit.tiles, 30, 20)

    _title(pdf, t("deck.definitions", lang))
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(*INK)
    with pdf.table(col_widths=(1, 5), text_align="LEFT", first_row_as_headings=False, line_height=6) as table:
        for name, text in stamp.definitions():
            table.row((name, text))
    pdf.ln(4)
    for line in stamp.lines():
        _paragraph(pdf, line, 9, color=GREY)
    return bytes(pdf.output())
