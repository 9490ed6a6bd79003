"""Backups of the store: a checkpointed, verified copy of the database file (EXPORT DATABASE is closed by
enable_external_access=false), taken on demand and before every batch commit and undo, the last N kept; and the
restore that puts one back atomically. One process-wide lock keeps writes out while the file is copied."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from pathlib import Path

import duckdb

from analytics.store import accounts, audit, connection

STORE_FILE = "store.duckdb"
MANIFEST = "manifest.json"
MANIFEST_FIELDS = ("taken_at", "reason", "batches", "last_batch", "units")
DEFAULT_KEEP = 10
# Why a backup was taken: before a batch commit or an undo, on demand, or the store a restore replaced.
REASONS = ("batch", "undo", "manual", "before-restore")
# Held by commit, undo and backup: a copy never catches a write half-way.
WRITE_LOCK = threading.RLock()


class BackupError(RuntimeError):
    """The backup or restore could not be made; key/params name a translated message."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def keep_count() -> int:
    """How many automatic backups to keep: $DASHBOARD_BACKUPS (0 turns them off), else DEFAULT_KEEP."""
    try:
        return max(0, int(os.environ.get("DASHBOARD_BACKUPS", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def database_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The file behind the connection, or None for an in-memory store."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return Path(row[0]) if row and row[0] else None


def auto_dir(db_file: Path) -> Path:
    return Path(os.environ.get("DASHBOARD_BACKUP_DIR") or db_file.parent / "backups")


def _summary(path: Path) -> dict:
    """Open a copy read-only and count what it holds: a copy that does not open is no backup."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise BackupError("backup.unreadable", path=path, error=exc) from exc
    try:
        batches = con.execute("SELECT count(*), coalesce(max(batch_id), 0) FROM batches").fetchone()
        units = con.execute("SELECT count(*) FROM units").fetchone()[0]
    finally:
        con.close()
    return {"batches": batches[0], "last_batch": batches[1], "units": units}


def backup(con: duckdb.DuckDBPyConnection, out_dir: Path, *, reason: str = "manual") -> Path:
    """Write out_dir/store.duckdb and out_dir/manifest.json; returns out_dir."""
    source = database_file(con)
    if source is None:
        raise BackupError("backup.in_memory")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / STORE_FILE
    partial = out_dir / (STORE_FILE + ".partial")
    with WRITE_LOCK:
        cursor = con.cursor()
        try:
            cursor.execute("CHECKPOINT")  # everything committed is now in the main file, none of it in the WAL
        finally:
            cursor.close()
        shutil.copyfile(source, partial)
    summary = _summary(partial)
    os.replace(partial, target)
    manifest = {"taken_at": dt.datetime.now().isoformat(timespec="seconds"), "source": str(source), "reason": reason}
    (out_dir / MANIFEST).write_text(json.dumps({**manifest, **summary}, ensure_ascii=False, indent=1), "utf-8")
    return out_dir


def before_write(con: duckdb.DuckDBPyConnection, reason: str) -> Path | None:
    """The automatic backup before a commit or undo, then the oldest beyond keep_count() removed."""
    keep = keep_count()
    source = database_file(con)
    if keep == 0 or source is None:
        return None
    root = auto_dir(source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    made = backup(con, root / f"{stamp}-{reason}", reason=reason)
    for old in list_backups(root)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    return made


def list_backups(root: Path) -> list[Path]:
    """Backup folders under root, oldest first (their names start with the time they were taken)."""
    if not Path(root).is_dir():
        return []
    return sorted(path for path in Path(root).iterdir() if (path / STORE_FILE).is_file())


def resolve(source: Path) -> Path:
    """A backup folder, or a folder of them (then the newest)."""
    source = Path(source)
    if (source / STORE_FILE).is_file():
        return source
    found = list_backups(source)
    if not found:
        raise BackupError("backup.not_found", path=source)
    return found[-1]


def catalogue(root: Path) -> list[dict]:
    """The backups under root, newest first, each with its folder name and what its manifest says."""
    found = []
    for folder in reversed(list_backups(root)):
        try:
            manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            manifest = {}
        found.append({"name": folder.name, **{key: manifest.get(key) for key in MANIFEST_FIELDS}})
    return found


def take(con: duckdb.DuckDBPyConnection, by: accounts.Principal, db_file: Path | None = None) -> Path:
    """A backup on demand by an admin, beside the automatic ones, under the writer lock; audited."""
    accounts.require(con, by, "admin", "backup")
    with connection.connect_writer(db_file) as writer:
        source = database_file(writer)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        made = backup(writer, auto_dir(source) / f"{stamp}-manual", reason="manual")
        audit.record(writer, actor=by.name, source=by.source, action="backup", target=made.name)
    return made


def restore_here(con: duckdb.DuckDBPyConnection, by: accounts.Principal, name: str, db_file: Path | None = None):
    """Put back one of this store's own backups (by folder name, never a path) while the dashboard runs: an admin
    only, the writer lock held so no write lands meanwhile, the result published to every reader; the restore is
    audited in the restored store, which is the one that stays."""
    accounts.require(con, by, "admin", "restore", target=name)
    path = connection.db_path(db_file)
    chosen = {folder.name: folder for folder in list_backups(auto_dir(path))}.get(name)
    if chosen is None:
        raise BackupError("backup.not_found", path=name)
    with connection.exclusive(path) as primary:
        summary = restore(chosen, primary)
        restored = connection.connect(primary)
        try:
            audit.record(restored, actor=by.name, source=by.source, action="restore", target=name)
        finally:
            restored.close()
    return summary


# Taken from the store a restore replaces, not from the backup: the audit log is only ever appended to (a restore
# must not erase who did what), and an account disabled or a password changed since the backup must stay so.
KEPT_TABLES = ("users", "user_units", "audit_log")


def _keep_accounts_and_audit(restoring: Path, replaced: Path) -> None:
    """Put the replaced store's accounts and audit log into the file about to be restored (before the swap, so a
    crash leaves the old store or the complete new one)."""
    con = duckdb.connect(str(restoring))
    try:
        # Both paths are ours (the store's folder and a timestamped backup folder), never typed by anyone.
        con.execute(f"ATTACH '{str(replaced).replace(chr(39), chr(39) * 2)}' AS replaced (READ_ONLY)")
        con.execute("BEGIN")
        for table in KEPT_TABLES:
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} SELECT * FROM replaced.{table}")
        con.execute("COMMIT")
        following = con.execute("SELECT coalesce(max(audit_id), 0) + 1 FROM audit_log").fetchone()[0]
        con.execute("DROP SEQUENCE audit_id_seq")
        con.execute(f"CREATE SEQUENCE audit_id_seq START {int(following)}")
        con.execute("DETACH replaced")
        con.execute("CHECKPOINT")  # nothing left in a WAL that the rename would leave behind
    finally:
        con.close()


def restore(source: Path, db_file: Path) -> dict:
    """Put the backup in place of db_file, which no process may hold open. The current file is kept beside the
    backups first; the swap is one rename, so a crash leaves either the old or the restored store."""
    chosen = resolve(source)
    summary = _summary(chosen / STORE_FILE)
    db_file = Path(db_file)
    replaced = None
    if db_file.exists():
        try:
            con = duckdb.connect(str(db_file))
        except duckdb.IOException as exc:
            raise BackupError("backup.busy", path=db_file) from exc
        try:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            replaced = backup(con, auto_dir(db_file) / f"{stamp}-before-restore", reason="before-restore")
        finally:
            con.close()
    partial = db_file.with_name(db_file.name + ".restoring")
    shutil.copyfile(chosen / STORE_FILE, partial)
    if replaced is not None:
        _keep_accounts_and_audit(partial, replaced / STORE_FILE)
    wal = db_file.with_name(db_file.name + ".wal")
    if wal.exists():  # a log written against the old file must never be replayed onto the restored one
        wal.unlink()
    os.replace(partial, db_file)
    return {**summary, "from": str(chosen)}
