"""The report as PDF (fpdf2, the installed CJK font embedded): the deck's pages, for those who only read PDF."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from analytics.exports import images, printable
from analytics.exports.report import Report, TablePage, Tile
from analytics.i18n import t

FONT = "cjk"
RED, INK, GREY, PALE = (192, 57, 43), (34, 34, 34), (119, 119, 119), (251, 238, 236)
WHITE = (255, 255, 255)
JUDGEMENT_COLOURS = {"green": (30, 132, 73), "yellow": (212, 160, 23), "red": (192, 57, 43)}
MARGIN = 14.0


class MissingFontError(RuntimeError):
    """No CJK font is installed: Chinese would come out as nothing. The message says what to install."""


class _Pages(FPDF):
    def __init__(self, footer_text: str, font: images.FontFile):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.footer_text = footer_text
        self._printable = printable.for_font(font.path, font.index)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=16)

    def normalize_text(self, text: str) -> str:
        # Every string fpdf2 draws passes here: a character the font lacks would silently print as nothing.
        return super().normalize_text(self._printable(text))

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


def _tiles(pdf: _Pages, tiles: tuple[Tile, ...], height: float, value_size: float, lang: str) -> None:
    columns, gap = 4, 5.0
    width = (pdf.epw - gap * (columns - 1)) / columns
    top = pdf.get_y()
    for index, tile in enumerate(tiles):
        row, column = divmod(index, columns)
        x, y = MARGIN + column * (width + gap), top + row * (height + gap)
        pdf.set_fill_color(*PALE)
        pdf.rect(x, y, width, height, style="F", round_corners=True, corner_radius=2)
        delta = tile.delta or ""
        if tile.judgement:
            pdf.set_fill_color(*JUDGEMENT_COLOURS[tile.judgement])
            pdf.rect(x, y, 2.2, height, style="F")
            delta = f"{delta}  {t(f'deck.judgement.{tile.judgement}', lang)}".strip()
        for offset, text, size, color in (
            (0.16, tile.value, value_size, RED),
            (0.52, tile.label, 12, INK),
            (0.76, delta, 11, JUDGEMENT_COLOURS.get(tile.judgement, GREY)),
        ):
            pdf.set_xy(x, y + height * offset)
            pdf.set_font(FONT, size=size)
            pdf.set_text_color(*color)
            pdf.cell(width, size * 0.4, text, align="C")
    rows = (len(tiles) + columns - 1) // columns
    pdf.set_xy(MARGIN, top + rows * (height + gap))


def _table(pdf: _Pages, page: TablePage) -> None:
    """A table slide's rows: a red header row with white text, the rest ink on white, the total row pale."""
    pdf.set_font(FONT, size=11)
    pdf.set_text_color(*INK)
    pdf.set_fill_color(*WHITE)
    pdf.set_draw_color(*GREY)
    weights = [
        max(len(pdf._printable(str(row[index]))) for row in (page.headers, *page.rows)) + 2
        for index in range(len(page.headers))
    ]
    total_row = page.key in ("ranking", "awards")
    with pdf.table(
        col_widths=tuple(weights),
        text_align="LEFT",
        line_height=7,
        cell_fill_mode="NONE",
        headings_style=FontFace(color=WHITE, fill_color=RED),  # no bold face of the CJK font is embedded
    ) as table:
        table.row(page.headers)
        for number, row in enumerate(page.rows, start=1):
            style = FontFace(fill_color=PALE) if total_row and number == len(page.rows) else None
            table.row([str(value) for value in row], style=style)


def build(report: Report, chart_images: list[bytes] | None = None) -> bytes:
    """The report as PDF bytes; chart_images (PNG, one per report chart) are rendered when not given."""
    font = images.cjk_font()
    if font is None:
        raise MissingFontError(t("export.no_cjk_font", report.lang))
    lang, stamp = report.lang, report.stamp
    pdf = _Pages(stamp.footer(), font)
    pdf.set_title(report.title)
    pdf.set_creator(t("app.title", lang))
    pdf.add_font(FONT, fname=font.path, collection_font_number=font.index)

    pdf.add_page()
    pdf.set_y(60)
    pdf.set_font(FONT, size=28)
    pdf.set_text_color(*RED)
    pdf.cell(0, 16, report.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    for line in (stamp.units, stamp.period, t("deck.cover_date", lang, date=stamp.as_of_text)):
        _paragraph(pdf, line, 16, height=10)
    pdf.ln(8)
    _paragraph(pdf, t("deck.cover_made", lang, date=stamp.generated.strftime("%Y-%m-%d")), 10, color=GREY)

    _title(pdf, t("deck.kpis", lang))
    _tiles(pdf, report.tiles, 34, 22, lang)
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
        _tiles(pdf, report.people.tiles, 30, 20, lang)
        for line in report.people.lines:
            _paragraph(pdf, line, 12, height=7)
        for page in report.people.charts:
            _title(pdf, page.title)
            picture = images.png(images.for_export(page.figure, keep_title=False))
            width = pdf.epw
            pdf.image(io.BytesIO(picture), x=MARGIN, y=pdf.get_y(), w=width, h=width * images.HEIGHT / images.WIDTH)
            pdf.set_y(pdf.get_y() + width * images.HEIGHT / images.WIDTH + 3)
            _paragraph(pdf, page.takeaway, 13, height=7)

    for page in report.tables:
        _title(pdf, page.title)
        _paragraph(pdf, page.summary, 13, height=7)
        pdf.ln(3)
        if page.rows:
            _table(pdf, page)
        elif page.key == "studios":
            _paragraph(pdf, t("deck.studios.none", lang), 13, height=7)
        if page.note:
            pdf.ln(2)
            _paragraph(pdf, page.note, 10, color=GREY)

    _title(pdf, t("deck.definitions", lang))
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(*INK)
    pdf.set_fill_color(*WHITE)  # the title's red bar leaves red as the fill colour: tables would print solid red
    pdf.set_draw_color(*GREY)
    with pdf.table(
        col_widths=(1, 5), text_align="LEFT", first_row_as_headings=False, line_height=6, cell_fill_mode="NONE"
    ) as table:
        for name, text in stamp.definitions():
            table.row((name, text))
    pdf.ln(4)
    for line in stamp.lines():
        _paragraph(pdf, line, 9, color=GREY)
    return bytes(pdf.output())
