"""Pages as st.navigation takes them: an entry per page (renderer, title key, stable URL path, the least role that
may open it); the registry of entries is pages.PAGES."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import streamlit as st

from analytics.store.accounts import Principal
from ui import auth
from ui.i18n import t


@dataclass(frozen=True)
class PageEntry:
    render: Callable[[], None]
    title_key: str
    url_path: str
    default: bool = False
    role: str = "viewer"

    @property
    def reserved_path(self) -> str:
        """The path st.Page is given: the default page is served at / and Streamlit answers its own path with an
        English "Page not found", so that path goes to default_alias and the default page reserves another."""
        return f"{self.url_path}{DEFAULT_SUFFIX}" if self.default else self.url_path

    def page(self, principal: Principal | None = None) -> st.Page:
        """The st.Page for this entry, titled in the current language. A page the principal's role may not open
        stays reachable by its URL but hidden from the menu, and draws only the refusal."""
        if principal is None or principal.can(self.role):
            return st.Page(self.render, title=t(self.title_key), url_path=self.reserved_path, default=self.default)
        return st.Page(
            partial(auth.refuse_page, self.role),
            title=t(self.title_key),
            url_path=self.reserved_path,
            default=self.default,
            visibility="hidden",
        )


DEFAULT_SUFFIX = "-home"


def build(entries: Sequence[PageEntry], principal: Principal | None = None) -> list[st.Page]:
    """st.Page objects for st.navigation, in the entries' order, as the principal may see them."""
    return [entry.page(principal) for entry in entries]


def menu(slot, built: Sequence[st.Page], entries: Sequence[PageEntry], principal: Principal | None = None) -> None:
    """The sidebar menu the app draws itself (Streamlit's own is off in .streamlit/config.toml): titles in the
    user's language from the first run on, never the module names of pages/; pages the principal's role may not
    open are left out (their URL still draws only the refusal)."""
    with slot:
        for page, entry in zip(built, entries, strict=True):
            if principal is None or principal.can(entry.role):
                st.page_link(page, label=t(entry.title_key))


def default_alias(built: Sequence[st.Page], entries: Sequence[PageEntry]) -> list[st.Page]:
    """A hidden page at the default page's own path (/overview): a link or a typed address with it lands on the
    default page at /, its filters kept. Empty when no entry is the default."""
    found = next(((page, entry) for page, entry in zip(built, entries, strict=True) if entry.default), None)
    if found is None:
        return []
    default_page, entry = found

    def land() -> None:
        kept = {key: st.query_params.get_all(key) for key in st.query_params}
        st.switch_page(default_page, query_params=kept)

    return [st.Page(land, title=t(entry.title_key), url_path=entry.url_path, visibility="hidden")]
