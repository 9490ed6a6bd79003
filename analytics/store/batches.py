"""Writes canonical frames to the store as one batch (all or nothing), lists batches and undoes them exactly.

Every table is keyed by vocab.SheetKind.key. An incoming row whose key is new is added; one whose key exists with
different values replaces it, and the replaced version moves to <table>_history; identical rows are left alone.
Undo puts back exactly what the batch replaced and moves the batch's own rows to history, so nothing is lost.
SQL here is composed only from schema identifiers (vocab), never from data; every value is bound or registered.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd

from analytics.contract import vocab
from analytics.store import accounts, audit, backup
from analytics.store.accounts import Principal
from analytics.store.connection import FACT_TABLES, transaction
from analytics.store.rollup import refresh_touched, touched_by
from analytics.store.sql import read_sql
from analytics.store.tree import rebuild_unit_closure, subtree


class UndoRefused(RuntimeError):
    """Undoing would break something later batches rely on; reason names them."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's stored columns, batch_id excluded, in schema order."""
    if table not in vocab.SHEET_KINDS:
        raise ValueError(f"not a fact table: {table!r}")
    # An empty select's description: information_schema took ~10 ms a call, and each commit asks several times.
    description = con.execute(f"SELECT * FROM {table} LIMIT 0").description
    return [name for name, *_ in description if name != "batch_id"]


def _key_match(left: str, right: str, key: tuple[str, ...]) -> str:
    # Outcome keys hold NULLs (a unit-level outcome has no project), so keys compare null-safely.
    return " AND ".join(f"{left}.{col} IS NOT DISTINCT FROM {right}.{col}" for col in key)


VERDICTS = ("added", "updated", "unchanged")


@dataclass
class TableChange:
    """What one table will receive: new rows, rows replacing a stored version, and rows already stored."""

    added: pd.DataFrame
    updated: pd.DataFrame
    unchanged: int
    # (file, sheet) -> {"added": n, "updated": n, "unchanged": n}, when the rows came from named sheets
    by_sheet: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)


@dataclass
class Changes:
    tables: dict[str, TableChange] = field(default_factory=dict)

    @property
    def rows_added(self) -> int:
        return sum(len(change.added) for change in self.tables.values())

    @property
    def rows_updated(self) -> int:
        return sum(len(change.updated) for change in self.tables.values())


def classify(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> Changes:
    """Split each canonical frame into added / updated / unchanged against the store. Reads only."""
    changes = Changes()
    for table in vocab.LOAD_ORDER:
        frame = frames.get(table)
        if frame is None or frame.empty:
            continue
        columns = table_columns(con, table)
        key = vocab.SHEET_KINDS[table].key
        values = [col for col in columns if col not in key]
        differs = " OR ".join(f"i.{col} IS DISTINCT FROM s.{col}" for col in values) or "false"
        cursor = con.cursor()
        if cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1)").fetchall() == [(0,)]:
            # Nothing stored yet (a first import): every row is new, and the join below would only say so.
            verdicts = np.zeros(len(frame), dtype=np.int8)
        else:
            cursor.register("incoming", frame[columns].assign(_position=range(len(frame))))
            # One hash join on the (null-safe) key, returning only each row's verdict (a position in VERDICTS):
            # a correlated EXISTS per row, or handing whole rows back to pandas, was several times slower.
            verdicts = cursor.execute(
                f"""
                SELECT (CASE WHEN s._stored IS NULL THEN 0
                             WHEN {differs} THEN 1
                             ELSE 2 END)::TINYINT AS change
                FROM incoming AS i
                LEFT JOIN (SELECT *, true AS _stored FROM {table}) AS s ON {_key_match("s", "i", key)}
                ORDER BY i._position
                """
            ).fetchnumpy()["change"]
            verdicts = np.asarray(verdicts, dtype=np.int8)
        cursor.close()
        changes.tables[table] = TableChange(
            added=_rows_where(frame, verdicts == 0, columns),
            updated=_rows_where(frame, verdicts == 1, columns),
            unchanged=int((verdicts == 2).sum()),
            by_sheet=_counts_by_sheet(frame, verdicts),
        )
    return changes


