"""The parse child: caps its memory at argv[1] bytes, reads a pickled (file name, bytes, mappings, limits) on stdin,
writes a pickled result."""

from __future__ import annotations

import pickle
import resource
import sys


def main() -> None:
    # Capped here, before pandas loads, rather than by a preexec_fn, which is unsafe in a threaded server.
    cap = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    file_name, data, manual_mappings, limits = pickle.load(sys.stdin.buffer)
    try:
        from analytics.ingest.parse import parse_file

        result = ("ok", parse_file(file_name, data, manual_mappings=manual_mappings, limits=limits))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # the parent turns any failure into a file-level problem, never a crash
        result = ("error", f"{type(exc).__name__}: {exc}"[:300])
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":
    main()
