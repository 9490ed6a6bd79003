"""The meeting deck (.pptx) for a 党委 汇报: dated cover, key figures with 同比 and 红黄绿, one slide per chart,
the units ranked, awards, studio warnings, overdue projects, definitions; every slide stamped, no text under 14 pt
but the footer."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from analytics.exports import images, printable
from analytics.exports.report import Report, TablePage, Tile
from analytics.i18n import t

# Microsoft YaHei ships with Windows and WPS; PowerPoint picks East Asian text's font from <a:ea>, not <a:latin>.
FONT = "Microsoft YaHei"
RED = RGBColor(0xC0, 0x39, 0x2B)
INK = RGBColor(0x22, 0x22, 0x22)
GREY = RGBColor(0x77, 0x77, 0x77)
PALE = RGBColor(0xFB, 0xEE, 0xEC)
# 红黄绿: the tile's band colour and its word (kpi_band.JUDGEMENTS).
JUDGEMENT_COLOURS = {
    "green": RGBColor(0x1E, 0x84, 0x49),
    "yellow": RGBColor(0xD4, 0xA0, 0x17),
    "red": RGBColor(0xC0, 0x39, 0x2B),
}
HEADER_FILL = RGBColor(0xC0, 0x39, 0x2B)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
TITLE_ONLY_LAYOUT = 5


def set_font(run, size: int, *, bold: bool = False, color: RGBColor = INK) -> None:
    """Name the font for Latin and East Asian text, so Chinese does not fall back to a default face."""
    font = run.font
    font.size, font.bold, font.name = Pt(size), bold, FONT
    font.color.rgb = color
    properties = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", FONT)


def _write(frame, lines: list[str], size: int, *, bold=False, color=INK, align=PP_ALIGN.LEFT) -> None:
    frame.word_wrap = True
    for number, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        # PowerPoint and WPS find a face for an emoji, but a zero-width or bidi character prints as nothing.
        run.text = printable.printable(line)
        set_font(run, size, bold=bold, color=color)


def _text(slide, left, top, width, height, lines, size, **style):
    box = slide.shapes.add_textbox(left, top, width, height)
    _write(box.text_frame, lines if isinstance(lines, list) else [lines], size, **style)
    return box


def _slide(deck, title: str, stamp_footer: str, number: int):
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    heading = slide.shapes.title
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.9)
    heading.text_frame.clear()
    _write(heading.text_frame, [title], 28, bold=True, color=RED)
    heading.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.22), Inches(1.2), Emu(45720))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RED
    bar.line.fill.background()
    _text(slide, MARGIN, HEIGHT - Inches(0.5), WIDTH - 2 * MARGIN - Inches(0.8), Inches(0.35), stamp_footer, 10,
          color=GREY)  # fmt: skip
    _text(slide, WIDTH - MARGIN - Inches(0.8), HEIGHT - Inches(0.5), Inches(0.8), Inches(0.35), str(number), 10,
          color=GREY, align=PP_ALIGN.RIGHT)  # fmt: skip
    return slide


def _tiles(slide, tiles: tuple[Tile, ...], top, tile_height, value_size: int, lang: str) -> None:
    columns = 4
    gap = Inches(0.25)
    tile_width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
    for index, tile in enumerate(tiles):
        row, column = divmod(index, columns)
        left = MARGIN + column * (tile_width + gap)
        tile_top = top + row * (tile_height + gap)
        shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, tile_top, tile_width, tile_height)
        shape.fill.solid()
        shape.fill.fore_color.rgb = PALE
        shape.line.fill.background()
        if tile.judgement:
            # The 红黄绿 judgement as a band down the tile's left edge, and its word after the change.
            band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, tile_top, Inches(0.14), tile_height)
            band.fill.solid()
            band.fill.fore_color.rgb = JUDGEMENT_COLOURS[tile.judgement]
            band.line.fill.background()
        frame = shape.text_frame
        frame.clear()
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _write(frame, [tile.value], value_size, bold=True, color=RED, align=PP_ALIGN.CENTER)
        delta = tile.delta or ""
        if tile.judgement:
            delta = f"{delta}  {t(f'deck.judgement.{tile.judgement}', lang)}"
        lines = ((tile.label, 16, INK, False), (delta.strip(), 14, JUDGEMENT_COLOURS.get(tile.judgement, GREY), True))
        for text, size, color, bold in lines:
            paragraph = frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            run = paragraph.add_run()
            run.text = printable.printable(text)
            set_font(run, size, bold=bold, color=color)


def _table(slide, page: TablePage, top, height) -> None:
    """A native table: header row in red, 14 pt text, the first column as wide as its longest entry allows."""
    rows = len(page.rows) + 1
    columns = len(page.headers)
    shape = slide.shapes.add_table(rows, columns, MARGIN, top, WIDTH - 2 * MARGIN, min(height, Inches(0.42) * rows))
    table = shape.table
    weights = [max(len(str(row[index])) for row in (page.headers, *page.rows)) + 2 for index in range(columns)]
    total = sum(weights)
    for index, weight in enumerate(weights):
        table.columns[index].width = int((WIDTH - 2 * MARGIN) * weight / total)
    for column, header in enumerate(page.headers):
        cell = table.cell(0, column)
        cell.fill.solid()
        cell.fill.fore_color.rgb = HEADER_FILL
        cell.text_frame.clear()
        _write(cell.text_frame, [header], 14, bold=True, color=WHITE)
    last = len(page.rows)
    for row_number, row in enumerate(page.rows, start=1):
        for column, value in enumerate(row):
            cell = table.cell(row_number, column)
            cell.fill.solid()
            cell.fill.fore_color.rgb = PALE if row_number == last and page.key in ("ranking", "awards") else WHITE
            cell.text_frame.clear()
            _write(cell.text_frame, [str(value)], 14, bold=row_number == last and page.key in ("ranking", "awards"))


def build(report: Report, chart_images: list[bytes] | None = None) -> bytes:
    """The deck as .pptx bytes; chart_images (PNG, one per report chart) are rendered when not given."""
    lang, stamp = report.lang, report.stamp
    footer = stamp.footer()
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    number = 0

    def next_slide(title):
        nonlocal number
        number += 1
        return _slide(deck, title, footer, number)

    cover = next_slide(report.title)
    cover.shapes.title.top, cover.shapes.title.height = Inches(2.0), Inches(1.2)
    # The cover is dated by the data's own period end, not by the day it was made (that goes in small type).
    as_of = t("deck.cover_date", lang, date=stamp.as_of_text)
    _text(cover, MARGIN, Inches(3.4), WIDTH - 2 * MARGIN, Inches(2.2), [stamp.units, stamp.period, as_of], 24)
    made = t("deck.cover_made", lang, date=stamp.generated.strftime("%Y-%m-%d"))
    _text(cover, MARGIN, Inches(5.9), WIDTH - 2 * MARGIN, Inches(0.5), made, 14, color=GREY)

    kpi = next_slide(t("deck.kpis", lang))
    _tiles(kpi, report.tiles, Inches(1.5), Inches(1.5), 30, lang)
    _text(kpi, MARGIN, Inches(4.85), WIDTH - 2 * MARGIN, Inches(1.2), report.sentence, 18)
    _text(kpi, MARGIN, Inches(6.05), WIDTH - 2 * MARGIN, Inches(0.8), ["；".join(report.notes)], 14, color=GREY)

    pictures = chart_images if chart_images is not None else chart_pngs(report)
    for page, picture in zip(report.charts, pictures, strict=True):
        slide = next_slide(page.title)
        height = Inches(4.9)
        width = int(height * images.WIDTH / images.HEIGHT)
        slide.shapes.add_picture(io.BytesIO(picture), (WIDTH - width) // 2, Inches(1.45), width, height)
        _text(slide, MARGIN, Inches(6.4), WIDTH - 2 * MARGIN, Inches(0.6), page.takeaway, 16, bold=True)

    if report.people is not None:  # issue 16: the 人才 section, after the headline charts
        section = next_slide(report.people.title)
        _tiles(section, report.people.tiles, Inches(1.6), Inches(1.4), 28, lang)
        _text(section, MARGIN, Inches(3.3), WIDTH - 2 * MARGIN, Inches(2.8), list(report.people.lines), 16)
        for page in report.people.charts:
            slide = next_slide(page.title)
            picture = images.png(images.for_export(page.figure, keep_title=False))
            height = Inches(4.9)
            width = int(height * images.WIDTH / images.HEIGHT)
            slide.shapes.add_picture(io.BytesIO(picture), (WIDTH - width) // 2, Inches(1.45), width, height)
            _text(slide, MARGIN, Inches(6.4), WIDTH - 2 * MARGIN, Inches(0.6), page.takeaway, 16, bold=True)

    for page in report.tables:
        slide = next_slide(page.title)
        _text(slide, MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(0.9), page.summary, 16)
        if page.rows:
            _table(slide, page, Inches(2.4), Inches(4.3))
        elif page.key == "studios":
            _text(slide, MARGIN, Inches(2.5), WIDTH - 2 * MARGIN, Inches(0.6), t("deck.studios.none", lang), 18)
        if page.note:
            _text(slide, MARGIN, Inches(6.55), WIDTH - 2 * MARGIN, Inches(0.4), page.note, 14, color=GREY)

    closing = next_slide(t("deck.definitions", lang))
    definitions = stamp.definitions()
    table = closing.shapes.add_table(len(definitions), 2, MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(4.6)).table
    table.columns[0].width = Inches(2.2)
    table.columns[1].width = WIDTH - 2 * MARGIN - Inches(2.2)
    for row, (name, text) in enumerate(definitions):
        for column, value in enumerate((name, text)):
            cell = table.cell(row, column)
            cell.text_frame.clear()
            _write(cell.text_frame, [value], 14, bold=column == 0)
    _text(closing, MARGIN, Inches(6.3), WIDTH - 2 * MARGIN, Inches(0.6), [" · ".join(stamp.lines())], 10,
          color=GREY)  # fmt: skip

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def chart_pngs(report: Report) -> list[bytes]:
    """Each chart of the report as a slide-sized PNG without its own title (the slide carries it)."""
    return [images.png(images.for_export(page.figure, keep_title=False)) for page in report.charts]
