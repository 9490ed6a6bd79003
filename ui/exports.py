"""The export panel: download buttons for the current filters; each file is built only when clicked."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from analytics import exports
from analytics.contract.access import NO_UNIT
from analytics.filters import Filters
from analytics.store import accounts, audit
from analytics.store.accounts import Principal
from ui import auth, cache
from ui.i18n import lang, t

ORDER = ("pptx", "pdf", "xlsx", "png")


def builder(
    base: duckdb.DuckDBPyConnection, selection: Filters, fmt: str, language: str, principal: Principal | None = None
) -> Callable[[], bytes]:
    """The file for one button. Streamlit runs it on a worker thread when clicked (the button shows a spinner
    meanwhile), so it takes its own cursor: a connection used from two threads at once is refused. Each file built
    is audited under the principal's name."""

    def build() -> bytes:
        con = base.cursor()
        try:
            # Names only where the principal's scope covers the units (nobody's when no principal is known).
            names = accounts.name_scope(con, principal) if principal is not None else NO_UNIT
            data = exports.build(con, selection, fmt, language, names=names)
            if principal is not None:
                audit.record(
                    con,
                    actor=principal.name,
                    source=principal.source,
                    action="export",
                    target=fmt,
                    detail=str(selection.params()),
                )
            return data
        finally:
            con.close()

    return build


def panel(selection: Filters) -> None:
    """Draw the export buttons where called (e.g. `with st.sidebar: exports.panel(filters.current())`)."""
    language = lang()
    base = cache.cursor()
    with st.expander(t("export.header"), icon=":material/download:"):
        st.caption(t("export.caption"))
        hint = exports.missing_font_hint(language)
        if hint:
            st.warning(hint)
        for fmt in ORDER:
            st.download_button(
                t(f"export.{fmt}"),
                data=builder(base, selection, fmt, language, auth.principal()),
                file_name=exports.file_name(selection, fmt, language),
                mime=exports.FORMATS[fmt].mime,
                key=f"export-{fmt}",
                on_click="ignore",  # a download needs no rerun of the page
                width="stretch",
            )
