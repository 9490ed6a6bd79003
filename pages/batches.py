"""Upload batches: every upload listed, oldest first, and any batch undone exactly."""

from __future__ import annotations

import streamlit as st

from analytics.store import accounts, backup
from analytics.store import batches as store_batches
from ui import auth, cache
from ui.i18n import t


def render() -> None:
    st.title(t("page.batches"))
    flash = st.session_state.pop("batches_flash", None)
    if flash:
        st.success(flash)
    batches = store_batches.list_batches(cache.cursor())
    if batches.empty:
        st.info(t("batches.none"))
        return
    labels = t("batches.columns").split(",")
    # An empty cell (a batch never undone, no note) reads as empty, never as "None".
    shown = batches.astype(object).where(batches.notna(), "")
    st.dataframe(shown.set_axis(labels, axis=1), hide_index=True, key="batches-table")
    active = batches[batches["undone_at"].isna()]["batch_id"].tolist()
    if not active:
        return
    chosen = st.selectbox(t("batches.choose"), options=active[::-1], format_func=lambda b: f"#{b}", key="undo-batch")
    confirm = st.checkbox(t("batches.confirm", batch=chosen), key="undo-confirm")
    if st.button(t("batches.undo"), disabled=not confirm, key="undo-button"):
        try:
            with cache.writer() as con:
                store_batches.undo(con, int(chosen), actor=auth.principal())
        except accounts.Forbidden as refused:
            st.error(auth.refusal(refused))
            return
        except backup.BackupError as failed:
            st.error(t("backup.failed", error=t(failed.key, **failed.params)))
            return
        except store_batches.UndoRefused as refused:
            st.error(t(refused.key, **refused.params))
            return
        st.session_state["batches_flash"] = t("undo.done", batch=chosen)
        st.rerun()


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
