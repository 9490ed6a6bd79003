"""Entry point: page setup, the shared sidebar filters, and navigation between the pages."""

from __future__ import annotations

import streamlit as st

from ui import filters, navigation, state
from ui.i18n import t

st.set_page_config(page_title="创新成效看板", page_icon="🏭", layout="wide")

filters.restore_from_url()
filters.render_sidebar()
filters.write_url()

page = st.navigation(navigation.build())

# Pages are functions, not scripts: with a pages/ folder beside it Streamlit starts a session in its legacy
# multipage mode, which runs a page script directly and skips this file; a function page is never picked.
# While a pages/ folder exists, a server's first run executes in legacy multipage mode and the first filter
# choice was seen to be lost; one rerun per session after st.navigation has run fixes it (PLATFORM_FACTS).
if not st.session_state.get("_navigation_ready"):
    st.session_state["_navigation_ready"] = True
    st.rerun()

if state.store_is_empty():
    st.info(t("app.empty_store"))
page.run()
