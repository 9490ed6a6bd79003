"""Issue 17's four sheets (进展检查, 书记项目清单, 建议, 积分调整) through the one upload path: zh and English headers,
quarters in every form analysts write, bad values refused with sheet/row/column, orphans rejected, undo restores."""

import datetime as dt
import io

import openpyxl
import pytest

from analytics.ingest import upload
from analytics.ingest.error_workbook import error_workbook
from analytics.store import batches
from tests.factories import GROUP_TREE, load_records, new_store
from tests.parse_helpers import messages, only, parse_xlsx, xlsx
from tests.test_load import snapshot


@pytest.fixture
def con(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        "base.xlsx",
        units=GROUP_TREE,
        projects=[
            {"project_id": "P1", "name": "一", "unit": "A1支部", "year": 2024, "status": "实施中"},
            {"project_id": "P2", "name": "二", "unit": "B1支部", "year": 2024, "program": "书记项目"},
        ],
    )
    yield con
    con.close()


def run(con, sheets: dict[str, list[list]], **kwargs):
    plan = upload.prepare(con, [("a.xlsx", xlsx(sheets))])
    return plan, [f"{f} › {p.message(kwargs.get('lang', 'zh'))}" for f, p in plan.problems]


CHECKS_ZH = [
    ["项目编号", "检查季度", "进展情况", "检查日期", "存在问题", "整改措施"],
    ["P1", "2024Q3", "滞后", dt.datetime(2024, 9, 28), "设备未到", "催货"],
    ["P1", "四季度", "正常", dt.datetime(2024, 12, 20), None, None],
    ["P2", "Q1", "停滞", dt.datetime(2025, 3, 25), "人员调离", "补充人员"],
    ["P2", 2, "已完成", dt.datetime(2025, 6, 20), None, None],
]


def test_checks_load_with_every_quarter_form(con):
    plan, problems = run(con, {"季度检查": CHECKS_ZH})
    assert problems == []
    upload.apply(con, plan)
    rows = con.execute("SELECT project_id, year, quarter, progress FROM checks ORDER BY ALL").fetchall()
    # 2024Q3 names its year; 四季度 takes the year of its check date, as Q1 and 2 do.
    assert rows == [
        ("P1", 2024, 3, "滞后"),
        ("P1", 2024, 4, "正常"),
        ("P2", 2025, 1, "停滞"),
        ("P2", 2025, 2, "已完成"),
    ]


def test_checks_in_english_headers():
    parsed = parse_xlsx(
        [["project_id", "year", "quarter", "progress", "check_date"], ["P1", 2024, "第二季度", "behind?", None]],
        sheet="checks",
    )
    sheet = only(parsed, "checks")
    assert messages(sheet.problems, "en") == [
        "sheet checks, row 2, column progress: 'behind?' is not an allowed value;"
        " choose one of: 正常, 滞后, 停滞, 已完成"
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("5", "'5' 不是季度（可写作 1–4、一季度、Q1 或 2024Q3）"), ("2023Q2", "季度 '2023Q2' 与「年度」2024 不一致")],
)
def test_bad_quarters_are_refused_with_where(con, cell, expected):
    before = snapshot(con)
    plan, problems = run(con, {"检查": [["项目编号", "年度", "季度", "进度"], ["P1", 2024, cell, "正常"]]})
    assert problems == [f"a.xlsx › 工作表「检查」第2行「季度」列：{expected}"]
    with pytest.raises(upload.UploadRefused):
        upload.apply(con, plan)
    assert snapshot(con) == before


def test_a_check_without_any_year_is_refused(con):
    _, problems = run(con, {"检查": [["项目编号", "季度", "进度"], ["P1", "三季度", "正常"]]})
    assert problems == [
        "a.xlsx › 工作表「检查」第2行「年度」列：「年度」「季度（如 2024Q3）」「检查日期」至少有一个给出年份"
    ]


