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
MONEY_UNITS = ("万元", "元")
COUNT_UNITS = ("项", "个", "件", "人", "次", "场", "小时")
# A unit stated in brackets at the end of a header, after NFKC (（项） is (项)): 发明专利（项）, 实用新型专利(件).
_BRACKETED_UNIT = re.compile(
    r"^(?P<base>.*?)\s*[(\[【]\s*(?P<unit>" + "|".join(MONEY_UNITS + COUNT_UNITS) + r")\s*[)\]】]\s*$", re.S
)


@dataclass(frozen=True)
class HeaderColumn:
    """One recognised column: position in the row, header as written, canonical name, unit hint for money."""

    index: int
    text: str
    name: str  # a canonical column name, or OUTCOME_PREFIX + outcome type in a projects sheet
    unit: str | None = None  # the unit the header states: "元" / "万元" for money, "项", "件" … for counts


@dataclass
class HeaderMatch:
    kind: vocab.SheetKind
    row: int  # 0-based index into the raw rows
    columns: list[HeaderColumn]
    unknown: list[str] = field(default_factory=list)
    unknown_columns: list[int] = field(default_factory=list)  # the position of each unknown header
    duplicates: list[HeaderColumn] = field(default_factory=list)
    row_number_columns: list[int] = field(default_factory=list)  # 序号 / No. positions, read only to spot 合计


# Traditional -> Simplified for every character of our header words, units and allowed values whose forms differ, so
# that a ledger kept in Traditional characters (單位, 項目編號, 已結題) is read; names of things are never folded.
# An explicit table, not a converter: only these words are matched, and a test checks the table covers them.
TRADITIONAL = str.maketrans(
    "萬與專習書產價體黨關準劃創別動單參雙發號員團國圖備頭獎學實導帶師開態總報術權構標匯彙牽狀稱類紙組織終結統"
    "編職聯節榮獲觀譽計記論設評試說課負責質軟載進選門間隊項領題額驗級數時屬碼銜個場註製"
    "業層庫訓證賬資長雛鷹為內況減辦處對應張條檢滯點獻積納議調針銷問際",
    "万与专习书产价体党关准划创别动单参双发号员团国图备头奖学实导带师开态总报术权构标汇汇牵状称类纸组织终结统"
    "编职联节荣获观誉计记论设评试说课负责质软载进选门间队项领题额验级数时属码衔个场注制"
    "业层库训证账资长雏鹰为内况减办处对应张条检滞点献积纳议调针销问际",
)


@cache
def fold(text: str) -> str:
    """Width, case, spaces, line breaks, punctuation and Traditional forms folded: 節創價值（萬元） -> 节创价值万元."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold().translate(TRADITIONAL))


def split_unit(folded: str) -> tuple[str, str | None]:
    """A folded money header split into its base and unit hint: 节创价值元 -> (节创价值, 元)."""
    for suffix, unit in _UNIT_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)], unit
    return folded, None


@cache
def bracketed_unit(text: str) -> tuple[str, str | None]:
    """A header split into its words and the unit it states in brackets: 发明专利（项） -> (发明专利, 项)."""
    found = _BRACKETED_UNIT.match(unicodedata.normalize("NFKC", text).translate(TRADITIONAL).strip())
    if found is None or not found["base"].strip():
        return text, None
    return found["base"], found["unit"]


def is_count(kind: vocab.SheetKind, name: str) -> bool:
    kind_of = outcome_type(name)
    if kind_of:
        return kind_of != vocab.SAVINGS_TYPE
    return any(c.name == name and c.kind == "int" for c in kind.columns)


def unit_fits(kind: vocab.SheetKind, name: str, unit: str) -> bool:
    """A stated unit fits a column when it is money for a money column or a count unit for a count column."""
    return is_money(kind, name) if unit in MONEY_UNITS else is_count(kind, name)


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


def _resolve(kind: vocab.SheetKind, text: str, folded: str, manual: dict[str, str]) -> tuple[str | None, str | None]:
    """(canonical name, "" = ignore, or None when nothing knows it; the unit the header states) for a header as
    written and folded. A unit in brackets is read as stated, and must fit the column: money for money, a count unit
    for a count."""
    table = _table(kind.name)
    if folded in manual:
        name = manual[folded]
    elif folded in table:
        name = table[folded]
    else:
        name = None
    if name is not None:
        return name, (split_unit(folded)[1] if name and is_money(kind, name) else None)
    base_text, unit = bracketed_unit(text)
    if unit:
        base = fold(base_text)
        if base in manual:
            return manual[base], unit
        name = table.get(base)
        if name and unit_fits(kind, name, unit):
            return name, unit
        return None, None
    base, unit = split_unit(folded)
    if unit and base in table and is_money(kind, table[base]):
        return table[base], unit
    return None, None


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
            name = _resolve(kind, cell, fold(cell), manual)[0]
            if name:
                names.add(name)
    required = all(c.name in names for c in kind.columns if c.required)
    return len(names), required


_COPY_NUMBER = re.compile(r"[(（]?\d+[)）]?$")  # 荣誉2, 荣誉(2): a second sheet of the same kind


def _name_hint(kind: vocab.SheetKind, sheet_name: str) -> bool:
    folded = fold(sheet_name)
    names = {folded, _COPY_NUMBER.sub("", folded).strip()}
    return any(fold(alias) in names for alias in (*kind.aliases, kind.zh, kind.name))


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
            # Headers that fit two kinds equally: the sheet's own name decides before completeness, so a 荣誉 sheet
            # missing its 称号 column is told so instead of being read as the 人才 sheet its other headers also fit.
            key = (score, hint, required, -order)
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
        name, unit = _resolve(kind, text, folded, manual)
        if name is None:
            match.unknown.append(text)
            match.unknown_columns.append(position)
            continue
        if name == "":
            continue
        column = HeaderColumn(position, text, name, unit)
        if name in seen:
            match.duplicates.append(column)
        else:
            seen.add(name)
            match.columns.append(column)
    return match
