"""The HTTP API as a portal or a scheduler calls it, against a real `streamlit run asgi.py` on the demo store."""

import io
import json
import urllib.error
import urllib.parse
import urllib.request

import openpyxl
import pytest
from starlette.requests import Request

from analytics import api, cli
from tests.conftest import demo_rows
from tests.parse_helpers import PROJECT_HEADER, xlsx
from tests.test_stores import cli as run_cli


def get(url: str) -> tuple[int, dict | list | bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body, status, headers = response.read(), response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        body, status, headers = error.read(), error.code, dict(error.headers)
    if headers.get("content-type", "").startswith("application/json"):
        return status, json.loads(body), headers
    return status, body, headers


def cli_json(capsys, *args):
    assert cli.main([str(arg) for arg in args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def served(dashboard_server, demo_db):
    return dashboard_server(demo_db), demo_db


def test_read_endpoints_answer_with_the_command_lines_keys_and_figures(served, capsys):
    server, db = served
    status, body, _ = get(f"{server.url}/api/kpis?year=2024")
    assert status == 200
    assert body["projects"] == 108  # the demo's 2024 projects, as tests/test_cli.py counts them
    assert body == cli_json(capsys, "kpis", "--db", db, "--year", "2024", "--json")

    query = "unit=轴研所一车间党支部&unit=岳川精密轴承研究所&year=2022-2024&program=党员创新工程&category=精益管理"
    status, body, _ = get(f"{server.url}/api/kpis?{urllib.parse.quote(query, safe='=&')}")
    assert status == 200
    expected = cli_json(
        capsys, "kpis", "--db", db, "--unit", "轴研所一车间党支部", "--unit", "岳川精密轴承研究所",
        "--year", "2022-2024", "--program", "党员创新工程", "--category", "精益管理", "--json",
    )  # fmt: skip
    assert body == expected and 0 < body["projects"] < 108

    status, body, _ = get(f"{server.url}/api/studios?year=2024")
    assert status == 200 and body == cli_json(capsys, "studios", "--db", db, "--year", "2024", "--json")
    assert {row["verdict"] for row in body} <= {"ok", "warning", "delisted"} and body

    status, body, _ = get(f"{server.url}/api/batches")
    assert status == 200 and [(b["id"], b["file"], b["rows_added"]) for b in body] == [(1, "demo.xlsx", demo_rows())]


def test_reports_are_the_files_the_command_line_writes(served):
    server, _ = served
    status, body, headers = get(f"{server.url}/api/reports/xlsx?year=2024&lang=en")
    assert status == 200
    assert headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "filename*=UTF-8''" in headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(body)).sheetnames


def test_bad_parameters_get_a_plain_message_not_a_traceback(served):
    server, _ = served
    status, body, _ = get(f"{server.url}/api/kpis?unit={urllib.parse.quote('轴研所一车间')}")
    assert status == 400 and body["error"].startswith("找不到单位「轴研所一车间」") and body["suggestions"]
    status, body, _ = get(f"{server.url}/api/kpis?year=2025-2024")
    assert (status, body["error"]) == (400, "year: not a year or range: 2025-2024")
    status, body, _ = get(f"{server.url}/api/kpis?program=nope")
    assert status == 400 and "nope" in body["error"] and "党员创新工程" in body["allowed"]
    status, body, _ = get(f"{server.url}/api/kpis?yaer=2024")
    assert (status, body["error"]) == (400, "unknown parameter: yaer")
    status, body, _ = get(f"{server.url}/api/reports/docx")
    assert status == 400 and "pptx" in body["error"]


def test_the_api_sees_a_command_line_import_at_once(served, tmp_path):
    server, db = served
    before = get(f"{server.url}/api/kpis?year=2025")[1]["projects"]
    book = tmp_path / "追加.xlsx"
    book.write_bytes(xlsx({"项目": [PROJECT_HEADER, ["Q-1", "接口项目", "轴研所一车间党支部", 2025]]}))
    assert run_cli("import", book, "--db", db).returncode == 0
    assert get(f"{server.url}/api/kpis?year=2025")[1]["projects"] == before + 1
    assert [b["file"] for b in get(f"{server.url}/api/batches")[1]] == ["demo.xlsx", "追加.xlsx"]


def test_openapi_describes_every_endpoint_and_its_filters(served):
    server, _ = served
    status, body, _ = get(f"{server.url}/api/openapi.json")
    assert status == 200 and body["openapi"].startswith("3.")
    assert set(body["paths"]) == {"/api/kpis", "/api/studios", "/api/batches", "/api/reports/{format}"}
    kpi_params = {param["name"] for param in body["paths"]["/api/kpis"]["get"]["parameters"]}
    assert kpi_params == {"unit", "year", "program", "category", "lang"}


def test_callers_from_another_machine_need_a_token(demo_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(demo_db))
    kpis = next(route for route in api.routes() if route.path == "/api/kpis").endpoint

    def call(host):
        scope = {"type": "http", "method": "GET", "path": "/api/kpis", "query_string": b"", "headers": []}
        return kpis(Request({**scope, "client": (host, 50000)}))

    assert call("10.1.2.3").status_code == 401  # tests/test_api_tokens.py: what a token changes
    assert call("127.0.0.1").status_code == 200


def test_behind_a_proxy_on_this_machine_the_caller_is_the_forwarded_address(served):
    """uvicorn (under `streamlit run`) trusts X-Forwarded-For from 127.0.0.1 and ::1 only: a caller nginx forwards
    from another machine needs a token, one nginx forwards from this machine is the operator."""
    server, _ = served

    def call(forwarded_for: str) -> int:
        request = urllib.request.Request(f"{server.url}/api/kpis", headers={"X-Forwarded-For": forwarded_for})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    # nginx appends the address it saw; the right-most one not of this machine is the caller, so a remote caller
    # cannot pass for a local one by sending its own header first.
    assert call("127.0.0.1, 10.1.2.3") == 401
    assert call("10.1.2.3, 127.0.0.1") == 401
    assert call("127.0.0.1") == 200
