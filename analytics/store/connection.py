"""Opens the DuckDB store: one writer at a time on the primary file (under a lock file), every reader on the newest
published read-only copy of it (docs/stores.md)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from analytics.store.memo import MemoCursor, QueryMemo
from analytics.store.rollup import ensure_rollups
from analytics.store.sql import read_sql

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:  # pragma: no cover - Windows
    import msvcrt
except ImportError:
    msvcrt = None

DEFAULT_DB = "data/innovation.duckdb"
FACT_TABLES = ("units", "headcount", "projects", "outcomes", "awards", "studios", "talent", "honours", "training")
# issue 17: running the programme
FACT_TABLES = (*FACT_TABLES, "checks", "secretary_lists", "suggestions", "point_adjustments")
# Published copies kept on disk; a process still reading an older one keeps it open (POSIX unlink semantics).
KEEP_SNAPSHOTS = 3
POINTER = "CURRENT"


class StoreBusy(RuntimeError):
    """A process that does not take the writer lock (a raw duckdb session) holds the primary file."""


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: the explicit path, else $DASHBOARD_DB, else data/innovation.duckdb."""
    return Path(explicit or os.environ.get("DASHBOARD_DB") or DEFAULT_DB)


def connect(
    path: str | os.PathLike | None = None, *, read_only: bool = False, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection straight to one file, with the schema and macros in place (config: DuckDB settings fixed at
    open, e.g. a memory limit). Raises StoreBusy when another process holds the file. Servers and commands use
    connect_reader / connect_writer instead."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target), read_only=read_only, config=config or {})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(str(target)) from exc
        raise
    # Connections to one file in one process share a database instance: the first one sets it up and locks it.
    if con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        return con
    con.execute("SET enable_progress_bar = false")
    if not read_only:
        con.execute(read_sql("schema"))
        con.execute(read_sql("macros"))
        ensure_rollups(con)
    # Files are read in Python and handed over as frames; no query may reach the file system, and no later
    # statement may switch that back on.
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds no facts (nothing loaded yet, or every upload undone): every fact has a unit."""
    return con.execute("SELECT count(*) FROM units").fetchone()[0] == 0


# --- published snapshots -----------------------------------------------------------------------------------------


def snapshot_dir(path: Path) -> Path:
    return path.with_name(path.name + ".snapshots")


def _lock_file(path: Path) -> Path:
    return path.with_name(path.name + ".writer.lock")


def _signature(path: Path) -> list:
    """Size and mtime of the primary file and its WAL: changes whenever anything was written to the primary."""
    found = []
    for part in (path, path.with_name(path.name + ".wal")):
        try:
            stat = part.stat()
            found.append([stat.st_size, stat.st_mtime_ns])
        except FileNotFoundError:
            found.append(None)
    return found


@dataclass(frozen=True)
class Snapshot:
    version: int
    file: Path
    source: list  # the primary's _signature when this copy was taken
    code: str = ""  # code_version() of the program that published it


@cache
def code_version() -> str:
    """What a published copy must have been made by: the schema, macros and roll-up definition it was written
    with. A copy published by an older version of the program (no roll-ups, older macros) is published again
    from the primary, through connect, which brings the primary up to date first."""
    text = "\0".join(read_sql(name) for name in ("schema", "macros", "rebuild_rollups"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _fresh(current: Snapshot | None, path: Path) -> bool:
    return current is not None and current.source == _signature(path) and current.code == code_version()


def published(path: str | os.PathLike | None = None) -> Snapshot | None:
    """The newest published copy, from its pointer file (one small read: cheap enough for every rerun)."""
    folder = snapshot_dir(db_path(path))
    try:
        pointer = json.loads((folder / POINTER).read_text())
        return Snapshot(int(pointer["version"]), folder / pointer["file"], pointer["source"], pointer.get("code", ""))
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(path: Path) -> Snapshot:
    """Copy the (checkpointed, closed) primary to a new versioned file and point CURRENT at it. Lock held."""
    folder = snapshot_dir(path)
    folder.mkdir(exist_ok=True)
    current = published(path)
    version = current.version + 1 if current else 1
    name = f"v{version:08d}.duckdb"
    source = _signature(path)
    partial = folder / f".{name}.{os.getpid()}.tmp"
    shutil.copyfile(path, partial)
    _fsync(partial)
    os.replace(partial, folder / name)
    pointer = folder / f".{POINTER}.{os.getpid()}.tmp"
    code = code_version()
    pointer.write_text(json.dumps({"version": version, "file": name, "source": source, "code": code}))
    _fsync(pointer)
    os.replace(pointer, folder / POINTER)
    if hasattr(os, "O_DIRECTORY"):  # the renames themselves survive a crash only once the folder is synced
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _prune(folder, version)
    return Snapshot(version, folder / name, source, code)


def _prune(folder: Path, newest: int) -> None:
    for old in folder.glob("v*.duckdb"):
        try:
            if int(old.stem[1:]) <= newest - KEEP_SNAPSHOTS:
                old.unlink()
        except (ValueError, OSError):  # not ours, or (Windows) still open somewhere: left for a later commit
            continue


# --- the writer lock -----------------------------------------------------------------------------------------------

_LOCAL_WRITER = threading.Lock()  # used only where the OS offers no file lock: serialises one process's writes


@contextmanager
def _writer_lock(path: Path, on_wait: Callable[[str], None] | None, *, wait: bool = True) -> Iterator[bool]:
    """Holds the store's writer lock (a lock file beside it, never the DuckDB file, whose own locks DuckDB keeps).
    Waits for a write in progress, telling on_wait once who holds it; yields False when wait=False and busy."""
    lock = _lock_file(path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            if not wait:
                yield False
                return
            if on_wait:
                on_wait(_holder(fd))
            _block(fd)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()}, since {time.strftime('%H:%M:%S')}".encode())
        try:
            yield True
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode(errors="replace")
    except OSError:
        return ""


def _try_lock(fd: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
    if msvcrt is not None:  # pragma: no cover - Windows
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    return _LOCAL_WRITER.acquire(blocking=False)  # pragma: no cover - no OS lock: one process at a time only


def _block(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    while not _try_lock(fd):  # pragma: no cover - Windows and lockless systems poll
        time.sleep(0.2)


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    elif msvcrt is not None:  # pragma: no cover - Windows
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:  # pragma: no cover
        _LOCAL_WRITER.release()


def _checkpoint_and_publish(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> Snapshot:
    """Lock held: fold the WAL into the primary, close it, and publish a copy if anything changed since the last."""
    own = con is None
    if own:
        con = connect(path)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    current = published(path)
    if _fresh(current, path) and current.file.exists():
        return current
    return _publish(path)


@contextmanager
def exclusive(path: str | os.PathLike | None = None) -> Iterator[Path]:
    """The primary file's path with the writer lock held but the file closed (a restore replaces it whole);
    published on leaving without an error, so every reader switches to what was put there."""
    target = db_path(path)
    with _writer_lock(target, None):
        yield target
        _checkpoint_and_publish(target)


@contextmanager
def writable(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """con itself when it can write; for a reader of a published copy, the primary file's writer (published on
    leaving), so a page or command reading a copy can still record an audit row or a sign-in."""
    path, read_only = con.execute(
        "SELECT path, readonly FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    if not read_only:
        yield con
        return
    copies = Path(path).parent  # <primary>.snapshots/vNNN.duckdb
    with connect_writer(copies.with_name(copies.name.removesuffix(".snapshots"))) as writer:
        yield writer


@contextmanager
def connect_writer(
    path: str | os.PathLike | None = None,
    *,
    on_wait: Callable[[str], None] | None = None,
    config: dict | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The primary file opened for one write: waits behind any write in progress (on_wait hears who holds it),
    and on leaving checkpoints, closes the file and publishes the new copy that every reader switches to (config:
    as for connect). Opening it brings the roll-ups up to date (rollup.ensure_rollups), so a published copy has
    them too."""
    target = db_path(path)
    with _writer_lock(target, on_wait):
        con = connect(target, config=config)
        try:
            yield con
        except BaseException:
            with suppress(duckdb.Error):  # a transaction left open by the failure: nothing of it is kept
                con.execute("ROLLBACK")
            raise
        finally:
            # Published even when the write failed: a rolled-back write changed nothing and costs no copy, but a
            # partly done one (mappings saved, then a refusal) must reach the readers too.
            _checkpoint_and_publish(target, con)


