"""Export benchmark: the whole group's workbook and deck from one store, each built by `python -m analytics report`
in a process of its own (so its memory is its own), with wall time, CPU (user + system, children included: the deck's
chart renderer too) and peak RSS. Usage: `python bench/export_bench.py --db STORE [--formats xlsx pptx]`.
The last line sums it up: `exports: xlsx wall_s=… cpu_s=… peak_mb=… | pptx …`.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="store to export from (e.g. a 1M demo store)")
    parser.add_argument("--formats", nargs="+", default=["xlsx", "pptx"], choices=("xlsx", "pptx", "pdf"))
    parser.add_argument("--year", help="a year or a range (default: every year), passed to the report command")
    options = parser.parse_args()
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


if __name__ == "__main__":
    sys.exit(main())
