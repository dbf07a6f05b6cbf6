"""Keep shaped text extractable: glyphs that have no character of their own (the Arabic
lam-alef ligature, Devanagari conjuncts) map back to the characters they show.

reportlab gives such glyphs private-use codes, and its ToUnicode map sends them to those
private-use codes, so copying or searching the PDF loses the letters. Shaping records the
text of each such glyph here, and the ToUnicode map reportlab writes is completed with it.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

# (font face name, private-use code) -> the characters that glyph shows
_TEXT: dict[tuple[str, int], str] = {}
_original = ttfonts.makeToUnicodeCMap


def remember(face_name: bytes, code: int, text: str) -> None:
    if text:
        _TEXT.setdefault((face_name.decode("latin-1"), code), text)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    cmap = _original(fontname, subset)
    face = fontname.split("+", 1)[-1]
    for index, code in enumerate(subset):
        text = _TEXT.get((face, code))
        if text:
            cmap = cmap.replace(
                f"<{index:02X}> <{code:04X}>\n", f"<{index:02X}> <{_utf16_hex(text)}>\n", 1
            )
    return cmap


def install() -> None:
    """Complete the ToUnicode maps of every PDF written from now on (idempotent)."""
    ttfonts.makeToUnicodeCMap = _make_to_unicode_cmap
