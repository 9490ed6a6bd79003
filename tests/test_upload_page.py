"""The upload and batches pages through AppTest: dry run, refusal with reasons, commit, mapping, undo."""

import io

import pytest
import xlsxwriter

from analytics.store.connection import connect
from tests.conftest import DEMO, open_page
from tests.test_load import snapshot

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(rows: list[list], sheet: str = "Sheet1") -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    page = book.add_worksheet(sheet)
    for index, row in enumerate(rows):
        page.write_row(index, 0, row)
    book.close()
    return buffer.getvalue()


def upload_page(make_app, db, name: str, data: bytes):
    app = make_app(db).run()
    open_page(app, "upload").run()
    app.file_uploader(key="upload_files").set_value((name, data, XLSX)).run()
    assert not app.exception, app.exception
    return app


def test_demo_upload_dry_run_then_commit(make_app, tmp_path):
    db = tmp_path / "page.duckdb"
    app = upload_page(make_app, db, "demo.xlsx", DEMO.read_bytes())
    sheets = app.dataframe[0].value.set_index("工作表")  # the per-sheet dry run comes first
    assert sheets.loc["项目", "读取行数"] == 514
    assert sheets.loc["项目", "将新增"] == 514
    assert sheets.loc["成果", "拒绝"] == 0
    assert not app.button(key="commit-upload").disabled
    app.button(key="commit-upload").click().run()
    assert [message.value for message in app.success] == ["已载入为批次 #1：新增4406条，更新0条。"]
    open_page(app, "overview").run()
    assert app.metric[0].value == "114"


def test_bad_rows_are_listed_and_nothing_is_written(make_app, tmp_path):
    db = tmp_path / "bad.duckdb"
    bad = workbook(
        [
            ["项目编号", "项目名称", "单位", "年度", "活动类型"],
            ["P1", "提高合格率", "甲公司", 2024, "双创"],
            ["P2", "降低成本", "甲公司", 2024, "读书会"],
        ]
    )
    app = upload_page(make_app, db, "ledger.xlsx", bad)
    assert app.error[0].value.startswith("发现1个问题")
    problems = app.dataframe[1].value  # after the per-sheet table
    assert list(problems["行号"]) == [3]
    assert list(problems["列"]) == ["活动类型"]
    assert "读书会" in problems["原因"][0] and "党员创新工程" in problems["原因"][0]
    assert app.button(key="commit-upload").disabled
    con = connect(db)
    assert all(rows == [] for rows in snapshot(con).values())
    con.close()


def test_valid_only_loads_the_good_rows(make_app, tmp_path):
    db = tmp_path / "valid.duckdb"
    bad = workbook(
        [
            ["项目编号", "项目名称", "单位", "年度"],
            ["P1", "提高合格率", "甲公司", 2024],
            ["P2", "降低成本", "甲公司", "明年"],
        ]
    )
    app = upload_page(make_app, db, "ledger.xlsx", bad)
    app.checkbox(key="valid-only").check().run()
    app.button(key="commit-upload").click().run()
    assert app.success
    con = connect(db)
    assert con.execute("SELECT project_id, unit FROM projects").fetchall() == [("P1", "甲公司")]
    assert con.execute("SELECT unit, parent FROM units").fetchall() == [("甲公司", None)]
    con.close()


def test_unknown_header_is_offered_for_mapping(make_app, tmp_path):
    db = tmp_path / "map.duckdb"
    data = workbook(
        [["项目编号", "项目名称", "单位", "年度", "课题牵头部门"], ["P1", "提高合格率", "甲公司", 2024, "技术部"]]
    )
    app = upload_page(make_app, db, "ledger.xlsx", data)
    mapping = app.selectbox[0]
    assert "课题牵头部门" in mapping.label
    mapping.set_value("leader").run()
    app.button(key="apply-mappings").click().run()
    assert not app.exception
    app.button(key="commit-upload").click().run()
    con = connect(db)
    assert con.execute("SELECT leader FROM projects").fetchall() == [("技术部",)]
    # The mapping is remembered for the next upload.
    assert con.execute("SELECT sheet_kind, header, column_name FROM header_mappings").fetchall() == [
        ("projects", "课题牵头部门", "leader")
    ]
    con.close()


