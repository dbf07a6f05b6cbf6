"""Shaping (HarfBuzz through reportlab's TrueType fonts) and the Unicode bidi algorithm.

Right-to-left text is laid out in three steps: resolve the bidi embedding level of each
character for the whole paragraph, break the paragraph into lines in logical order, then
reorder each line's runs (rule L2 of UAX #9). Each run is shaped in its own direction, so
HarfBuzz joins Arabic letters and returns their glyphs in visual order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import uharfbuzz
from bidi import algorithm as _bidi
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from fieldkit.leaflets import tounicode

tounicode.install()

_STRONG_RTL = {"R", "AL", "RLE", "RLO", "RLI"}
_FEATURES = {"kern": True, "liga": True}


def needs_bidi(text: str, rtl: bool) -> bool:
    return rtl or any(unicodedata.bidirectional(c) in _STRONG_RTL for c in text)


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of one paragraph (rules P–I of UAX #9).

    Characters the algorithm removes (rule X9: embedding controls, joiners) take the level of
    the character before them, so the result always has one level per character.
    """
    base = 1 if rtl else 0
    if not needs_bidi(text, rtl):
        return [0] * len(text)
    storage = _bidi.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    _bidi.get_embedding_levels(text, storage, False, False)
    _bidi.explicit_embed_and_overrides(storage, False)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    kept = iter(storage["chars"])
    levels: list[int] = []
    previous = base
    for ch in text:
        if unicodedata.bidirectional(ch) in _bidi.X9_REMOVED:
            levels.append(previous)
            continue
        previous = next(kept)["level"]
        levels.append(previous)
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """Indexes of runs with these levels in display order (rule L2 of UAX #9)."""
    order = list(range(len(levels)))
    if not levels or max(levels) == 0:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


@lru_cache(maxsize=50_000)
def shape(text: str, font_name: str, rtl: bool) -> tuple[str, float]:
    """``text`` shaped with ``font_name`` in one direction: the string to draw (a reportlab
    ShapedStr, glyphs in visual order) and its advance in thousandths of the font size.

    Runs of plain Latin/Cyrillic need no shaping; they are returned as they are.
    """
    font = pdfmetrics.getFont(font_name)
    if not rtl and _simple(text) and font_name.startswith("FieldKit-latin"):
        return text, pdfmetrics.stringWidth(text, font_name, 1000)
    hb_font = font.hbFont(1000)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buf, _FEATURES)
    face = font.face
    chars = []
    data = []
    total = 0.0
    infos = buf.glyph_infos
    codes = []
    for info, pos in zip(infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        try:
            codes.append(face.glyphToChar[gid][0])
        except (KeyError, IndexError):
            codes.append(font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, pos.x_advance))
    _remember_private(face.name, text, infos, codes)
    for info, pos, code in zip(infos, buf.glyph_positions, codes, strict=True):
        advance = font.pdfScale(pos.x_advance)
        total += advance
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                advance,
                font.pdfScale(pos.y_advance),
                font.pdfScale(pos.x_offset),
                font.pdfScale(pos.y_offset),
                face.charWidths[code],
            )
        )
    return ShapedStr("".join(chars), shapeData=data), total


def _simple(text: str) -> bool:
    return all(ord(c) < 0x300 or 0x400 <= ord(c) < 0x530 for c in text) and not any(
        unicodedata.combining(c) for c in text
    )


def _private(code: int) -> bool:
    return 0xE000 <= code < 0xF900


def _remember_private(face_name: bytes, text: str, infos, codes: list[int]) -> None:
    """Note which characters each private-use glyph shows: its cluster's characters less
    those that the cluster's other glyphs show themselves."""
    if not any(_private(c) for c in codes):
        return
    clusters = sorted({info.cluster for info in infos}) + [len(text)]
    members: dict[int, list[int]] = {}
    for info, code in zip(infos, codes, strict=True):
        members.setdefault(info.cluster, []).append(code)
    for cluster, group in members.items():
        private = [c for c in group if _private(c)]
        if len(private) != 1:
            continue
        chars = list(text[cluster : clusters[clusters.index(cluster) + 1]])
        for code in group:
            if not _private(code) and chr(code) in chars:
                chars.remove(chr(code))
        tounicode.remember(face_name, private[0], "".join(chars))
