"""Presenter mode (?present=1): full screen, large type, the filter context on top, chapters stepped in order."""

from __future__ import annotations

import time
from collections.abc import Sequence

import streamlit as st

from ui import filters
from ui.i18n import t
from ui.navigation import PageEntry

PRESENT_KEY, ROTATE_KEY = "present", "rotate"
# The meeting's running order; only the chapters registered in pages (the registry) are stepped through.
CHAPTERS = ("overview", "participation", "savings", "patents", "awards", "studios")
CHAPTERS += ("talent",)  # issue 16
# issue 17: running the programme — the quarterly checks first, then 书记项目, ideas and points.
CHAPTERS = (*CHAPTERS, "checks", "secretary", "suggestions", "points")
MIN_ROTATE, MAX_ROTATE = 5, 3600
_CHAPTER_SHOWN = "_present_chapter_shown"

# Constant CSS only: nothing from a user or the data ever reaches this string.
_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"], footer { display: none !important; }
/* Sized for a 1920×1080 projector: everything, charts included, drawn as a 1420-pixel-wide screen would be. */
[data-testid="stMain"] { zoom: 1.35; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1rem 2rem 5rem 2rem; }
.st-key-page-context p { font-size: 1.35rem; color: #444; margin: 0; }
.st-key-present-controls {
    position: fixed; right: 1.5rem; bottom: 1rem; z-index: 1000; width: auto !important;
    background: rgba(255, 255, 255, 0.92); border-radius: 0.5rem; padding: 0.25rem 0.75rem;
}
</style>
"""


def active() -> bool:
    """True when the link asks for presenter mode."""
    return st.query_params.get(PRESENT_KEY) == "1"


def rotate_seconds() -> int | None:
    """Seconds per chapter for a lobby screen (&rotate=SECONDS), clamped to a sane range; None when not rotating."""
    try:
        seconds = int(st.query_params.get(ROTATE_KEY, ""))
    except ValueError:
        return None
    return min(max(seconds, MIN_ROTATE), MAX_ROTATE) if seconds > 0 else None


def setup() -> bool:
    """Call after filters.restore_from_url() and before the sidebar is drawn; True in presenter mode.

    In presenter mode the sidebar is not drawn: the filters come from the link and are kept as they are.
    """
    if not active():
        return False
    # Widget values whose widgets are not drawn this run are dropped by Streamlit; re-set, they persist.
    for key in filters.URL_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    st.html(_CSS)  # the pages' own context line (ui.drill.page_header) becomes the large header line
    return True


def chapters(registry: Sequence[PageEntry]) -> list[PageEntry]:
    """The registered chapters, in the meeting's order."""
    by_path = {entry.url_path: entry for entry in registry}
    return [by_path[path] for path in CHAPTERS if path in by_path]


def _current(page, entries: list[PageEntry], registry: Sequence[PageEntry]) -> int | None:
    path = page.url_path or next((entry.url_path for entry in registry if entry.default), "")
    return next((index for index, entry in enumerate(entries) if entry.url_path == path), None)


def _go(entry: PageEntry) -> None:
    # switch_page clears the query string unless given one: keep the filters, present and rotate.
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    st.switch_page(entry.page(), query_params=params)


def controls(page, registry: Sequence[PageEntry]) -> None:
    """Call after page.run(). Presenting: Previous/Next (←/→), exit, and rotation; else the sidebar's enter button."""
    if not active():
        if st.sidebar.button(t("present.enter"), help=t("present.enter.help"), icon=":material/slideshow:"):
            st.query_params[PRESENT_KEY] = "1"
            st.rerun()
        return
    entries = chapters(registry)
    index = _current(page, entries, registry)
    with st.container(key="present-controls", horizontal=True, vertical_alignment="center"):
        previous = st.button(
            t("present.previous"), key="present-previous", shortcut="Left", disabled=not index
        )  # index None (a page outside the chapters) or 0: nothing before it
        if index is not None:
            st.caption(t("present.position", index=index + 1, total=len(entries)))
        last = index is not None and index == len(entries) - 1
        following = st.button(t("present.next"), key="present-next", shortcut="Right", disabled=last or not entries)
        leave = st.button(t("present.exit"), key="present-exit", shortcut="Esc", type="tertiary")
        seconds = rotate_seconds()
        st.caption(t("present.rotating", seconds=seconds) if seconds else t("present.fullscreen_hint"))
    if leave:
        for key in (PRESENT_KEY, ROTATE_KEY):
            if key in st.query_params:
                del st.query_params[key]
        st.rerun()
    if previous and index:
        _go(entries[index - 1])
    if following and entries:
        _go(entries[0 if index is None else index + 1])
    if seconds and entries:
        _rotation(entries, index, seconds)


def _rotation(entries: list[PageEntry], index: int | None, seconds: int) -> None:
    """Advance to the next chapter (wrapping) once this one has been shown for `seconds`.

    A fragment that reruns every second only compares clocks: the chapter's page runs once per showing, so
    each showing reads fresh figures, and a slow rerun cannot make a chapter be skipped.
    """
    shown_path = entries[index].url_path if index is not None else ""
    shown = st.session_state.get(_CHAPTER_SHOWN)
    if not shown or shown[0] != shown_path:
        st.session_state[_CHAPTER_SHOWN] = (shown_path, time.monotonic())

    @st.fragment(run_every=1)
    def tick() -> None:
        _, since = st.session_state[_CHAPTER_SHOWN]
        if time.monotonic() - since >= seconds:
            st.session_state[_CHAPTER_SHOWN] = ("", time.monotonic())
            _go(entries[0 if index is None or index == len(entries) - 1 else index + 1])

    tick()
