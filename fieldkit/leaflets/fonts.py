"""The fonts shipped under ``resources/fonts/``, registered with reportlab, and per-character
font choice: every character is drawn with the first shipped font that has a glyph for it.

A character no shipped font covers is an error that names it; it is never printed as a box.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldkit.errors import FieldKitError
from fieldkit.i18n import _

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"

# script -> (regular file, bold file); the order is the fallback order.
FAMILIES: dict[str, tuple[str, str]] = {
    "latin": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "arabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    "devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
}
# Characters that need no glyph (they steer layout or are invisible).
_INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069"}


class MissingGlyph(FieldKitError):
    """Text holds a character that no shipped font can draw."""


class FontError(FieldKitError):
    """A shipped font file is missing or unreadable."""


def font_name(script: str, bold: bool = False) -> str:
    return f"FieldKit-{script}{'-Bold' if bold else ''}"


@cache
def register_fonts() -> tuple[str, ...]:
    """Register every shipped font with reportlab once; returns the registered names."""
    names = []
    for script, files in FAMILIES.items():
        for bold, file in zip((False, True), files, strict=True):
            path = FONT_DIR / file
            try:
                pdfmetrics.registerFont(TTFont(font_name(script, bold), str(path)))
            except Exception as exc:  # reportlab raises TTFError or OSError
                raise FontError(
                    _("The font %(file)s cannot be loaded from %(folder)s. Reinstall FieldKit.")
                    % {"file": file, "folder": FONT_DIR}
                ) from exc
            names.append(font_name(script, bold))
    return tuple(names)


@cache
def _coverage(name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def covers(name: str, char: str) -> bool:
    return ord(char) in _coverage(name) or char in _INVISIBLE


@cache
def font_for(char: str, preferred: str | None, bold: bool = False) -> str:
    """The font to draw ``char`` with: ``preferred`` when it has the glyph, else the first
    shipped font that does. Raises :class:`MissingGlyph` when none has it."""
    if preferred and covers(preferred, char):
        return preferred
    register_fonts()
    for script in FAMILIES:
        name = font_name(script, bold)
        if covers(name, char):
            return name
    raise MissingGlyph(
        _(
            "The character “%(char)s” (U+%(code)04X %(name)s) cannot be printed: no shipped "
            "font has it. Remove it or replace it with a similar character."
        )
        % {"char": char, "code": ord(char), "name": unicodedata.name(char, "?")}
    )


def script_font(language: str, bold: bool = False) -> str:
    """The main font for text in ``language``."""
    register_fonts()
    base = language.split("_")[0].split("-")[0]
    script = {
        "ar": "arabic",
        "fa": "arabic",
        "ur": "arabic",
        "hi": "devanagari",
        "mr": "devanagari",
        "ne": "devanagari",
    }.get(base, "latin")
    return font_name(script, bold)
