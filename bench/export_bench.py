"""Export benchmark: the whole group's workbook and deck from one store, each built by `python -m analytics report`
in a process of its own (so its memory is its own), with wall time, CPU (user + system, children included: the deck's
chart renderer too) and peak RSS. Usage: `python bench/export_bench.py --db STORE [--formats xlsx pptx]`.
The last line sums it up: `exports: xlsx wall_s=… cpu_s=… peak_mb=… | pptx …`.

`--via-jobs` builds them instead the way the export panel does (ui/exports.builder on a cursor of the server's Reader,
then analytics.exports.jobs start + wait) and prints this process's peak RSS (the server's share) beside the peak
RSS of the build's child process: `jobs: xlsx wall_s=… server_peak_mb=… child_peak_mb=…`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project's packages import from the checkout


def measure(db: Path, fmt: str, out: Path, args: list[str]) -> dict:
    """Run one report to out; wall seconds, CPU seconds and peak RSS (MB) of the process and what it waited for."""
    command = [sys.executable, "-m", "analytics", "report", "--db", str(db), "--format", fmt, "--out", str(out), *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stdout, stderr = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{fmt} failed: {stderr.decode(errors='replace') or stdout.decode(errors='replace')}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "file_mb": out.stat().st_size / 1e6,
    }


def measure_via_jobs(db: Path, fmt: str) -> dict:
    """Build one export as the panel does, in this process standing in for the server: wall seconds, this process's
    RSS before and its peak after, and the peak RSS of any child process it waited for."""
    import resource

    from analytics.exports import jobs
    from analytics.filters import Filters
    from analytics.store import connection
    from ui import exports

    reader = connection.Reader(db)
    cursor = reader.cursor()
    cursor.execute("SELECT count(*) FROM projects").fetchone()  # the copy open, as a page that drew it has it
    before = _rss_mb()
    start = time.perf_counter()
    job = jobs.wait(jobs.start(exports.builder(cursor, Filters(), fmt, "zh")))
    wall = time.perf_counter() - start
    if job.error is not None:
        raise SystemExit(f"{fmt} failed: {job.error}")
    return {
        "wall_s": wall,
        "server_before_mb": before,
        "server_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # The child's own peak, as it reports it (0 when the build ran on a thread of this process).
        "child_peak_mb": getattr(job, "peak_mb", None) or 0.0,
        "file_mb": len(job.data) / 1e6,
    }


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="store to export from (e.g. a 1M demo store)")
    parser.add_argument("--formats", nargs="+", default=["xlsx", "pptx"], choices=("xlsx", "pptx", "pdf"))
    parser.add_argument("--year", help="a year or a range (default: every year), passed to the report command")
    parser.add_argument("--via-jobs", action="store_true", help="build as the export panel does (whole group only)")
    options = parser.parse_args()
    if options.via_jobs:
        return main_via_jobs(options)
    extra = ["--year", options.year] if options.year else []
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in options.formats:
            results[fmt] = measure(options.db, fmt, Path(folder) / f"export.{fmt}", extra)
            figures = results[fmt]
            print(
                f"{fmt}: wall {figures['wall_s']:.1f} s, CPU {figures['cpu_s']:.1f} s, "
                f"peak RSS {figures['peak_mb']:.0f} MB, file {figures['file_mb']:.1f} MB"
            )
    print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    summary = " | ".join(
        f"{fmt} wall_s={r['wall_s']:.1f} cpu_s={r['cpu_s']:.1f} peak_mb={r['peak_mb']:.0f}"
        for fmt, r in results.items()
    )
    print(f"exports: {summary}")
    return 0


def main_via_jobs(options) -> int:
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, nproc {os.cpu_count()}, load average {_load()}")
    results = {}
    for fmt in options.formats:
        results[fmt] = figures = measure_via_jobs(options.db, fmt)
        print(
            f"{fmt}: wall {figures['wall_s']:.1f} s, server RSS {figures['server_before_mb']:.0f} MB before, "
            f"peak {figures['server_peak_mb']:.0f} MB; child peak {figures['child_peak_mb']:.0f} MB; "
            f"file {figures['file_mb']:.1f} MB"
        )
    print(f"load average after {_load()}")
    summary = " | ".join(
        f"{fmt} wall_s={r['wall_s']:.1f} server_peak_mb={r['server_peak_mb']:.0f} "
        f"child_peak_mb={r['child_peak_mb']:.0f}"
        for fmt, r in results.items()
    )
    print(f"jobs: {summary}")
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
