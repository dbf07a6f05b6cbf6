"""Line breaking for one paragraph, then bidi reordering of each line's runs.

A layout depends only on the text, its fonts, the size, the direction and the width, so
it is cached: the paragraphs that 100 mail-merged letters share are broken once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from fieldkit.leaflets import fonts
from fieldkit.leaflets.shaping import bidi_levels, shape, visual_order

_NEUTRAL = ("WS", "ON", "CS", "ES", "ET", "EN", "NSM", "BN")


@dataclass(frozen=True)
class Run:
    text: str  # shaped, ready to draw
    font: str
    width: float


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]  # in visual order
    width: float


EMPTY = Line((), 0.0)


def is_space(ch: str) -> bool:
    return ch in " \t"


@lru_cache(maxsize=4096)
def assign_fonts(text: str, main: str, bold: bool) -> tuple[str, ...]:
    """A font per character; neutral characters and marks stay with the run they are in."""
    out: list[str] = []
    current = main
    for ch in text:
        if ch == "\n":
            out.append(main)
            current = main
            continue
        preferred = current if unicodedata.bidirectional(ch) in _NEUTRAL else main
        current = fonts.font_for(ch, preferred, bold)
        out.append(current)
    return tuple(out)


@lru_cache(maxsize=4096)
def layout(
    text: str, main: str, bold: bool, size: float, rtl: bool, width: float
) -> tuple[tuple[Line, ...], bool]:
    """The lines of ``text`` (newlines start new lines) in ``width`` points, and whether a
    word wider than the width had to be split."""
    breaker = _Breaker(text, assign_fonts(text, main, bold), main, size, rtl)
    lines: list[Line] = []
    start = 0
    for block in text.split("\n"):
        lines += breaker.break_lines(start, start + len(block), width)
        start += len(block) + 1
    return tuple(lines), breaker.overflow


class _Breaker:
    def __init__(self, text: str, font_of: tuple[str, ...], main: str, size: float, rtl: bool):
        self.text = text
        self.font_of = font_of
        self.size = size
        self.rtl = rtl
        self.space = shape(" ", main, rtl)[1] * size / 1000
        self.overflow = False

    def measure(self, start: int, end: int) -> float:
        total = 0.0
        for s, e, font in _font_runs(self.font_of, start, end):
            total += shape(self.text[s:e], font, self.rtl)[1]
        return total * self.size / 1000

    def break_lines(self, start: int, end: int, width: float) -> list[Line]:
        """Greedy breaking in logical order; each line is then put in display order."""
        if start == end:
            return [EMPTY]
        levels = bidi_levels(self.text[start:end], self.rtl)
        lines: list[Line] = []
        line_start = None
        line_end = start
        used = 0.0
        for s, e in _words(self.text, start, end):
            w = self.measure(s, e)
            if line_start is not None and used + self.space + w <= width + 0.01:
                used += self.space + w
                line_end = e
                continue
            if line_start is not None:
                lines.append(self.line(line_start, line_end, levels, start))
            while w > width + 0.01 and e - s > 1:  # a word wider than the frame: split it
                self.overflow = True
                cut = self.fit(s, e, width)
                lines.append(self.line(s, cut, levels, start))
                s = cut
                w = self.measure(s, e)
            line_start, line_end, used = s, e, w
        if line_start is not None:
            lines.append(self.line(line_start, line_end, levels, start))
        return lines or [EMPTY]

    def fit(self, start: int, end: int, width: float) -> int:
        """Where to cut a word too wide for the line (never inside a cluster)."""
        cut = start + 1
        for i in range(start + 1, end):
            if unicodedata.category(self.text[i]).startswith("M") or self.text[i - 1] == "\u094d":
                continue
            if self.measure(start, i) > width:
                break
            cut = i
        return cut

    def line(self, start: int, end: int, levels: list[int], offset: int) -> Line:
        """Runs of one line, reordered for display (bidi applied per line, rule L2)."""
        while end > start and is_space(self.text[end - 1]):
            end -= 1
        pieces: list[tuple[int, int, str, int]] = []
        for s, e, font in _font_runs(self.font_of, start, end):
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
            runs.append(Run(shaped, font, advance * self.size / 1000))
        return Line(tuple(runs), sum(r.width for r in runs))


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
        while i < end and is_space(text[i]):
            i += 1
        j = i
        while j < end and not is_space(text[j]):
            j += 1
        if j > i:
            yield i, j
        i = j
