"""A platypus flowable for text in any shipped script, left-to-right or right-to-left.

Characters get a font each (the language's font first, then any shipped font that has the
glyph), the paragraph's bidi levels are resolved once, lines are broken in logical order,
and each line's runs are then put in visual order and drawn shaped. Alignment, indents and
bullets follow the leaflet's direction: "start" is the right edge in Arabic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.lib import colors
from reportlab.platypus import Flowable

from fieldkit.leaflets import fonts
from fieldkit.leaflets.shaping import bidi_levels, shape, visual_order


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


@dataclass
class Run:
    text: str  # shaped, ready to draw
    font: str
    width: float


@dataclass
class Line:
    runs: list[Run]  # in visual order
    width: float


def _is_space(ch: str) -> bool:
    return ch in " \t\u00a0" and ch != "\u00a0"


class Text(Flowable):
    """One paragraph (newlines start new lines) in the leaflet's language and direction."""

    def __init__(self, text: str, style: TextStyle, *, language: str = "en", rtl: bool = False):
        super().__init__()
        self.text = unicodedata.normalize("NFC", str(text or "")).replace("\r", "")
        self.style = style
        self.language = language
        self.rtl = rtl
        self.lines: list[Line] = []
        self.width = 0.0
        self.height = 0.0
        self.overflow = False  # a word wider than the frame had to be split
        main = fonts.script_font(language, style.bold)
        self._font_of = _assign_fonts(self.text, main, style.bold)

    @property
    def leading(self) -> float:
        if self.style.leading:
            return self.style.leading
        scripty = any(
            f.startswith(("FieldKit-arabic", "FieldKit-devanagari")) for f in self._font_of
        )
        return self.style.size * (1.55 if scripty else 1.3)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        text_width = avail_width - (self.style.bullet_indent if self.style.bullet else 0)
        self.lines = []
        start = 0
        for block in self.text.split("\n"):
            self.lines += self._break(start, start + len(block), text_width)
            start += len(block) + 1
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus API
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus API
        return self.style.space_after

    def min_width(self) -> float:
        """The width of the widest word: narrower frames split words."""
        size = self.style.size
        return max(
            (self._measure(s, e) for s, e in _words(self.text, 0, len(self.text))),
            default=0.0,
        ) * 1.0 + (self.style.bullet_indent if self.style.bullet else 0) * (size > 0)

    # --- line breaking ----------------------------------------------------------

    def _measure(self, start: int, end: int) -> float:
        total = 0.0
        for s, e, font in _font_runs(self._font_of, start, end):
            total += shape(self.text[s:e], font, self.rtl)[1]
        return total * self.style.size / 1000

    def _break(self, start: int, end: int, width: float) -> list[Line]:
        if start == end:
            return [Line([], 0.0)]
        levels = bidi_levels(self.text[start:end], self.rtl)
        space = self._measure_char(" ")
        lines: list[Line] = []
        line_start = None
        line_end = start
        used = 0.0
        for s, e in _words(self.text, start, end):
            w = self._measure(s, e)
            if line_start is not None and used + space + w <= width + 0.01:
                used += space + w
                line_end = e
                continue
            if line_start is not None:
                lines.append(self._line(line_start, line_end, levels, start))
            while w > width + 0.01 and e - s > 1:  # a word wider than the frame: split it
                self.overflow = True
                cut = self._fit(s, e, width)
                lines.append(self._line(s, cut, levels, start))
                s = cut
                w = self._measure(s, e)
            line_start, line_end, used = s, e, w
        if line_start is not None:
            lines.append(self._line(line_start, line_end, levels, start))
        return lines or [Line([], 0.0)]

    def _measure_char(self, ch: str) -> float:
        font = fonts.script_font(self.language, self.style.bold)
        return shape(ch, font, self.rtl)[1] * self.style.size / 1000

    def _fit(self, start: int, end: int, width: float) -> int:
        cut = start + 1
        for i in range(start + 1, end):
            if unicodedata.category(self.text[i]).startswith("M") or self.text[i - 1] == "\u094d":
                continue
            if self._measure(start, i) > width:
                break
            cut = i
        return cut

    def _line(self, start: int, end: int, levels: list[int], offset: int) -> Line:
        """Runs of one line, reordered for display (bidi applied per line)."""
        while end > start and _is_space(self.text[end - 1]):
            end -= 1
        pieces: list[tuple[int, int, str, int]] = []
        for s, e, font in _font_runs(self._font_of, start, end):
            i = s
            while i < e:
                level = levels[i - offset]
                j = i + 1
                while j < e and levels[j - offset] == level:
                    j += 1
                pieces.append((i, j, font, level))
                i = j
        runs = []
        for index in visual_order([p[3] for p in pieces]):
            s, e, font, level = pieces[index]
            shaped, advance = shape(self.text[s:e], font, bool(level % 2))
            runs.append(Run(shaped, font, advance * self.style.size / 1000))
        return Line(runs, sum(r.width for r in runs))

    # --- drawing ----------------------------------------------------------------------

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


@lru_cache(maxsize=4096)
def _assign_fonts(text: str, main: str, bold: bool) -> tuple[str, ...]:
    """A font per character; neutral characters and marks stay with the run they are in."""
    out: list[str] = []
    current = main
    for ch in text:
        if ch in "\n":
            out.append(main)
            current = main
            continue
        neutral = unicodedata.bidirectional(ch) in ("WS", "ON", "CS", "ES", "ET", "EN", "NSM", "BN")
        preferred = current if neutral else main
        font = fonts.font_for(ch, preferred, bold)
        out.append(font)
        current = font
    return tuple(out)


def _font_runs(font_of: tuple[str, ...], start: int, end: int):
    i = start
    while i < end:
        j = i + 1
        while j < end and font_of[j] == font_of[i]:
            j += 1
        yield i, j, font_of[i]
        i = j


def _words(text: str, start: int, end: int):
    """(start, end) of each space-separated word between ``start`` and ``end``."""
    i = start
    while i < end:
        while i < end and _is_space(text[i]):
            i += 1
        j = i
        while j < end and not _is_space(text[j]):
            j += 1
        if j > i:
            yield i, j
        i = j
