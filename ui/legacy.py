"""Recovery from Streamlit's legacy multipage mode, which a server's first run uses because pages/ exists."""

from __future__ import annotations

import runpy
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def run_app() -> None:
    """Run app.py in place of a page file that legacy mode ran directly (a fresh server opened at /<page>).

    Without this the page stays blank, for that visitor and every later one: app.py never calls st.navigation,
    so the server never leaves legacy mode. Legacy mode names a file page by its stem, and st.Page names a
    function page by its url path; they hash alike, so app.py's st.navigation resolves the same request to the
    real page and leaves legacy mode for good.
    """
    runpy.run_path(str(APP), run_name="__main__")
