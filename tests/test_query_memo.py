"""A published copy's answers are kept per (SQL, parameters): asked again, by any session, the store is not asked;
a new copy starts afresh, and a cursor given a frame of its own never answers from memory."""

import duckdb
import pandas as pd

from analytics import metrics
from analytics.filters import Filters
from analytics.store import connection
from analytics.store.memo import MAX_ROWS, MemoCursor, QueryMemo
from tests.factories import GROUP_TREE, load_records


def numbers(n: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT range AS n FROM range(?)", [n])
    return con


def test_the_same_question_is_asked_of_the_store_once_and_each_caller_gets_its_own_frame():
    con, memo = numbers(10), QueryMemo()
    first = MemoCursor(con.cursor(), memo).execute("SELECT n FROM t WHERE n < $k ORDER BY n", {"k": 3}).df()
    first.loc[0, "n"] = 99  # a caller changing its frame must not change the next caller's
    second = MemoCursor(con.cursor(), memo).execute("SELECT n FROM t WHERE n < $k ORDER BY n", {"k": 3}).df()
    other = MemoCursor(con.cursor(), memo).execute("SELECT n FROM t WHERE n < $k ORDER BY n", {"k": 2}).df()
    assert list(second["n"]) == [0, 1, 2]
    assert list(other["n"]) == [0, 1]
    assert (memo.hits, memo.misses) == (1, 2)


def test_a_long_answer_is_fetched_afresh_each_time():
    con, memo = numbers(MAX_ROWS + 1), QueryMemo()
    for _ in range(2):
        assert len(MemoCursor(con.cursor(), memo).execute("SELECT n FROM t").fetchall()) == MAX_ROWS + 1
    assert (memo.hits, memo.misses) == (0, 2)


def test_a_cursor_given_a_frame_of_its_own_asks_the_store_every_time():
    con, memo = numbers(1), QueryMemo()
    answers = []
    for rows in ([1, 2], [5]):
        cursor = MemoCursor(con.cursor(), memo)
        cursor.register("incoming", pd.DataFrame({"x": rows}))
        answers.append(cursor.execute("SELECT sum(x) FROM incoming").fetchone()[0])
    assert answers == [3, 5]
    assert memo.hits == 0


def project(project_id: str, unit: str, year: int) -> dict:
    return {"project_id": project_id, "name": project_id, "unit": unit, "year": year}


def test_readers_share_a_copys_answers_and_the_next_copy_answers_for_its_own_facts(tmp_path):
    db = tmp_path / "s.duckdb"
    with connection.connect_writer(db) as con:
        load_records(con, units=GROUP_TREE, projects=[project("P1", "A1支部", 2025)])
    reader = connection.Reader(db)
    assert metrics.summary(reader.cursor(), Filters())["projects"] == 1
    assert metrics.summary(reader.cursor(), Filters())["projects"] == 1
    kept = reader._memos[1]
    assert kept.hits > 0  # the second session's summary came from memory

    with connection.connect_writer(db) as con:
        load_records(con, "second.xlsx", projects=[project("P2", "B1支部", 2025)])
    assert metrics.summary(reader.cursor(), Filters())["projects"] == 2
    assert metrics.summary(reader.cursor(1), Filters())["projects"] == 1  # a rerun pinned to the old copy


def test_the_memo_keeps_the_most_recent_answers_within_its_size():
    con, memo = numbers(10), QueryMemo(max_cells=25)  # room for two answers of ten rows, not three
    ask = lambda limit: MemoCursor(con.cursor(), memo).execute("SELECT n FROM t LIMIT $l", {"l": limit}).fetchall()  # noqa: E731
    for limit in (10, 9, 8):
        ask(limit)
    assert memo.cells == 17
    ask(9)
    ask(10)  # the oldest was let go: asked of the store again
    assert (memo.hits, memo.misses) == (1, 4)


def test_a_statement_that_is_not_a_read_runs_at_once_and_turns_the_memo_off():
    con, memo = numbers(3), QueryMemo()
    cursor = MemoCursor(con.cursor(), memo)
    cursor.execute("CREATE TEMP TABLE picked AS SELECT n FROM t WHERE n > 0")  # nothing fetched after it
    assert cursor.execute("SELECT count(*) FROM picked").fetchone() == (2,)
    assert cursor.execute("SELECT count(*) FROM picked").fetchone() == (2,)
    assert (memo.hits, memo.misses) == (0, 0)
