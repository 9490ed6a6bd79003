"""Reads the .sql file named after the function that runs it, from the sql/ folder of its part of analytics/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

ANALYTICS = Path(__file__).resolve().parents[1]


@cache
def read_sql(name: str, area: str = "store") -> str:
    """analytics/<area>/sql/<name>.sql: the store's own queries by default, area="metrics" for the figures."""
    return (ANALYTICS / area / "sql" / f"{name}.sql").read_text(encoding="utf-8")
