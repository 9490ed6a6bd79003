"""Streamlit's and plotly's own control text in the user's language: Streamlit 1.67 offers no setting for the texts
its frontend draws (the dropdown's "No results", the uploader's "Upload", the plot's "Fullscreen"), so one style
block per run draws ours in their place; plotly takes our words through its locale config."""

from __future__ import annotations

import streamlit as st

from analytics.i18n import t as translate
from ui.i18n import lang

# Plotly's own words (its localisation keys) for the buttons and notes a reader can meet; the buttons for zooming,
# panning and selecting are removed: a click on a bar drills down, and a drag that zooms is undone by 重置坐标轴.
_PLOTLY_WORDS = {
    "Download plot as a PNG": "chrome.plotly.download_png",
    "Download plot": "chrome.plotly.download",
    "Reset axes": "chrome.plotly.reset_axes",
    "Autoscale": "chrome.plotly.autoscale",
    "Preparing image - this may take a few seconds": "chrome.plotly.preparing",
    "Image download succeeded": "chrome.plotly.downloaded",
    "Sorry, there was a problem downloading your image!": "chrome.plotly.download_failed",
    "Double-click to zoom back out": "chrome.plotly.double_click_zoom",
    "Double-click on legend to isolate one trace": "chrome.plotly.double_click_legend",
}
_REMOVED_BUTTONS = ("zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d")
_PLOTLY_LOCALE = {"zh": "zh-CN", "en": "en-US"}


def plotly_config(language: str | None = None) -> dict:
    """st.plotly_chart's config: plotly's tooltips and notes in the language, only the buttons a reader needs."""
    language = language or lang()
    locale = _PLOTLY_LOCALE[language]
    words = {english: translate(key, language) for english, key in _PLOTLY_WORDS.items()}
    return {
        "locale": locale,
        "locales": {locale: {"dictionary": words}},
        "modeBarButtonsToRemove": list(_REMOVED_BUTTONS),
    }


def _css_text(text: str) -> str:
    """Text as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _replace(selector: str, key: str, size: str = "0.875rem", **params) -> str:
    """The element's own text hidden (font-size 0 keeps its box) and ours drawn in its place at its size."""
    text = _css_text(translate(key, lang(), **params))
    return f"{selector}{{font-size:0}}{selector}::after{{content:{text};font-size:{size}}}"


def _tooltip(title: str, key: str) -> str:
    """A modebar button's tooltip (plotly draws its data-title after the button) in our words."""
    text = _css_text(translate(key, lang()))
    return f'.js-plotly-plot .plotly .modebar-btn[data-title="{title}"]::after{{content:{text}}}'


# The buttons Streamlit draws over a table: their tooltips float apart from them, so each is found through the
# hovered (or keyboard-focused) button it belongs to.
_TOOLBAR = {
    "Show/hide columns": "chrome.table.columns",
    "Download as CSV": "chrome.table.download",
    "Search": "chrome.table.search",
    "Fullscreen": "chrome.fullscreen",
    "Close fullscreen": "chrome.close_fullscreen",
}
_TOOLTIP = '[data-testid="stTooltipContent"] p'
_ERROR_TOOLTIP = '[data-testid="stTooltipErrorContent"]'


def _toolbar_tooltip(label: str, key: str) -> str:
    button = f'[data-testid="stElementToolbarButton"] button[aria-label="{label}"]'
    return "".join(_replace(f"body:has({button}:{state}) {_TOOLTIP}", key) for state in ("hover", "focus-visible"))


def _calendar_speaks_the_language() -> bool:
    """The date picker's calendar names months and weekdays in the browser's language, not the app's."""
    browser = (st.context.locale or "").lower()
    return browser.split("-")[0] == lang()


def style() -> None:
    """One style block per run, drawn by app.py: every multiselect and selectbox, every plot, every date input."""
    rules = [
        # A dropdown with nothing matching the typed text (Streamlit writes "No results").
        _replace('[role="listbox"][data-empty="true"] [role="option"] > span', "chrome.no_results"),
        # The button Streamlit adds to every plot's modebar: plotly's locale does not reach its tooltip.
        _tooltip("Fullscreen", "chrome.fullscreen"),
        _tooltip("Close fullscreen", "chrome.close_fullscreen"),
        # Under a text or number input while it is being edited (Streamlit writes "Press Enter to apply").
        _replace('[data-testid="InputInstructions"] > span:first-child', "chrome.press_enter", "12px"),
        *(_toolbar_tooltip(label, key) for label, key in _TOOLBAR.items()),
        # An empty date input's parts (Streamlit's field always writes yyyy/mm/dd, whatever the language).
        *(
            _replace(f'[data-testid="stDateInputField"] [data-type="{part}"][data-placeholder]', f"chrome.date.{part}")
            for part in ("year", "month", "day")
        ),
    ]
    if not _calendar_speaks_the_language():
        # Typing or arrowing the date still works; the pop-up calendar would speak the browser's language.
        rules.append('[data-testid="stDateInputCalendarButton"]{display:none}')
    st.html("<style>" + "".join(rules) + "</style>")


def uploader_style(key: str, limit_mb: int, types: tuple[str, ...]) -> None:
    """The file uploader keyed `key`, in the user's language: its button, its limit line and its drop hint."""
    scope = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    kinds = translate("list.separator", lang()).join(kind.upper() for kind in types)
    rules = [
        _replace(f'{scope} button [data-testid="stMarkdownContainer"] p', "chrome.upload.button"),
        _replace(
            f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] span',
            "chrome.upload.limit",
            limit=limit_mb,
            types=kinds,
        ),
        _replace(f"{scope} > div:not(:has([data-testid])) > span", "chrome.upload.drop"),
        # A file the browser refused (wrong type, too large): its chip's tooltip gives Streamlit's English reason.
        _replace(
            f'body:has({scope} [data-testid="stFileChip"][aria-invalid="true"]:hover) {_ERROR_TOOLTIP}',
            "chrome.upload.refused",
            limit=limit_mb,
            types=kinds,
        ),
    ]
    st.html("<style>" + "".join(rules) + "</style>")


def full_names(key: str, label: str) -> None:
    """The multiselect keyed `key` shows each chosen option whole: a long name wraps inside its chip instead of
    ending in "…" (two units sharing a long prefix looked the same), and the dropdown keeps the options' leading
    spaces (their indent) while a chip drops them."""
    chip = f".st-key-{key} [data-tag]"
    options = f'[role="listbox"][aria-label={_css_text(label)}] [role="option"] > div'
    st.html(
        f"<style>{chip}{{height:auto;max-width:100%}}"
        f"{chip} > span[title]{{white-space:normal;overflow:visible;text-overflow:clip}}"
        f"{options}{{white-space:pre}}</style>"
    )
