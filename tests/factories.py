"""Builds small stores in code: canonical records in, committed through the real load path."""

from __future__ import annotations

import pandas as pd

from analytics import vocab
from analytics.ingest import load
from analytics.store import connect


def frame(con, kind: str, records: list[dict]) -> pd.DataFrame:
    """A canonical frame for a table: every stored column present, missing ones null."""
    columns = load.table_columns(con, kind)
    rows = [{column: record.get(column) for column in columns} for record in records]
    result = pd.DataFrame(rows, columns=columns).astype(object)
    if kind == "outcomes":
        result["quantity"] = result["quantity"].where(result["quantity"].notna(), 1)
        result["note"] = result["note"].where(result["note"].notna(), "")
        result["source"] = result["source"].where(result["source"].notna(), "outcomes")
    return result


def load_records(con, file_name: str = "fixture.xlsx", **records: list[dict]) -> int:
    """Commit the given records (keyword = table name) as one batch; returns the batch id."""
    frames = {kind: frame(con, kind, rows) for kind, rows in records.items()}
    unknown = set(frames) - set(vocab.LOAD_ORDER)
    assert not unknown, unknown
    return load.commit(con, load.classify(con, frames), file_name=file_name, content_hash=file_name, uploaded_by="test")


def new_store(tmp_path, name: str = "store.duckdb"):
    return connect(tmp_path / name)
