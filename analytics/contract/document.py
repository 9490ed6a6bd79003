"""The generated parts of docs/data-contract.md (column tables, bounds, metric glossary), from vocab and definitions.

`python -m analytics.contract.document` rewrites each block between `<!-- generated:NAME -->` and
`<!-- /generated:NAME -->` in docs/data-contract.md; tests/test_contract_document.py fails when the file is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from analytics.contract import definitions, vocab
from analytics.ingest import headers

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "data-contract.md"
KIND_WORDS = {
    "text": "text",
    "int": "whole number",
    "number": "decimal number",
    "quarter": "quarter (1–4, 一季度, Q1, 2024Q3)",
    "points": "points (may be negative)",
    "wan": "money, 万元",
    "date": "date",
    "year": "year",
    "choice": "one of a list",
}


def _rule(column: vocab.Column) -> str:
    parts = []
    low, high = column.bounds
    if column.kind == "year":
        parts.append(f"{low}–{high}")
    elif low is not None:
        parts.append(f"≥ {low:g}")
    if column.kind == "text":
        parts.append(f"≤ {column.length_limit} characters")
    if column.choices:
        parts.append("、".join(column.choices))
    if column.default is not None:
        parts.append(f"empty means {column.default!r}")
    return "; ".join(parts)


def columns_table(kind: vocab.SheetKind) -> str:
    rows = [
        "| zh-CN header | column | kind | required | rule | also recognised as |",
        "|---|---|---|---|---|---|",
    ]
    for column in kind.columns:
        synonyms = "、".join(column.synonyms) or "—"
        required = "yes" if column.required else ""
        rows.append(
            f"| {column.zh} | `{column.name}` | {KIND_WORDS[column.kind]} | {required} | {_rule(column)} | {synonyms} |"
        )
    return "\n".join(rows)


def sheets_section() -> str:
    parts = []
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        key = ", ".join(f"`{k}`" for k in kind.key if k != "source")
        aliases = "、".join(kind.aliases)
        parts.append(f"### {kind.zh} / {kind.name}\n\nSheet names that hint at it: {aliases}. One record per {key}.\n")
        parts.append(columns_table(kind))
        if name == vocab.PROJECTS.name:
            outcome_columns = "、".join(vocab.OUTCOME_TYPES)
            parts.append(
                f"\nA projects sheet may also carry one column per outcome type ({outcome_columns}; English "
                f"{', '.join(vocab.OUTCOME_TYPE_EN.values())}): a count per project, or for 节创价值 an amount."
            )
        parts.append("")
    return "\n".join(parts).rstrip()


def units_section() -> str:
    money = "、".join(f"（{u}）" for u in headers.MONEY_UNITS)
    counts = "、".join(f"（{u}）" for u in headers.COUNT_UNITS)
    return (
        f"- Money: {money} — an amount in 元 is divided by 10,000; no unit means 万元.\n"
        f"- Counts: {counts} — read as plain counts.\n"
        f"- Years: {vocab.YEAR_BOUNDS[0]}–{vocab.YEAR_BOUNDS[1]}. Names of units, projects, studios and people: at "
        f"most {vocab.NAME_MAX_LENGTH} characters; other text at most {vocab.TEXT_MAX_LENGTH}."
    )


def metrics_section() -> str:
    rows = ["| metric | definition | numerator | denominator |", "|---|---|---|---|"]
    for row in definitions.glossary("en"):
        rows.append(f"| {row['name']} | {row['definition']} | {row['numerator']} | {row['denominator']} |")
    return "\n".join(rows)


BLOCKS = {"units": units_section, "sheets": sheets_section, "metrics": metrics_section}


def render(text: str) -> str:
    """The document with every generated block replaced by what the code says now."""
    for name, build in BLOCKS.items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n)(?:.*?\n)?(<!-- /generated:{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"block {name} missing from {DOCUMENT.name}")
        text = pattern.sub(lambda m, build=build: m.group(1) + build() + "\n" + m.group(2), text)
    return text


def main() -> int:
    DOCUMENT.write_text(render(DOCUMENT.read_text(encoding="utf-8")), encoding="utf-8")
    print(DOCUMENT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
