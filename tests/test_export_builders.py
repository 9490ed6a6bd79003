"""Exports on a hand-built group: the summary sentences, workbook, deck and PDF, opened with their own libraries."""

import io
from datetime import datetime

import openpyxl
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

from analytics import metrics
from analytics.exports import deck, pdf, report, summary, workbook
from analytics.exports.stamp import data_cutoff
from analytics.filters import Filters
from analytics.store.connection import connect
from tests.factories import load_records, new_store

FORMULA = '=HYPERLINK("http://x","y")'
UNITS = [
    {"unit": "集团", "kind": "集团"},
    {"unit": "甲公司", "parent": "集团", "kind": "公司"},
    {"unit": "甲一支部", "parent": "甲公司", "kind": "党支部"},
    {"unit": "乙公司", "parent": "集团", "kind": "公司"},
]
HEADCOUNT = [
    {"unit": "甲公司", "year": 2023, "party_members": 40, "participating_members": 30},  # 75%
    {"unit": "甲公司", "year": 2024, "party_members": 40, "participating_members": 36},  # 90%: up 15 points
    {"unit": "乙公司", "year": 2024, "party_members": 20, "participating_members": None},  # unknown
]
PROJECTS = [
    {"project_id": "P1", "name": FORMULA, "unit": "甲公司", "year": 2024, "status": "已结题", "program": "双创"},
    {"project_id": "P2", "name": "-减重攻关", "unit": "甲一支部", "year": 2024, "status": "实施中"},
    {"project_id": "P3", "name": "@降本", "unit": "乙公司", "year": 2024, "status": "立项"},
    {"project_id": "P4", "name": "旧项目", "unit": "甲公司", "year": 2023, "status": "已结题"},
]
OUTCOMES = [
    {"project_id": "P1", "outcome_type": "节创价值", "value_wan": 12.5},
    {"project_id": "P2", "outcome_type": "发明专利", "quantity": 2},
    {"project_id": "P3", "outcome_type": "实用新型专利", "quantity": 1},
    {"project_id": "P3", "outcome_type": "节创价值", "value_wan": 3.0},
    {"project_id": "P4", "outcome_type": "节创价值", "value_wan": 5.0},
]
AWARDS = [{"project_id": "P1", "year": 2024, "award": "集团创新奖", "level": "集团级", "result": "获奖"}]
Y2024 = Filters(year_from=2024, year_to=2024)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    connection = new_store(tmp_path_factory.mktemp("export"))
    load_records(connection, units=UNITS, headcount=HEADCOUNT, projects=PROJECTS, outcomes=OUTCOMES, awards=AWARDS)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def group_report(con):
    return report.build(con, Y2024, "zh")


def _figures(con, filters):
    now = metrics.summary(con, filters)
    previous = filters.previous_period()
    return now, (metrics.summary(con, previous) if previous else None)


# Summary sentences: every figure worked out by hand from the records above.


def test_unit_sentence_states_figures_and_change(con):
    filters = Y2024.with_units(("甲公司",))
    # 甲公司 2024: P1 and P2 (its branch) → 2 projects; 36/40 = 90.0%, a year earlier 30/40 = 75.0% → +15.0 points;
    # savings 12.5 (P1); patents 2 inventions (P2).
    assert summary.unit_sentence("甲公司", *_figures(con, filters), filters, "zh") == (
        "2024年，甲公司共立项2项，党员参与率90.0%（同比提高15.0个百分点），节创价值12.5万元，"
        "专利2项（其中发明专利2项）。"
    )


def test_unknown_participation_is_said_unknown_never_zero(con):
    filters = Y2024.with_units(("乙公司",))
    sentence = summary.unit_sentence("乙公司", *_figures(con, filters), filters, "zh")
    assert sentence == "2024年，乙公司共立项1项，党员参与率暂无数据（未填报参与党员数），节创价值3.0万元，专利1项。"
    assert "0.0%" not in sentence


def test_no_data_and_nothing_recorded(con):
    filters = Filters(year_from=2023, year_to=2023, units=("乙公司",))
    assert summary.unit_sentence("乙公司", *_figures(con, filters), filters, "zh") == "2023年，乙公司暂无填报数据。"
    filters = Filters(year_from=2023, year_to=2023, units=("甲公司",))
    # 2023: P4 only, 5.0 万元 and no patents; no 2022 headcount, so no change is claimed.
    assert summary.unit_sentence("甲公司", *_figures(con, filters), filters, "zh") == (
        "2023年，甲公司共立项1项，党员参与率75.0%，节创价值5.0万元，暂无专利记录。"
    )


