"""parse_in_subprocess: parse_file in a memory-capped child process, one at a time per machine, killed when too slow.

Each parse gets a fresh process, but not a cold one: a spare worker, its modules already imported, waits for the next
request (warm() starts one ahead of the first upload), and a new spare is started after every parse.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from analytics.ingest.parse import ParsedUpload, Problem
from analytics.ingest.read import DEFAULT_LIMITS, Limits, ReadError, refuse_before_reading

try:
    import fcntl
except ImportError:  # Windows: no flock; one server process there, so the thread lock alone serialises parses
    fcntl = None

MB = 1024 * 1024
LOCK_FILE = Path(tempfile.gettempdir()) / "innovation-dashboard-parse.lock"
# Without these, pyarrow's allocator alone reserves about 1 GB of address space, which RLIMIT_AS counts.
CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}
# An operator with a small machine lowers the cap with $DASHBOARD_PARSE_MEMORY_MB.
DEFAULT_MEMORY_MB = int(os.environ.get("DASHBOARD_PARSE_MEMORY_MB") or 1536)
_THREAD_LOCK = threading.Lock()
_SPARE_LOCK = threading.Lock()
_spare: tuple[int, subprocess.Popen] | None = None  # (memory cap in MB, a worker waiting for its request)


@contextmanager
def _machine_lock():
    """One parse at a time: threads of this server queue on the lock, other processes on the lock file."""
    if fcntl is None:
        with _THREAD_LOCK:
            yield
        return
    with _THREAD_LOCK, open(LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def parse_in_subprocess(
    file_name: str,
    data: bytes,
    *,
    manual_mappings: dict[tuple[str, str], str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    memory_mb: int = DEFAULT_MEMORY_MB,
    timeout_s: float = 120,
    keep_spare: bool = True,
    encoding: str | None = None,
) -> ParsedUpload:
    """parse_file's result, computed in a child process; a file-level problem if it is too slow or too big.
    keep_spare=False (the command line, which parses once and exits) starts no spare worker for a next upload."""
    # A fresh interpreter (`python -m analytics.ingest.worker`), not multiprocessing: under Streamlit the
    # __main__ module is the app script, and forkserver/spawn children re-run __main__, i.e. the whole app.
    try:
        # A file too big, or a workbook declaring it inflates too big, is refused before a process is started.
        refuse_before_reading(data, limits)
    except ReadError as exc:
        return _failed(file_name, data, exc.key, **exc.params)
    request = pickle.dumps((file_name, data, manual_mappings, limits, encoding), protocol=pickle.HIGHEST_PROTOCOL)
    with _machine_lock():
        process = _take_worker(memory_mb)
        try:
            output, _ = process.communicate(request, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return _failed(file_name, data, "parse_timeout", seconds=f"{timeout_s:g}")
        finally:
            if keep_spare:
                warm(memory_mb)  # the next upload's worker imports while this result is checked
    if process.returncode != 0 or not output:
        # Killed by the kernel (SIGKILL), or exit 1 (the worker's own handlers failed: an allocation failed while
        # reading or while writing its answer, which can leave half an answer on stdout), is what running out of
        # memory looks like from outside.
        if process.returncode in (-signal.SIGKILL, 1):
            return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
        return _failed(file_name, data, "parse_crashed", detail=f"exit code {process.returncode}")
    status, payload = pickle.loads(output)
    if status == "ok":
        return payload
    if status == "memory":
        return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
    return _failed(file_name, data, "parse_crashed", detail=payload)


def warm(memory_mb: int = DEFAULT_MEMORY_MB) -> None:
    """Start a spare worker unless one with this memory cap is already waiting (cheap to call on every render)."""
    global _spare
    with _SPARE_LOCK:
        if _spare is not None and _spare[0] == memory_mb and _spare[1].poll() is None:
            return
        stale, _spare = _spare, (memory_mb, _spawn(memory_mb))
    if stale is not None:
        _discard(stale[1])


def _take_worker(memory_mb: int) -> subprocess.Popen:
    """The spare worker when it is alive and capped the same, else a new one."""
    global _spare
    with _SPARE_LOCK:
        spare, _spare = _spare, None
    if spare is not None:
        cap, process = spare
        if cap == memory_mb and process.poll() is None:
            return process
        _discard(process)
    return _spawn(memory_mb)


def _spawn(memory_mb: int) -> subprocess.Popen:
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        **CHILD_ENV,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "analytics.ingest.worker", str(memory_mb * MB)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def _discard(process: subprocess.Popen) -> None:
    process.kill()
    process.communicate()


@atexit.register
def _discard_spare() -> None:
    global _spare
    with _SPARE_LOCK:
        spare, _spare = _spare, None
    if spare is not None:
        _discard(spare[1])


def _failed(file_name: str, data: bytes, key: str, **params: object) -> ParsedUpload:
    problem = Problem(file_name, None, None, None, key, params)
    return ParsedUpload(file_name, hashlib.sha256(data).hexdigest(), [], [problem], {})
