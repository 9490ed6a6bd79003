"""The upload template read back: sheets, headers, notes, example rows and the vocab's dropdowns."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from analytics.contract import vocab
from analytics.ingest import template

CHOICE_COLUMNS = {
    ("units", "kind"),
    ("projects", "program"),
    ("projects", "category"),
    ("projects", "status"),
    ("outcomes", "outcome_type"),
    ("awards", "level"),
    ("awards", "result"),
    ("talent", "pool"),
    ("talent", "party_member"),
    ("honours", "level"),
    # issue 17
    ("checks", "progress"),
    ("secretary_lists", "list"),
    ("suggestions", "status"),
}


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def wb() -> openpyxl.Workbook:
    return load(template.build_template())


def list_validations(ws) -> dict[str, str]:
    """Column letter -> formula1 of the list validation starting on row 2."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type != "list":
            continue
        (cells,) = dv.sqref.ranges
        assert (cells.min_row, cells.max_row) == (2, template.LAST_ROW + 1)
        assert cells.min_col == cells.max_col
        out[get_column_letter(cells.min_col)] = dv.formula1
    return out


def test_deterministic_bytes():
    assert template.build_template() == template.build_template()


def test_sheet_names_and_headers(wb):
    assert wb.sheetnames[:9] == ["单位", "党员人数", "项目", "成果", "获奖", "创新工作室", "人才", "荣誉", "培训"]
    assert wb.sheetnames[-4:] == ["进展检查", "书记项目清单", "建议", "积分调整"]
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        ws = wb[kind.zh]
        assert [c.value for c in ws[1]] == [c.zh for c in kind.columns]
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 2
        assert all(ws.column_dimensions[get_column_letter(i + 1)].width >= 10 for i in range(len(kind.columns)))


def test_english_template_uses_canonical_names():
    wb = load(template.build_template("en"))
    assert wb.sheetnames == list(vocab.LOAD_ORDER)
    for name in vocab.LOAD_ORDER:
        assert [c.value for c in wb[name][1]] == [c.name for c in vocab.SHEET_KINDS[name].columns]
    assert "Required" in wb["projects"]["A1"].comment.text


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        template.build_template("fr")


def test_example_rows_are_valid(wb):
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        example = dict(zip([c.name for c in kind.columns], [c.value for c in wb[kind.zh][2]], strict=True))
        for column in kind.columns:
            if column.required:
                assert example[column.name] not in (None, ""), (name, column.name)
            if column.kind == "choice" and example[column.name] is not None:
                assert example[column.name] in column.choices
        assert "示例" in wb[kind.zh]["A2"].comment.text
    assert wb["项目"]["A2"].data_type == "s"


def test_required_columns_carry_a_note(wb):
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        for i, column in enumerate(kind.columns, 1):
            comment = wb[kind.zh].cell(1, i).comment
            if column.required:
                assert comment is not None and comment.text.startswith("必填"), (name, column.name)
            elif column.kind == "quarter":
                assert "2024Q3" in comment.text, (name, column.name)
            elif column.kind != "choice" and not (
                name in ("outcomes", "point_adjustments") and column.name in ("project_id", "unit")
            ):
                assert comment is None, (name, column.name)
    assert "至少" in wb["成果"]["A1"].comment.text and "至少" in wb["成果"]["B1"].comment.text
    assert "至少" in wb["积分调整"]["A1"].comment.text and "至少" in wb["积分调整"]["B1"].comment.text


def test_dropdowns_hold_the_vocab_values(wb):
    found = set()
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        lists = list_validations(wb[kind.zh])
        for i, column in enumerate(kind.columns, 1):
            letter = get_column_letter(i)
            if column.kind == "choice":
                assert lists.pop(letter) == '"' + ",".join(column.choices) + '"'
                found.add((name, column.name))
        assert lists == {}, name
    assert found == CHOICE_COLUMNS
    assert '"' + ",".join(vocab.OUTCOME_TYPES) + '"' in list_validations(wb["成果"]).values()


def test_number_and_year_columns_are_validated(wb):
    ws = wb["项目"]
    by_col = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    year = by_col["H2"]
    assert (year.type, year.formula1, year.formula2) == ("whole", "1949", "2100")
    participants = by_col["M2"]
    assert (participants.type, participants.operator, participants.formula1) == ("whole", "greaterThanOrEqual", "0")
    value = {str(dv.sqref).split(":")[0]: dv for dv in wb["成果"].data_validations.dataValidation}["E2"]
    assert (value.type, value.formula1) == ("decimal", "0")
    hours = {str(dv.sqref).split(":")[0]: dv for dv in wb["培训"].data_validations.dataValidation}["F2"]
    assert (hours.type, hours.operator, hours.formula1) == ("decimal", "greaterThanOrEqual", "0")


def test_long_lists_go_to_a_hidden_sheet(monkeypatch):
    monkeypatch.setattr(template, "LIST_LIMIT", 10)
    wb = load(template.build_template())
    assert wb.sheetnames == [*(vocab.SHEET_KINDS[n].zh for n in vocab.LOAD_ORDER), template.LIST_SHEET]
    hidden = wb[template.LIST_SHEET]
    assert hidden.sheet_state == "hidden"
    sources = {}
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        lists = list_validations(wb[kind.zh])
        for i, column in enumerate(kind.columns, 1):
            if column.kind == "choice":
                sources[column.choices] = lists[get_column_letter(i)]
    # 申报,获奖 and 是,否 fit in 10 characters and stay inline; every other list is read from the hidden sheet.
    assert sources.pop(vocab.AWARD_RESULTS) == '"申报,获奖"'
    assert sources.pop(vocab.YES_NO) == '"是,否"'
    assert len(set(sources.values())) == len(sources)
    for choices, formula in sources.items():
        sheet, cells = formula.split("!")
        assert sheet == f"'{template.LIST_SHEET}'"
        assert [c.value for row in hidden[cells.replace("$", "")] for c in row] == list(choices)
