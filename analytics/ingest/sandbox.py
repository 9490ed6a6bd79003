"""parse_in_subprocess: parse_file in a memory-capped child process, one at a time per machine, killed when too slow."""

from __future__ import annotations

import fcntl
import hashlib
import multiprocessing as mp
import os
import resource
import signal
import tempfile
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from analytics.ingest.parse import ParsedUpload, Problem, parse_file
from analytics.ingest.read import DEFAULT_LIMITS, Limits

MB = 1024 * 1024
LOCK_FILE = Path(tempfile.gettempdir()) / "innovation-dashboard-parse.lock"
# Without these, pyarrow's allocator alone reserves about 1 GB of address space, which RLIMIT_AS counts.
CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}
_THREAD_LOCK = threading.Lock()


@contextmanager
def _machine_lock():
    """One parse at a time: threads of this server queue on the lock, other processes on the lock file."""
    with _THREAD_LOCK, open(LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@cache
def _context() -> mp.context.BaseContext:
    # forkserver: each parse forks from a clean server that has already imported pandas (fast, no inherited
    # threads or locks from the web server); the environment is fixed when that server starts.
    for name, value in CHILD_ENV.items():
        os.environ.setdefault(name, value)
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(["analytics.ingest.parse"])
    return context


def _child(conn, file_name: str, data: bytes, manual_mappings, limits: Limits, memory_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    try:
        conn.send(("ok", parse_file(file_name, data, manual_mappings=manual_mappings, limits=limits)))
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # the parent turns any failure into a file-level problem, never a crash
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        conn.close()


def parse_in_subprocess(
    file_name: str,
    data: bytes,
    *,
    manual_mappings: dict[tuple[str, str], str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    memory_mb: int = 1536,
    timeout_s: float = 120,
) -> ParsedUpload:
    """parse_file's result, computed in a child process; a file-level problem if it is too slow or too big."""
    context = _context()
    with _machine_lock():
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=_child, args=(sender, file_name, data, manual_mappings, limits, memory_mb), daemon=True
        )
        process.start()
        sender.close()
        try:
            if not receiver.poll(timeout_s):
                return _failed(file_name, data, "parse_timeout", seconds=f"{timeout_s:g}")
            status, payload = receiver.recv()
        except (EOFError, OSError):
            process.join(5)
            # Killed by the kernel (SIGKILL) is what running out of memory looks like from outside.
            if process.exitcode == -signal.SIGKILL:
                return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
            return _failed(file_name, data, "parse_crashed", detail=f"exit code {process.exitcode}")
        finally:
            receiver.close()
            if process.is_alive():
                process.kill()
            process.join()
    if status == "ok":
        return payload
    if status == "memory":
        return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
    return _failed(file_name, data, "parse_crashed", detail=payload)


def _failed(file_name: str, data: bytes, key: str, **params: object) -> ParsedUpload:
    problem = Problem(file_name, None, None, None, key, params)
    return ParsedUpload(file_name, hashlib.sha256(data).hexdigest(), [], [problem], {})