def test_english_sentence(con):
    filters = Y2024.with_units(("甲公司",))
    assert summary.unit_sentence("甲公司", *_figures(con, filters), filters, "en") == (
        "In 2024, 甲公司 started 2 projects; party member participation was 90.0% (up 15.0 points on the year "
        "before); savings value was 12.5 (RMB 10k); 2 patents were recorded (2 of them inventions)."
    )


def test_chart_takeaways_are_the_overview_pages(group_report):
    takeaways = {page.key: page.takeaway for page in group_report.charts}
    # 甲公司 36/40 = 90.0%; 乙公司 unknown, so the group's rate is unknown too (no overall figure).
    assert takeaways["participation"] == "甲公司党员参与率最高，为 90.0%；另有1个单位党员参与率未知"
    assert takeaways["savings"] == "甲公司节创价值最高，为 12.5 万元"  # 乙公司 3.0
    assert takeaways["patents"] == "甲公司专利最多，为 2 件；另有软件著作权 0 件，不计入专利"  # 乙公司 1
    # Every year: 2023 P4's 5.0; 2024 12.5 + 3.0 = 15.5, up 10.5.
    assert takeaways["trend"] == "节创价值2024年为 15.5 万元，比2023年增加 10.5 万元"


# Workbook


def _workbook(con, filters=Y2024, lang="zh"):
    return openpyxl.load_workbook(io.BytesIO(workbook.build(con, filters, lang)))


def test_workbook_sheets_rows_and_stamp(con):
    book = _workbook(con)
    assert book.sheetnames == ["说明", "分单位指标", "项目", "成果", "积分 2024"]
    assert book["项目"].max_row == 1 + 3  # header + P1, P2, P3 (2024)
    assert book["成果"].max_row == 1 + 4  # 2024 outcomes of P1, P2, P3 (two)
    kpi_rows = list(book["分单位指标"].iter_rows(min_row=2, max_row=4, values_only=True))
    assert [row[0] for row in kpi_rows] == ["乙公司", "甲公司", "合计（所选范围）"]  # the unit tree's order
    assert [row[1] for row in kpi_rows] == [1, 2, 3]
    assert kpi_rows[0][3] == "—"  # 乙公司's participation: unknown, not an empty cell or 0
    assert kpi_rows[1][3] == pytest.approx(0.9)
    about = [row[0] for row in book["说明"].iter_rows(values_only=True) if row[0]]
    cutoff = data_cutoff(con).strftime("%Y-%m-%d %H:%M")
    for line in ("单位：全集团", "期间：2024年", "活动类型：全部", f"最近上传：{cutoff}", "数据截至：2024年12月31日"):
        assert line in about
    assert "党员参与率" in about and "结题率" in about  # the definitions
    # issue 17: 甲公司 2024 = P1 立项 1 + 已结题 2 + 12.5 万元 ÷ 10 + 集团级 award 3,
    # P2 立项 1 + 2 invention patents × 3 = 14.25 (2023: P4 1 + 2 + 0.5 = 3.5, rank 1 then too);
    # 乙公司 = P3 1 + utility 1 + 0.3 = 2.3 (no 2023 points).
    points = list(book["积分 2024"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1], row[4], row[6]) for row in points] == [("甲公司", 14.25, 1, 0), ("乙公司", 2.3, 2, None)]


def test_workbook_follows_unit_and_programme(con):
    book = _workbook(con, Filters(units=("甲公司",), year_from=2024, year_to=2024, programs=("双创",)), "en")
    assert book.sheetnames == ["About", "KPIs by unit", "Projects", "Outcomes", "Points 2024"]
    assert [row[0] for row in book["Projects"].iter_rows(min_row=2, values_only=True)] == ["P1"]
    about = [row[0] for row in book["About"].iter_rows(values_only=True) if row[0]]
    assert "Units: 甲公司 (with all units below)" in about and "Programmes: 双创" in about


def test_workbook_text_is_never_a_formula(con):
    sheet = _workbook(con)["项目"]
    names = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    for project, text in (("P1", FORMULA), ("P2", "-减重攻关"), ("P3", "@降本")):
        cell = names[project]
        assert cell.value == text and isinstance(cell.value, str)
        assert cell.data_type == "s"
        assert cell.quotePrefix  # Excel keeps it text even when the cell is edited


