"""Load benchmark: K concurrent sessions through Streamlit's own websocket protocol against 1 process and against
N behind nginx, while an analyst commits a 50k-row upload (the command-line import) midway.

One session = one websocket (/_stcore/stream) that sends BackMsg.rerun_script with its widget states and waits for
ForwardMsg.script_finished; every few seconds it changes the unit or the year filter (widget ids and options read
from the deltas the server sent). Reports errors, dropped connections, rerun latency p50/p95/max and the servers'
peak RSS. Bounded: --duration seconds of load per run, every rerun times out after --timeout seconds.
Targets (issue 15) at K = 50 on 2 cores: 0 errors, p50 ≤ 500 ms, p95 ≤ 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.import_bench import build_workbook  # noqa: E402
from deploy import serve  # noqa: E402

FINISHED = ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].enum_type.values_by_name
SUCCESS = FINISHED["FINISHED_SUCCESSFULLY"].number
EARLY = FINISHED["FINISHED_EARLY_FOR_RERUN"].number


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    first_page: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped: int = 0


class Session:
    """One browser tab, as far as the server can tell."""

    def __init__(self, url: str, cookie: str | None, timeout: float):
        self.url, self.cookie, self.timeout = url, cookie, timeout
        self.widgets: dict[str, list[str]] = {}  # widget key → (id, formatted options)
        self.ids: dict[str, str] = {}
        self.states: dict[str, list[str]] = {}  # widget id → string_array_value sent with every rerun

    async def rerun(self, ws) -> float:
        message = BackMsg()
        message.rerun_script.query_string = ""
        for widget_id, values in self.states.items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.string_array_value.data.extend(values)
        started = time.perf_counter()
        await ws.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(ws.recv(), self.timeout))
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                self._note_widget(reply.delta.new_element)
            elif kind == "script_finished" and reply.script_finished == SUCCESS:
                return time.perf_counter() - started
            elif kind == "session_event" and reply.session_event.WhichOneof("type") == "script_compilation_exception":
                raise RuntimeError("script failed")

    def _note_widget(self, element) -> None:
        kind = element.WhichOneof("type")
        proto = getattr(element, kind, None) if kind else None
        widget_id = getattr(proto, "id", "")
        for key in ("unit", "year"):
            if widget_id.endswith(f"-{key}"):
                self.ids[key] = widget_id
                self.widgets[key] = list(getattr(proto, "options", []))

    def change_filter(self, rng: random.Random) -> None:
        choice = rng.choice([key for key in ("unit", "year") if self.widgets.get(key)])
        options = self.widgets[choice]
        if choice == "year":
            year = rng.choice(options)
            self.states[self.ids["year"]] = [year, year]
        else:
            self.states[self.ids["unit"]] = [rng.choice(options[:12])]

    async def run(self, until: float, results: Results, rng: random.Random) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        try:
            async with websockets.connect(
                self.url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, open_timeout=60
            ) as ws:
                results.first_page.append(await self.rerun(ws))
                while time.monotonic() < until:
                    await asyncio.sleep(rng.uniform(2, 4))  # a reader looks at the page, then changes a filter
                    self.change_filter(rng)
                    results.latencies.append(await self.rerun(ws))
        except websockets.ConnectionClosed:
            results.dropped += 1
        except TimeoutError:
            results.errors.append("timeout")
        except Exception as exc:
            results.errors.append(f"{type(exc).__name__}: {exc}")


def cookie_for(base: str) -> str | None:
    with urllib.request.urlopen(f"{base}/", timeout=60) as response:
        header = response.headers.get("Set-Cookie")
    return header.split(";")[0] if header else None


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes have used so far (all their threads: DuckDB's included)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of proc(5)
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


async def drive(
    base: str, sessions: int, duration: float, timeout: float, import_at: float, book: Path | None, db: Path
):
    results = Results()
    ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
    until = time.monotonic() + duration
    tasks = []
    for index in range(sessions):
        cookie = await asyncio.to_thread(cookie_for, base)
        session = Session(ws_url, cookie, timeout)
        tasks.append(asyncio.create_task(session.run(until, results, random.Random(index))))
        await asyncio.sleep(0.1)  # arrivals spread over a few seconds, as a meeting's readers open the link
    await asyncio.sleep(import_at)
    if book is None:
        await asyncio.gather(*tasks)
        return results
    analyst = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "analytics", "import", str(book), "--db", str(db), "--valid-only"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    await asyncio.gather(*tasks)
    if analyst.returncode != 0:
        results.errors.append(f"import failed: {analyst.stderr[-300:]}")
    return results


def start_single(port: int, db: Path, run_dir: Path) -> list[subprocess.Popen]:
    import os

    env = {**os.environ, "DASHBOARD_DB": str(db)}
    log = (run_dir / f"single-{port}.log").open("w")
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "asgi.py"), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    serve.wait_healthy(f"http://127.0.0.1:{port}", process)
    return [process]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def one_run(workers: int, sessions: int, args, folder: Path, book: Path) -> dict:
    db = folder / f"bench-{workers}-{sessions}.duckdb"
    if args.store:  # a copy: the run's upload and roll-ups must not change the store it was given
        shutil.copyfile(args.store, db)
    else:
        subprocess.run(
            [sys.executable, "-m", "analytics", "import", str(ROOT / "data" / "demo.xlsx"), "--db", str(db)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
    run_dir = folder / f"run-{workers}-{sessions}"
    run_dir.mkdir()
    processes = start_single(args.port, db, run_dir) if workers == 1 else serve.start(workers, args.port, db, run_dir)
    servers = [process.pid for process in processes[: max(1, workers)]]
    peak = [rss_mb(servers)]
    sampling = threading.Event()

    def sample():
        while not sampling.wait(0.5):
            peak[0] = max(peak[0], rss_mb(servers))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu_before = cpu_seconds(servers)
    try:
        base = f"http://127.0.0.1:{args.port}"
        results = asyncio.run(drive(base, sessions, args.duration, args.timeout, args.duration / 3, book, db))
    finally:
        cpu_used = cpu_seconds(servers) - cpu_before
        sampling.set()
        serve.stop(processes)
    lat = results.latencies
    runs = len(lat) + len(results.first_page)
    return {
        "setup": "1 process" if workers == 1 else f"{workers} behind nginx",
        "K": sessions,
        "reruns": len(lat),
        "errors": len(results.errors),
        "dropped": results.dropped,
        "first page p50": statistics.median(results.first_page) if results.first_page else float("nan"),
        "p50": statistics.median(lat) if lat else float("nan"),
        "p95": percentile(lat, 0.95),
        "max": max(lat) if lat else float("nan"),
        "peak RSS MB": peak[0],
        # What one script run costs the servers: with K readers changing a filter every 3 s on average, the
        # servers need K / (3 s + latency) runs a second, and have at most their cores' seconds to give.
        "cpu per run ms": 1000 * cpu_used / runs if runs else float("nan"),
        "sample errors": results.errors[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 30, 50])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--duration", type=float, default=30, help="seconds of load per run")
    parser.add_argument("--timeout", type=float, default=60, help="a rerun slower than this counts as an error")
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the analyst's upload (0: no upload)")
    parser.add_argument(
        "--store", type=Path, help="serve a copy of this store (e.g. `python -m analytics demo --projects 1000000`)"
    )
    parser.add_argument("--port", type=int, default=8590)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        book = folder / "analyst.xlsx" if args.rows else None
        if book:
            book.write_bytes(build_workbook(args.rows))
        for workers in args.workers:
            for sessions in args.sessions:
                row = one_run(workers, sessions, args, folder, book)
                rows.append(row)
                print(_line(row), flush=True)
    print()
    print("| setup | K | reruns | errors | dropped | first page p50 | rerun p50 | p95 | max | peak RSS | CPU per run |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['setup']} | {row['K']} | {row['reruns']} | {row['errors']} | {row['dropped']} | "
            f"{row['first page p50']:.2f} s | {row['p50'] * 1000:.0f} ms | {row['p95']:.2f} s | {row['max']:.2f} s | "
            f"{row['peak RSS MB']:.0f} MB | {row['cpu per run ms']:.0f} ms |"
        )


def _line(row: dict) -> str:
    return (
        f"{row['setup']:>14} K={row['K']:<3} reruns={row['reruns']:<4} errors={row['errors']} dropped={row['dropped']} "
        f"p50={row['p50'] * 1000:.0f} ms p95={row['p95']:.2f} s max={row['max']:.2f} s RSS={row['peak RSS MB']:.0f} MB"
        f" cpu/run={row['cpu per run ms']:.0f} ms" + (f" {row['sample errors']}" if row["sample errors"] else "")
    )


if __name__ == "__main__":
    main()