def test_check_and_list_rows_for_unknown_projects_are_orphans(con):
    before = snapshot(con)
    plan, problems = run(
        con,
        {
            "检查": [["项目编号", "年度", "季度", "进度"], ["NOPE", 2024, 1, "正常"], ["P1", 2024, 1, "正常"]],
            "清单": [["项目编号", "清单类型", "序号", "内容"], ["GONE", "问题", 1, "x"]],
        },
    )
    assert problems == [
        "a.xlsx › 工作表「检查」第2行「项目编号」列：项目编号在本次上传和已有数据中都不存在",
        "a.xlsx › 工作表「清单」第2行「项目编号」列：项目编号在本次上传和已有数据中都不存在",
    ]
    with pytest.raises(upload.UploadRefused):
        upload.apply(con, plan)
    assert snapshot(con) == before
    # Loading only the valid rows keeps P1's check and nothing else.
    upload.apply(con, plan, valid_only=True)
    assert con.execute("SELECT project_id FROM checks").fetchall() == [("P1",)]
    assert con.execute("SELECT count(*) FROM secretary_lists").fetchone() == (0,)


def test_a_check_for_a_project_in_the_same_upload_is_fine(con):
    plan, problems = run(
        con,
        {
            "项目": [["项目编号", "项目名称", "单位", "年度"], ["P9", "新", "A2支部", 2025]],
            "检查": [["项目编号", "季度", "进度"], ["P9", "2025Q1", "正常"]],
        },
    )
    assert problems == []
    upload.apply(con, plan)
    assert con.execute("SELECT project_id, year, quarter FROM checks").fetchall() == [("P9", 2025, 1)]


LISTS_ZH = [
    ["序号", "项目编号", "清单类型", "内容", "责任人", "完成时限", "完成日期", "对应问题"],
    [1, "P2", "目标", "降本 50 万", "王", dt.datetime(2024, 12, 31), dt.datetime(2024, 12, 1), None],
    [1, "P2", "问题", "配料浪费", "王", None, None, None],
    [1, "P2", "整改", "建配料复核制度", "李", dt.datetime(2024, 9, 30), dt.datetime(2024, 9, 20), 1],
]


def test_lists_keep_their_item_numbers(con):
    plan, problems = run(con, {"书记项目清单": LISTS_ZH})
    assert problems == []
    upload.apply(con, plan)
    rows = con.execute("SELECT list, item_no, answers, done_date FROM secretary_lists ORDER BY list").fetchall()
    assert rows == [
        ("整改", 1, 1, dt.date(2024, 9, 20)),
        ("目标", 1, None, dt.date(2024, 12, 1)),
        ("问题", 1, None, None),
    ]


def test_lists_without_item_numbers_count_in_sheet_order_and_english_headers(con):
    plan, problems = run(
        con,
        {"lists": [["project_id", "list", "item"], ["P2", "问题", "a"], ["P2", "问题", "b"], ["P2", "目标", "c"]]},
    )
    assert problems == []
    upload.apply(con, plan)
    rows = con.execute("SELECT list, item_no, item FROM secretary_lists ORDER BY list, item_no").fetchall()
    assert rows == [("目标", 1, "c"), ("问题", 1, "a"), ("问题", 2, "b")]


def test_bad_list_kind_is_refused(con):
    _, problems = run(con, {"清单": [["项目编号", "清单", "序号", "内容"], ["P2", "计划", 1, "x"]]}, lang="en")
    assert problems == [
        "a.xlsx › sheet 清单, row 2, column 清单: '计划' is not an allowed value; choose one of: 目标, 问题, 整改, 成果"
    ]


def test_suggestions_load_zh_and_en_and_new_units_are_listed(con):
    plan, problems = run(
        con,
        {
            "金点子": [
                ["建议编号", "所属单位", "提出人", "提出日期", "金点子", "办理状态", "办结日期", "节创价值（元）"],
                [
                    "S1",
                    "A1支部",
                    "甲",
                    dt.datetime(2024, 3, 1),
                    "回收边角料",
                    "已办结",
                    dt.datetime(2024, 3, 11),
                    20000,
                ],
                ["S2", "新车间支部", "乙", dt.datetime(2024, 4, 1), "换灯", "已受理", None, None],
            ]
        },
    )
    assert problems == []
    assert plan.new_units == ["新车间支部"]
    upload.apply(con, plan)
    assert con.execute("SELECT suggestion_id, value_wan FROM suggestions ORDER BY 1").fetchall() == [
        ("S1", 2.0),
        ("S2", None),
    ]
    plan, problems = run(
        con, {"suggestions": [["suggestion_id", "unit", "status"], ["S3", "B1支部", "done"]]}, lang="en"
    )
    assert problems == [
        "a.xlsx › sheet suggestions, row 2, column status: 'done' is not an allowed value;"
        " choose one of: 已受理, 已采纳, 未采纳, 已办结"
    ]


