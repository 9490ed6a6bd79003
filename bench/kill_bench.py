"""kill -9 of a demo import at random moments, many times (default 100): the store must always reopen with the
earlier batch intact and the killed batch wholly present or wholly absent. Prints the tally; exits 1 on a breach.

    .venv/bin/python bench/kill_bench.py [--trials 100]
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import DEMO  # noqa: E402
from tests.factories import GROUP_TREE, load_records, new_store  # noqa: E402
from tests.test_kill_import import state  # noqa: E402


def trial(seed: int, seconds: float) -> str:
    with tempfile.TemporaryDirectory() as folder:
        con = new_store(Path(folder))
        load_records(con, units=GROUP_TREE)
        con.close()
        db = Path(folder) / "store.duckdb"
        before_batches, before = state(db)
        command = [sys.executable, "-m", "analytics", "import", str(DEMO), "--db", str(db)]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.Random(seed).uniform(0.1, 1.1) * seconds)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        batches, after = state(db)
        if batches[: len(before_batches)] != before_batches:
            return "breach: earlier batch changed"
        if len(batches) == len(before_batches):
            return "absent" if after == before else "breach: partial batch"
        [(batch_id, rows_added)] = batches[len(before_batches) :]
        written = sum(count for rows in after["per_batch"].values() for b, count in rows if b == batch_id)
        return "present" if written == rows_added else "breach: batch rows missing"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        command = [sys.executable, "-m", "analytics", "import", str(DEMO), "--db", str(Path(folder) / "t.duckdb")]
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        seconds = time.monotonic() - started
    tally: dict[str, int] = {}
    for seed in range(args.trials):
        outcome = trial(1000 + seed, seconds)
        tally[outcome] = tally.get(outcome, 0) + 1
    print(tally)
    return 1 if any(key.startswith("breach") for key in tally) else 0


if __name__ == "__main__":
    sys.exit(main())