def latest(path: str | os.PathLike | None = None) -> Snapshot:
    """The newest published copy, publishing one first when the primary changed outside connect_writer (a store
    built by `connect`, an older version's file). Never waits for a writer while a copy exists."""
    target = db_path(path)
    current = published(target)
    if _fresh(current, target):
        return current
    with _writer_lock(target, None, wait=current is None) as held:
        if not held:  # a write is in progress; it publishes when done, the copy we have is consistent
            return current
        current = published(target)
        if _fresh(current, target) and current.file.exists():
            return current
        try:
            return _checkpoint_and_publish(target)
        except StoreBusy:
            if current is None:
                raise
            return current


def connect_reader(path: str | os.PathLike | None = None, *, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the newest published copy: never blocks a writer, never waits for one (config:
    as for connect)."""
    for _ in range(3):
        snapshot = latest(path)
        try:
            return connect(snapshot.file, read_only=True, config=config)
        except duckdb.IOException:
            # Pruned between reading the pointer and opening it (a reader three commits behind): read it again.
            continue
    return connect(latest(path).file, read_only=True, config=config)


class Reader:
    """One process's view of a store: read-only connections to the last few published copies, the newest opened
    on demand. Connections are shared by threads; take a .cursor() per use."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = db_path(path)
        self._lock = threading.Lock()
        self._open: dict[int, duckdb.DuckDBPyConnection] = {}
        self._memos: dict[int, QueryMemo] = {}  # per open copy: its answers, for as long as it is open
        self.seen = 0  # the newest version this process's caches were filled from (ui/cache.py)

    def latest(self) -> Snapshot:
        return latest(self.path)

    def connection(self, version: int | None = None) -> duckdb.DuckDBPyConnection:
        """The copy of that version if this process has it open, else the newest one."""
        with self._lock:
            if version is not None and version in self._open:
                return self._open[version]
        for _ in range(3):
            snapshot = self.latest()
            with self._lock:
                if snapshot.version in self._open:
                    return self._open[snapshot.version]
                try:
                    con = connect(snapshot.file, read_only=True)
                except duckdb.IOException:
                    continue  # pruned while we looked: read the pointer again
                self._open[snapshot.version] = con
                # Dropped, not closed: a rerun still holding a cursor on an old copy finishes on it.
                for old in sorted(self._open)[:-KEEP_SNAPSHOTS]:
                    del self._open[old]
                    self._memos.pop(old, None)
                return con
        raise StoreBusy(str(self.path))

    def cursor(self, version: int | None = None) -> MemoCursor:
        """A cursor on that version's copy (see connection) whose read answers are kept for the copy's life: a
        published copy never changes, so a question asked again, by any session, is answered from memory."""
        con = self.connection(version)
        with self._lock:
            found = next((number for number, open_con in self._open.items() if open_con is con), None)
            memo = self._memos.setdefault(found, QueryMemo()) if found is not None else QueryMemo()
        return MemoCursor(con.cursor(), memo)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """A cursor inside BEGIN … COMMIT; any exception rolls everything back and is re-raised."""
    cursor = con.cursor()
    cursor.execute("BEGIN TRANSACTION")
    try:
        yield cursor
        cursor.execute("COMMIT")
    except BaseException:
        # After a failed statement DuckDB's COMMIT rolls back silently; roll back explicitly and re-raise.
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()
