"""Commit benchmark: a 500-row projects upload (with outcome columns) into a copy of a large store, committed and
undone through the real path (upload.prepare, upload.apply, batches.undo), once with the full roll-up rebuild and
once with the refresh of the touched units, in the same run.

The store comes from `python -m analytics demo --projects 1000000 --db PATH`. Each side works on its own copy of
it. The upload adds 450 new projects and updates 50 stored ones (their status and 党支部, so savings move between
units), each with a 节创价值 and a patent count, spread over the units the store already has (no new units).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.contract import vocab
from analytics.ingest import upload
from analytics.store import batches, rollup
from analytics.store.connection import connect

HEADERS = ["项目编号", "项目名称", "单位", "党支部", "活动类型", "项目类别", "负责人", "年度", "状态",
           "节创价值(万元)", "发明专利"]  # fmt: skip


def build_csv(store: Path, rows: int, updated: int, seed: int = 11) -> bytes:
    """`rows` project rows: `updated` of them stored projects moved to another branch of their unit, the rest new."""
    rng = random.Random(seed)
    con = connect(store)
    # A project's 单位 is the company its 党支部 lies under (two steps up in the demo tree).
    branches = con.execute(
        "SELECT b.unit, o.parent FROM units AS b JOIN units AS o ON o.unit = b.parent"
        " WHERE b.kind = '党支部' ORDER BY b.unit"
    ).fetchall()
    by_unit: dict[str, list[str]] = {}
    for branch, unit in branches:
        by_unit.setdefault(unit, []).append(branch)
    stored = con.execute(
        "SELECT project_id, name, unit, branch, program, category, year FROM projects"
        " WHERE branch IS NOT NULL ORDER BY hash(project_id) LIMIT ?",
        [updated],
    ).fetchall()
    con.close()
    lines = []
    for project_id, name, unit, branch, program, category, year in stored:
        others = [b for b in by_unit.get(unit, []) if b != branch] or [branch]
        lines.append([project_id, name, unit, rng.choice(others), program, category, "王建国", year, "已结题"])
    for index in range(rows - len(stored)):
        branch, unit = rng.choice(branches)
        lines.append([
            f"BENCH-{index:05d}", f"提高轴承加工合格率攻关{index}", unit, branch, rng.choice(vocab.PROGRAMS),
            rng.choice(vocab.CATEGORIES), "李红梅", rng.choice([2024, 2025]), rng.choice(vocab.STATUSES),
        ])  # fmt: skip
    for line in lines:
        line += [round(rng.uniform(1, 80), 1), rng.choice([0, 0, 1, 2])]
    buffer = io.StringIO()
    pd.DataFrame(lines, columns=HEADERS).to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8")


@contextmanager
def rollup_clock():
    """Seconds spent refreshing the roll-ups, summed, while inside."""
    spent = [0.0]
    original = batches.refresh_touched

    def timed(con, touched):
        start = time.perf_counter()
        original(con, touched)
        spent[0] += time.perf_counter() - start

    batches.refresh_touched = timed
    try:
        yield spent
    finally:
        batches.refresh_touched = original


def run(source: Path, data: bytes, *, full: bool) -> dict[str, float]:
    """Prepare, commit and undo the upload on a fresh copy of the store; seconds of each step."""
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        store = Path(folder) / "copy.duckdb"
        shutil.copy(source, store)
        con = connect(store)
        share = rollup.FULL_REBUILD_SHARE
        rollup.FULL_REBUILD_SHARE = 0.0 if full else share  # 0: every batch rebuilds all, as before
        try:
            start = time.perf_counter()
            plan = upload.prepare(con, [("bench.csv", data)])
            assert not plan.problems and not plan.new_units, (plan.problems[:3], plan.new_units)
            prepared = time.perf_counter() - start
            with rollup_clock() as commit_rollups:
                start = time.perf_counter()
                batch = upload.apply(con, plan)
                committed = time.perf_counter() - start
            with rollup_clock() as undo_rollups:
                start = time.perf_counter()
                batches.undo(con, batch)
                undone = time.perf_counter() - start
        finally:
            rollup.FULL_REBUILD_SHARE = share
            con.close()
    return {
        "prepare": prepared, "commit": committed, "commit_rollups": commit_rollups[0],
        "undo": undone, "undo_rollups": undo_rollups[0],
    }  # fmt: skip


def crossover(source: Path, shares: list[float]) -> None:
    """Seconds to refresh a random share of the owner units against a full rebuild, each in a rolled-back
    transaction on a copy of the store: where refreshing stops paying (rollup.FULL_REBUILD_SHARE)."""
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        store = Path(folder) / "copy.duckdb"
        shutil.copy(source, store)
        con = connect(store)
        units = [row[0] for row in con.execute("SELECT unit FROM units ORDER BY hash(unit)").fetchall()]

        def seconds(action) -> float:
            cursor = con.cursor()
            cursor.execute("BEGIN TRANSACTION")
            start = time.perf_counter()
            action(cursor)
            spent = time.perf_counter() - start
            cursor.execute("ROLLBACK")
            cursor.close()
            return spent

        full = seconds(rollup.rebuild_rollups)
        print(f"full rebuild: {full:.2f} s")
        for share in shares:
            chosen = units[: round(share * len(units))]
            refresh = seconds(lambda cursor, chosen=chosen: rollup.refresh_rollups(cursor, chosen, chosen))
            print(
                f"refresh {share:>5.0%} of the units ({len(chosen):,}): {refresh:.2f} s ({refresh / full:.0%} of full)"
            )
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/work/scratch-incr/s1m.duckdb"))
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--updated", type=int, default=50)
    parser.add_argument("--crossover", action="store_true", help="also time refreshes of 1%%–100%% of the units")
    args = parser.parse_args()
    os.environ.setdefault("DASHBOARD_BACKUPS", "0")  # the automatic backup copies the file: timed apart
    data = build_csv(args.db, args.rows, args.updated)
    print(f"store {args.db} ({args.db.stat().st_size / 1e6:.0f} MB); upload {args.rows} rows ({args.updated} updates)")
    print(f"nproc {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at the start")
    for name, full in (("full rebuild", True), ("incremental", False)):
        seconds = run(args.db, data, full=full)
        print(
            f"{name:>13}: prepare {seconds['prepare']:.2f} s, commit {seconds['commit']:.2f} s"
            f" (roll-ups {seconds['commit_rollups']:.2f} s), undo {seconds['undo']:.2f} s"
            f" (roll-ups {seconds['undo_rollups']:.2f} s)"
        )
    if args.crossover:
        crossover(args.db, [0.01, 0.05, 0.1, 0.25, 0.4, 0.6, 0.8, 1.0])
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
