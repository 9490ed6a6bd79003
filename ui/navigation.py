"""The page registry: every page's renderer, title key and stable URL path, in menu order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from pages import overview
from ui.i18n import t


@dataclass(frozen=True)
class PageEntry:
    render: Callable[[], None]
    title_key: str
    url_path: str
    default: bool = False


# Presenter chapters step through these url paths in this order (overview → … → studios).
PAGES: tuple[PageEntry, ...] = (PageEntry(overview.render, "page.overview", "overview", default=True),)


def build() -> list:
    """st.Page objects for st.navigation, titled in the current language."""
    return [
        st.Page(entry.render, title=t(entry.title_key), url_path=entry.url_path, default=entry.default)
        for entry in PAGES
    ]
