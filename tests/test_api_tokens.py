"""Per-user API tokens: an admin issues one from the command line (shown once, only its hash kept); a caller with it
acts as that account from any address, within its unit scope; anyone else off this machine gets 401."""

import hashlib
import io
import time
import warnings

import openpyxl
import pytest
from starlette.applications import Starlette

from analytics import api, cli
from analytics.store import accounts, audit, connection, throttle
from analytics.store.connection import connect
from tests.factories import GROUP_TREE, load_records, new_store
from tests.test_talent_page import people_db  # noqa: F401 (a fixture)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2, not about this code
    from starlette.testclient import TestClient

# 公司A: two projects (one in each of its branches, 3 and 4.5 万元 saved); 公司B: one (10 万元). The group: 3, 17.5.
PROJECTS = [
    {"project_id": "A-1", "name": "甲一", "unit": "A1支部", "year": 2024},
    {"project_id": "A-2", "name": "甲二", "unit": "A2支部", "year": 2024},
    {"project_id": "B-1", "name": "乙一", "unit": "B1支部", "year": 2024},
]
SAVINGS = [
    {"project_id": "A-1", "outcome_type": "节创价值", "value_wan": 3.0},
    {"project_id": "A-2", "outcome_type": "节创价值", "value_wan": 4.5},
    {"project_id": "B-1", "outcome_type": "节创价值", "value_wan": 10.0},
]
REMOTE = ("10.1.2.3", 50000)
LOCAL = ("127.0.0.1", 50000)


@pytest.fixture
def store(tmp_path, monkeypatch):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE, projects=PROJECTS, outcomes=SAVINGS)
    admin = accounts.operator()
    accounts.add_user(con, admin, "甲浏览", role="viewer", password="viewer-pass", units=["公司A"])
    accounts.add_user(con, admin, "总部", role="viewer", password="viewer-pass")
    con.close()
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    monkeypatch.delenv("DASHBOARD_API_PUBLIC", raising=False)
    return path


def issue(capsys, store, name: str, *extra) -> str:
    assert cli.main(["user", "token", name, *extra, "--db", str(store)]) == 0
    return capsys.readouterr().out


def token_of(capsys, store, name: str) -> str:
    out = issue(capsys, store, name)
    assert out.startswith(f"已为 {name} 签发接口令牌（只显示这一次，原令牌作废）：\n")
    return out.strip().splitlines()[-1]


def client(address=REMOTE, token: str | None = None) -> TestClient:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return TestClient(Starlette(routes=api.routes()), client=address, headers=headers)


def audit_rows(store, action: str):
    con = connect(store)
    try:
        frame = audit.read(con, actions=(action,))
        return list(frame[["actor", "source", "target", "outcome", "detail"]].itertuples(index=False, name=None))
    finally:
        con.close()


def test_a_scoped_token_sees_its_subtree_from_any_address(store, capsys):
    token = token_of(capsys, store, "甲浏览")
    remote = client(token=token)
    body = remote.get("/api/kpis?year=2024").json()
    assert (body["projects"], body["savings_wan"]) == (2, 7.5)  # 公司A's subtree, not the group's 3 and 17.5
    body = remote.get("/api/kpis", params={"unit": "A2支部"}).json()
    assert (body["projects"], body["savings_wan"]) == (1, 4.5)
    whole = client(token=token_of(capsys, store, "总部")).get("/api/kpis").json()
    assert (whole["projects"], whole["savings_wan"]) == (3, 17.5)
    local = client(LOCAL).get("/api/kpis").json()  # no token on this machine: the operator, the whole group
    assert (local["projects"], local["savings_wan"]) == (3, 17.5)


def test_batches_need_an_analysts_token_as_on_the_dashboard(store, capsys):
    response = client(token=token_of(capsys, store, "总部")).get("/api/batches")
    assert (response.status_code, response.json()) == (
        403,
        {"error": "无权执行此操作（batch）：需要“analyst”及以上角色。"},
    )
    con = connect(store)
    accounts.set_role(con, accounts.operator(), "总部", "analyst")
    con.close()
    response = client(token=token_of(capsys, store, "总部")).get("/api/batches")
    assert response.status_code == 200 and [row["file"] for row in response.json()] == ["fixture.xlsx"]


def test_a_unit_outside_the_scope_is_refused_with_a_plain_message(store, capsys):
    remote = client(token=token_of(capsys, store, "甲浏览"))
    response = remote.get("/api/kpis", params={"unit": ["公司B", "A1支部"]})
    assert response.status_code == 403
    assert response.json() == {
        "error": "单位超出此账号的可见范围：公司B（可见：公司A）",
        "outside": ["公司B"],
        "scope": ["公司A"],
    }
    response = remote.get("/api/studios", params={"unit": "集团G", "lang": "en"})
    assert (response.status_code, response.json()["error"]) == (
        403,
        "Units outside this account's scope: 集团G (it may see: 公司A)",
    )


def test_no_or_a_wrong_token_is_refused_and_audited(store, capsys):
    response = client().get("/api/kpis")
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"].startswith("需要接口令牌：请求头 Authorization: Bearer <令牌>")
    token = token_of(capsys, store, "甲浏览")
    for address in (REMOTE, LOCAL):  # a token that is wrong is refused even on this machine
        response = client(address, token=token + "x").get("/api/kpis", params={"lang": "en"})
        assert (response.status_code, response.json()) == (
            401,
            {"error": "The API token is not valid, was revoked, or its account is disabled."},
        )
    assert audit_rows(store, "sign_in") == [
        ("?", "127.0.0.1", "", "failed", "unknown API token"),
        ("?", "10.1.2.3", "", "failed", "unknown API token"),
    ]
    assert client(LOCAL).get("/api/openapi.json").status_code == 200
    assert client().get("/api/openapi.json").status_code == 401


