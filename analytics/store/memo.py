"""Read queries answered once per (SQL, parameters) on a store that cannot change: a published copy, or one page's run.

A page asks the same question more than once (the band's period and the trend read one per-year frame; every
roll-up asks for the top of the unit tree), and a published copy never changes, so the second answer is the first.
Only small results are kept (a list of a few thousand rows, not an export), and each caller gets its own copy.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import duckdb
import pandas as pd

MAX_ROWS = 5_000  # larger results (an export's rows, a long list) are fetched afresh each time
MAX_CELLS = 2_000_000  # per copy, about 130 MB at 64 bytes a cell (a Python object, a short string)


class QueryMemo:
    """The kept answers of one unchanging store, least recently used dropped first; shared by threads."""

    def __init__(self, max_cells: int = MAX_CELLS):
        self._answers: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_cells = max_cells
        self.cells = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple) -> tuple[bool, object]:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return True, self._answers[key][0]
            self.misses += 1
            return False, None

    def put(self, key: tuple, answer: object, cells: int) -> None:
        with self._lock:
            if key in self._answers:
                self.cells -= self._answers.pop(key)[1]
            self._answers[key] = (answer, cells)
            self.cells += cells
            while self.cells > self._max_cells:
                self.cells -= self._answers.popitem(last=False)[1][1]


def _frozen(value):
    """A parameter value as a hashable key (lists and dicts become tuples; dates and numbers stay themselves)."""
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _shape(answer) -> tuple[int, int]:
    """(rows, columns) of a fetched answer: a frame, a list of rows, or one row (None when there was none)."""
    if isinstance(answer, pd.DataFrame):
        return answer.shape
    if isinstance(answer, list):
        return len(answer), len(answer[0]) if answer else 0
    return 1, len(answer) if answer is not None else 0


def _copy(answer):
    if isinstance(answer, pd.DataFrame):
        return answer.copy()
    if isinstance(answer, list):
        return list(answer)
    return answer


# What needs the statement run (its rows or their shape); anything else (register, a transaction) is the cursor's own.
RESULT_ATTRIBUTES = frozenset(
    {"description", "fetchnumpy", "fetchmany", "fetch_arrow_table", "fetch_record_batch", "arrow", "pl", "fetchdf"}
)


def _is_query(sql: str) -> bool:
    """A SELECT or WITH statement: one that reads, and whose answer the copy alone decides."""
    lines = (line.strip() for line in sql.splitlines())
    first = next((line for line in lines if line and not line.startswith("--")), "")
    return first.split(maxsplit=1)[0].upper() in {"SELECT", "WITH"} if first else False


class MemoCursor:
    """A cursor whose execute(...).df() / .fetchall() / .fetchone() are answered from memo when asked before.
    Everything else (a streamed relation, a description) goes to the cursor itself. Once the cursor is given
    anything but a read (a registered frame, a temporary table), its answers may depend on more than the copy, so
    it asks the store every time from then on."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, memo: QueryMemo):
        self._cursor = cursor
        self._memo: QueryMemo | None = memo
        self._pending: tuple | None = None  # (sql, parameters as a key) of the last execute
        self._statement: tuple = ()  # its arguments, as given
        self._executed = True

    def execute(self, sql: str, parameters=None):
        self._pending = (sql, _frozen(parameters))
        self._statement = (sql,) if parameters is None else (sql, parameters)
        self._executed = False
        if not _is_query(str(sql)):
            # Run now, whether or not anything is fetched after it, and never answered from memory again.
            self._memo = None
            self._run()
        # A read runs when its answer is not in memo (or something other than rows is asked of it): one fetch each.
        return self

    def _run(self) -> duckdb.DuckDBPyConnection:
        if not self._executed:
            self._cursor.execute(*self._statement)
            self._executed = True
        return self._cursor

    def _answer(self, kind: str, fetch):
        if self._memo is None or self._executed:
            return fetch(self._run())
        key = (kind, *self._pending)
        found, answer = self._memo.get(key)
        if found:
            return _copy(answer)
        answer = fetch(self._run())
        rows, width = _shape(answer)
        if rows <= MAX_ROWS:
            self._memo.put(key, _copy(answer), max(1, rows * width))
        return answer

    def df(self) -> pd.DataFrame:
        return self._answer("df", lambda cursor: cursor.df())

    def fetchall(self) -> list:
        return self._answer("fetchall", lambda cursor: cursor.fetchall())

    def fetchone(self):
        return self._answer("fetchone", lambda cursor: cursor.fetchone())

    def cursor(self) -> MemoCursor:
        return MemoCursor(self._cursor.cursor(), self._memo) if self._memo is not None else self._cursor.cursor()

    def __getattr__(self, name: str):
        if name in RESULT_ATTRIBUTES:
            return getattr(self._run(), name)
        self._memo = None
        return getattr(self._cursor, name)
