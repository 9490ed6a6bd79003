"""The UI language lives in session state; text lookups go through the one translation table."""

from __future__ import annotations

import streamlit as st

from analytics.i18n import DEFAULT_LANGUAGE, LANGUAGES
from analytics.i18n import join as join_items
from analytics.i18n import t as translate
from ui.markdown import escape

LANG_KEY = "lang"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **params) -> str:
    """UI text in the session's language. Streamlit renders it as markdown, so the data in params (unit and
    file names, values from a link) is escaped to show as the text it is."""
    return translate(key, lang(), **{name: escape(value) for name, value in params.items()})


def join(items) -> str:
    """Items as a list in running text, in the session's language."""
    return join_items(items, lang())
