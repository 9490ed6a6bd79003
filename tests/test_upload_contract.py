"""The contract stated once: optional columns load as absent, bounds and lengths come from the column declarations,
and the schema's CHECK constraints say exactly what the declarations say."""

import re

import pytest

from analytics.contract import vocab
from analytics.ingest import upload
from analytics.store.sql import read_sql
from tests.factories import load_records, new_store
from tests.parse_helpers import xlsx
from tests.test_load import snapshot


@pytest.fixture
def store(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        units=[{"unit": "甲公司", "kind": "公司"}],
        projects=[{"project_id": "P1", "name": "已有项目", "unit": "甲公司", "year": 2023}],
    )
    yield con
    con.close()


# Every sheet kind with only its required columns (the outcomes sheet needs 项目编号 or 单位: 项目编号 here).
ONLY_REQUIRED = {
    "units": (
        [["单位名称"], ["乙公司"]],
        "SELECT unit, parent, kind FROM units WHERE unit = '乙公司'",
        [("乙公司", None, None)],
    ),
    "headcount": (
        [["单位", "年度"], ["甲公司", 2024]],
        "SELECT unit, year, party_members, participating_members, branches, employees FROM headcount",
        [("甲公司", 2024, None, None, None, None)],
    ),
    "projects": (
        [["项目编号", "项目名称", "单位", "年度"], ["P2", "新项目", "甲公司", 2024]],
        "SELECT project_id, name, unit, branch, program, category, status, year FROM projects WHERE project_id = 'P2'",
        [("P2", "新项目", "甲公司", None, None, None, None, 2024)],
    ),
    "outcomes": (
        [["项目编号", "成果类型"], ["P1", "发明专利"]],
        "SELECT project_id, unit, outcome_type, quantity, value_wan, year, note FROM outcomes",
        [("P1", None, "发明专利", 1, None, None, "")],
    ),
    "awards": (
        [["项目编号", "奖项名称", "结果"], ["P1", "公司优秀创新项目", "获奖"]],
        "SELECT project_id, year, award, level, result FROM awards",
        # An award without a year counts in its project's year.
        [("P1", 2023, "公司优秀创新项目", None, "获奖")],
    ),
    "studios": (
        [["工作室名称", "单位", "年度"], ["张建国工作室", "甲公司", 2024]],
        "SELECT studio, unit, year, leader, target_projects, actual_projects FROM studios",
        [("张建国工作室", "甲公司", 2024, None, None, None)],
    ),
    "talent": (
        [["姓名", "单位", "年度"], ["王芳", "甲公司", 2024]],
        "SELECT employee_id, person, unit, year, pool, mentor, party_member FROM talent",
        [(None, "王芳", "甲公司", 2024, None, None, None)],
    ),
    "honours": (
        [["姓名", "单位", "年度", "称号"], ["王芳", "甲公司", 2024, "成都工匠"]],
        "SELECT person, employee_id, unit, year, title, level FROM honours",
        [("王芳", None, "甲公司", 2024, "成都工匠", None)],
    ),
    "training": (
        [["培训名称", "单位", "日期"], ["班组长培训", "甲公司", "2024-05-01"]],
        "SELECT session, training_type, unit, date::VARCHAR, attendees, hours FROM training",
        [("班组长培训", None, "甲公司", "2024-05-01", None, None)],
    ),
    "checks": (
        [["项目编号", "年度", "季度"], ["P1", 2024, 3]],
        "SELECT project_id, year, quarter, progress, check_date, issue, action FROM checks",
        [("P1", 2024, 3, None, None, None, None)],
    ),
    "secretary_lists": (
        [["项目编号", "清单", "内容"], ["P1", "问题", "检验合格率偏低"]],
        "SELECT project_id, list, item_no, item, owner, due_date, done_date, answers FROM secretary_lists",
        # Without a 序号 column the items are numbered in sheet order.
        [("P1", "问题", 1, "检验合格率偏低", None, None, None, None)],
    ),
    "suggestions": (
        [["建议编号", "单位"], ["J1", "甲公司"]],
        "SELECT suggestion_id, unit, proposer, date, content, status, done_date, value_wan FROM suggestions",
        [("J1", "甲公司", None, None, None, None, None, None)],
    ),
    "point_adjustments": (
        [["单位", "年度", "分值"], ["甲公司", 2024, -1.5]],
        "SELECT project_id, unit, year, date, points, adjustment_reason FROM point_adjustments",
        [(None, "甲公司", 2024, None, -1.5, None)],
    ),
}


def test_every_sheet_kind_is_covered():
    assert set(ONLY_REQUIRED) == set(vocab.SHEET_KINDS)


@pytest.mark.parametrize("kind", list(ONLY_REQUIRED))
def test_a_sheet_with_only_its_required_columns_loads_its_optional_columns_as_absent(store, kind):
    rows, query, expected = ONLY_REQUIRED[kind]
    plan = upload.prepare(store, [("a.xlsx", xlsx({vocab.SHEET_KINDS[kind].zh: rows}))])
    assert plan.problems == []
    assert [sheet.kind for sheet in plan.sheets] == [kind]
    upload.apply(store, plan)
    assert store.execute(query).fetchall() == expected


