"""Unit scope: a person scoped to 公司A sees 公司A's subtree only, whatever the link asks for, and an analyst scoped
to it loads only 公司A's facts (the rest rejected with the reason, like any bad row)."""

import pytest

from analytics.ingest import upload
from analytics.store import accounts
from analytics.store.connection import connect
from tests.conftest import open_page
from tests.factories import GROUP_TREE, load_records, new_store
from tests.test_load import snapshot
from tests.test_overview_app import metrics_by_label
from tests.test_roles_app import signed_in
from tests.test_upload_page import XLSX, workbook

# 公司A: two projects (one in each of its branches); 公司B: one. The whole group would show 3.
PROJECTS = [
    {"project_id": "A-1", "name": "甲一", "unit": "A1支部", "year": 2024},
    {"project_id": "A-2", "name": "甲二", "unit": "A2支部", "year": 2024},
    {"project_id": "B-1", "name": "乙一", "unit": "B1支部", "year": 2024},
]


@pytest.fixture
def scoped_db(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE, projects=PROJECTS)
    admin = accounts.operator()
    accounts.add_user(con, admin, "甲浏览", role="viewer", password="viewer-pass", units=["公司A"])
    accounts.add_user(con, admin, "甲报送", role="analyst", password="analyst-pass", units=["公司A"])
    con.close()
    return tmp_path / "store.duckdb"


def test_a_scoped_viewer_sees_only_the_subtree(make_app, scoped_db):
    app = signed_in(make_app, scoped_db, "甲浏览")
    assert not app.exception
    assert metrics_by_label(app)["项目数"] == "2"
    assert [option.strip() for option in app.multiselect(key="unit").options] == [
        "公司A", "A党委", "A1支部", "A2支部",
    ]  # fmt: skip
    open_page(app, "projects").run()
    shown = app.main.dataframe[0].value
    assert sorted(shown.iloc[:, 0]) == ["A-1", "A-2"]


def test_a_link_to_another_unit_shows_the_scope_and_says_so(make_app, scoped_db):
    app = signed_in(make_app, scoped_db, "甲浏览", unit=["公司B", "A1支部"])
    assert not app.exception
    assert metrics_by_label(app)["项目数"] == "1"  # A1支部 alone: 公司B is dropped
    assert any("公司B" in warning.value for warning in app.warning)
    app = signed_in(make_app, scoped_db, "甲浏览", unit="集团G")
    assert metrics_by_label(app)["项目数"] == "2"  # nothing left inside: the scope itself


def test_a_scoped_analyst_loads_only_facts_inside(make_app, scoped_db):
    rows = [
        ["项目编号", "项目名称", "单位", "年度"],
        ["A-3", "甲三", "A1支部", 2025],
        ["B-2", "乙二", "B1支部", 2025],
    ]
    app = signed_in(make_app, scoped_db, "甲报送")
    open_page(app, "upload").run()
    app.file_uploader(key="upload_files").set_value(("ledger.xlsx", workbook(rows), XLSX)).run()
    problems = app.main.dataframe[1].value
    assert list(problems["行号"]) == [3]
    assert list(problems["原因"]) == [
        "工作表「Sheet1」第3行「单位」列：单位“B1支部”不在您的可见范围内（公司A），不能载入。"
    ]
    app.checkbox(key="valid-only").check().run()
    app.button(key="commit-upload").click().run()
    assert [message.value for message in app.success] == ["已载入为批次 #2：新增1条，更新0条。"]
    con = connect(scoped_db)
    assert con.execute("SELECT project_id FROM projects WHERE year = 2025").fetchall() == [("A-3",)]
    con.close()


def test_a_plan_made_without_the_scope_is_refused_at_commit(scoped_db):
    con = connect(scoped_db)
    before = snapshot(con)
    rows = [["项目编号", "项目名称", "单位", "年度"], ["B-2", "乙二", "B1支部", 2025]]
    plan = upload.prepare(con, [("ledger.xlsx", workbook(rows))])  # as a script would, without the scope
    scoped = accounts.principal_for(con, "甲报送", source="script")
    with pytest.raises(accounts.Forbidden) as refused:
        upload.apply(con, plan, actor=scoped)
    assert refused.value.key == "scope.outside_plan"
    assert snapshot(con) == before
    con.close()


def test_a_scoped_analyst_undoes_only_batches_inside_the_scope(scoped_db):
    from analytics.store import batches

    con = connect(scoped_db)
    inside = load_records(
        con, "a.xlsx", projects=[{"project_id": "A-9", "name": "甲九", "unit": "A2支部", "year": 2025}]
    )
    scoped = accounts.principal_for(con, "甲报送", source="test")
    before = snapshot(con)
    with pytest.raises(accounts.Forbidden) as refused:
        batches.undo(con, 1, actor=scoped)  # the first batch holds 公司B's facts too
    assert (refused.value.key, refused.value.params) == ("scope.outside_undo", {"batch": 1, "scope": "公司A"})
    assert snapshot(con) == before
    batches.undo(con, inside, actor=scoped)
    assert con.execute("SELECT count(*) FROM projects WHERE project_id = 'A-9'").fetchone() == (0,)
    con.close()


def test_the_command_line_shows_an_account_only_its_scope(scoped_db, capsys):
    import json

    from analytics import cli

    assert cli.main(["kpis", "--json", "--db", str(scoped_db)]) == 0
    assert json.loads(capsys.readouterr().out)["projects"] == 3
    assert cli.main(["kpis", "--json", "--as", "甲浏览", "--db", str(scoped_db)]) == 0
    assert json.loads(capsys.readouterr().out)["projects"] == 2
    assert cli.main(["kpis", "--json", "--as", "甲浏览", "--unit", "公司B", "--db", str(scoped_db)]) == 0
    assert json.loads(capsys.readouterr().out)["projects"] == 2  # 公司B is outside: the scope itself
    assert cli.main(["kpis", "--as", "nobody", "--db", str(scoped_db)]) == 1
    assert capsys.readouterr().err.strip() == "没有这个账号：nobody"
