"""Entry point: page setup, the shared sidebar filters, and navigation between the pages."""

from __future__ import annotations

import streamlit as st

import pages
from ui import auth, cache, chrome, exports, filters, navigation, present
from ui.i18n import t

st.set_page_config(page_title="创新成效看板", page_icon="🏭", layout="wide")
cache.refresh()  # this rerun reads the newest published copy of the store (an upload anywhere shows here)

principal = auth.remember(auth.current())  # checked again inside every action that writes
filters.restore_from_url()
chrome.style()  # Streamlit's and plotly's own control text in the session's language
presenting = present.setup()  # ?present=1: full screen, the filters as the link set them, no sidebar
if not presenting:  # presenting draws nothing into the sidebar, so there is no sidebar to show or flash
    menu = st.sidebar.container(key="app-menu")  # the app's own menu, above the filters, filled once pages are known
    filters.render_sidebar()
    auth.sidebar(principal)
filters.write_url()

built = navigation.build(pages.PAGES, principal)
page = st.navigation([*built, *navigation.default_alias(built, pages.PAGES)], position="hidden")
if not presenting:
    navigation.menu(menu, built, pages.PAGES, principal)

# While a pages/ folder exists, a server's first run executes in Streamlit's legacy multipage mode (see
# ui/legacy.py) and the first filter choice was seen to be lost; one rerun per session after st.navigation has
# run fixes it (PLATFORM_FACTS; tests/test_browser_overview.py fails without it).
if not st.session_state.get("_navigation_ready"):
    st.session_state["_navigation_ready"] = True
    st.rerun()

auth.notice()
if cache.store_is_empty():
    st.info(t("app.empty_store"))
if not present.slide(page, pages.PAGES):  # presenting: the chapter as one 16:9 screen
    page.run()
present.controls(page, pages.PAGES)
if not presenting:
    with st.sidebar:
        exports.panel(filters.current())
