"""Raw rows -> the header row, the sheet kind it shows, and each column's canonical name (or unknown)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from analytics.contract import vocab

HEADER_SCAN_ROWS = 30
OUTCOME_PREFIX = "outcome:"
# Row-number columns carry no fact; "#" folds to "" and is caught by the empty check.
ROW_NUMBER_HEADERS = frozenset({"序号", "序", "行号", "no", "sn", "seq", "index", "排序"})
_UNIT_SUFFIXES = (
    ("万元", "万元"),
    ("10kyuan", "万元"),
    ("wanyuan", "万元"),
    ("wan", "万元"),
    ("万", "万元"),
    ("元", "元"),
    ("yuan", "元"),
    ("cny", "元"),
    ("rmb", "元"),
)
_DROP = re.compile(r"[\W_]+")  # after NFKC: whitespace, line breaks and every punctuation mark


@dataclass(frozen=True)
class HeaderColumn:
    """One recognised column: position in the row, header as written, canonical name, unit hint for money."""

    index: int
    text: str
    name: str  # a canonical column name, or OUTCOME_PREFIX + outcome type in a projects sheet
    unit: str | None = None  # "元" or "万元" when the header says so (money columns only)


@dataclass
class HeaderMatch:
    kind: vocab.SheetKind
    row: int  # 0-based index into the raw rows
    columns: list[HeaderColumn]
    unknown: list[str] = field(default_factory=list)
    duplicates: list[HeaderColumn] = field(default_factory=list)
    row_number_columns: list[int] = field(default_factory=list)  # 序号 / No. positions, read only to spot 合计


@cache
def fold(text: str) -> str:
    """Width, case, spaces, line breaks and punctuation folded away: 节创价值（万元） -> 节创价值万元."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def split_unit(folded: str) -> tuple[str, str | None]:
    """A folded money header split into its base and unit hint: 节创价值元 -> (节创价值, 元)."""
    for suffix, unit in _UNIT_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)], unit
    return folded, None


def is_money(kind: vocab.SheetKind, name: str) -> bool:
    if name == OUTCOME_PREFIX + vocab.SAVINGS_TYPE:
        return True
    return any(c.name == name and c.kind == "wan" for c in kind.columns)


def outcome_type(name: str) -> str | None:
    """The outcome type of a per-project outcome column name, else None."""
    return name[len(OUTCOME_PREFIX) :] if name.startswith(OUTCOME_PREFIX) else None


def mapping_targets(kind_name: str) -> dict[str, str]:
    """What a header of this sheet kind can be mapped to by hand: canonical name -> zh-CN label."""
    kind = vocab.SHEET_KINDS[kind_name]
    targets = {column.name: column.zh for column in kind.columns}
    if kind_name == vocab.PROJECTS.name:
        targets.update({OUTCOME_PREFIX + t: t for t in vocab.OUTCOME_TYPES})
    return targets


@cache
def _table(kind_name: str) -> dict[str, str]:
    """Folded header -> canonical name; canonical zh wins over English names, which win over synonyms."""
    kind = vocab.SHEET_KINDS[kind_name]
    entries: list[tuple[str, str]] = []
    entries += [(c.zh, c.name) for c in kind.columns]
    entries += [(c.name, c.name) for c in kind.columns]
    if kind_name == vocab.PROJECTS.name:
        entries += [(t, OUTCOME_PREFIX + t) for t in vocab.OUTCOME_TYPES]
        entries += [(en, OUTCOME_PREFIX + t) for t, en in vocab.OUTCOME_TYPE_EN.items()]
        savings = vocab.OUTCOMES.column("value_wan")
        entries += [(s, OUTCOME_PREFIX + vocab.SAVINGS_TYPE) for s in (savings.zh, savings.name, *savings.synonyms)]
    entries += [(s, c.name) for c in kind.columns for s in c.synonyms]
    table: dict[str, str] = {}
    for text, name in entries:
        table.setdefault(fold(text), name)
    return table


def _lookup(kind: vocab.SheetKind, folded: str, manual: dict[str, str]) -> str | None:
    """Canonical name for a folded header ("" = ignore), or None when nothing knows it."""
    if folded in manual:
        return manual[folded]
    table = _table(kind.name)
    if folded in table:
        return table[folded]
    base, unit = split_unit(folded)
    if unit and base in table and is_money(kind, table[base]):
        return table[base]
    return None


def _manual_for(kind: vocab.SheetKind, manual_mappings: dict[tuple[str, str], str] | None) -> dict[str, str]:
    return {fold(text): target for (k, text), target in (manual_mappings or {}).items() if k == kind.name}


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _score(kind: vocab.SheetKind, row: list, manual: dict[str, str]) -> tuple[int, bool]:
    names = set()
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            name = _lookup(kind, fold(cell), manual)
            if name:
                names.add(name)
    required = all(c.name in names for c in kind.columns if c.required)
    return len(names), required


def _name_hint(kind: vocab.SheetKind, sheet_name: str) -> bool:
    folded = fold(sheet_name)
    return any(fold(alias) == folded for alias in (*kind.aliases, kind.zh, kind.name))


def find_header(
    rows: list[list], sheet_name: str, manual_mappings: dict[tuple[str, str], str] | None = None
) -> HeaderMatch | None:
    """The row among the first HEADER_SCAN_ROWS that matches most headers of some sheet kind, mapped; or None."""
    manuals = {name: _manual_for(kind, manual_mappings) for name, kind in vocab.SHEET_KINDS.items()}
    best: tuple | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        for order, kind in enumerate(vocab.SHEET_KINDS.values()):
            score, required = _score(kind, row, manuals[kind.name])
            hint = _name_hint(kind, sheet_name)
            # One matching header is too weak to call a sheet, unless the sheet's name says what it is.
            if score < 2 and not (score == 1 and hint):
                continue
            key = (score, required, hint, -order)
            if best is None or key > best[0]:
                best = (key, index, kind)
    if best is None:
        return None
    _, index, kind = best
    return _map_row(kind, index, rows[index], manuals[kind.name])


def _map_row(kind: vocab.SheetKind, index: int, row: list, manual: dict[str, str]) -> HeaderMatch:
    match = HeaderMatch(kind, index, [])
    seen: set[str] = set()
    for position, cell in enumerate(row):
        text = _cell_text(cell)
        folded = fold(text)
        if not folded:
            continue
        # A 序号 is a row number, unless the kind keeps one as a fact (a 书记项目 list's item number).
        if folded in ROW_NUMBER_HEADERS and folded not in manual and folded not in _table(kind.name):
            match.row_number_columns.append(position)
            continue
        name = _lookup(kind, folded, manual)
        if name is None:
            match.unknown.append(text)
            continue
        if name == "":
            continue
        unit = split_unit(folded)[1] if is_money(kind, name) else None
        column = HeaderColumn(position, text, name, unit)
        if name in seen:
            match.duplicates.append(column)
        else:
            seen.add(name)
            match.columns.append(column)
    return match
