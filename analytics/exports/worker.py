"""The export child: caps its memory at argv[1] bytes, reads a pickled build on stdin, prints `progress F STAGE`
lines as it goes, writes the file's bytes to argv[2], and ends with `done PEAK_MB` or `error MESSAGE`."""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from pathlib import Path

_CHANNEL = None  # the parent reads this; anything the build itself prints goes to stderr instead


def _say(kind: str, text: str) -> None:
    _CHANNEL.write(f"{kind} {' '.join(text.split())}\n")
    _CHANNEL.flush()


def _peak_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows: no rusage; the parent only shows it in the benchmark
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    global _CHANNEL
    cap, out = int(sys.argv[1]), Path(sys.argv[2])
    sys.stdout.flush()
    _CHANNEL = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # a library's print, or a browser it starts, cannot break a progress line
    try:
        import resource
    except ImportError:  # Windows has no rlimits: the build still runs apart, bounded by its time limit only
        resource = None
    if resource is not None:
        # The data segment, not the address space (RLIMIT_AS) as for the parse worker: the chart images' Chromium
        # inherits the cap and reserves far more address space than it uses, so it will not start under RLIMIT_AS.
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    try:
        build = pickle.load(sys.stdin.buffer)
        data = build(lambda fraction, stage: _say("progress", f"{float(fraction):.4f} {stage}"))
        out.write_bytes(data)
    except MemoryError:
        _say("error", f"MemoryError: the build needed more than its {cap // (1024 * 1024)} MB")
        os._exit(1)
    except Exception as exc:  # the parent turns any failure into the job's error, never a crash of the server
        traceback.print_exc()  # to the server's log
        _say("error", f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__)
        os._exit(1)
    _say("done", f"{_peak_mb():.0f}")
    # The file is out: skip the interpreter's teardown (DuckDB, pandas, the chart browser), which the parent would
    # wait for.
    os._exit(0)


if __name__ == "__main__":
    main()