def _counts_by_sheet(frame: pd.DataFrame, verdicts: np.ndarray) -> dict[tuple[str, str], dict[str, int]]:
    """(file, sheet) -> rows per verdict, counted over integer codes: grouping 100k rows by three text keys cost
    more than the rest of the classification."""
    if not {"_file", "_sheet"} <= set(frame.columns):
        return {}
    file_codes, files = pd.factorize(frame["_file"])
    sheet_codes, sheets = pd.factorize(frame["_sheet"])
    part = file_codes * len(sheets) + sheet_codes
    counts = np.bincount(part * len(VERDICTS) + verdicts, minlength=len(files) * len(sheets) * len(VERDICTS))
    by_sheet = {}
    for position, row in enumerate(counts.reshape(-1, len(VERDICTS))):
        if row.any():
            name = (files[position // len(sheets)], sheets[position % len(sheets)])
            by_sheet[name] = {verdict: int(count) for verdict, count in zip(VERDICTS, row, strict=True)}
    return by_sheet


def _rows_where(frame: pd.DataFrame, mask: np.ndarray, columns: list[str]) -> pd.DataFrame:
    # A first import adds every row: selecting all of them by mask would only copy the frame.
    chosen = frame[columns] if mask.all() else frame.loc[mask, columns]
    return chosen.reset_index(drop=True)


def commit(
    con: duckdb.DuckDBPyConnection,
    changes: Changes,
    *,
    file_name: str,
    content_hash: str,
    uploaded_by: str | None = None,
    files: list[tuple[str, str]] | None = None,
) -> int:
    """Write the changes as one batch in one transaction and return its id; on any error nothing is written.
    files: (file name, content hash) of each file of the upload (default: the batch's own name and hash)."""
    with transaction(con) as cursor:
        batch_id = cursor.execute("SELECT nextval('batch_id_seq')").fetchone()[0]
        cursor.execute(
            "INSERT INTO batches (batch_id, file_name, content_hash, uploaded_by, uploaded_at, rows_added,"
            " rows_updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                batch_id,
                file_name,
                content_hash,
                uploaded_by or getpass.getuser(),
                datetime.now(),
                changes.rows_added,
                changes.rows_updated,
            ],
        )
        cursor.executemany(
            "INSERT INTO batch_files (batch_id, file_name, content_hash) VALUES (?, ?, ?)",
            [[batch_id, name, digest] for name, digest in (files or [(file_name, content_hash)])],
        )
        for table, change in changes.tables.items():
            _write_table(cursor, table, change, batch_id)
        _after_write(cursor, batch_id)
    return int(batch_id)


def commit_generated(
    con: duckdb.DuckDBPyConnection,
    write: Callable[[duckdb.DuckDBPyConnection, int], None],
    *,
    file_name: str,
    content_hash: str,
    uploaded_by: str | None = None,
) -> int:
    """A batch whose rows write(cursor, batch_id) inserts with SQL (the synthetic scale store): one transaction,
    the same closure, roll-ups and integrity check as an upload, so it lists and undoes like any other batch."""
    with transaction(con) as cursor:
        batch_id = cursor.execute("SELECT nextval('batch_id_seq')").fetchone()[0]
        cursor.execute(
            "INSERT INTO batches (batch_id, file_name, content_hash, uploaded_by, uploaded_at, rows_added,"
            " rows_updated) VALUES (?, ?, ?, ?, ?, 0, 0)",
            [batch_id, file_name, content_hash, uploaded_by or getpass.getuser(), datetime.now()],
        )
        cursor.execute(
            "INSERT INTO batch_files (batch_id, file_name, content_hash) VALUES (?, ?, ?)",
            [batch_id, file_name, content_hash],
        )
        write(cursor, batch_id)
        added = sum(
            cursor.execute(f"SELECT count(*) FROM {table} WHERE batch_id = ?", [batch_id]).fetchone()[0]
            for table in FACT_TABLES
        )
        cursor.execute("UPDATE batches SET rows_added = ? WHERE batch_id = ?", [added, batch_id])
        _after_write(cursor, batch_id)
    return int(batch_id)


def _after_write(cursor, batch_id: int) -> None:
    """What every write owes the readers, inside its transaction: the closure, the roll-ups (of the units the batch
    touched), the integrity check."""
    touched = touched_by(cursor, batch_id)
    if touched.units_changed:
        rebuild_unit_closure(cursor)
    refresh_touched(cursor, touched)
    _check_integrity(cursor, batch_id)


def _write_table(cursor, table: str, change: TableChange, batch_id: int) -> None:
    columns = table_columns(cursor, table)
    key = vocab.SHEET_KINDS[table].key
    column_list = ", ".join(columns)
    if len(change.updated):
        cursor.register("replacing", _for_duckdb(change.updated, table))
        match = _key_match("t", "r", key)
        cursor.execute(
            f"INSERT INTO {table}_history ({column_list}, batch_id, replaced_by, reason)"
            f" SELECT {', '.join(f't.{c}' for c in columns)}, t.batch_id, ?, 'updated' FROM {table} AS t"
            f" WHERE EXISTS (SELECT 1 FROM replacing AS r WHERE {match})",
            [batch_id],
        )
        cursor.execute(f"DELETE FROM {table} AS t WHERE EXISTS (SELECT 1 FROM replacing AS r WHERE {match})")
        cursor.execute(
            f"INSERT INTO {table} ({column_list}, batch_id) SELECT {column_list}, ? FROM replacing", [batch_id]
        )
        cursor.unregister("replacing")
    if len(change.added):
        cursor.register("adding", _for_duckdb(change.added, table))
        cursor.execute(f"INSERT INTO {table} ({column_list}, batch_id) SELECT {column_list}, ? FROM adding", [batch_id])
        cursor.unregister("adding")


def _for_duckdb(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Date columns as datetime64: DuckDB reads those as a block, but converts Python dates one by one (5× slower)."""
    dates = [c.name for c in vocab.SHEET_KINDS[table].columns if c.kind == "date" and c.name in frame.columns]
    if not dates:
        return frame
    return frame.assign(**{name: pd.to_datetime(frame[name]) for name in dates})


class IntegrityError(RuntimeError):
    """The store would hold a fact whose unit or project does not exist."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def orphans(cursor, batch_id: int | None = None) -> list[tuple[str, str]]:
    """(table, reference) pairs whose unit or project is missing from the store; with batch_id, only among the rows
    that batch wrote (a commit only adds or replaces rows, so no other row can have lost its unit or project)."""
    rows = cursor.execute(read_sql("orphans"), {"batch": batch_id}).fetchall()
    return [(table, str(reference)) for table, reference in rows]


def _check_integrity(cursor, batch_id: int) -> None:
    missing = orphans(cursor, batch_id)
    if missing:
        raise IntegrityError("integrity_orphans", refs="、".join(f"{t}:{r}" for t, r in missing))


def list_batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every batch, oldest first."""
    return con.execute(
        "SELECT batch_id, file_name, content_hash, uploaded_by, uploaded_at, rows_added, rows_updated,"
        " undone_at, undone_by FROM batches ORDER BY batch_id"
    ).df()


def batches_with_hash(con: duckdb.DuckDBPyConnection, content_hash: str) -> list[int]:
    """Active batches that already loaded this exact file content, alone or as one file of several."""
    rows = con.execute(
        "SELECT DISTINCT b.batch_id FROM batches AS b JOIN batch_files AS f ON f.batch_id = b.batch_id"
        " WHERE f.content_hash = ? AND b.undone_at IS NULL ORDER BY b.batch_id",
        [content_hash],
    ).fetchall()
    return [row[0] for row in rows]


def undo(con: duckdb.DuckDBPyConnection, batch_id: int, *, actor: Principal | None = None) -> None:
    """Restore exactly the state before the batch, recorded under the actor's name and audited. Refused
    (Forbidden) unless the actor is an analyst or admin; (UndoRefused) when the batch is unknown or undone, when a
    later batch replaced its rows, or when later facts refer to a unit or project only it created."""
    actor = actor or accounts.operator()  # the person at the machine: the command line, scripts and tests
    accounts.require(con, actor, "analyst", "undo", f"#{batch_id}")
    if actor.units:
        allowed = subtree(con, actor.units)
        touched = {row[0] for row in con.execute(read_sql("batch_units"), {"batch": batch_id}).fetchall()}
        if not touched <= allowed:
            audit.record(
                con, actor=actor.name, source=actor.source, action="undo", target=f"#{batch_id}", outcome="refused",
                detail=f"batch outside scope {list(actor.units)}",
            )  # fmt: skip
            raise accounts.Forbidden("scope.outside_undo", batch=batch_id, scope="、".join(actor.units))
    with backup.WRITE_LOCK:
        _undo(con, batch_id, undone_by=actor.name)
    audit.record(con, actor=actor.name, source=actor.source, action="undo", target=f"#{batch_id}")


def _undo(con: duckdb.DuckDBPyConnection, batch_id: int, *, undone_by: str) -> None:
    row = con.execute("SELECT undone_at FROM batches WHERE batch_id = ?", [batch_id]).fetchone()
    if row is None:
        raise UndoRefused("undo_unknown_batch", batch=batch_id)
    if row[0] is not None:
        raise UndoRefused("undo_already_undone", batch=batch_id)
    later = sorted(
        {
            found
            for table in FACT_TABLES
            for (found,) in con.execute(
                f"SELECT DISTINCT replaced_by FROM {table}_history WHERE batch_id = ? AND reason = 'updated'",
                [batch_id],
            ).fetchall()
        }
    )
    if later:
        raise UndoRefused("undo_later_batches", batch=batch_id, later=", ".join(f"#{b}" for b in later))
    backup.before_write(con, "undo")
    with transaction(con) as cursor:
        # Before the rows move: afterwards the restored versions no longer say which batch they came back from.
        touched = touched_by(cursor, batch_id)
        for table in FACT_TABLES:
            columns = ", ".join([*table_columns(cursor, table), "batch_id"])
            # Columns named, not by position: a column added to an older store sits at a different place in history.
            cursor.execute(
                f"INSERT INTO {table}_history ({columns}, replaced_by, reason)"
                f" SELECT {columns}, ?, 'undone' FROM {table} WHERE batch_id = ?",
                [batch_id, batch_id],
            )
            cursor.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_history"
                " WHERE replaced_by = ? AND reason = 'updated'",
                [batch_id],
            )
            cursor.execute(f"DELETE FROM {table}_history WHERE replaced_by = ? AND reason = 'updated'", [batch_id])
        cursor.execute(
            "UPDATE batches SET undone_at = ?, undone_by = ? WHERE batch_id = ?",
            [datetime.now(), undone_by, batch_id],
        )
        if touched.units_changed:
            rebuild_unit_closure(cursor)
        refresh_touched(cursor, touched)
        missing = orphans(cursor)
        if missing:
            raise UndoRefused("undo_orphans", batch=batch_id, refs="、".join(f"{t}:{r}" for t, r in missing))
