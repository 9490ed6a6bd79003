"""The blank upload template: one sheet per vocab kind, canonical headers, an example row and vocab dropdowns."""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from analytics.contract import vocab
from analytics.display.formatting import display_width
from analytics.i18n import LANGUAGES, join, t

CREATED = dt.datetime(2025, 1, 1, 9, 0, 0)
# Validations reach this far down so the analyst's rows are covered without touching the whole sheet.
LAST_ROW = 5000
# Excel refuses an inline list source longer than this; longer lists go to a hidden sheet.
LIST_LIMIT = 255
LIST_SHEET = "_lists"


EXAMPLE_BRANCH = "示例公司一车间党支部"
EXAMPLE_PROJECT = "XM-2025-0001"
EXAMPLES: dict[str, dict[str, object]] = {
    "units": {"unit": EXAMPLE_BRANCH, "parent": "示例公司党委", "kind": vocab.BRANCH_KIND},
    "headcount": {
        "unit": EXAMPLE_BRANCH,
        "year": 2025,
        "party_members": 30,
        "participating_members": 27,
        "branches": 1,
        "employees": 120,
        "titled_employees": 78,
    },
    "projects": {
        "project_id": EXAMPLE_PROJECT,
        "name": "提高树脂砂轮一次交检合格率",
        "unit": EXAMPLE_BRANCH,
        "branch": EXAMPLE_BRANCH,
        "program": vocab.PROGRAMS[0],
        "category": vocab.CATEGORIES[1],
        "leader": "张建国",
        "year": 2025,
        "start_date": dt.date(2025, 3, 1),
        "end_date": dt.date(2025, 12, 31),
        "status": vocab.STATUSES[1],
        "party_participants": 5,
        "participants": 8,
    },
    "outcomes": {
        "project_id": EXAMPLE_PROJECT,
        "outcome_type": vocab.SAVINGS_TYPE,
        "quantity": 1,
        "value_wan": 12.5,
        "year": 2025,
        "date": dt.date(2025, 12, 20),
        "note": "减少废品损失",
    },
    "awards": {
        "project_id": EXAMPLE_PROJECT,
        "year": 2025,
        "award": "公司优秀创新项目",
        "level": vocab.AWARD_LEVELS[-1],
        "result": vocab.AWARD_WON,
    },
    "studios": {
        "studio": "张建国劳模创新工作室",
        "unit": "示例公司",
        "leader": "张建国",
        "level": "省级",
        "year": 2025,
        **{f"target_{dim}": 4 for dim, _zh in vocab.STUDIO_DIMENSIONS},
        **{f"actual_{dim}": 5 for dim, _zh in vocab.STUDIO_DIMENSIONS},
    },
    # issue 16: people
    "talent": {
        "employee_id": "00123",
        "person": "李青",
        "unit": EXAMPLE_BRANCH,
        "year": 2025,
        "pool": vocab.TALENT_POOLS[1],
        "mentor": "张建国",
        "professional_title": "工程师",
        "party_member": vocab.YES,
    },
    "honours": {
        "person": "张建国",
        "employee_id": "00088",
        "unit": "示例公司",
        "year": 2025,
        "title": "成都工匠",
        "level": vocab.HONOUR_LEVELS[3],
    },
    "training": {
        "session": "2025年班组长轮训（第一期）",
        "training_type": vocab.TRAINING_TYPES[0],
        "unit": "示例公司",
        "date": dt.date(2025, 4, 15),
        "attendees": 45,
        "hours": 16.0,
    },
}
# issue 17: running the programme.
EXAMPLES.update(
    {
        "checks": {
            "project_id": EXAMPLE_PROJECT,
            "year": 2025,
            "quarter": "二季度",
            "progress": "滞后",
            "check_date": dt.date(2025, 6, 25),
            "issue": "试验设备到货延迟",
            "action": "协调采购部门7月底前到货",
        },
        "secretary_lists": {
            "project_id": EXAMPLE_PROJECT,
            "list": vocab.LIST_FIX,
            "item_no": 1,
            "item": "建立砂轮配料复核制度",
            "owner": "张建国",
            "due_date": dt.date(2025, 9, 30),
            "done_date": dt.date(2025, 9, 20),
            "answers": 1,
        },
        "suggestions": {
            "suggestion_id": "JY-2025-001",
            "unit": EXAMPLE_BRANCH,
            "proposer": "李明",
            "date": dt.date(2025, 4, 8),
            "content": "砂轮边角料回收再利用",
            "status": vocab.SUGGESTION_DONE,
            "done_date": dt.date(2025, 5, 20),
            "value_wan": 3.5,
        },
        "point_adjustments": {
            "unit": EXAMPLE_BRANCH,
            "date": dt.date(2025, 7, 1),
            "points": 2,
            "adjustment_reason": "承办公司创新成果发布会",
        },
    }
)


