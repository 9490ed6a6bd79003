"""Builds small stores in code: canonical records in, committed through the real load path."""

from __future__ import annotations

import pandas as pd

from analytics.contract import vocab
from analytics.store import batches
from analytics.store.connection import connect

# A group three levels deep: 集团G → 公司A → A党委 → A1支部, A2支部; 集团G → 公司B → B1支部.
GROUP_TREE = [
    {"unit": "集团G", "parent": None, "kind": "集团"},
    {"unit": "公司A", "parent": "集团G", "kind": "公司"},
    {"unit": "A党委", "parent": "公司A", "kind": "党委"},
    {"unit": "A1支部", "parent": "A党委", "kind": "党支部"},
    {"unit": "A2支部", "parent": "A党委", "kind": "党支部"},
    {"unit": "公司B", "parent": "集团G", "kind": "公司"},
    {"unit": "B1支部", "parent": "公司B", "kind": "党支部"},
]


def frame(con, kind: str, records: list[dict]) -> pd.DataFrame:
    """A canonical frame for a table: every stored column present, missing ones null."""
    columns = batches.table_columns(con, kind)
    rows = [{column: record.get(column) for column in columns} for record in records]
    result = pd.DataFrame(rows, columns=columns).astype(object)
    if kind == "outcomes":
        result["quantity"] = result["quantity"].where(result["quantity"].notna(), 1)
        result["note"] = result["note"].where(result["note"].notna(), "")
        result["source"] = result["source"].where(result["source"].notna(), "outcomes")
    if kind in vocab.PERSON_KINDS:
        result[vocab.PERSON_KEY] = vocab.person_keys(result["employee_id"], result["person"])
    return result


def load_records(con, file_name: str = "fixture.xlsx", **records: list[dict]) -> int:
    """Commit the given records (keyword = table name) as one batch; returns the batch id."""
    frames = {kind: frame(con, kind, rows) for kind, rows in records.items()}
    unknown = set(frames) - set(vocab.LOAD_ORDER)
    assert not unknown, unknown
    return batches.commit(
        con, batches.classify(con, frames), file_name=file_name, content_hash=file_name, uploaded_by="test"
    )


def new_store(tmp_path, name: str = "store.duckdb"):
    return connect(tmp_path / name)