def test_a_flood_of_wrong_tokens_from_one_address_is_cut_off_before_the_store(store, capsys):
    token = token_of(capsys, store, "甲浏览")
    for _ in range(10):  # throttle.LIMIT: 10 failed sign-ins a minute per address
        assert client(token="guess").get("/api/kpis").status_code == 401
    published = connection.published(store)
    response = client(token="guess").get("/api/kpis")
    assert response.status_code == 429
    seconds = int(response.headers["retry-after"])
    assert 1 <= seconds <= 60
    assert response.json() == {"error": f"此地址登录失败次数过多，请 {seconds} 秒后再试。"}
    # The address is refused even with a good token; another address is not.
    assert client(token=token).get("/api/kpis").status_code == 429
    assert client(("10.9.9.9", 50000), token=token).get("/api/kpis").status_code == 200
    # Past the limit nothing was written: ten audit rows, and no copy of the store published for the rest.
    assert len(audit_rows(store, "sign_in")) == 10
    assert connection.published(store) == published


def test_the_throttle_lets_an_address_in_again_when_its_window_moves_on(monkeypatch):
    failed = throttle.FailedSignIns("2/second")
    failed.failed("store", "10.1.2.3")
    failed.failed("store", "10.1.2.3")
    with pytest.raises(throttle.Throttled) as refused:
        failed.check("store", "10.1.2.3")
    assert refused.value.retry_after == 1 and refused.value.params == {"count": 1}
    failed.check("other store", "10.1.2.3")  # counted per store
    failed.check("store", "10.1.2.4")
    time.sleep(1.1)
    failed.check("store", "10.1.2.3")


def test_the_token_is_stored_only_as_its_hash_and_reissue_replaces_it(store, capsys):
    first = token_of(capsys, store, "甲浏览")
    con = connect(store)
    stored = con.execute("SELECT name, token_hash FROM api_tokens").fetchall()
    con.close()
    assert stored == [("甲浏览", hashlib.sha256(first.encode()).hexdigest())]
    assert len(first) >= 40 and first not in store.read_bytes().decode("latin-1")
    second = token_of(capsys, store, "甲浏览")
    assert second != first
    assert client(token=first).get("/api/kpis").status_code == 401
    assert client(token=second).get("/api/kpis").status_code == 200
    actor = accounts.operator().name
    assert audit_rows(store, "user_token") == [
        (actor, "cli", "甲浏览", "ok", "issued"),
        (actor, "cli", "甲浏览", "ok", "issued"),
    ]


def test_revoke_and_a_disabled_account_end_the_token(store, capsys):
    token = token_of(capsys, store, "甲浏览")
    assert cli.main(["user", "disable", "甲浏览", "--db", str(store)]) == 0
    capsys.readouterr()
    assert client(token=token).get("/api/kpis").status_code == 401
    assert audit_rows(store, "sign_in") == [("甲浏览", "10.1.2.3", "", "failed", "API token of a disabled account")]
    assert cli.main(["user", "token", "甲浏览", "--db", str(store)]) == 1
    assert capsys.readouterr().err.strip() == "甲浏览 已停用，不能签发接口令牌。"
    assert cli.main(["user", "disable", "甲浏览", "--enable", "--db", str(store)]) == 0
    capsys.readouterr()
    assert client(token=token).get("/api/kpis").status_code == 200
    assert issue(capsys, store, "甲浏览", "--revoke").strip() == "已吊销 甲浏览 的接口令牌。"
    assert client(token=token).get("/api/kpis").status_code == 401
    assert cli.main(["user", "token", "甲浏览", "--revoke", "--db", str(store)]) == 1
    assert capsys.readouterr().err.strip() == "甲浏览 没有接口令牌。"
    assert cli.main(["user", "token", "nobody", "--db", str(store)]) == 1
    assert capsys.readouterr().err.strip() == "没有这个账号：nobody"
    assert [row[4] for row in audit_rows(store, "user_token")] == ["revoked", "issued"]


def test_only_an_admin_issues_tokens(store):
    con = connect(store)
    viewer = accounts.principal_for(con, "总部", source="test")
    with pytest.raises(accounts.Forbidden):
        accounts.issue_token(con, viewer, "总部")
    assert con.execute("SELECT count(*) FROM api_tokens").fetchone()[0] == 0
    assert audit.read(con, actions=("user_token",))["outcome"].tolist() == ["refused"]
    con.close()


def test_openapi_declares_the_bearer_scheme(store):
    document = client(LOCAL).get("/api/openapi.json").json()
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "a per-user token an admin issues: python -m analytics user token NAME",
    }
    operation = document["paths"]["/api/kpis"]["get"]
    assert operation["security"] == [{"bearer": []}, {}] and {"401", "403"} <= set(operation["responses"])


def test_a_scoped_tokens_workbook_names_only_its_own_people(people_db, capsys, monkeypatch):  # noqa: F811
    con = connect(people_db)
    accounts.add_user(con, accounts.operator(), "乙公司读者", role="viewer", password="password-b", units=["公司B"])
    con.close()
    monkeypatch.setenv("DASHBOARD_DB", str(people_db))
    response = client(token=token_of(capsys, people_db, "乙公司读者")).get("/api/reports/xlsx", params={"year": 2024})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["人才"]
    # 公司B's 2024 pool (tests/test_names_scope.py), by name: 公司A's three people are outside the token's scope.
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["工号", "姓名", "单位", "年度", "人才库", "导师", "职称", "是否党员"],
        [None, "李青", "B1支部", 2024, "雏鹰", None, None, None],
        [None, "赵敏", "B1支部", 2024, "雄鹰", None, None, None],
    ]
