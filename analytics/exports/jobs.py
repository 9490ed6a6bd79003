"""An export built on a thread of its own, off the page's script run: how far it is, then its bytes or its error."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

# A build: given a progress callback (fraction 0…1, stage), returns the file's bytes.
Build = Callable[[Callable[[float, str], None]], bytes]
_LOG = logging.getLogger(__name__)


@dataclass
class Job:
    """One export being built. The page reads fraction, stage, done, data and error while the thread writes them;
    each is one assignment, so a reader sees a value that was true at some moment."""

    fraction: float = 0.0
    stage: str = "start"
    data: bytes | None = None
    error: str | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def done(self) -> bool:
        return self.data is not None or self.error is not None

    def _progress(self, fraction: float, stage: str) -> None:
        # Never backwards: a stage's own count starting again reads as a stall, not as lost work.
        self.fraction = max(self.fraction, min(1.0, fraction))
        self.stage = stage

    def _run(self, build: Build) -> None:
        try:
            data = build(self._progress)
        except Exception as exc:
            _LOG.exception("export build failed")
            self.error = f"{type(exc).__name__}: {exc}".splitlines()[0]
            return
        self.fraction, self.stage = 1.0, "done"
        self.data = data


def start(build: Build) -> Job:
    """Start building on a daemon thread and return the job at once."""
    job = Job()
    job._thread = threading.Thread(target=job._run, args=(build,), name="export", daemon=True)
    job._thread.start()
    return job


def wait(job: Job, timeout: float | None = None) -> Job:
    """Block until the job is done (for the command line and tests; the page polls instead)."""
    if job._thread is not None:
        job._thread.join(timeout)
    return job
