"""An export built in a child process of its own, off the server: how far it is, then its bytes or its error."""

from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from analytics.contract.access import NO_UNIT
from analytics.filters import Filters
from analytics.store.accounts import Principal

# A build: given a progress callback (fraction 0…1, stage), returns the file's bytes. It is pickled to the child, so
# it must be a module-level function or an instance of a module-level class (ExportBuild for the export panel).
Build = Callable[[Callable[[float, str], None]], bytes]
_LOG = logging.getLogger(__name__)
MB = 1024 * 1024
# The whole group's workbook at 1M projects peaks near 800 MB in its child (the deck near 570 MB): the cap leaves
# room for that and stops a runaway before it takes the machine. An operator changes it with the environment.
MEMORY_MB = int(os.environ.get("DASHBOARD_EXPORT_MEMORY_MB") or 2048)
TIMEOUT_S = float(os.environ.get("DASHBOARD_EXPORT_TIMEOUT_S") or 600)
# As for the parse worker: pyarrow's own allocator reserves address space the cap would count.
CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Job:
    """One export being built. The page reads fraction, stage, done, data and error while the watching thread writes
    them; each is one assignment, so a reader sees a value that was true at some moment. pid is the child's;
    peak_mb its peak RSS once it finished (chart renderers it started not counted)."""

    fraction: float = 0.0
    stage: str = "start"
    data: bytes | None = None
    error: str | None = None
    pid: int | None = None
    peak_mb: float | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def done(self) -> bool:
        return self.data is not None or self.error is not None

    def _progress(self, fraction: float, stage: str) -> None:
        # Never backwards: a stage's own count starting again reads as a stall, not as lost work.
        self.fraction = max(self.fraction, min(1.0, fraction))
        self.stage = stage


@dataclass(frozen=True)
class ExportBuild:
    """The export panel's build, picklable: a published copy of the store (the file the page reads, so the file
    agrees with the screen), the filters, format, language and whose names the exporter may see. Called in the
    server (tests) it reads through base, the page's connection; sent to a child it opens store read-only."""

    store: str
    filters: Filters
    fmt: str
    lang: str
    principal: Principal | None = None
    base: object = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> dict:
        # A connection does not cross processes: the child opens the file instead.
        return {name: value for name, value in self.__dict__.items() if name != "base"}

    def __call__(self, progress: Callable[[float, str], None] | None = None) -> bytes:
        from analytics import exports
        from analytics.demo import scale
        from analytics.store import accounts, audit
        from analytics.store.connection import connect

        if self.base is not None:
            con = self.base.cursor()  # a connection used from two threads at once is refused
        else:
            # A fixed DuckDB limit, as for `python -m analytics report`: the big sorts spill instead of growing.
            con = connect(self.store, read_only=True, config={"memory_limit": scale.MEMORY_LIMIT})
        try:
            # Names only where the principal's scope covers the units (nobody's when no principal is known).
            names = accounts.name_scope(con, self.principal) if self.principal is not None else NO_UNIT
            data = exports.build(con, self.filters, self.fmt, self.lang, names=names, progress=progress)
            if self.principal is not None:
                audit.record(
                    con,
                    actor=self.principal.name,
                    source=self.principal.source,
                    action="export",
                    target=self.fmt,
                    detail=str(self.filters.params()),
                )
            return data
        finally:
            con.close()


def store_file(con: duckdb.DuckDBPyConnection) -> str:
    """The database file a connection reads: for a page's cursor, the published copy (vNNNNNNNN.duckdb) it is
    pinned to (DuckDB gives it absolute, so the child, run from the project folder, finds it too)."""
    cursor = con.cursor()
    try:
        return cursor.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()[0]
    finally:
        cursor.close()


