"""parse_in_subprocess: parse_file in a memory-capped child process, one at a time per machine, killed when too slow."""

from __future__ import annotations

import fcntl
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
    # A fresh interpreter (`python -m analytics.ingest.worker`), not multiprocessing: under Streamlit the
    # __main__ module is the app script, and forkserver/spawn children re-run __main__, i.e. the whole app.
    request = pickle.dumps((file_name, data, manual_mappings, limits), protocol=pickle.HIGHEST_PROTOCOL)
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        **CHILD_ENV,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    with _machine_lock():
        process = subprocess.Popen(
            [sys.executable, "-m", "analytics.ingest.worker", str(memory_mb * MB)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        try:
            output, _ = process.communicate(request, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return _failed(file_name, data, "parse_timeout", seconds=f"{timeout_s:g}")
    if process.returncode != 0 or not output:
        # Killed by the kernel (SIGKILL), or a failed allocation before pickling, is what running out of
        # memory looks like from outside.
        if process.returncode in (-signal.SIGKILL, 1) and not output:
            return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
        return _failed(file_name, data, "parse_crashed", detail=f"exit code {process.returncode}")
    status, payload = pickle.loads(output)
    if status == "ok":
        return payload
    if status == "memory":
        return _failed(file_name, data, "parse_out_of_memory", memory_mb=memory_mb)
    return _failed(file_name, data, "parse_crashed", detail=payload)


def _failed(file_name: str, data: bytes, key: str, **params: object) -> ParsedUpload:
    problem = Problem(file_name, None, None, None, key, params)
    return ParsedUpload(file_name, hashlib.sha256(data).hexdigest(), [], [problem], {})
