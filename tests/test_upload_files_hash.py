"""Each file of a batch is remembered by its own content: one file of an earlier multi-file upload is recognised."""

import duckdb

from analytics.ingest import upload
from analytics.store.connection import connect
from tests.parse_helpers import xlsx

HEADER = ["项目编号", "项目名称", "单位", "年度"]
FIRST = xlsx({"项目": [HEADER, ["P1", "项目一", "甲公司", 2024]]})
SECOND = xlsx({"项目": [HEADER, ["P2", "项目二", "甲公司", 2024]]})


def test_one_file_of_an_earlier_multi_file_upload_is_already_loaded(tmp_path):
    con = connect(tmp_path / "a.duckdb")
    batch = upload.apply(con, upload.prepare(con, [("一.xlsx", FIRST), ("二.xlsx", SECOND)]))
    plan = upload.prepare(con, [("二-副本.xlsx", SECOND)])
    assert plan.already_loaded == {"二-副本.xlsx": [batch]}
    assert upload.report(plan)[-1] == f"二-副本.xlsx 的内容已在批次 #{batch} 中载入过，再次载入前请确认"
    con.close()


def test_a_store_made_before_per_file_hashes_keeps_working(tmp_path):
    path = tmp_path / "old.duckdb"
    con = connect(path)
    batch = upload.apply(con, upload.prepare(con, [("一.xlsx", FIRST), ("二.xlsx", SECOND)]))
    con.close()
    # The old layout: no batch_files, one comma-joined hash on the batch.
    raw = duckdb.connect(str(path))
    raw.execute("DROP TABLE batch_files")
    assert raw.execute("SELECT content_hash FROM batches").fetchone()[0].count(",") == 1
    raw.close()
    con = connect(path)
    assert upload.prepare(con, [("二.xlsx", SECOND)]).already_loaded == {"二.xlsx": [batch]}
    assert upload.prepare(con, [("一.xlsx", FIRST)]).already_loaded == {"一.xlsx": [batch]}
    con.close()
    con = connect(path)  # split once, not again on every connect
    assert con.execute("SELECT count(*) FROM batch_files").fetchone() == (2,)
    con.close()
