"""The 人才 section of the deck and PDF, the three people sheets of the workbook (names only where the access check
allows), and the presenter's 人才 chapter, on the hand-built people fixture."""

from __future__ import annotations

import io

import openpyxl
import pytest
from pptx import Presentation
from pypdf import PdfReader

from analytics.contract import access
from analytics.exports import deck, pdf, report, workbook
from analytics.filters import Filters
from tests.factories import GROUP_TREE, load_records, new_store
from tests.test_talent_metrics import HEADCOUNT, HONOURS, TALENT, TRAINING

Y2024 = Filters(year_from=2024, year_to=2024)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("people-exports"))
    load_records(con, units=GROUP_TREE, headcount=HEADCOUNT, talent=TALENT, honours=HONOURS, training=TRAINING)
    yield con
    con.close()


@pytest.fixture(scope="module")
def built(con):
    return report.build(con, Y2024, "zh")


def test_report_people_section(built):
    people = built.people
    assert people.title == "人才"
    assert [(tile.label, tile.value, tile.delta) for tile in people.tiles] == [
        ("金鹰", "0", "-1"),
        ("雄鹰", "2", "+1"),
        ("培训场次", "3", "+2"),
    ]
    assert people.lines[:2] == (
        "2024年人才库共5人（比上年+0）：后备人才 1、雏鹰 2、雄鹰 2、金鹰 0",
        "晋级3人，其中后备人才→雏鹰最多（2人）；出库1人",
    )
    assert [chart.key for chart in people.charts] == ["talent-years", "talent-moves", "honours-years", "training-types"]
    assert people.lines[-1] == "1位导师带徒2人，最多一位带2人"


def test_no_people_section_without_people_facts(tmp_path):
    other = new_store(tmp_path)
    load_records(
        other, units=GROUP_TREE, projects=[{"project_id": "P1", "name": "项目", "unit": "A1支部", "year": 2024}]
    )
    assert report.build(other, Y2024, "zh").people is None
    other.close()


def test_deck_and_pdf_carry_the_people_section(built):
    titles = [slide.shapes.title.text for slide in Presentation(io.BytesIO(deck.build(built))).slides]
    at = titles.index("人才")
    assert titles[at + 1 : at + 5] == [chart.title for chart in built.people.charts]
    # pypdf reads fpdf2's two-byte glyphs with a NUL before each: drop those and whitespace, as test_export_builders.
    pages = PdfReader(io.BytesIO(pdf.build(built))).pages
    text = "".join("".join(page.extract_text().replace("\x00", "").split()) for page in pages)
    assert "晋级3人，其中后备人才→雏鹰最多（2人）；出库1人" in text


def sheet_rows(con, filters, lang="zh", names=access.EVERY_UNIT):
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, filters, lang, names=names)))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def test_workbook_has_the_three_people_sheets(con):
    sheets = sheet_rows(con, Filters(units=("A1支部",), year_from=2024, year_to=2024))
    assert sheets["人才"] == [
        ["工号", "姓名", "单位", "年度", "人才库", "导师", "职称", "是否党员"],
        ["E02", "李青", "A1支部", 2024, "雏鹰", "张建国", None, "否"],
        ["E07", "陈晨", "A1支部", 2024, "后备人才", None, None, "是"],
    ]
    assert sheets["培训"][1][:3] == ["青马工程", "青马工程", "A1支部"]
    assert "荣誉" not in sheets  # A1支部 has no titles


def test_workbook_leaves_names_out_where_the_exporter_may_not_see_them(con):
    sheets = sheet_rows(con, Y2024, "en", names=access.NO_UNIT)
    assert sheets["talent"][0] == ["unit", "year", "pool", "professional_title", "party_member"]
    assert sheets["honours"][0] == ["unit", "year", "title", "level"]
    assert len(sheets["talent"]) == 1 + 5


def test_presenter_steps_through_a_talent_chapter():
    from pages import PAGES
    from ui import present

    assert "talent" in present.CHAPTERS
    assert "talent" in [entry.url_path for entry in PAGES]
