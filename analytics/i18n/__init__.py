"""The one translation table: every user-facing string by key, in zh-CN (default) and English."""

from __future__ import annotations

from analytics.i18n import (
    export_text,
    ingest_text,
    pages_text,
    running_text,
    store_text,
    talent_text,
    trust_text,
    ui_text,
)

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

# Sections live in their own modules so each concern edits its own file; lookups see one table.
TABLE: dict[str, dict[str, str]] = {
    **ui_text.TEXT,
    **ingest_text.TEXT,
    **store_text.TEXT,
    **pages_text.TEXT,
    **export_text.TEXT,
    **talent_text.TEXT,
    **running_text.TEXT,
    **trust_text.TEXT,
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for key in lang, with {placeholders} filled from params. An entry may say how English reads for a
    count of one ("en_one": "1 other unit", not "1 other units"); Chinese needs no such form."""
    entry = TABLE[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if lang == "en" and "en_one" in entry and params.get("count") == 1:
        text = entry["en_one"]
    return text.format(**params) if params else text


def join(items, lang: str = DEFAULT_LANGUAGE) -> str:
    """Items as a list in running text: 甲、乙、丙 in Chinese, "A, B, C" in English."""
    return t("list.separator", lang).join(str(item) for item in items)
