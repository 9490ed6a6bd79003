"""Data shown through Streamlit's markdown (titles, captions, messages, labels) is escaped to stay plain text."""

from __future__ import annotations

import re

# What markdown (and Streamlit's extensions: $ for LaTeX, :colour[...] directives) would act on mid-line; a
# leading # or - never occurs, since data always follows some words of a message.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$:{}])")


def escape(text: object) -> str:
    """The text with every markdown-active character backslash-escaped, so a unit named `*A*` shows as `*A*`."""
    return _SPECIAL.sub(r"\\\1", str(text))