def test_point_adjustments_take_negative_points_and_need_an_owner(con):
    before = snapshot(con)
    plan, problems = run(
        con,
        {
            "积分调整": [
                ["单位", "项目编号", "日期", "分值", "事由"],
                ["A1支部", None, dt.datetime(2024, 5, 1), -2, "台账迟报"],
                [None, "P1", dt.datetime(2024, 6, 1), "3.5", "承办发布会"],
                [None, None, dt.datetime(2024, 6, 1), 1, "无主"],
                ["A1支部", None, dt.datetime(2024, 6, 2), "x", "坏值"],
            ]
        },
    )
    assert problems == [
        "a.xlsx › 工作表「积分调整」第4行「项目编号」列：「项目编号」和「单位」至少填一个",
        "a.xlsx › 工作表「积分调整」第5行「分值」列：'x' 不是数字",
    ]
    with pytest.raises(upload.UploadRefused):
        upload.apply(con, plan)
    assert snapshot(con) == before
    batch = upload.apply(con, plan, valid_only=True)
    assert con.execute("SELECT unit, project_id, year, points FROM point_adjustments ORDER BY points").fetchall() == [
        ("A1支部", None, 2024, -2.0),
        (None, "P1", 2024, 3.5),
    ]
    batches.undo(con, batch)
    assert snapshot(con) == before


def test_undo_restores_a_replaced_check(con):
    first = upload.apply(con, run(con, {"检查": [["项目编号", "年度", "季度", "进度"], ["P1", 2024, 1, "滞后"]]})[0])
    after_first = snapshot(con)
    second = upload.apply(
        con, run(con, {"检查": [["项目编号", "年度", "季度", "进度"], ["P1", 2024, "一季度", "正常"]]})[0]
    )
    assert first != second
    assert con.execute("SELECT progress FROM checks").fetchall() == [("正常",)]
    batches.undo(con, second)
    assert snapshot(con) == after_first
    assert con.execute("SELECT progress FROM checks").fetchall() == [("滞后",)]


def test_error_workbook_marks_the_bad_check_cell(con):
    plan, _ = run(con, {"检查": [["项目编号", "年度", "季度", "进度"], ["P1", 2024, "Q5", "正常"]]})
    book = openpyxl.load_workbook(io.BytesIO(error_workbook(plan.uploads[0], "zh")))
    cells = [cell.value for row in book["检查"].iter_rows() for cell in row]
    assert any(isinstance(v, str) and "'Q5' 不是季度" in v for v in cells), cells


def test_existing_store_gains_the_new_tables(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("CREATE TABLE units (unit VARCHAR PRIMARY KEY, parent VARCHAR, kind VARCHAR, batch_id INTEGER)")
    old.close()
    con = new_store(tmp_path, "old.duckdb")
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"checks", "checks_history", "secretary_lists_history", "suggestions", "point_adjustments_history"} <= tables


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        (1, 1), ("1", 1), (4.0, 4), ("一季度", 1), ("第三季度", 3), ("四季度", 4), ("Q2", 2), ("q4", 4), ("Ｑ３", 3),
        ("2024Q3", 20243), ("2024年三季度", 20243), ("2024-Q1", 20241), ("2025年第4季度", 20254),
        (0, None), (5, None), (2.5, None), ("Q5", None), ("2024Q0", None), ("五季度", None), ("季度", None),
    ],
)  # fmt: skip
def test_quarter_forms(cell, code):
    import pandas as pd

    from analytics.ingest import coerce

    values, reasons = coerce.quarter(pd.Series([cell], dtype=object))
    assert (None if pd.isna(values[0]) else int(values[0])) == code
    assert pd.isna(reasons[0]) == (code is not None)


def test_point_adjustments_in_english_headers(con):
    plan, problems = run(
        con,
        {"adjust": [["unit", "date", "points", "reason"], ["B1支部", dt.datetime(2025, 2, 3), "-0.5", "late"]]},
    )
    assert problems == []
    upload.apply(con, plan)
    assert con.execute("SELECT unit, year, points FROM point_adjustments").fetchall() == [("B1支部", 2025, -0.5)]