def test_outcomes_without_a_note_column_as_real_ledgers_write_them(store):
    # The file: 项目编号, 成果类型, 数量, 年度 only; before, the commit failed on outcomes.note NOT NULL.
    data = xlsx(
        {"成果": [["项目编号", "成果类型", "数量", "年度"], ["P1", "发明专利", 2, 2024], ["P1", "论文", "", 2024]]}
    )
    plan = upload.prepare(store, [("a.xlsx", data)])
    assert plan.problems == []
    upload.apply(store, plan)
    assert store.execute("SELECT outcome_type, quantity, year, note FROM outcomes ORDER BY ALL").fetchall() == [
        ("发明专利", 2, 2024, ""),
        ("论文", 1, 2024, ""),
    ]


def test_outcome_rows_without_a_note_are_items_that_add_up(store, tmp_path):
    # One row per patent, no 说明: two 发明专利 of P1 in 2024 are 2 (not a repeated key); a row of a second file adds
    # its 3; the 节创价值 rows of a unit add their amounts (1.5 + 2 万元; an empty amount adds nothing).
    first = xlsx(
        {
            "成果": [
                ["项目编号", "单位", "成果类型", "年度", "节创价值(万元)"],
                ["P1", None, "发明专利", 2024, None],
                ["P1", None, "发明专利", 2024, None],
                [None, "甲公司", "节创价值", 2024, 1.5],
                [None, "甲公司", "节创价值", 2024, 2],
                [None, "甲公司", "节创价值", 2024, None],
            ]
        }
    )
    second = xlsx({"成果": [["项目编号", "成果类型", "年度", "数量", "说明"], ["P1", "发明专利", 2024, 3, None]]})
    plan = upload.prepare(store, [("a.xlsx", first), ("b.xlsx", second)])
    assert plan.problems == []
    upload.apply(store, plan)
    assert store.execute(
        "SELECT project_id, unit, outcome_type, quantity, value_wan, year, note FROM outcomes ORDER BY ALL"
    ).fetchall() == [("P1", None, "发明专利", 5, None, 2024, ""), (None, "甲公司", "节创价值", 3, 3.5, 2024, "")]
    # Loaded again, the same rows give the same fact: updated, not doubled.
    again = upload.prepare(store, [("a.xlsx", first), ("b.xlsx", second)])
    assert (again.changes.rows_added, again.changes.rows_updated) == (0, 0)


def test_two_outcome_rows_with_the_same_note_are_a_repeated_key(store):
    data = xlsx(
        {"成果": [["项目编号", "成果类型", "年度", "说明"], ["P1", "论文", 2024, "甲"], ["P1", "论文", 2024, "甲"]]}
    )
    before = snapshot(store)
    plan = upload.prepare(store, [("a.xlsx", data)])
    assert [p.message() for _, p in plan.problems] == [
        "工作表「成果」第3行「项目编号」列：'P1 / 论文 / 2024 / 甲' 与第2行重复"
    ]
    with pytest.raises(upload.UploadRefused):
        upload.apply(store, plan)
    assert snapshot(store) == before


def test_an_empty_note_cell_is_an_empty_note(store):
    data = xlsx({"成果": [["项目编号", "成果类型", "说明"], ["P1", "论文", None], ["P1", "制度", "安全规程"]]})
    plan = upload.prepare(store, [("a.xlsx", data)])
    upload.apply(store, plan)
    assert store.execute("SELECT outcome_type, note FROM outcomes ORDER BY ALL").fetchall() == [
        ("制度", "安全规程"),
        ("论文", ""),
    ]


