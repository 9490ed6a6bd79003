"""Shared fixtures: stores built in code or from the demo workbook, AppTest on them, and a real server for browsers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analytics.ingest import upload
from analytics.store import accounts
from analytics.store.connection import connect

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo.xlsx"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = ROOT / "test-artifacts"


def demo_rows() -> int:
    """The demo workbook's data rows, counted with openpyxl (not our reader): every one loads as one stored row."""
    import openpyxl

    book = openpyxl.load_workbook(DEMO, read_only=True)
    try:
        return sum(1 for sheet in book.worksheets for row in sheet.iter_rows(min_row=2, values_only=True) if any(row))
    finally:
        book.close()


def load_demo(db_path: Path) -> None:
    """Fill a store with the demo workbook through the real import path."""
    con = connect(db_path)
    try:
        plan = upload.prepare(con, [(DEMO.name, DEMO.read_bytes())])
        assert not plan.problems, plan.problems[:3]
        upload.apply(con, plan, actor=accounts.operator())
    finally:
        con.close()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> Path:
    """The demo store built once per test session; tests get copies, never this file."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    load_demo(path)
    return path


@pytest.fixture
def demo_db(demo_db_template, tmp_path) -> Path:
    """A private copy of the demo store for one test."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_template, path)
    return path


@pytest.fixture
def db_with_an_empty_unit(tmp_path) -> Path:
    """集团 with 甲公司 (one 2024 project) and 乙公司, which has no data at all."""
    from tests.factories import load_records, new_store

    con = new_store(tmp_path, "empty-unit.duckdb")
    load_records(
        con,
        units=[
            {"unit": "集团", "kind": "集团"},
            {"unit": "甲公司", "parent": "集团"},
            {"unit": "乙公司", "parent": "集团"},
        ],
        projects=[{"project_id": "P1", "name": "项目一", "unit": "甲公司", "year": 2024}],
    )
    con.close()
    return tmp_path / "empty-unit.duckdb"


@pytest.fixture
def make_app(monkeypatch):
    """Factory: an AppTest of the whole app on the given database, optionally opened with query parameters."""
    from streamlit.testing.v1 import AppTest

    def build(db_path: Path, **query) -> AppTest:
        monkeypatch.setenv("DASHBOARD_DB", str(db_path))
        app = AppTest.from_file(str(ROOT / "tests" / "app_entry.py"), default_timeout=60)
        for key, value in query.items():
            app.query_params[key] = value
        return app

    yield build
    # Each test has its own database file: drop the server-wide connection and results cached for the last one.
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


def open_page(app, url_path: str):
    """Point an AppTest at a function page by its url path (AppTest.switch_page only knows page files):
    st.Page identifies a function page by the hash of its url path."""
    from streamlit.util import calc_hash

    import pages

    # The default page answers at a path of its own (navigation.PageEntry.reserved_path); its public one redirects.
    entry = next((entry for entry in pages.PAGES if entry.url_path == url_path), None)
    app._page_hash = calc_hash(entry.reserved_path if entry else url_path)
    return app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, process: subprocess.Popen, url: str, log: Path):
        self.process, self.url, self.log = process, url, log


@pytest.fixture
def dashboard_server(tmp_path):
    """Factory: `streamlit run asgi.py` (the dashboard and its HTTP API, as `make run` serves them) on 127.0.0.1
    with its own DuckDB file; stopped after the test."""
    servers: list[Server] = []

    def start(db_path: Path, extra_args: tuple[str, ...] = ()) -> Server:
        port = _free_port()
        log = tmp_path / f"streamlit-{port}.log"
        env = {**os.environ, "DASHBOARD_DB": str(db_path)}
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "asgi.py"),
            "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *extra_args,
        ]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            process.kill()
            pytest.fail(f"streamlit did not start: {log.read_text()[-2000:]}")
        server = Server(process, url, log)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture
def browser_page():
    """A Playwright page in Debian's headless chromium at 1366×768."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="zh-CN")
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def pytest_terminal_summary(terminalreporter):
    """After a run of the generative ledger tests: how many ledgers were drawn, how many shapes, how long."""
    from tests.ledgers import coverage

    if coverage.EXAMPLES:
        coverage.save()
        terminalreporter.section("generative ledgers")
        for line in coverage.summary():
            terminalreporter.write_line(line)
