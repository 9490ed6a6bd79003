"""The unit tree is checked before anything is written: self-parents, cycles (also across upload and store) and a
branch under two parents are refused at the row that makes them, with the store unchanged."""

import pytest

from analytics.ingest import upload
from tests.factories import load_records, new_store
from tests.parse_helpers import xlsx
from tests.test_load import snapshot

UNITS_HEADER = ["单位名称", "上级单位", "单位类型"]
PROJECTS_HEADER = ["项目编号", "项目名称", "单位", "党支部", "年度"]


@pytest.fixture
def store(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        units=[
            {"unit": "集团", "kind": "集团"},
            {"unit": "甲公司", "parent": "集团", "kind": "公司"},
            {"unit": "乙公司", "parent": "集团", "kind": "公司"},
            {"unit": "丙", "parent": "乙", "kind": "其他"},
            {"unit": "乙", "parent": "集团", "kind": "其他"},
            {"unit": "甲一支部", "parent": "甲公司", "kind": "党支部"},
        ],
    )
    yield con
    con.close()


CASES = {
    "a unit that is its own parent": (
        {"单位": [UNITS_HEADER, ["丁公司", "丁公司", "公司"]]},
        ["工作表「单位」第2行「上级单位」列：单位的上级单位不能是它自己"],
    ),
    "a cycle within the upload": (
        {"组织架构": [UNITS_HEADER, ["戊", "己", "其他"], ["己", "戊", "其他"]]},
        [
            "工作表「组织架构」第2行「上级单位」列：上级单位形成循环（戊 → 己 → 戊），单位树中不能有环",
            "工作表「组织架构」第3行「上级单位」列：上级单位形成循环（己 → 戊 → 己），单位树中不能有环",
        ],
    ),
    "a cycle across the upload and the store": (
        # Stored: 丙's parent is 乙. Uploaded: 乙's parent becomes 丙.
        {"单位": [["单位", "上级"], ["乙", "丙"]]},
        ["工作表「单位」第2行「上级」列：上级单位形成循环（乙 → 丙 → 乙），单位树中不能有环"],
    ),
    "a new branch named under two units": (
        {
            "项目": [
                PROJECTS_HEADER,
                ["P1", "项目一", "甲公司", "新支部", 2024],
                ["P2", "项目二", "乙公司", "新支部", 2024],
            ]
        },
        [
            "工作表「项目」第3行「党支部」列：党支部「新支部」在单位树中属于「甲公司」，不在本行单位「乙公司」之下：同一支部不能挂在两个上级下"
        ],
    ),
    "a stored branch named under another company": (
        {"项目": [PROJECTS_HEADER, ["P1", "项目一", "乙公司", "甲一支部", 2024]]},
        [
            "工作表「项目」第2行「党支部」列：党支部「甲一支部」在单位树中属于「甲公司」，不在本行单位「乙公司」之下：同一支部不能挂在两个上级下"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_tree_is_refused_before_anything_is_written(store, case):
    sheets, expected = CASES[case]
    before = snapshot(store)
    plan = upload.prepare(store, [("a.xlsx", xlsx(sheets))])
    assert [problem.message("zh") for _, problem in plan.problems] == expected
    assert plan.tree_broken and plan.blocked
    for valid_only in (False, True):
        with pytest.raises(upload.UploadRefused):
            upload.apply(store, plan, valid_only=valid_only)
    assert snapshot(store) == before
    assert store.execute("SELECT count(*) FROM batches").fetchone() == (1,)


def test_a_branch_under_the_projects_unit_at_any_depth_loads(store):
    sheets = {
        "单位": [UNITS_HEADER, ["甲党委", "甲公司", "党委"], ["甲二支部", "甲党委", "党支部"]],
        "项目": [
            PROJECTS_HEADER,
            ["P1", "项目一", "甲公司", "甲二支部", 2024],
            ["P2", "项目二", "甲公司", "甲一支部", 2024],
        ],
    }
    plan = upload.prepare(store, [("a.xlsx", xlsx(sheets))])
    assert plan.problems == [] and not plan.blocked
    upload.apply(store, plan)
    assert store.execute(
        "SELECT ancestor FROM unit_closure WHERE descendant = '甲二支部' ORDER BY depth"
    ).fetchall() == [
        ("甲二支部",),
        ("甲党委",),
        ("甲公司",),
        ("集团",),
    ]


def test_moving_a_unit_without_a_cycle_loads(store):
    plan = upload.prepare(store, [("a.xlsx", xlsx({"单位": [["单位名称", "上级单位"], ["丙", "集团"], ["乙", "丙"]]}))])
    assert plan.problems == []
    upload.apply(store, plan)
    assert store.execute("SELECT unit, parent FROM units WHERE unit IN ('乙', '丙') ORDER BY unit").fetchall() == [
        ("丙", "集团"),
        ("乙", "丙"),
    ]


def test_the_cycle_message_in_english(store):
    plan = upload.prepare(store, [("a.xlsx", xlsx({"单位": [["单位", "上级"], ["乙", "丙"]]}))])
    ((_, problem),) = plan.problems
    assert problem.message("en") == (
        "sheet 单位, row 2, column 上级: the parent units go round in a circle (乙 → 丙 → 乙); "
        "the unit tree cannot have a cycle"
    )


def test_the_command_line_refuses_a_broken_tree_even_with_valid_only(tmp_path, capsys):
    from analytics import cli
    from analytics.store.connection import connect

    path = tmp_path / "units.xlsx"
    path.write_bytes(xlsx({"单位": [UNITS_HEADER, ["丁公司", "丁公司", "公司"], ["戊公司", None, "公司"]]}))
    db = tmp_path / "cli.duckdb"
    code = cli.main(["import", str(path), "--db", str(db), "--valid-only"])
    captured = capsys.readouterr()
    assert code == 1
    assert "units.xlsx › 工作表「单位」第2行「上级单位」列：单位的上级单位不能是它自己" in captured.out
    assert "单位树有错误（见上），整次上传都不能载入，也不能只载入有效行。" in captured.err
    con = connect(db)
    assert con.execute("SELECT count(*) FROM units").fetchone() == (0,)
    con.close()
