"""The parse child: caps its memory at argv[1] bytes, loads the parser, then reads a pickled (file name, bytes,
mappings, limits, encoding) on stdin and writes a pickled result; exits quietly when stdin closes first."""

from __future__ import annotations

import contextlib
import os
import pickle
import sys


def main() -> None:
    # Capped here, before pandas loads, rather than by a preexec_fn, which is unsafe in a threaded server.
    cap = int(sys.argv[1])
    try:
        import resource
    except ImportError:  # Windows has no rlimits: the parse still runs apart, bounded by its time limit only
        resource = None
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        # Imported, and run once on the template, before the request is read: a spare worker waits with its
        # modules loaded and their first-use costs paid.
        from analytics.ingest.parse import parse_file

        _warm_up(parse_file)
    except MemoryError:
        parse_file = None
    try:
        file_name, data, manual_mappings, limits, encoding = pickle.load(sys.stdin.buffer)
    except EOFError:
        return  # a spare no longer needed, or the server went away
    if parse_file is None:
        result = ("memory", None)
    else:
        try:
            parsed = parse_file(file_name, data, manual_mappings=manual_mappings, limits=limits, encoding=encoding)
            result = ("ok", parsed)
        except MemoryError:
            result = ("memory", None)
        except Exception as exc:  # the parent turns any failure into a file-level problem, never a crash
            result = ("error", f"{type(exc).__name__}: {exc}"[:300])
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    # The answer is out: skip the interpreter's teardown of pandas and Arrow, which the parent would wait for.
    os._exit(0)


def _warm_up(parse_file) -> None:
    from analytics.ingest.template import build_template

    with contextlib.suppress(Exception):  # a warm-up that fails only leaves the first parse slower
        parse_file("template.xlsx", build_template())


if __name__ == "__main__":
    main()
