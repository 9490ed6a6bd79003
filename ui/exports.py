"""The export panel: for the current filters, each file is built on a thread of its own (off the page's script run)
when its 生成 button is pressed, with a progress bar, and its download button turns on when the file is ready."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from analytics import exports
from analytics.contract.access import NO_UNIT
from analytics.exports import jobs
from analytics.filters import Filters
from analytics.store import accounts, audit
from analytics.store.accounts import Principal
from ui import auth, cache
from ui.i18n import lang, t

ORDER = ("pptx", "pdf", "xlsx", "png")
# How often a page with a build under way looks at its progress, in seconds.
POLL_SECONDS = 1.0


def builder(
    base: duckdb.DuckDBPyConnection, selection: Filters, fmt: str, language: str, principal: Principal | None = None
) -> Callable[..., bytes]:
    """The file for one button, built on another thread than the page's: it takes its own cursor (a connection
    used from two threads at once is refused). Each file built is audited under the principal's name."""

    def build(progress: Callable[[float, str], None] | None = None) -> bytes:
        con = base.cursor()
        try:
            # Names only where the principal's scope covers the units (nobody's when no principal is known).
            names = accounts.name_scope(con, principal) if principal is not None else NO_UNIT
            data = exports.build(con, selection, fmt, language, names=names, progress=progress)
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


def _key(fmt: str) -> str:
    return f"export-job-{fmt}"


def _job(fmt: str, selection: Filters, language: str) -> jobs.Job | None:
    """This session's build of fmt for this very selection and language, if one was started."""
    found = st.session_state.get(_key(fmt))
    if found is None or found[0] != (selection, language):
        return None
    return found[1]


def panel(selection: Filters) -> None:
    """Draw the export panel where called (e.g. `with st.sidebar: exports.panel(filters.current())`)."""
    language = lang()
    with st.expander(t("export.header"), icon=":material/download:"):
        st.caption(t("export.caption"))
        hint = exports.missing_font_hint(language)
        if hint:
            st.warning(hint)
        running = any((job := _job(fmt, selection, language)) is not None and not job.done for fmt in ORDER)
        # Only while a build is under way does the panel redraw itself each second, to move its progress bars.
        st.fragment(_rows, run_every=POLL_SECONDS if running else None)(selection, language, running)


def _rows(selection: Filters, language: str, was_running: bool) -> None:
    still_running = False
    for fmt in ORDER:
        job = _job(fmt, selection, language)
        build_column, download_column = st.columns([1, 2], vertical_alignment="center")
        if build_column.button(
            t("export.build"), key=f"export-build-{fmt}", disabled=job is not None and not job.done, width="stretch"
        ):
            build = builder(cache.cursor(), selection, fmt, language, auth.principal())
            job = jobs.start(build)
            st.session_state[_key(fmt)] = ((selection, language), job)
            still_running = True
        ready = job is not None and job.data is not None
        download_column.download_button(
            t(f"export.{fmt}"),
            # The built file is handed over when clicked: passed as bytes, each rerun would hash all of it again.
            data=(lambda data=job.data: data) if ready else b"",
            file_name=exports.file_name(selection, fmt, language),
            mime=exports.FORMATS[fmt].mime,
            key=f"export-{fmt}",
            on_click="ignore",  # a download needs no rerun of the page
            disabled=not ready,
            type="primary" if ready else "secondary",
            width="stretch",
        )
        if job is None:
            continue
        if job.error is not None:
            st.error(t("export.failed"))
        elif not job.done:
            still_running = True
            st.progress(job.fraction, text=t(f"export.progress.{job.stage}", percent=f"{job.fraction:.0%}"))
    if was_running != still_running:
        # Start or stop the panel's polling: the fragment's run_every is fixed when the page draws it.
        st.rerun()
