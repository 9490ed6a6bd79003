"""Page rerun timing without a browser: AppTest runs of the whole app on the demo store, the year filter changed
between runs (each new year misses the cache, each repeat hits it). Compares versions of the app run by hand:
`python bench/rerun_timing.py` in each checkout, on the same machine, one after the other."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ("overview", "participation", "savings", "studios")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.duckdb"
        subprocess.run(
            [sys.executable, "-m", "analytics", "import", str(ROOT / "data" / "demo.xlsx"), "--db", str(db)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        import os

        os.environ["DASHBOARD_DB"] = str(db)
        app = AppTest.from_file(str(ROOT / "tests" / "app_entry.py"), default_timeout=120)
        started = time.perf_counter()
        app.run()
        first = time.perf_counter() - started
        misses, hits = [], []
        for round_ in range(args.rounds):
            for page in PAGES:
                app._page_hash = calc_hash(page)
                for year in (2021, 2022, 2023, 2024, 2025):
                    app.session_state["year"] = (year, year)
                    started = time.perf_counter()
                    app.run()
                    (misses if round_ == 0 else hits).append(time.perf_counter() - started)
                    assert not app.exception, app.exception
        print(f"first run {first * 1000:.0f} ms")
        for name, values in (("cache miss", misses), ("cache hit", hits)):
            if values:
                print(
                    f"{name}: n={len(values)} median {statistics.median(values) * 1000:.0f} ms, "
                    f"max {max(values) * 1000:.0f} ms"
                )


if __name__ == "__main__":
    main()
