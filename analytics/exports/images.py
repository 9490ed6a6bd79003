"""Chart images: plotly figures to PNG through one shared kaleido browser, and the CJK font they need."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import zipfile
from dataclasses import dataclass
from functools import cache

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from analytics.charts.layout import for_presentation
from analytics.exports import printable

WIDTH, HEIGHT, SCALE = 1400, 640, 2
FONT_SIZE = 26
# Preferred CJK families, best first; the first installed one is embedded in PDFs.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")
INSTALL_HINT = "apt-get install fonts-noto-cjk"

# kaleido's sync server answers through one shared queue: two threads calling at once can swap results.
_RENDER_LOCK = threading.Lock()


@dataclass(frozen=True)
class FontFile:
    family: str
    path: str
    index: int


@cache
def cjk_font() -> FontFile | None:
    """The installed CJK font (file and index inside a .ttc), or None when there is none to render Chinese."""
    if shutil.which("fc-list") is None:
        return None
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "family", "file", "index", "style"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    ).stdout
    found: dict[str, FontFile] = {}
    for line in listed.splitlines():
        # e.g. ".../NotoSansCJK-Regular.ttc: Noto Sans CJK SC,Noto Sans CJK SC Regular:style=Regular:index=2"
        path, _, rest = line.partition(": ")
        fields = rest.split(":")
        families = fields[0].split(",")
        attributes = dict(field.split("=", 1) for field in fields[1:] if "=" in field)
        if "Regular" not in attributes.get("style", "Regular").split(","):
            continue
        for family in families:
            found.setdefault(family, FontFile(family, path, int(attributes.get("index", 0))))
    for family in CJK_FAMILIES:
        if family in found:
            return found[family]
    return next(iter(found.values()), None)


def _ensure_server() -> None:
    # One browser for the whole process: each to_image without it starts chromium (≈3.8 s against ≈0.3 s).
    # Starting a running server is a no-op, so calling this before every render is cheap.
    # MathJax would be fetched from a CDN: off, both for plotly's own path and for the server's pages.
    pio.defaults.mathjax = False
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def for_export(figure: go.Figure, *, keep_title: bool = True) -> go.Figure:
    """A copy sized for a slide or a page: type large enough to read ≥ 14 pt where the image is placed (the deck
    and the PDF place it about 10.7 in wide: 1400 px → 0.55 pt a pixel, so 26 px ≈ 14.3 pt), dark on white;
    the title dropped when the slide carries it."""
    copy = for_presentation(figure, font_size=FONT_SIZE, title_size=FONT_SIZE + 6, keep_title=keep_title)
    copy.update_layout(width=WIDTH, height=HEIGHT)
    return _printable_text(copy)


# The trace properties whose text a chart image shows: category labels, bar and pie texts, legend entries.
TRACE_TEXT = ("x", "y", "labels", "text", "name")


def _printable_text(figure: go.Figure) -> go.Figure:
    """Unit names as the image prints them (printable.for_font): an invisible or glyph-less character marked."""
    font = cjk_font()
    if font is None:
        return figure
    mark = printable.for_font(font.path, font.index)

    def marked(value):
        if isinstance(value, str):
            return mark(value)
        if isinstance(value, (tuple, list)) or hasattr(value, "tolist"):
            items = value.tolist() if hasattr(value, "tolist") else list(value)
            if any(isinstance(item, str) for item in items):
                return [mark(item) if isinstance(item, str) else item for item in items]
        return value

    for trace in figure.data:
        for prop in TRACE_TEXT:
            if prop in trace and trace[prop] is not None:
                trace[prop] = marked(trace[prop])
    for annotation in figure.layout.annotations:
        annotation.text = marked(annotation.text)
    figure.for_each_xaxis(lambda axis: axis.update(ticktext=marked(axis.ticktext)) if axis.ticktext else None)
    figure.for_each_yaxis(lambda axis: axis.update(ticktext=marked(axis.ticktext)) if axis.ticktext else None)
    return figure


def png(figure: go.Figure, *, width: int = WIDTH, height: int = HEIGHT, scale: int = SCALE) -> bytes:
    """The figure as PNG bytes, width×height pixels times scale."""
    with _RENDER_LOCK:
        _ensure_server()
        # kaleido directly: plotly's to_image passes request headers the server ignores, with a warning each time.
        options = {"format": "png", "width": width, "height": height, "scale": scale}
        return kaleido.calc_fig_sync(figure.to_dict(), opts=options)


def charts_zip(pages, file_stem: str, pictures: list[bytes] | None = None) -> bytes:
    """Every chart of a report as <stem>-<n>-<chart>.png in one zip (pictures: the PNGs, titled, when made already)."""
    buffer = io.BytesIO()
    pictures = pictures if pictures is not None else [png(for_export(page.figure)) for page in pages]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number, (page, picture) in enumerate(zip(pages, pictures, strict=True), start=1):
            archive.writestr(f"{file_stem}-{number}-{page.key}.png", picture)
    return buffer.getvalue()
