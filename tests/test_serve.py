"""`make serve`: three dashboard processes behind nginx serve one store; an upload through any shows on all."""

import json
import socket
import threading
import time
import urllib.request

import pytest

from deploy import serve
from tests.parse_helpers import PROJECT_HEADER, xlsx
from tests.test_stores import cli

pytestmark = pytest.mark.multiprocess
WORKERS = 3


def _free_block(size: int) -> int:
    """A port whose next `size` ports are free too."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + size >= 65535:
            continue
        try:
            for offset in range(size + 1):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
    pytest.fail("no free block of ports")


@pytest.fixture
def farm(demo_db, tmp_path):
    port = _free_block(WORKERS)
    processes = serve.start(WORKERS, port, demo_db, tmp_path / "run")
    try:
        yield port, [port + 1 + index for index in range(WORKERS)], demo_db
    finally:
        serve.stop(processes)


def projects(port: int, year: int = 2025) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kpis?year={year}", timeout=30) as response:
        return json.loads(response.read())["projects"]


def ledger(count: int) -> bytes:
    rows = [[f"MP-{i:05d}", f"多进程项目{i}", "轴研所一车间党支部", 2025] for i in range(count)]
    return xlsx({"项目": [PROJECT_HEADER, *rows]})


def test_the_proxy_upgrades_websockets_and_keeps_a_visitor_on_one_process(farm):
    port, backends, _ = farm
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
        cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("dashboard_route=") and "HttpOnly" in cookie
    # The same cookie is routed to the same process every time; the API answers through the proxy.
    route = cookie.split(";")[0]
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/batches", headers={"Cookie": route})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert [batch["file"] for batch in json.loads(response.read())] == ["demo.xlsx"]
        assert "Set-Cookie" not in response.headers
    conf = (farm[2].parent / "run" / "nginx.conf").read_text()
    assert "proxy_set_header Upgrade $http_upgrade;" in conf and "listen 127.0.0.1:" in conf
    assert all(f"server 127.0.0.1:{backend}" in conf for backend in backends)


def test_no_reader_sees_half_a_batch_and_every_process_shows_it_within_two_seconds(farm, tmp_path):
    _, backends, db = farm
    before = projects(backends[0])
    assert [projects(backend) for backend in backends] == [before] * WORKERS
    book = tmp_path / "五千项.xlsx"
    book.write_bytes(ledger(5000))
    seen: set[int] = set()
    stop = threading.Event()

    def watch(backend):
        while not stop.is_set():
            seen.add(projects(backend))

    watchers = [threading.Thread(target=watch, args=(backend,)) for backend in backends]
    for watcher in watchers:
        watcher.start()
    try:
        imported = cli("import", book, "--db", db, timeout=300)
        done = time.monotonic()
    finally:
        stop.set()
        for watcher in watchers:
            watcher.join(timeout=60)
    assert imported.returncode == 0, imported.stderr
    pending = set(backends)
    while pending and time.monotonic() - done < 2:
        pending = {backend for backend in pending if projects(backend) != before + 5000}
    assert pending == set()
    assert seen <= {before, before + 5000}  # each reader saw the store before the batch or after it, never between


@pytest.mark.browser
def test_an_upload_through_one_process_shows_on_every_process(farm, browser_page):
    port, backends, _ = farm
    before = [projects(backend) for backend in backends]
    page = browser_page
    page.goto(f"http://127.0.0.1:{port}/upload")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "三项.xlsx", "mimeType": "application/octet-stream", "buffer": ledger(3)}]
    )
    page.get_by_text("预览（尚未写入）").wait_for()
    page.locator(".st-key-commit-upload button").click()
    page.get_by_text("已载入为批次 #2：新增3条，更新0条。").wait_for()
    done = time.monotonic()
    pending = set(backends)
    while pending and time.monotonic() - done < 2:
        pending = {backend for backend in pending if projects(backend) != before[0] + 3}
    assert pending == set()
    # And the dashboard page itself of another process, on its next run.
    page.goto(f"http://127.0.0.1:{backends[-1]}/batches")
    page.get_by_text("三项.xlsx").first.wait_for(state="attached")
