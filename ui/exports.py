"""The export panel: for the current filters, each file is built off the page's run when its 生成 button is pressed
(in a child process of its own for a large selection), with a progress bar; its download turns on when it is ready."""

from __future__ import annotations

import duckdb
import streamlit as st

from analytics import exports
from analytics.exports import jobs
from analytics.filters import Filters
from analytics.store.accounts import Principal
from ui import auth, cache
from ui.i18n import lang, t

ORDER = ("pptx", "pdf", "xlsx", "png")
# How often a page with a build under way looks at its progress, in seconds.
POLL_SECONDS = 1.0
# Up to this many projects selected, a file is built on a thread of the server: a child process costs about 2 s to
# start (and a deck's Chromium as much again), more than such a file takes to build, and its memory is small (the
# whole group's workbook at 1M projects peaks near 800 MB; at this size a few tens of MB).
IN_PROCESS_PROJECTS = 20_000


def builder(
    base: duckdb.DuckDBPyConnection, selection: Filters, fmt: str, language: str, principal: Principal | None = None
) -> jobs.ExportBuild:
    """The file for one button, from the published copy base reads (the page's), so it agrees with the screen:
    called here it reads through a cursor of its own on base; given to jobs.start it is built in a child process
    that opens that copy. Each file built is audited under the principal's name."""
    return jobs.ExportBuild(jobs.store_file(base), selection, fmt, language, principal, base=base)


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
            small = cache.summary(selection)["projects"] <= IN_PROCESS_PROJECTS
            job = jobs.start_here(build) if small else jobs.start(build)
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
