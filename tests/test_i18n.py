"""The translation table: every key in both languages with the same placeholders; used keys exist, keys are used."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from analytics.i18n import LANGUAGES, TABLE, join

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    path
    for folder in ("analytics", "ui", "pages")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if "i18n" not in path.parts or path.name == "__init__.py"
] + [ROOT / "app.py"]


def _trees():
    return [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES]


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _literals_and_prefixes() -> tuple[set[str], set[str]]:
    """Every string constant in the code, and the constant heads of f-strings and of 'prefix.' + name sums: a key
    built at run time (t(f"metric.{key}")) counts as used when it starts with such a head."""
    literals, prefixes = set(), set()
    for tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif (
                isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)
            ):
                prefixes.add(node.left.value)
    return literals, {prefix for prefix in prefixes if len(prefix) >= 4 and prefix[-1] in "._"}


def test_every_key_has_every_language_with_the_same_placeholders():
    missing = [key for key, entry in TABLE.items() for lang in LANGUAGES if not entry.get(lang)]
    assert missing == []
    differing = [key for key, entry in TABLE.items() if _placeholders(entry["zh"]) != _placeholders(entry["en"])]
    assert differing == []


def test_every_literal_key_passed_to_t_exists():
    unknown = set()
    for tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "translate")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in TABLE
            ):
                unknown.add(node.args[0].value)
    assert unknown == set()


def test_every_key_in_the_table_is_used():
    literals, prefixes = _literals_and_prefixes()
    dead = sorted(
        key for key in TABLE if key not in literals and not any(key.startswith(prefix) for prefix in prefixes)
    )
    assert dead == []


def test_lists_in_running_text_follow_the_language():
    assert join(["甲", "乙", "丙"], "zh") == "甲、乙、丙"
    assert join(["A", "B"], "en") == "A, B"


def test_an_english_form_for_one_has_the_same_placeholders_and_is_used_for_one():
    from analytics.i18n import t

    ones = {key: entry for key, entry in TABLE.items() if "en_one" in entry}
    assert ones and all(_placeholders(entry["en_one"]) == _placeholders(entry["en"]) for entry in ones.values())
    assert t("takeaway.undeclared_units", "en", count=1) == "; 1 other unit declared none"
    assert t("takeaway.undeclared_units", "en", count=2) == "; 2 other units declared none"
    assert t("takeaway.undeclared_units", "zh", count=1) == "；另有1个单位未申报"
