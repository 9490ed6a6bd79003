"""The audit log as an admin reads it: filtered on its page, exported without formulas; closed to other roles."""

import io

import openpyxl
import pytest

from analytics.exports import table_export
from analytics.store import accounts, audit
from analytics.store.connection import connect
from tests.conftest import open_page
from tests.test_roles_app import accounts_db, signed_in  # noqa: F401 (fixture)


def test_admin_reads_and_filters_the_log(make_app, accounts_db):  # noqa: F811
    con = connect(accounts_db)
    with_failure = accounts.Principal("=cmd|' /C calc'!A0", "viewer", source="10.0.0.5")
    with pytest.raises(accounts.Forbidden):
        accounts.require(con, with_failure, "analyst", "undo", "#1")
    con.close()
    app = signed_in(make_app, accounts_db, "老张")
    open_page(app, "audit").run()
    assert not app.exception
    table = app.main.dataframe[0].value
    # Newest first: the refused undo, then the three accounts made by the operator, then the demo batch.
    assert list(table["操作"])[:4] == ["撤销批次", "新建账号", "新建账号", "新建账号"]
    assert (table["结果"].iloc[0], table["来源"].iloc[0]) == ("拒绝", "10.0.0.5")
    assert list(table["操作"])[-1] == "上传批次" and table["文件哈希"].iloc[-1]
    app.selectbox(key="audit-outcome").set_value("refused").run()
    table = app.main.dataframe[0].value
    assert list(table["操作人"]) == ["=cmd|' /C calc'!A0"]


def test_other_roles_cannot_open_it(make_app, accounts_db):  # noqa: F811
    app = signed_in(make_app, accounts_db, "小王")
    open_page(app, "audit").run()
    assert app.main.error[0].value == "此页面需要“管理员”及以上角色，请登录有权限的账号。"
    assert len(app.dataframe) == 0


def test_exports_keep_formula_like_text_as_text(tmp_path):
    con = connect(tmp_path / "a.duckdb")
    for name in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "plain"):
        audit.record(con, actor=name, source="x", action="sign_in", outcome="failed")
    frame = audit.read(con)
    headers = list(frame.columns)
    csv_text = table_export.to_csv(frame, headers).decode("utf-8-sig")
    actors = [line.split(",")[2] for line in csv_text.splitlines()[1:]]
    assert actors == ["plain", "'\tTab", "'@SUM(A1)", "'-2", "'+1", '"\'=HYPERLINK(""http://x"")"']
    book = openpyxl.load_workbook(io.BytesIO(table_export.to_xlsx(frame, headers, "audit")))
    sheet = book.active
    cells = [sheet.cell(row=row, column=3) for row in range(2, 8)]
    assert [cell.value for cell in cells] == ["plain", "\tTab", "@SUM(A1)", "-2", "+1", '=HYPERLINK("http://x")']
    assert all(cell.data_type == "s" for cell in cells)
    assert [cell.quotePrefix for cell in cells] == [False, True, True, True, True, True]
    con.close()
