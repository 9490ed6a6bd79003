"""Awards declared and won per level (the funnel), with the award rate."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.contract import vocab
from analytics.filters import Filters
from analytics.metrics.common import query, scoped_params


def award_funnel(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """level (vocabulary order, every level present; an unstated level last), awards_declared, awards_awarded,
    award_rate (None when nothing was declared)."""
    found = query(con, "award_funnel", scoped_params(con, filters))
    counts = {
        (None if pd.isna(level) else level): (int(declared), int(awarded))
        for level, declared, awarded in found[["level", "awards_declared", "awards_awarded"]].itertuples(index=False)
    }
    levels = [*vocab.AWARD_LEVELS, *([None] if None in counts else [])]
    rows = []
    for level in levels:
        declared, awarded = counts.get(level, (0, 0))
        rows.append(
            {
                "level": level,
                "awards_declared": declared,
                "awards_awarded": awarded,
                "award_rate": awarded / declared if declared else None,
            }
        )
    return pd.DataFrame(rows)