def _text(key: str, lang: str) -> str:
    return t(f"template.{key}", lang)


class _Lists:
    """Sources for list validations: inline when short enough, else a range on one hidden sheet."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.sheet = None
        self.ranges: dict[tuple[str, ...], str] = {}

    def source(self, choices: tuple[str, ...]) -> list[str] | str:
        if len(",".join(choices)) <= LIST_LIMIT:
            return list(choices)
        if choices not in self.ranges:
            if self.sheet is None:
                self.sheet = self.workbook.add_worksheet(LIST_SHEET)
                self.sheet.hide()
            col = len(self.ranges)
            for row, choice in enumerate(choices):
                self.sheet.write_string(row, col, choice)
            letter = xl_col_to_name(col)
            self.ranges[choices] = f"='{LIST_SHEET}'!${letter}$1:${letter}${len(choices)}"
        return self.ranges[choices]


def _validate(sheet, col: int, column: vocab.Column, lists: _Lists, lang: str) -> None:
    cells = (1, col, LAST_ROW, col)
    if column.kind == "choice":
        source = lists.source(column.choices)
        sheet.data_validation(
            *cells,
            {"validate": "list", "source": source, "error_message": _text("bad_choice", lang)},
        )
    elif column.kind == "year":
        sheet.data_validation(
            *cells,
            {
                "validate": "integer",
                "criteria": "between",
                "minimum": column.bounds[0],
                "maximum": column.bounds[1],
                "error_message": _text("bad_year", lang).format(*column.bounds),
            },
        )
    elif column.kind == "text" and column.max_length:
        sheet.data_validation(
            *cells,
            {
                "validate": "length",
                "criteria": "<=",
                "value": column.max_length,
                "error_message": _text("too_long", lang).format(column.max_length),
            },
        )
    elif column.kind in ("int", "number", "wan"):
        sheet.data_validation(
            *cells,
            {
                "validate": "integer" if column.kind == "int" else "decimal",
                "criteria": ">=",
                "value": 0,
                "error_message": _text("bad_number", lang),
            },
        )


def _note(kind: vocab.SheetKind, column: vocab.Column, lang: str) -> str:
    parts = []
    if column.required:
        parts.append(_text("required", lang))
    # The outcomes sheet needs a project or a unit, a rule no single column's flag can say.
    if kind.name in ("outcomes", "point_adjustments") and column.name in ("project_id", "unit"):
        parts.append(_text("one_of", lang))
    if column.kind == "choice":
        parts.append(_text("choices", lang).format(join(column.choices, lang)))
    if column.kind == "quarter":
        parts.append(_text("quarter", lang))
    return "".join(parts)


def build_template(lang: str = "zh") -> bytes:
    """The template's bytes; lang picks the headers and notes (zh-CN or the canonical English names)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    workbook.set_properties({"title": _text("title", lang), "created": CREATED})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    required = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "0.00"})
    text = workbook.add_format({"num_format": "@"})
    kinds = [vocab.SHEET_KINDS[name] for name in vocab.LOAD_ORDER]
    # Every kind's sheet is added before any hidden list sheet, so the visible sheets come first.
    sheets = [(kind, workbook.add_worksheet(kind.zh if lang == "zh" else kind.name)) for kind in kinds]
    lists = _Lists(workbook)
    for kind, sheet in sheets:
        example = EXAMPLES.get(kind.name, {})
        for col, column in enumerate(kind.columns):
            title = column.zh if lang == "zh" else column.name
            sheet.write_string(0, col, title, required if column.required else header)
            note = _note(kind, column, lang)
            if note:
                sheet.write_comment(0, col, note, {"x_scale": 1.6, "y_scale": 1.4})
            value = example.get(column.name)
            if isinstance(value, dt.date):
                sheet.write_datetime(1, col, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, float):
                sheet.write_number(1, col, value, money)
            elif isinstance(value, int):
                sheet.write_number(1, col, value)
            elif value is not None:
                sheet.write_string(1, col, str(value))
            width = max(10, display_width(title) + 4, display_width(value) + 2 if value is not None else 0)
            # Codes like 00123 must stay text: format id, name and unit columns as text.
            column_format = text if column.kind in ("text", "choice", "quarter") else None
            sheet.set_column(col, col, min(width, 40), column_format)
            _validate(sheet, col, column, lists, lang)
        sheet.write_comment(1, 0, _text("example", lang), {"x_scale": 1.6})
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()
