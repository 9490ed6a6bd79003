"""kill -9 of an import at random moments: the store always reopens, the batch is wholly present or wholly absent,
and every earlier batch is intact (20 trials; bench/ runs more)."""

import random
import signal
import subprocess
import sys
import time

import pytest

from analytics import metrics
from analytics.filters import Filters
from analytics.store.connection import FACT_TABLES, connect
from tests.conftest import DEMO, ROOT, demo_rows
from tests.factories import GROUP_TREE, load_records, new_store

TRIALS = 20


def state(db) -> tuple[list, dict]:
    con = connect(db)
    try:
        batches = con.execute("SELECT batch_id, rows_added FROM batches ORDER BY batch_id").fetchall()
        per_batch = {
            table: con.execute(f"SELECT batch_id, count(*) FROM {table} GROUP BY ALL ORDER BY 1").fetchall()
            for table in FACT_TABLES
        }
        return batches, {"per_batch": per_batch, "kpis": metrics.kpis(con, Filters())}
    finally:
        con.close()


def import_command(db) -> list[str]:
    return [sys.executable, "-m", "analytics", "import", str(DEMO), "--db", str(db)]


@pytest.fixture(scope="module")
def import_seconds(tmp_path_factory) -> float:
    """How long a whole import takes here and now: the kills are spread over all of it, commit included."""
    db = tmp_path_factory.mktemp("timing") / "store.duckdb"
    started = time.monotonic()
    subprocess.run(import_command(db), cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


@pytest.mark.parametrize("trial", range(TRIALS))
def test_kill_during_import_leaves_the_batch_wholly_present_or_absent(tmp_path, trial, import_seconds):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE)  # an earlier batch that must survive
    con.close()
    db = tmp_path / "store.duckdb"
    before_batches, before = state(db)
    process = subprocess.Popen(import_command(db), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(trial).uniform(0.1, 1.1) * import_seconds)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    batches, after = state(db)  # reopens: a killed import never leaves a store that does not open
    assert batches[: len(before_batches)] == before_batches
    assert after["per_batch"]["units"][0] == before["per_batch"]["units"][0]  # the earlier batch, row for row
    if len(batches) == len(before_batches):  # absent: nothing of it
        assert after == before
    else:  # present: all of it
        [(batch_id, rows_added)] = batches[len(before_batches) :]
        written = sum(count for rows in after["per_batch"].values() for b, count in rows if b == batch_id)
        assert written == rows_added == demo_rows()