def test_workbook_rows_beyond_the_cap_are_left_out_and_said_so(con):
    """The detail sheets hold max_rows rows in all (Excel's one sheet in use; 5 here), projects first, each listed
    by unit, year, project: the 3 projects of 2024 (乙公司 P3, 甲一支部 P2, 甲公司 P1) fit, then 2 of the 4 outcomes
    (P3 实用新型专利, P3 节创价值; P2's and P1's left out). The sheet's last row and the 说明 sheet say so."""
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, Y2024, "zh", max_rows=5)))
    assert [row[0] for row in book["项目"].iter_rows(values_only=True)] == ["项目编号", "P3", "P2", "P1"]
    outcomes = list(book["成果"].iter_rows(values_only=True))
    notice = (
        "「成果」共 4 行，本表按单位、年份、项目编号列出前 2 行，其余 2 行未列出"
        "（一个工作簿的明细以 Excel 一个工作表的行数上限约 104.8 万行为限，项目在先、成果在后）："
        "按单位或年份缩小筛选范围后分次导出，即可得到全部。"
    )
    assert [(row[0], row[3]) for row in outcomes[1:3]] == [("P3", "实用新型专利"), ("P3", "节创价值")]
    assert len(outcomes) == 4 and outcomes[3][0] == notice
    about = [row[0] for row in book["说明"].iter_rows(values_only=True) if row[0]]
    assert about[about.index("未列出的行") + 1] == notice


def test_workbook_cap_below_the_projects_leaves_every_outcome_out(con):
    """max_rows 2: projects P3, P2 (P1 left out), and no room for any of the 4 outcomes: both sheets say so."""
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, Y2024, "en", max_rows=2)))
    projects = [row[0] for row in book["Projects"].iter_rows(values_only=True)]
    assert projects[:3] == ["project_id", "P3", "P2"] and len(projects) == 4
    assert projects[3].startswith("Projects: 3 rows; this sheet lists the first 2 ") and "the other 1 (" in projects[3]
    outcomes = [row[0] for row in book["Outcomes"].iter_rows(values_only=True)]
    assert outcomes[0] == "project_id" and len(outcomes) == 2
    assert outcomes[1].startswith("Outcomes: 4 rows; this sheet lists the first 0 ") and "the other 4 (" in outcomes[1]
    about = [row[0] for row in book["About"].iter_rows(values_only=True) if row[0]]
    assert about[about.index("Rows left out") + 1 :][:2] == [projects[3], outcomes[1]]


def test_workbook_within_the_cap_has_no_notice(con):
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, Y2024, "en", max_rows=7)))
    assert [row[0] for row in book["Projects"].iter_rows(values_only=True)] == ["project_id", "P3", "P2", "P1"]
    assert book["Outcomes"].max_row == 1 + 4
    about = [row[0] for row in book["About"].iter_rows(values_only=True) if row[0]]
    assert "Rows left out" not in about


def test_workbook_progress_counts_rows_then_packing(con):
    """3 projects and 4 outcomes in 2024: rows are half the work, told after each sheet's batch (3 of 7, 7 of 7)."""
    told = []
    workbook.build(con, Y2024, "zh", progress=lambda fraction, stage: told.append((round(fraction, 4), stage)))
    assert told == [(round(0.5 * 3 / 7, 4), "rows"), (0.5, "rows"), (0.5, "packing")]


def test_workbook_plain_rows_keep_their_types(con):
    """P4 (plain text, every year) goes through the fast path: text as text, the year a number, no quote mark."""
    sheet = _workbook(con, Filters())["项目"]
    row = next(cells for cells in sheet.iter_rows(min_row=2) if cells[0].value == "P4")
    assert [cell.value for cell in row[:3]] == ["P4", "旧项目", "甲公司"]
    assert row[7].value == 2023 and row[7].data_type == "n"
    assert not any(cell.quotePrefix for cell in row)
    assert row[10].value == "已结题"


# Deck and PDF (chart images are real renders: kaleido's shared browser)


def test_deck_slides_titles_and_stamp(group_report):
    slides = Presentation(io.BytesIO(deck.build(group_report))).slides
    titles = [slide.shapes.title.text for slide in slides]
    assert titles == [
        "党建引领创新工程成效汇报",
        "核心指标",
        "各单位党员参与率",
        "各单位节创价值（万元）",
        "各单位专利（按类型）与软件著作权",
        "历年项目数与节创价值",
        "2024年积分（▲▼为较上年名次变化）",  # the running-the-programme chart this fixture has data for
        "各单位排名（按节创价值）",  # one ranking table, not one slide per unit
        "获奖情况",
        "超期未结题项目",
        "指标口径与数据说明",
    ]
    footer = group_report.stamp.footer()
    # Dated by the period the data covers (2024 ends 2024-12-31), not by the upload time.
    assert footer == "全集团 · 2024年 · 数据截至2024年12月31日"
    for slide in slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert footer in texts
    cover = " ".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)
    assert "数据截至2024年12月31日" in cover
    assert sum(1 for shape in slides[2].shapes if shape.shape_type == 13) == 1  # the chart picture
    kpi_texts = " ".join(shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame)
    assert "3\n项目数" in kpi_texts and "15.5\n节创价值（万元）" in kpi_texts
    ranking = _table_rows(slides[7])
    # 甲公司 12.5 万元 (P1) before 乙公司 3.0 (P3); the total row adds them up: 3 projects, 15.5 万元, 3 patents.
    assert [row[:3] for row in ranking[1:]] == [
        ["1", "甲公司", "2"],
        ["2", "乙公司", "1"],
        ["", "合计（所选范围）", "3"],
    ]
    assert [row[5] for row in ranking[1:]] == ["12.5", "3.0", "15.5"]
    assert [row[6] for row in ranking[1:]] == ["2", "1", "3"]
    assert [row[7] for row in ranking[1:]] == ["100.0%", "未申报", "100.0%"]  # 乙公司 declared nothing
    overdue = " ".join(shape.text_frame.text for shape in slides[9].shapes if shape.has_text_frame)
    assert "截至 2024-12-31，没有超期未完的项目；已结题 1 项" in overdue


