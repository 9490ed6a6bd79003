"""Page renderers, one module each (render() reads the shared filters, calls analytics, draws); below, the registry:
every page's renderer, title key and stable URL path, in menu order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from pages import awards, batches, glossary, overview, participation, patents, projects, savings, studios, upload
from ui.i18n import t


@dataclass(frozen=True)
class PageEntry:
    render: Callable[[], None]
    title_key: str
    url_path: str
    default: bool = False


# Presenter chapters step through these url paths in this order (overview → … → studios).
PAGES: tuple[PageEntry, ...] = (
    PageEntry(overview.render, "page.overview", "overview", default=True),
    PageEntry(participation.render, "page.participation", "participation"),
    PageEntry(savings.render, "page.savings", "savings"),
    PageEntry(patents.render, "page.patents", "patents"),
    PageEntry(projects.render, "page.projects", "projects"),
    PageEntry(awards.render, "page.awards", "awards"),
    PageEntry(studios.render, "page.studios", "studios"),
    PageEntry(glossary.render, "page.glossary", "glossary"),
    PageEntry(upload.render, "page.upload", "upload"),
    PageEntry(batches.render, "page.batches", "batches"),
)


def build() -> list:
    """st.Page objects for st.navigation, titled in the current language."""
    return [
        st.Page(entry.render, title=t(entry.title_key), url_path=entry.url_path, default=entry.default)
        for entry in PAGES
    ]