def start(build: Build, *, memory_mb: int = MEMORY_MB, timeout_s: float = TIMEOUT_S) -> Job:
    """Start building in a child process (memory capped at memory_mb, stopped after timeout_s) and return the job
    at once; a thread of this process follows its progress and collects its bytes."""
    # A fresh interpreter, not multiprocessing: under Streamlit __main__ is the app script, which spawn and
    # forkserver children would run again; and fork is unsafe in a server with threads.
    request = pickle.dumps(build, protocol=pickle.HIGHEST_PROTOCOL)  # refused here, loudly, if not picklable
    env = {
        **os.environ,
        **CHILD_ENV,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    out = None
    try:
        handle, out = tempfile.mkstemp(prefix="export-", suffix=".part")
        os.close(handle)
        process = subprocess.Popen(
            [sys.executable, "-m", "analytics.exports.worker", str(memory_mb * MB), out],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
    except OSError as exc:  # no room for the file, or no process to be had: the panel says the build failed
        _LOG.exception("export build could not start")
        if out is not None:
            Path(out).unlink(missing_ok=True)
        return Job(error=_failure(exc))
    job = Job(pid=process.pid)
    job._thread = threading.Thread(
        target=_follow, args=(job, process, request, Path(out), memory_mb, timeout_s), name="export", daemon=True
    )
    job._thread.start()
    return job


def start_here(build: Build) -> Job:
    """Start building on a thread of this process and return the job at once: for a small selection, whose file
    costs less than starting a child (an interpreter, and a deck's own Chromium, about 2 s each)."""
    job = Job(pid=os.getpid())

    def run() -> None:
        try:
            data = build(job._progress)
        except Exception as exc:
            _LOG.exception("export build failed")
            job.error = _failure(exc)
            return
        job.fraction, job.stage = 1.0, "done"
        job.data = data

    job._thread = threading.Thread(target=run, name="export", daemon=True)
    job._thread.start()
    return job


def wait(job: Job, timeout: float | None = None) -> Job:
    """Block until the job is done (for the command line and tests; the page polls instead)."""
    if job._thread is not None:
        job._thread.join(timeout)
    return job


def _follow(job: Job, process: subprocess.Popen, request: bytes, out: Path, memory_mb: int, timeout_s: float) -> None:
    """Hand the child its build, pass its progress lines to the job, then read its file (and remove it)."""
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        with suppress(OSError):
            process.kill()

    timer = threading.Timer(timeout_s, stop)
    timer.daemon = True
    timer.start()
    reported = None
    try:
        with suppress(OSError):  # a child that died at once closed its end: its exit status says why
            process.stdin.write(request)
            process.stdin.close()
        for raw in process.stdout:
            kind, _, rest = raw.decode("utf-8", errors="replace").rstrip("\n").partition(" ")
            if kind == "progress":
                fraction, _, stage = rest.partition(" ")
                job._progress(float(fraction), stage)
            elif kind == "error":
                reported = rest
            elif kind == "done":
                job.peak_mb = float(rest)
        code = process.wait()
        if code == 0 and reported is None:
            data = out.read_bytes()
            job.fraction, job.stage = 1.0, "done"
            job.data = data
        elif timed_out.is_set():
            job.error = f"TimeoutError: stopped after {timeout_s:g} s"
        else:
            job.error = reported or _death(code, memory_mb)
            _LOG.error("export build failed: %s", job.error)
    except Exception as exc:  # the server stays up and the panel says the build failed
        _LOG.exception("export build failed")
        with suppress(OSError):
            process.kill()
        job.error = _failure(exc)
    finally:
        timer.cancel()
        process.stdout.close()
        with suppress(OSError):
            process.wait()
        out.unlink(missing_ok=True)


def _failure(exc: BaseException) -> str:
    """A failure as the job's error: its kind and first line, never a traceback (the log has that)."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _death(code: int, memory_mb: int) -> str:
    """Why a child ended without a word: killed (by the kernel when out of memory, or by hand), or crashed."""
    if code < 0:
        with suppress(ValueError):
            name = signal.Signals(-code).name
            return f"ChildProcessError: the build's process was stopped by {name} (memory cap {memory_mb} MB)"
    return f"ChildProcessError: the build's process ended with exit code {code}"
