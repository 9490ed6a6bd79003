"""The layers of docs/architecture.md hold: who may import whom, and pages draw without SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# layer -> the top-level packages it must never import (the arrows of docs/architecture.md point one way)
FORBIDDEN = {
    "analytics": {"streamlit", "ui", "pages", "app", "tests"},
    "ui": {"pages", "app", "tests"},
    "pages": {"app", "tests"},
}


def _modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_a_layer_above_it(layer):
    offences = {
        str(path.relative_to(ROOT)): sorted(_imported_roots(path) & FORBIDDEN[layer]) for path in _modules(layer)
    }
    assert {path: found for path, found in offences.items() if found} == {}


def test_pages_hold_no_sql_and_no_connection_calls():
    """pages/ read the filters, call analytics through ui.cache, and draw: a query belongs in analytics/."""
    offences = []
    for path in _modules("pages"):
        text = path.read_text(encoding="utf-8")
        for marker in (".execute(", "SELECT ", "duckdb"):
            if marker in text:
                offences.append(f"{path.name}: {marker}")
    assert offences == []


def test_every_query_of_analytics_is_a_sql_file_named_after_its_function():
    """read_sql("name", area) finds analytics/<area>/sql/name.sql, and every .sql file is read by some function."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in _modules("analytics"))
    sql_files = sorted((ROOT / "analytics").rglob("sql/*.sql"))
    assert sql_files, "no SQL files found"
    unused = [str(path.relative_to(ROOT)) for path in sql_files if f'"{path.stem}"' not in sources]
    assert unused == []
