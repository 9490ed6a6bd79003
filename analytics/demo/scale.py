"""A synthetic store of N projects for measuring at size, generated inside DuckDB as one ordinary batch.

The shape follows a large 集团: one group, N/20,000 companies (at least two), ten 党委/党总支 under each and ten
党支部 under each of those (5,551 units at a million projects), ten years, three outcomes per project on average,
an award for one project in ten, headcount for every unit and year, one studio per 5,000 projects (at least ten).
Every choice is a hash of the row number and the seed, so one seed gives the same store on every run.
"""

from __future__ import annotations

import duckdb

from analytics.contract import vocab
from analytics.store import batches
from analytics.store.connection import is_empty
from analytics.store.sql import read_sql
from analytics.store.tree import rebuild_unit_closure

DEFAULT_SEED = 13
GROUP = "规模演示集团"
LAST_YEAR = 2025
YEARS = 10
PROJECTS_PER_COMPANY = 20_000
PROJECTS_PER_STUDIO = 5_000
# The generator's working memory: DuckDB spills to disk beyond it, so a million projects stay under 1 GB.
MEMORY_LIMIT = "600MB"
# The roll-ups are rebuilt inside the batch's own transaction: with two threads and row order kept, that rebuild ran
# out of its 600 MB at 1M projects instead of spilling; one thread without row order fits (32 s, 870 MB peak RSS).
SETTINGS = {"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": False, "threads": 1}


class StoreNotEmpty(RuntimeError):
    """The synthetic batch goes into an empty store only: its keys would collide with stored ones."""


def shape(projects: int) -> dict[str, int]:
    """How many companies and studios a store of this many projects has."""
    return {
        "companies": max(2, -(-projects // PROJECTS_PER_COMPANY)),
        "studios": max(10, projects // PROJECTS_PER_STUDIO),
    }


def build(
    con: duckdb.DuckDBPyConnection, projects: int, seed: int = DEFAULT_SEED, *, uploaded_by: str | None = None
) -> int:
    """Write the synthetic store into an empty store as one batch; returns the batch id."""
    if projects < 1:
        raise ValueError("projects must be at least 1")
    if not is_empty(con):
        raise StoreNotEmpty()
    sizes = shape(projects)
    common = {"seed": seed, "last_year": LAST_YEAR, "years": YEARS}

    def write(cursor: duckdb.DuckDBPyConnection, batch_id: int) -> None:
        def insert(table: str, name: str, params: dict) -> None:
            # By name: a column added to the schema later (an older store has it last) is simply left empty.
            cursor.execute(f"INSERT INTO {table} BY NAME {read_sql(name, 'demo')}", {"batch": batch_id, **params})

        # DuckDB's multi-argument hash keeps low bits correlated between salts (a coin drawn with one salt decided
        # another's), so each draw re-hashes the key's hash xor the salt's and the seed.
        cursor.execute("CREATE OR REPLACE TEMP MACRO draw(key, seed, salt) AS hash(xor(xor(key, hash(salt)), seed))")
        insert("units", "scale_units", {"group": GROUP, "companies": sizes["companies"]})
        # Headcount sums each unit's branches through the closure, so the tree must be walkable first.
        rebuild_unit_closure(cursor)
        insert(
            "projects",
            "scale_projects",
            {"n": projects, "programs": list(vocab.PROGRAMS), "categories": list(vocab.CATEGORIES), **common},
        )
        counted = [kind for kind in vocab.OUTCOME_TYPES if kind != vocab.SAVINGS_TYPE]
        insert("outcomes", "scale_outcomes", {"counted_types": counted, **common})
        insert("awards", "scale_awards", {"seed": seed, "levels": list(vocab.AWARD_LEVELS)})
        insert("headcount", "scale_headcount", common)
        insert("studios", "scale_studios", {"studios": sizes["studios"], **common})

    return batches.commit_generated(
        con,
        write,
        file_name=f"scale-{projects}-projects.synthetic",
        content_hash=f"scale:{projects}:{seed}",
        uploaded_by=uploaded_by,
    )
