"""Names of people are personal data: counts for every role, name lists (page and workbook) only where the signed-in
viewer's unit scope covers the unit, none for a reader who is not signed in."""

from __future__ import annotations

import io

import openpyxl
import pytest

from analytics.contract.access import EVERY_UNIT, NO_UNIT, NameScope, may_see_names
from analytics.filters import Filters
from analytics.store import accounts
from analytics.store.connection import connect
from tests.conftest import open_page
from tests.test_roles_app import signed_in
from tests.test_talent_page import people_db, texts  # noqa: F401 (a fixture)
from ui import exports

HIDDEN = "名单属于个人信息，仅对有权查看该单位的用户显示。"


@pytest.fixture
def scoped_db(people_db):  # noqa: F811
    """The people fixture with a viewer scoped to 公司B, a viewer scoped to 公司A and an unscoped viewer."""
    con = connect(people_db)
    by = accounts.operator()
    accounts.add_user(con, by, "乙公司读者", role="viewer", password="password-b", units=["公司B"])
    accounts.add_user(con, by, "甲公司读者", role="viewer", password="password-a", units=["公司A"])
    accounts.add_user(con, by, "集团读者", role="viewer", password="password-g")
    con.close()
    return people_db


def test_the_name_scope_of_each_kind_of_viewer(scoped_db):
    con = connect(scoped_db)
    scope_b = accounts.name_scope(con, accounts.principal_for(con, "乙公司读者"))
    assert scope_b == NameScope(frozenset({"公司B", "B1支部"}))
    assert accounts.name_scope(con, accounts.principal_for(con, "集团读者")) == EVERY_UNIT
    assert accounts.name_scope(con, accounts.Principal("anonymous", "viewer", via="anonymous")) == NO_UNIT
    assert accounts.name_scope(con, accounts.Principal("x@example.com", "viewer", via="sso-unmapped")) == NO_UNIT
    con.close()
    assert [may_see_names(unit, scope_b) for unit in ("B1支部", "公司B", "A1支部", None)] == [True, True, False, False]


def test_a_viewer_scoped_to_a_company_sees_its_counts_and_only_its_peoples_names(make_app, scoped_db):
    app = open_page(signed_in(make_app, scoped_db, "乙公司读者"), "talent").run()
    assert not app.exception, app.exception
    # 公司B in 2024: 赵敏 雄鹰, the second 李青 雏鹰 (2 people); in 2023 also 刘洋 金鹰, that 李青 as 后备人才 (3).
    assert "**公司B**" in texts(app)  # the breadcrumb: the page opened on the scope, not the group
    assert "**2024年人才库共2人（比上年-1）：后备人才 0、雏鹰 1、雄鹰 1、金鹰 0**" in texts(app)
    moves, honours = (frame.value for frame in app.dataframe)
    assert sorted(moves["person"]) == ["刘洋", "李青"]  # 李青 后备人才→雏鹰 and 刘洋's exit, both in B1支部
    assert list(honours["person"]) == ["李青"]  # 优秀共产党员; 张建国 and 王强 of 公司A are not listed


def test_an_unscoped_viewer_sees_every_name(make_app, scoped_db):
    app = open_page(signed_in(make_app, scoped_db, "集团读者"), "talent").run()
    assert sorted(app.dataframe[0].value["person"]) == ["刘洋", "李青", "李青", "王强"]


def test_a_reader_who_is_not_signed_in_sees_counts_but_no_names(make_app, scoped_db):
    app = open_page(signed_in(make_app, scoped_db, None), "talent").run()
    assert not app.exception, app.exception
    assert len(app.dataframe) == 0
    assert HIDDEN in [caption.value for caption in app.caption]
    assert "**晋级3人，其中后备人才→雏鹰最多（2人）；出库1人**" in texts(app)


def people_sheet(db, filters: Filters, principal) -> list[list]:
    base = connect(db)
    try:
        data = exports.builder(base, filters, "xlsx", "zh", principal)()
    finally:
        base.close()
    return [list(row) for row in openpyxl.load_workbook(io.BytesIO(data))["人才"].iter_rows(values_only=True)]


def test_the_workbook_names_people_only_inside_the_exporters_scope(scoped_db):
    con = connect(scoped_db)
    viewer_b, viewer_a = (accounts.principal_for(con, name) for name in ("乙公司读者", "甲公司读者"))
    con.close()
    company_b = Filters(units=("公司B",), year_from=2024, year_to=2024)
    assert people_sheet(scoped_db, company_b, viewer_b) == [
        ["工号", "姓名", "单位", "年度", "人才库", "导师", "职称", "是否党员"],
        [None, "李青", "B1支部", 2024, "雏鹰", None, None, None],
        [None, "赵敏", "B1支部", 2024, "雄鹰", None, None, None],
    ]
    # Asked for 公司B by someone whose scope is 公司A (the pages never ask this: the filters keep to the scope).
    assert people_sheet(scoped_db, company_b, viewer_a) == [
        ["单位", "年度", "人才库", "职称", "是否党员"],
        ["B1支部", 2024, "雏鹰", None, None],
        ["B1支部", 2024, "雄鹰", None, None],
    ]
