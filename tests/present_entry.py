"""app.py with the presenter and export hooks wired as the lead is asked to wire them; AppTest and browsers run it
until app.py carries the same calls (then the tests can point at app.py instead)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from ui import exports, filters, navigation, present, state  # noqa: E402
from ui.i18n import t  # noqa: E402

st.set_page_config(page_title="创新成效看板", page_icon="🏭", layout="wide")

filters.restore_from_url()
presenting = present.setup()
if not presenting:
    filters.render_sidebar()
filters.write_url()

page = st.navigation(navigation.build(), position="hidden" if presenting else "sidebar")

if not st.session_state.get("_navigation_ready"):
    st.session_state["_navigation_ready"] = True
    st.rerun()

if state.store_is_empty():
    st.info(t("app.empty_store"))
page.run()
present.controls(page)
if not presenting:
    with st.sidebar:
        exports.panel(filters.current())
