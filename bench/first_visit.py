"""A fresh server's first visitor: seconds from the page request to the first KPI tile and the first chart in
Debian's chromium, the server's CPU seconds for that visit, and the same for a second visitor, on the demo store.
Prints one line per round and the load average, which on a shared machine explains most of the spread."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_healthy(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer within 60 s")


def _visit(browser, url: str) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    started = time.monotonic()
    page.goto(url)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    tile = time.monotonic() - started
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=60_000)
    chart = time.monotonic() - started
    page.close()
    return tile, chart


def one_round(demo_db: Path, browser) -> str:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.duckdb"
        db.write_bytes(demo_db.read_bytes())
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "asgi.py"), "--server.address", "127.0.0.1",
            "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        env = {**os.environ, "DASHBOARD_DB": str(db)}
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_healthy(url, time.monotonic() + 60)
            before = _cpu_seconds(server.pid)
            first = _visit(browser, url)
            between = _cpu_seconds(server.pid)
            second = _visit(browser, url)
            after = _cpu_seconds(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return (
        f"first visitor: tile {first[0]:.1f} s, chart {first[1]:.1f} s, server cpu {between - before:.2f} s; "
        f"second: chart {second[1]:.1f} s, server cpu {after - between:.2f} s; load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        demo_db = Path(folder) / "demo.duckdb"
        imported = subprocess.run(
            [sys.executable, "-m", "analytics", "import", str(ROOT / "data" / "demo.xlsx"), "--db", str(demo_db)],
            cwd=ROOT,
            capture_output=True,
        )
        if imported.returncode:
            raise SystemExit(imported.stdout.decode() + imported.stderr.decode())
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for number in range(1, args.rounds + 1):
                print(f"round {number}: {one_round(demo_db, browser)}", flush=True)
            browser.close()


if __name__ == "__main__":
    main()
