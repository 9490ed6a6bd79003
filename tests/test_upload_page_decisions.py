"""The upload page asks about each unknown header until the analyst decides, summarises a flood of them, and
explains a failed commit instead of showing Streamlit's error."""

from analytics.store import batches
from analytics.store.connection import connect
from tests.test_load import snapshot
from tests.test_upload_page import upload_page, workbook

HEADER = ["项目编号", "项目名称", "单位", "年度"]


def mapping_boxes(app):
    return [box for box in app.selectbox if "对应" in box.label]  # not the new units' parent boxes


def saved(db):
    con = connect(db)
    try:
        return con.execute("SELECT sheet_kind, header, column_name FROM header_mappings ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_mapping_one_of_two_unknown_headers_leaves_the_other_undecided(make_app, tmp_path):
    db = tmp_path / "two.duckdb"
    data = workbook([[*HEADER, "课题牵头部门", "发明专利数"], ["P1", "提高合格率", "甲公司", 2024, "技术部", 2]])
    app = upload_page(make_app, db, "ledger.xlsx", data)
    boxes = {box.label: box for box in mapping_boxes(app)}
    assert [box.value for box in boxes.values()] == [None, None]  # nothing decided yet
    next(box for label, box in boxes.items() if "课题牵头部门" in label).set_value("leader").run()
    app.button(key="apply-mappings").click().run()
    assert not app.exception
    assert saved(db) == [("projects", "课题牵头部门", "leader")]  # not 发明专利数 as "ignore"
    # The other header is still asked about, and can still be mapped.
    (left,) = mapping_boxes(app)
    assert "发明专利数" in left.label and left.value is None
    left.set_value("outcome:发明专利").run()
    app.button(key="apply-mappings").click().run()
    app.button(key="commit-upload").click().run()
    con = connect(db)
    assert con.execute("SELECT outcome_type, quantity FROM outcomes").fetchall() == [("发明专利", 2)]
    con.close()
    assert saved(db) == [("projects", "发明专利数", "outcome:发明专利"), ("projects", "课题牵头部门", "leader")]


def test_apply_is_disabled_until_something_is_chosen(make_app, tmp_path):
    db = tmp_path / "none.duckdb"
    data = workbook([[*HEADER, "课题牵头部门"], ["P1", "提高合格率", "甲公司", 2024, "技术部"]])
    app = upload_page(make_app, db, "ledger.xlsx", data)
    assert app.button(key="apply-mappings").disabled
    assert saved(db) == []


def test_a_flood_of_unknown_headers_is_one_message_not_a_dropdown_each(make_app, tmp_path):
    db = tmp_path / "wide.duckdb"
    header = [*HEADER, *(f"列{i}" for i in range(200))]
    data = workbook([header, ["P1", "提高合格率", "甲公司", 2024, *range(200)]])
    app = upload_page(make_app, db, "wide.xlsx", data)
    assert not mapping_boxes(app)
    assert [w.value for w in app.warning] == [
        "wide.xlsx：有200个未识别的列（如 列0、列1、列2、列3、列4 …），请检查表头是否在前 30 行内、是否选对了文件"
    ]
    app.button(key="ignore-all-unknown").click().run()
    assert not app.warning
    app.button(key="commit-upload").click().run()
    con = connect(db)
    assert con.execute("SELECT project_id FROM projects").fetchall() == [("P1",)]
    con.close()
    assert saved(db) == []  # skipped for this upload only


def test_a_failed_commit_is_explained_and_the_page_lives(make_app, tmp_path, monkeypatch):
    db = tmp_path / "fail.duckdb"
    data = workbook([HEADER, ["P1", "提高合格率", "甲公司", 2024]])
    app = upload_page(make_app, db, "ledger.xlsx", data)

    def refuse(*args, **kwargs):
        raise batches.IntegrityError("integrity_orphans", refs="projects:甲公司")

    monkeypatch.setattr(batches, "commit", refuse)
    app.button(key="commit-upload").click().run()
    assert not app.exception
    # Streamlit escapes the colon against emoji shortcodes; the analyst sees "projects:甲公司".
    assert app.error[-1].value.replace("\\:", ":") == "数据引用了不存在的单位或项目（projects:甲公司），未写入。"

    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(batches, "commit", crash)
    app.button(key="commit-upload").click().run()
    assert not app.exception
    assert app.error[-1].value.startswith("载入失败，未写入任何数据。")
    con = connect(db)
    assert all(rows == [] for rows in snapshot(con).values())
    con.close()
