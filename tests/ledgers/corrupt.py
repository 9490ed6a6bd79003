"""One fault put into a valid world's tables: what an analyst's ledger gets wrong, and where the refusal must point.

Each fault names the sheet kind, the fact row that carries it (or none, for a sheet-level fault), the column as
the message may name it (the header as written, or the column's canonical zh-CN name for checks made across
sheets), and the words of the reason in zh and en (analytics/i18n/ingest_text.py and store_text.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from tests.ledgers.render import KNOWN_GAPS, Raw, Table
from tests.ledgers.world import World

# (kind, column, canonical zh) of required columns whose loss leaves a sheet still recognisable as its kind.
DROPPABLE = (
    ("projects", "name", "项目名称"),
    ("outcomes", "outcome_type", "成果类型"),
    ("awards", "award", "奖项名称"),
    ("awards", "result", "结果"),
    ("talent", "person", "姓名"),
    ("honours", "title", "称号"),
    ("training", "session", "培训名称"),
    ("secretary_lists", "item", "内容"),
)
# The first key column of each kind: a repeated key is reported under it.
KEY_COLUMN = {"units": "unit", "headcount": "unit", "projects": "project_id", "awards": "project_id",
              "studios": "studio", "talent": "unit", "honours": "unit", "training": "session", "checks": "project_id",
              "secretary_lists": "project_id", "suggestions": "suggestion_id"}  # fmt: skip
# (kind, column, bad values) of the people and running sheets' choice, date, quarter and count cells.
NEW_SHEET_CELLS = (
    ("talent", "pool", "not_choice", ("银鹰", "储备")),
    ("honours", "level", "not_choice", ("乡镇级", "院级")),
    ("checks", "progress", "not_choice", ("暂停", "良好")),
    ("secretary_lists", "list", "not_choice", ("计划", "措施")),
    ("suggestions", "status", "not_choice", ("待定", "退回")),
    ("training", "date", "bad_date", ("上个月", "2023-13-45")),
    ("suggestions", "date", "bad_date", ("明年春天",)),
    ("secretary_lists", "due_date", "bad_date", ("年底前",)),
    ("checks", "quarter", "bad_quarter", ("五季度", "Q5", "第0季度")),
    ("training", "attendees", "negative", (-5, "-12")),
    ("training", "hours", "negative", (-2, "-1.5")),
    ("suggestions", "value_wan", "negative", (-3, "-1,200")),
    ("training", "attendees", "not_number", ("很多", "约30")),
    ("point_adjustments", "points", "not_number", ("加分", "5..0")),
)
REASONS = {
    "missing_column": ("缺少必填列", "required column missing"),
    "duplicate_key": ("重复", "duplicates"),
    "negative": ("是负数", "is negative"),
    "not_number": ("不是数字", "is not a number"),
    "unknown_project": ("都不存在", "no project with this number"),
    "not_choice": ("不是允许的值", "is not an allowed value"),
    "bad_date": ("不是可识别的日期", "is not a date"),
    "bad_year": ("不是年份", "is not a year"),
    "year_out_of_range": ("不在允许的年份范围内", "outside the allowed years"),
    "parent_cycle": ("上级", "parent"),
    "bad_quarter": ("不是季度", "is not a quarter"),
}


@dataclass
class Fault:
    name: str
    kind: str
    ref: object | None  # the fact row carrying the fault; None for a sheet-level fault
    column: str  # canonical column
    named_as: tuple[str, ...]  # how the message may name the column besides its header as written
    reason: str  # a key of REASONS


def revised(world: World) -> World:
    """The same facts with other names and figures: what the store held before the faulty upload."""
    return replace(
        world,
        projects=tuple(replace(p, name=f"{p.name}（初稿）") for p in world.projects),
        headcount=tuple(replace(h, party_members=h.party_members + 1) for h in world.headcount),
    )


def _rows_with(table: Table, column: str, test=lambda v: v is not None) -> list[int]:
    return [i for i, row in enumerate(table.rows) if column in table.columns and test(row.get(column))]


def _set(table: Table, index: int, column: str, value: object) -> object:
    if column not in table.columns:
        table.columns.append(column)
    table.rows[index][column] = Raw(value)
    return table.rows[index]["_ref"]


@st.composite
def faults(draw, tables: dict[str, Table]) -> tuple[dict[str, Table], Fault]:
    """A deep copy of the tables with one fault in it, and the fault."""
    tables = copy.deepcopy(tables)
    options = ["duplicate_key"]
    if any(kind in tables for kind, _, _ in DROPPABLE):
        options.append("missing_column")
    for kind, column in (("headcount", "party_members"), ("outcomes", "value_wan"), ("outcomes", "quantity")):
        if kind in tables and _rows_with(tables[kind], column):
            options += ["negative", "not_number"]
    if "outcomes" in tables and _rows_with(tables["outcomes"], "project_id"):
        options.append("unknown_project")
    if "awards" in tables:
        options.append("unknown_project")
    if "projects" in tables:
        options += ["not_choice", "bad_date", "bad_year"]
    if not KNOWN_GAPS["years_before_1949"] and "projects" in tables:
        options.append("year_before_1949")
    if not KNOWN_GAPS["parent_cycles"]:
        options.append("parent_cycle")
    cells = [c for c in NEW_SHEET_CELLS if c[0] in tables and c[1] in tables[c[0]].columns]
    if cells:
        options.append("new_sheet_cell")
    # A check, list item or adjustment of a project nobody knows.
    referring = [k for k in ("checks", "secretary_lists", "point_adjustments")
                 if k in tables and _rows_with(tables[k], "project_id")]  # fmt: skip
    if referring:
        options.append("unknown_project_running")
    name = draw(st.sampled_from(options))

    if name == "new_sheet_cell":
        kind, column, reason, values = draw(st.sampled_from(cells))
        index = draw(st.integers(0, len(tables[kind].rows) - 1))
        ref = _set(tables[kind], index, column, draw(st.sampled_from(values)))
        return tables, Fault(f"{kind}:{reason}", kind, ref, column, (), reason)

    if name == "unknown_project_running":
        kind = draw(st.sampled_from(referring))
        index = draw(st.sampled_from(_rows_with(tables[kind], "project_id")))
        ref = _set(tables[kind], index, "project_id", draw(st.sampled_from(("NOPE-404", "P999999"))))
        return tables, Fault(f"{kind}:unknown_project", kind, ref, "project_id", ("项目编号",), "unknown_project")

    if name == "missing_column":
        kind, column, zh = draw(st.sampled_from([d for d in DROPPABLE if d[0] in tables]))
        table = tables[kind]
        table.columns.remove(column)
        return tables, Fault(name, kind, None, column, (zh,), "missing_column")

    if name == "duplicate_key":
        # Without a 序号 a list's items are numbered in order: a repeated row is the next item, not a repeat.
        kinds = [k for k in KEY_COLUMN if k in tables and (k != "secretary_lists" or "item_no" in tables[k].columns)]
        kind = draw(st.sampled_from(kinds))
        table = tables[kind]
        index = draw(st.integers(0, len(table.rows) - 1))
        twin = dict(table.rows[index], _ref=("twin", table.rows[index]["_ref"]), _glue=True)
        table.rows.insert(index + 1, twin)
        return tables, Fault(name, kind, twin["_ref"], KEY_COLUMN[kind], (), "duplicate_key")

    if name in ("negative", "not_number"):
        candidates = [
            (kind, column)
            for kind, column in (("headcount", "party_members"), ("outcomes", "value_wan"), ("outcomes", "quantity"))
            if kind in tables and _rows_with(tables[kind], column)
        ]
        kind, column = draw(st.sampled_from(candidates))
        index = draw(st.sampled_from(_rows_with(tables[kind], column)))
        if name == "negative":
            value = draw(st.sampled_from((-5, -1200, "-3", "-1,200")))
        else:
            value = draw(st.sampled_from(("很多", "约5", "N/A2", "5..0")))
        ref = _set(tables[kind], index, column, value)
        return tables, Fault(name, kind, ref, column, (), name)

    if name == "unknown_project":
        kinds = [k for k in ("outcomes", "awards") if k in tables and _rows_with(tables[k], "project_id")]
        kind = draw(st.sampled_from(kinds))
        index = draw(st.sampled_from(_rows_with(tables[kind], "project_id")))
        ref = _set(tables[kind], index, "project_id", draw(st.sampled_from(("NOPE-404", "P999999", "不存在的项目"))))
        return tables, Fault(name, kind, ref, "project_id", ("项目编号",), "unknown_project")

    table = tables.get("projects")
    if name in ("not_choice", "bad_date", "bad_year", "year_before_1949"):
        index = draw(st.integers(0, len(table.rows) - 1))
        if name == "not_choice":
            column = draw(st.sampled_from(("program", "category", "status")))
            value = draw(st.sampled_from(("读书会", "文体活动", "暂停")))
        elif name == "bad_date":
            column, value = draw(st.sampled_from((("start_date", "上个月"), ("start_date", "2023-13-45"),
                                                  ("end_date", "明年春天"))))  # fmt: skip
        else:
            column = "year"
            value = draw(st.sampled_from(("明年", "二〇二三", "20233"))) if name == "bad_year" else 1930
        ref = _set(table, index, column, value)
        reason = "year_out_of_range" if name == "year_before_1949" else name
        return tables, Fault(name, "projects", ref, column, (), reason)

    # A unit that is its own parent (KNOWN_GAPS["parent_cycles"]).
    table = tables["units"]
    index = draw(st.integers(0, len(table.rows) - 1))
    ref = _set(table, index, "parent", table.rows[index]["unit"])
    return tables, Fault(name, "units", ref, "parent", (), "parent_cycle")