def test_batches_page_lists_and_undoes(make_app, tmp_path):
    db = tmp_path / "undo.duckdb"
    app = upload_page(make_app, db, "demo.xlsx", DEMO.read_bytes())
    app.button(key="commit-upload").click().run()
    open_page(app, "batches").run()
    listed = app.dataframe[0].value
    assert list(listed["批次"]) == [1]
    assert app.button(key="undo-button").disabled
    app.checkbox(key="undo-confirm").check().run()
    app.button(key="undo-button").click().run()
    assert not app.exception
    assert [message.value for message in app.success] == ["已撤销批次 #1，数据已恢复到该批次之前。"]
    open_page(app, "overview").run()
    assert app.metric[0].value == "0"


def test_new_unit_goes_where_the_analyst_puts_it(make_app, tmp_path):
    db = tmp_path / "parent.duckdb"
    app = upload_page(make_app, db, "demo.xlsx", DEMO.read_bytes())
    app.button(key="commit-upload").click().run()
    data = workbook([["项目编号", "项目名称", "单位", "年度"], ["N1", "新项目", "岳川工具研究所新车间", 2025]])
    app.file_uploader(key="upload_files").set_value(("new.xlsx", data, XLSX)).run()
    parent = next(box for box in app.selectbox if "岳川工具研究所新车间" in box.label)
    assert parent.value == ""  # the top level unless the analyst chooses
    parent.set_value("岳川工具研究所").run()
    app.button(key="commit-upload").click().run()
    assert not app.exception
    con = connect(db)
    assert con.execute("SELECT parent FROM units WHERE unit = '岳川工具研究所新车间'").fetchone() == ("岳川工具研究所",)
    con.close()


def test_same_file_again_needs_a_second_yes(make_app, tmp_path):
    db = tmp_path / "again.duckdb"
    data = workbook([["项目编号", "项目名称", "单位", "年度"], ["P1", "提高合格率", "甲公司", 2024]])
    app = upload_page(make_app, db, "ledger.xlsx", data)
    app.button(key="commit-upload").click().run()
    changed = workbook([["项目编号", "项目名称", "单位", "年度"], ["P1", "提高合格率", "甲公司", 2025]])
    app.file_uploader(key="upload_files").set_value(("ledger.xlsx", data, XLSX)).run()
    assert any("ledger.xlsx 的内容已在批次 #1 中载入过" in warning.value for warning in app.warning)
    assert app.info[-1].value == "没有新增或更新的记录，未建立批次。"
    app.file_uploader(key="upload_files").set_value(("ledger-v2.xlsx", changed, XLSX)).run()
    sheets = app.dataframe[0].value
    assert (sheets["将新增"].iloc[0], sheets["将更新"].iloc[0]) == (0, 1)
    assert not app.warning


@pytest.fixture
def upload_limit_1mb():
    from streamlit import config

    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    yield
    config.set_option("server.maxUploadSize", before)


def test_file_past_the_server_limit_is_refused_before_parsing(make_app, tmp_path, upload_limit_1mb):
    db = tmp_path / "big.duckdb"
    app = upload_page(make_app, db, "huge.xlsx", b"PK" + b"\0" * (2 * 1024 * 1024))
    assert [error.value for error in app.error] == ["文件过大，未读取：huge.xlsx（上限 1 MB）。"]
    assert not app.dataframe  # nothing was parsed, so there is no dry run
    con = connect(db)
    assert all(rows == [] for rows in snapshot(con).values())
    con.close()


def test_undoing_the_batch_that_made_a_chosen_unit_keeps_the_page_working(make_app, tmp_path):
    db = tmp_path / "gone.duckdb"
    data = workbook([["项目编号", "项目名称", "单位", "年度"], ["P1", "提高合格率", "甲公司", 2024]])
    app = upload_page(make_app, db, "ledger.xlsx", data)
    app.button(key="commit-upload").click().run()
    app.multiselect(key="unit").set_value(["甲公司"]).run()
    open_page(app, "batches").run()
    app.checkbox(key="undo-confirm").check().run()
    app.button(key="undo-button").click().run()
    assert not app.exception
    assert app.multiselect(key="unit").value == []
