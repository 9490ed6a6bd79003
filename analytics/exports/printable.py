"""Text as an export prints it: a character that would print as nothing or as another (zero-width, bidi control,
other invisible code points, or one the embedded font has no glyph for) becomes a visible mark 〈U+200B〉, so two
distinct names never print alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

# 〈 〉 (U+3008/U+3009), not the mathematical ⟨ ⟩: the CJK font the PDF embeds has these, and every character of a
# mark must itself print.
OPEN, CLOSE = "\u3008", "\u3009"
MARK = re.compile(rf"{OPEN}U\+[0-9A-F]{{4,6}}{CLOSE}")
# Kept as they are: line breaks and tabs lay text out (the workbook quotes a leading tab or CR).
LAYOUT = frozenset("\t\n\r ")
# Invisible by category: format (zero-width, bidi, BOM, soft hyphen), control, surrogate, private use, unassigned,
# line and paragraph separators.
INVISIBLE_CATEGORIES = frozenset(("Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
# Unicode's other default-ignorable code points (DerivedCoreProperties), which are letters or marks by category
# but print as nothing: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and other
# variation selectors.
IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)


def invisible(char: str) -> bool:
    """True for a character that prints as nothing (or reorders what follows) whatever the font."""
    if char in LAYOUT:
        return False
    code = ord(char)
    return unicodedata.category(char) in INVISIBLE_CATEGORIES or any(
        low <= code <= high for low, high in IGNORABLE_RANGES
    )


def mark(char: str) -> str:
    return f"{OPEN}U+{ord(char):04X}{CLOSE}"


def printable(text: str, has_glyph: Callable[[str], bool] | None = None) -> str:
    """The text with every invisible character, and (given has_glyph) every one the font cannot draw, marked.
    A 〈 that would read as the start of a mark is itself marked, so a name typed with 〈U+200B〉 in it never prints
    like one holding the real U+200B."""
    if not isinstance(text, str):
        return text
    out = []
    for index, char in enumerate(text):
        if (
            invisible(char)
            or (has_glyph is not None and char not in LAYOUT and not has_glyph(char))
            or (char == OPEN and MARK.match(text, index))
        ):
            out.append(mark(char))
        else:
            out.append(char)
    return "".join(out)


@cache
def font_glyphs(path: str, index: int = 0) -> frozenset[int]:
    """The code points a font file (a face of a .ttc by index) has glyphs for."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def for_font(path: str, index: int = 0) -> Callable[[str], str]:
    """printable() against one font's glyphs: what the PDF and the chart images apply to every string they draw."""
    glyphs = font_glyphs(path, index)
    return lambda text: printable(text, lambda char: ord(char) in glyphs)