def _table_rows(slide) -> list[list[str]]:
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    return [[cell.text_frame.text for cell in row.cells] for row in table.rows]


def test_deck_names_a_cjk_font_on_every_run(group_report):
    slides = Presentation(io.BytesIO(deck.build(group_report))).slides
    runs = [
        run
        for slide in slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert runs
    for run in runs:
        assert run.font.name == deck.FONT
        assert run._r.rPr.find(qn("a:ea")).get("typeface") == deck.FONT


def test_deck_without_several_units_has_no_unit_slides(con):
    built = report.build(con, Filters(units=("乙公司",), year_from=2024, year_to=2024), "en")
    # 乙公司 has no units below it (no ranking) and declared no award (no awards slide).
    assert [table.key for table in built.tables] == ["overdue"]
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(deck.build(built))).slides]
    assert titles[0] == "Party-building-led innovation: results" and titles[-1] == "Definitions and data"
    assert len(titles) == 1 + 1 + 4 + 1 + 1 + 1  # … four charts, the points ranking, overdue projects, definitions


def test_pdf_pages_and_text(group_report):
    reader = PdfReader(io.BytesIO(pdf.build(group_report)))
    assert len(reader.pages) == 11
    # pypdf reads fpdf2's embedded two-byte encoding one byte at a time (a NUL before each glyph): drop those
    # and whitespace before comparing.
    pages = ["".join(page.extract_text().replace("\x00", "").split()) for page in reader.pages]
    assert "党建引领创新工程成效汇报" in pages[0] and "期间：2024年" not in pages[0]
    assert "".join(group_report.sentence.split()) in pages[1]
    assert "".join(group_report.tables[0].summary.split()) in pages[7]  # the ranking's paragraph
    assert "1甲公司290.0%100.0%12.52100.0%" in pages[7]  # rank, unit, projects … as in the deck
    footer = "".join(group_report.stamp.footer().split())
    assert all(footer in page for page in pages)
    assert "数据截至" in pages[-1] and "获奖项数÷申报项数" in pages[-1]


def test_report_on_empty_selection(con):
    built = report.build(con, Filters(units=("乙公司",), year_from=2023, year_to=2023), "zh")
    assert not built.has_data and built.charts == () and built.tables == ()
    assert built.sentence == "2023年，乙公司暂无填报数据。"
    assert len(Presentation(io.BytesIO(deck.build(built))).slides) == 3
    assert len(PdfReader(io.BytesIO(pdf.build(built))).pages) == 3


def test_stamp_cutoff_is_latest_batch_in_force(tmp_path):
    store = new_store(tmp_path)
    assert data_cutoff(store) is None
    load_records(store, units=UNITS[:1])
    first = data_cutoff(store)
    assert isinstance(first, datetime)
    store.close()


def test_demo_workbook_totals_match_metrics(demo_db_template):
    con = connect(demo_db_template, read_only=True)
    filters = Filters(year_from=2025, year_to=2025)
    book = openpyxl.load_workbook(io.BytesIO(workbook.build(con, filters)))
    figures = metrics.summary(con, filters)
    assert book["项目"].max_row - 1 == figures["projects"] == 114
    total = next(row for row in book["分单位指标"].iter_rows(values_only=True) if row[0] == "合计（所选范围）")
    assert total[1] == figures["projects"] and total[7] == pytest.approx(figures["savings_wan"])
    con.close()


def test_workbook_columns_fit_chinese_names(con):
    """A CJK character is two columns wide in Excel: each text column is as wide as its longest entry (header
    included), so 合计（所选范围） and the unit names show whole."""
    sheet = _workbook(con)["分单位指标"]
    first = [cell.value for cell in sheet["A"] if cell.value]
    assert "合计（所选范围）" in first
    width = sheet.column_dimensions["A"].width
    assert width >= 2 * len("合计（所选范围）")  # 16 columns: 8 wide characters
