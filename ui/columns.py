"""How a table shows each canonical column: its heading (translation key) and format, stated once for every page."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from analytics.display.labels import vocab_label
from ui.i18n import lang, t

# canonical column -> (translation key of its heading, kind of value)
COLUMNS: dict[str, tuple[str, str]] = {
    "project_id": ("column.project_id", "text"),
    "name": ("column.name", "long_text"),
    "unit": ("column.unit", "text"),
    "owner_unit": ("column.unit_owner", "text"),
    "branch": ("column.branch", "text"),
    "program": ("column.program", "text"),
    "category": ("column.category", "text"),
    "leader": ("column.leader", "text"),
    "status": ("column.status", "text"),
    "year": ("column.year", "year"),
    "start_date": ("column.start_date", "date"),
    "end_date": ("column.end_date", "date"),
    "date": ("column.date", "date"),
    "savings_wan": ("column.savings_wan", "wan"),
    "value_wan": ("column.value_wan", "wan"),
    "patent_count": ("column.patent_count", "count"),
    "awards_awarded": ("column.awards_awarded", "count"),
    "outcome_type": ("column.outcome_type", "text"),
    "quantity": ("column.quantity", "count"),
    "note": ("column.note", "text"),
    "award": ("column.award", "text"),
    "level": ("column.level", "text"),
    "result": ("column.result", "text"),
    "studio": ("column.studio", "text"),
    "rank": ("column.rank", "count"),
    "rank_change": ("column.rank_change", "signed_count"),
    "previous_rank": ("column.previous_rank", "count"),
    "party_members": ("column.party_members", "count"),
    "branches_total": ("column.branches_total", "count"),
    "participation_rate": ("metric.participation_rate", "rate"),
    "branch_coverage": ("metric.branch_coverage", "rate"),
    "projects": ("metric.projects", "count"),
    "projects_per_branch": ("metric.projects_per_branch", "ratio"),
    "savings_per_100_members": ("metric.savings_per_100_members", "wan"),
    # issue 16: people
    "person": ("column.person", "text"),
    "units": ("column.units", "text"),
    "move": ("column.move", "text"),
    "from_pool": ("column.from_pool", "text"),
    "to_pool": ("column.to_pool", "text"),
    "mentor": ("column.mentor", "text"),
    "mentees": ("column.mentees", "count"),
    "title": ("column.title", "text"),
}


def _column(label: str, kind: str):
    if kind == "text":
        return st.column_config.TextColumn(label)
    if kind == "long_text":
        return st.column_config.TextColumn(label, width="medium")
    if kind == "date":
        return st.column_config.DateColumn(label, format="YYYY-MM-DD")
    number_format = {
        "year": "%d",
        "count": "%d",
        "signed_count": "%+d",
        "wan": "%.1f",
        "ratio": "%.2f",
        "rate": "%.1f%%",  # shown(): rates as percentages with one decimal, like every other rate
    }[kind]
    return st.column_config.NumberColumn(label, format=number_format)


def config(names: Iterable[str], **overrides) -> dict:
    """st.dataframe's column_config for the named canonical columns; overrides replace single entries."""
    return {name: _column(t(COLUMNS[name][0]), COLUMNS[name][1]) for name in names if name in COLUMNS} | overrides


def shown(frame):
    """The frame as config() formats it: rate columns in percent (0.9683 → 96.83, drawn as 96.8%)."""
    rates = [name for name in frame.columns if COLUMNS.get(name, ("", ""))[1] == "rate"]
    return frame.assign(**{name: frame[name].astype("float64") * 100 for name in rates}) if rates else frame


VOCABULARY_COLUMNS = ("program", "category", "status")


def worded(frame):
    """The frame with its programme, category and status cells in the session's language (labels.vocab_label)."""
    language = lang()
    if language == "zh":
        return frame
    present = [name for name in VOCABULARY_COLUMNS if name in frame.columns]
    return frame.assign(**{name: frame[name].map(lambda value: vocab_label(value, language)) for name in present})