REFUSED = {
    "project year before 1949": (
        {"项目": [["项目编号", "项目名称", "单位", "年度"], ["P2", "新项目", "甲公司", 1920]]},
        "工作表「项目」第2行「年度」列：'1920' 不在允许的年份范围内（1949–2100）",
    ),
    "headcount year before 1949": (
        {"党员人数": [["单位", "年度", "党员总数"], ["甲公司", "1948年", 30]]},
        "工作表「党员人数」第2行「年度」列：'1948年' 不在允许的年份范围内（1949–2100）",
    ),
    "a project year taken from a 1920 start date": (
        {"项目": [["项目编号", "项目名称", "单位", "立项日期"], ["P2", "新项目", "甲公司", "1920-05-01"]]},
        "工作表「项目」第2行「立项日期」列：'1920-05-01' 不在允许的年份范围内（1949–2100）",
    ),
    "an outcome year taken from a 1930 date": (
        {"成果": [["项目编号", "成果类型", "日期"], ["P1", "论文", "1930年3月1日"]]},
        "工作表「成果」第2行「日期」列：'1930-03-01' 不在允许的年份范围内（1949–2100）",
    ),
    "a 2,000-character unit name": (
        {"项目": [["项目编号", "项目名称", "单位", "年度"], ["P2", "新项目", "甲" * 2000, 2024]]},
        "工作表「项目」第2行「单位」列：'" + "甲" * 20 + "…' 过长：最多 100 个字符",
    ),
    "a 101-character project name": (
        {"项目": [["项目编号", "项目名称", "单位", "年度"], ["P2", "项" * 101, "甲公司", 2024]]},
        "最多 100 个字符",
    ),
    "a negative headcount": (
        {"党员人数": [["单位", "年度", "党员总数"], ["甲公司", 2024, -3]]},
        "工作表「党员人数」第2行「党员总数」列：'-3' 是负数，应不小于 0",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_out_of_contract_values_are_refused_in_the_dry_run_and_nothing_changes(store, case):
    sheets, expected = REFUSED[case]
    before = snapshot(store)
    plan = upload.prepare(store, [("a.xlsx", xlsx(sheets))])
    messages = [problem.message("zh") for _, problem in plan.problems]
    assert any(expected in message for message in messages), messages
    with pytest.raises(upload.UploadRefused):
        upload.apply(store, plan)
    # Loading only the valid rows loads nothing here, and never crashes on the schema's checks.
    if plan.changes.rows_added:
        upload.apply(store, plan, valid_only=True)
    assert snapshot(store) == before


def test_a_name_of_exactly_the_maximum_length_loads(store):
    name = "甲" * vocab.NAME_MAX_LENGTH
    plan = upload.prepare(
        store, [("a.xlsx", xlsx({"项目": [["项目编号", "项目名称", "单位", "年度"], ["P2", "新", name, 1949]]}))]
    )
    assert plan.problems == []
    upload.apply(store, plan)
    assert store.execute("SELECT length(unit), year FROM projects WHERE project_id = 'P2'").fetchone() == (100, 1949)


def test_english_message_for_a_year_out_of_range(store):
    sheets, _ = REFUSED["project year before 1949"]
    plan = upload.prepare(store, [("a.xlsx", xlsx(sheets))])
    ((_, problem),) = plan.problems
    assert problem.message("en") == "sheet 项目, row 2, column 年度: '1920' is outside the allowed years (1949–2100)"


# ---- the schema agrees with the declarations ------------------------------------------------------------------


def _schema_columns() -> dict[str, dict[str, str]]:
    """table -> column -> its definition text (type, NOT NULL, DEFAULT and CHECKs) from schema.sql."""
    schema = re.sub(r"--[^\n]*", "", read_sql("schema"))
    tables = {}
    for table, body in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", schema, re.S):
        parts, depth, current = [], 0, ""
        for char in body:
            depth += char == "("
            depth -= char == ")"
            if char == "," and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += char
        parts.append(current)
        columns = {}
        for part in parts:
            words = part.split()
            if words and words[0] not in ("PRIMARY", "CHECK"):
                columns[words[0]] = " ".join(words[1:])
        tables[table] = columns
    return tables


def _declared_checks(column: vocab.Column) -> set[str]:
    """The CHECK clauses the declaration implies, written as schema.sql writes them."""
    checks = set()
    low, high = column.bounds
    if column.kind in ("year", "quarter"):
        checks.add(f"{column.name} BETWEEN {low} AND {high}")
    elif low is not None:
        checks.add(f"{column.name} >= {low}")
    if column.choices:
        checks.add(f"{column.name} IN ({', '.join(repr(c) for c in column.choices)})")
    if column.length_limit:
        checks.add(f"length({column.name}) <= {column.length_limit}")
    return checks


def _schema_checks(definition: str, name: str) -> set[str]:
    found = set()
    for match in re.finditer(r"CHECK \(", definition):
        start, depth = match.end(), 1
        end = start
        while depth:
            depth += {"(": 1, ")": -1}.get(definition[end], 0)
            end += 1
        clause = " ".join(definition[start : end - 1].split())
        # Checks the declarations do not speak of: a key is not blank, a unit is not its own parent.
        if clause not in (f"length(trim({name})) > 0", "parent IS NULL OR parent <> unit"):
            found.add(clause.replace("( ", "(").replace(" )", ")"))
    return found


@pytest.mark.parametrize("kind", list(vocab.SHEET_KINDS))
def test_schema_checks_are_the_declared_bounds_choices_and_lengths(kind):
    columns = _schema_columns()[kind]
    for column in vocab.SHEET_KINDS[kind].columns:
        definition = columns[column.name]
        assert _schema_checks(definition, column.name) == _declared_checks(column), (kind, column.name)
        if column.default is not None:
            assert f"DEFAULT {column.default!r}" in definition, (kind, column.name)
            assert "NOT NULL" in definition


def test_the_template_validates_years_with_the_declared_bounds():
    import io
    import zipfile

    from analytics.ingest.template import build_template

    with zipfile.ZipFile(io.BytesIO(build_template("zh"))) as archive:
        sheets = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    low, high = vocab.YEAR_BOUNDS
    assert f"<formula1>{low}</formula1><formula2>{high}</formula2>" in sheets
    assert f"请输入 {low}–{high} 之间的年份。" in sheets
