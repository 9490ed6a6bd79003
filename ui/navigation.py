"""Pages as st.navigation takes them: an entry per page (renderer, title key, stable URL path); the registry of
entries is pages.PAGES."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from ui.i18n import t


@dataclass(frozen=True)
class PageEntry:
    render: Callable[[], None]
    title_key: str
    url_path: str
    default: bool = False

    def page(self) -> st.Page:
        """The st.Page for this entry, titled in the current language."""
        return st.Page(self.render, title=t(self.title_key), url_path=self.url_path, default=self.default)


def build(entries: Sequence[PageEntry]) -> list[st.Page]:
    """st.Page objects for st.navigation, in the entries' order."""
    return [entry.page() for entry in entries]


def menu(slot, built: Sequence[st.Page], entries: Sequence[PageEntry]) -> None:
    """The sidebar menu the app draws itself (Streamlit's own is off in .streamlit/config.toml): titles in the
    user's language from the first run on, never the module names of pages/."""
    with slot:
        for page, entry in zip(built, entries, strict=True):
            st.page_link(page, label=t(entry.title_key))
