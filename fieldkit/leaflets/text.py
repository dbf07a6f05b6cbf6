"""A platypus flowable for text in any shipped script, left-to-right or right-to-left.

Characters get a font each (the language's font first, then any shipped font that has the
glyph), the paragraph's bidi levels are resolved once, lines are broken in logical order,
and each line's runs are then put in visual order and drawn shaped (see ``linebreak``).
Alignment, indents and bullets follow the leaflet's direction: "start" is the right edge
in Arabic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.platypus import Flowable

from fieldkit.leaflets import fonts
from fieldkit.leaflets.linebreak import Line, assign_fonts, layout
from fieldkit.leaflets.shaping import shape

_TALL_SCRIPTS = ("FieldKit-arabic", "FieldKit-devanagari")
# line and paragraph separators start a new line; other whitespace is a space
_WHITESPACE = str.maketrans(
    {"\r": None, "\u2028": "\n", "\u2029": "\n", "\t": " ", "\v": " ", "\f": "\n"}
)


def _clean(text) -> str:
    """Composed characters (NFC), one kind of space and of line break."""
    return unicodedata.normalize("NFC", str(text or "")).translate(_WHITESPACE)


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks. ``align`` is start, center or end (relative to the direction)."""

    size: float = 10.0
    leading: float = 0.0  # 0: a multiple of the size that suits the script
    bold: bool = False
    color: colors.Color = colors.black
    align: str = "start"
    space_before: float = 0.0
    space_after: float = 0.0
    bullet: str = ""
    bullet_indent: float = 12.0

    def but(self, **changes) -> TextStyle:
        return replace(self, **changes)


class Text(Flowable):
    """One paragraph (newlines start new lines) in the leaflet's language and direction.

    Raises :class:`fieldkit.leaflets.fonts.MissingGlyph` for a character no shipped font has.
    """

    def __init__(self, text: str, style: TextStyle, *, language: str = "en", rtl: bool = False):
        super().__init__()
        self.text = _clean(text)
        self.style = style
        self.language = language
        self.rtl = rtl
        self.lines: tuple[Line, ...] = ()
        self.width = 0.0
        self.height = 0.0
        self.overflow = False  # a word wider than the frame had to be split
        self._main = fonts.script_font(language, style.bold)
        used = set(assign_fonts(self.text, self._main, style.bold))
        tall = any(f.startswith(_TALL_SCRIPTS) for f in used)
        self.leading = style.leading or style.size * (1.55 if tall else 1.3)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        text_width = avail_width - (self.style.bullet_indent if self.style.bullet else 0)
        self.lines, self.overflow = layout(
            self.text, self._main, self.style.bold, self.style.size, self.rtl, round(text_width, 2)
        )
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus API
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus API
        return self.style.space_after

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        indent = style.bullet_indent if style.bullet else 0.0
        y = self.height - style.size
        canv.setFillColor(style.color)
        if style.bullet and self.lines:
            self._draw_bullet(y)
        obj = canv.beginText()
        for line in self.lines:
            obj.setTextOrigin(self._line_x(line.width, indent), y)
            for run in line.runs:
                # setFont before every run, even in the same font: reportlab fails on a run
                # whose first glyph is raised (an Arabic mark) unless the font was just set
                obj.setFont(run.font, style.size)
                obj.textOut(run.text)
            y -= self.leading
        canv.drawText(obj)

    def _line_x(self, line_width: float, indent: float) -> float:
        inner = self.width - indent
        align = {"start": "right" if self.rtl else "left", "end": "left" if self.rtl else "right"}
        side = align.get(self.style.align, "center")
        left = 0.0 if self.rtl else indent
        if side == "left":
            return left
        if side == "right":
            return left + inner - line_width
        return left + (inner - line_width) / 2

    def _draw_bullet(self, y: float) -> None:
        font = fonts.font_for(self.style.bullet, fonts.font_name("latin", self.style.bold))
        size = self.style.size
        shaped, advance = shape(self.style.bullet, font, False)
        x = self.width - advance * size / 1000 if self.rtl else 0.0
        obj = self.canv.beginText(x, y)
        obj.setFont(font, size)
        obj.textOut(shaped)
        self.canv.drawText(obj)
