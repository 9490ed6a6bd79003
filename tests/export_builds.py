"""Builds for tests of analytics.exports.jobs, in a module of their own: a build is pickled to a child process,
which imports its module to call it, so this one imports nothing heavy."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

BLOB_MB = 24


def blob() -> bytes:
    """BLOB_MB MB that are not all alike: a missing or repeated chunk changes the hash."""
    return b"".join(hashlib.sha256(str(n).encode()).digest() for n in range(BLOB_MB * 1024 * 1024 // 32))


def big_file(progress) -> bytes:
    progress(0.5, "packing")
    return blob()


@dataclass(frozen=True)
class Stepper:
    """Says which process runs it, one stage at a time: after each progress report it waits for the test to create
    go-<n> in folder, so the test sees every stage while the child is still running."""

    folder: str
    stages: tuple[tuple[float, str], ...] = ((0.1, "figures"), (0.4, "charts"), (0.8, "rows"), (0.9, "packing"))

    def __call__(self, progress) -> bytes:
        for number, (fraction, stage) in enumerate(self.stages):
            progress(fraction, stage)
            go = Path(self.folder) / f"go-{number}"
            deadline = time.monotonic() + 60
            while not go.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        return str(os.getpid()).encode()


@dataclass(frozen=True)
class Hang:
    """Reports its first stage, then never finishes: a build to kill or to time out."""

    def __call__(self, progress) -> bytes:
        progress(0.3, "rows")
        while True:
            time.sleep(0.1)


def hog(progress) -> bytes:
    """Asks for far more memory than any test's cap."""
    progress(0.2, "rows")
    return bytes(4 * 1024 * 1024 * 1024)
