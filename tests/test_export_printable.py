"""Names that differ only by an invisible character (zero-width space, bidi override) or by an emoji the PDF's font
cannot draw never print alike: the PDF, the deck, the workbook and the chart images show a visible 〈U+XXXX〉 mark."""

from __future__ import annotations

import io

import openpyxl
import pytest
from pptx import Presentation
from pypdf import PdfReader

from analytics.exports import deck, images, pdf, printable, report, workbook
from analytics.filters import Filters
from tests.factories import load_records, new_store

PLAIN = "甲乙公司"
ZERO_WIDTH = "甲\u200b乙公司"
BIDI = "\u202e甲乙公司"
EMOJI = "火箭🚀公司"
# Typed by someone who wants it to print like ZERO_WIDTH: the 〈 that would start a mark is marked itself.
FAKE_MARK = "甲〈U+200B〉乙公司"
NAMES = (PLAIN, ZERO_WIDTH, BIDI, EMOJI, FAKE_MARK)
Y2024 = Filters(year_from=2024, year_to=2024)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("printable"))
    units = [{"unit": "集团", "kind": "集团"}] + [{"unit": name, "parent": "集团"} for name in NAMES]
    # Savings 5, 4, 3, 2, 1 万元 rank the five units in NAMES order.
    projects = [{"project_id": f"P{i}", "name": f"项目{i}", "unit": name, "year": 2024} for i, name in enumerate(NAMES)]
    outcomes = [
        {"project_id": f"P{i}", "outcome_type": "节创价值", "value_wan": 5 - i, "year": 2024} for i in range(len(NAMES))
    ]
    load_records(con, units=units, projects=projects, outcomes=outcomes)
    yield con
    con.close()


@pytest.fixture(scope="module")
def built(con):
    return report.build(con, Y2024, "zh")


def test_the_marks_by_hand():
    assert printable.printable(ZERO_WIDTH) == "甲〈U+200B〉乙公司"
    assert printable.printable(BIDI) == "〈U+202E〉甲乙公司"
    assert printable.printable(FAKE_MARK) == "甲〈U+3008〉U+200B〉乙公司"
    assert printable.printable("《书名》〈篇〉\n第二行") == "《书名》〈篇〉\n第二行"  # real brackets and layout stay
    assert printable.printable(EMOJI) == EMOJI  # deck and workbook: the reader's program finds an emoji face
    assert printable.printable(EMOJI, lambda char: char != "🚀") == "火箭〈U+1F680〉公司"


def test_the_pdf_ranking_prints_five_different_names(built):
    reader = PdfReader(io.BytesIO(pdf.build(built)))
    # pypdf reads fpdf2's two-byte glyphs with a NUL before each: drop those and whitespace (test_export_builders).
    text = "".join("".join(page.extract_text().replace("\x00", "").split()) for page in reader.pages)
    for rank, shown, savings in (
        (1, "甲乙公司", "5.0"),
        (2, "甲〈U+200B〉乙公司", "4.0"),
        (3, "〈U+202E〉甲乙公司", "3.0"),
        (4, "火箭〈U+1F680〉公司", "2.0"),
        (5, "甲〈U+3008〉U+200B〉乙公司", "1.0"),
    ):
        assert f"{rank}{shown}1" in text, shown  # rank, unit as printed, 1 project
        assert savings in text
    assert "\u200b" not in text and "\u202e" not in text


def deck_units(data: bytes) -> list[str]:
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 1).text == "单位":
                return [shape.table.cell(row, 1).text for row in range(1, len(shape.table.rows))]
    raise AssertionError("no ranking table")


def test_the_deck_ranking_keeps_the_emoji_and_marks_the_invisible(built):
    assert deck_units(deck.build(built)) == [
        "甲乙公司",
        "甲〈U+200B〉乙公司",
        "〈U+202E〉甲乙公司",
        "火箭🚀公司",
        "甲〈U+3008〉U+200B〉乙公司",
        "合计（所选范围）",
    ]


def test_the_workbook_cells_read_apart(con):
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, Y2024, "zh")))
    units = [row[0] for row in book["分单位指标"].iter_rows(min_row=2, values_only=True)]
    assert sorted(units[:5]) == sorted(
        ["甲乙公司", "甲〈U+200B〉乙公司", "〈U+202E〉甲乙公司", "火箭🚀公司", "甲〈U+3008〉U+200B〉乙公司"]
    )
    projects = {row[0]: row[2] for row in book["项目"].iter_rows(min_row=2, values_only=True)}
    assert projects == {
        "P0": "甲乙公司",
        "P1": "甲〈U+200B〉乙公司",
        "P2": "〈U+202E〉甲乙公司",
        "P3": "火箭🚀公司",
        "P4": "甲〈U+3008〉U+200B〉乙公司",
    }


def test_the_chart_images_label_the_units_apart(built):
    labels = set()
    for page in built.charts:
        for trace in images.for_export(page.figure).data:
            for prop in ("x", "y"):
                values = getattr(trace, prop, None)
                labels.update(value for value in (values if values is not None else ()) if isinstance(value, str))
    assert {"甲〈U+200B〉乙公司", "〈U+202E〉甲乙公司", "火箭〈U+1F680〉公司", "甲〈U+3008〉U+200B〉乙公司"} <= labels
    assert not any(ZERO_WIDTH in label or BIDI in label for label in labels)
