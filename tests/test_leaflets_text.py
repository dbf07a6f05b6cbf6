"""Text in every script: bidi order per line, shaping, font choice, missing glyphs."""

from __future__ import annotations

import subprocess
import unicodedata
from html import unescape

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from fieldkit.errors import FieldKitError
from fieldkit.leaflets import fonts
from fieldkit.leaflets.fonts import MissingGlyph
from fieldkit.leaflets.shaping import bidi_levels, visual_order
from fieldkit.leaflets.text import Text, TextStyle


def words_with_boxes(pdf_path) -> list[tuple[str, float, float]]:
    """(word, xMin, yMin) for every word poppler finds, Arabic letters normalised and in
    logical order."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith("<word"):
            continue
        attrs = dict(part.split("=") for part in line[6 : line.index(">")].split())
        word = unescape(line[line.index(">") + 1 : line.rindex("</word>")])
        word = unicodedata.normalize("NFKC", word)
        word = "".join(c for c in word if not unicodedata.combining(c) and c.isprintable())
        if any(unicodedata.bidirectional(c) == "AL" for c in word):
            word = word[::-1]  # poppler gives the glyphs of a right-to-left word in visual order
        words.append((word, float(attrs["xMin"].strip('"')), float(attrs["yMin"].strip('"'))))
    return words


def render_text(tmp_path, text: str, language: str, width: float, **style) -> list:
    path = tmp_path / "text.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width + 20 * mm, 120 * mm),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        initialFontName=fonts.font_name("latin"),
    )
    doc.build([Text(text, TextStyle(size=12, **style), language=language, rtl=language == "ar")])
    return words_with_boxes(path)


def x_of(words, word: str) -> float:
    return next(x for w, x, _y in words if w == word)


def test_visual_order_follows_rule_l2():
    assert visual_order([0, 0, 0]) == [0, 1, 2]
    assert visual_order([1, 1, 1]) == [2, 1, 0]
    # an Arabic sentence with a number (level 2) and Latin (level 2) inside
    assert visual_order([1, 2, 1, 2, 1]) == [4, 3, 2, 1, 0]
    assert visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]


def test_bidi_levels_numbers_and_latin_inside_arabic():
    levels = bidi_levels("قال 123 ok", True)
    assert levels[:3] == [1, 1, 1] and levels[4:7] == [2, 2, 2] and levels[8:] == [2, 2]
    assert bidi_levels("plain English", False) == [0] * 13


def test_arabic_words_numbers_and_latin_placed_right_to_left(tmp_path):
    text = "اتصل بالرقم 1098 أو زر موقع www.example.org للمزيد"
    words = render_text(tmp_path, text, "ar", 160 * mm)
    order = ["اتصل", "بالرقم", "1098", "أو", "زر", "موقع", "www.example.org", "للمزيد"]
    xs = [x_of(words, w) for w in order]
    assert xs == sorted(xs, reverse=True), "words are not laid out right to left"


def test_latin_phrase_inside_arabic_keeps_its_own_order(tmp_path):
    words = render_text(tmp_path, "قال hello world اليوم", "ar", 160 * mm)
    assert x_of(words, "قال") > x_of(words, "world") > x_of(words, "hello") > x_of(words, "اليوم")


def test_wrapped_arabic_lines_stay_in_reading_order(tmp_path):
    """Bidi is applied per line after breaking: line one holds the first words, and each
    line reads right to left."""
    text = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة"
    words = render_text(tmp_path, text, "ar", 40 * mm)
    lines: dict[float, list[tuple[str, float]]] = {}
    for word, x, y in words:
        lines.setdefault(round(y), []).append((word, x))
    assert len(lines) >= 3
    read = []
    for y in sorted(lines):  # top line first
        read += [w for w, _x in sorted(lines[y], key=lambda item: -item[1])]
    assert read == text.split()


def test_right_to_left_alignment_and_bullet_on_the_right(tmp_path):
    words = render_text(tmp_path, "نص قصير", "ar", 160 * mm, bullet="•")
    page_width = 180 * mm
    bullet = x_of(words, "•")
    assert bullet > page_width / 2 and x_of(words, "نص") < bullet
    ltr = render_text(tmp_path, "short text", "en", 160 * mm, bullet="•")
    assert x_of(ltr, "•") < x_of(ltr, "short") < page_width / 2


def test_cyrillic_and_latin_diacritics_extract_as_written(tmp_path):
    words = render_text(tmp_path, "Торговля людьми — ça coûte, ação, día", "ru", 160 * mm)
    assert [w for w, _x, _y in words] == ["Торговля", "людьми", "—", "ça", "coûte,", "ação,", "día"]


def test_decomposed_diacritics_are_composed_before_printing(tmp_path):
    words = render_text(tmp_path, "cafe\u0301", "fr", 100 * mm)
    assert words[0][0] == "café"


def test_tabs_and_line_separators_are_whitespace_not_missing_glyphs(tmp_path):
    words = render_text(tmp_path, "Call\tnow\u2028today\r\n", "en", 100 * mm)
    assert [w for w, _x, _y in words] == ["Call", "now", "today"]
    assert words[0][2] == words[1][2] < words[2][2]  # the separator starts a new line


def test_missing_glyph_is_reported_with_the_character():
    with pytest.raises(MissingGlyph) as err:
        Text("Hotline ☎ 1098 \U0001f600", TextStyle(), language="en")
    assert "U+260E" in str(err.value) or "U+1F600" in str(err.value)
    assert isinstance(err.value, FieldKitError)


def test_each_script_gets_its_font():
    assert fonts.font_for("ж", None) == fonts.font_name("latin")
    assert fonts.font_for("ع", None) == fonts.font_name("arabic")
    assert fonts.font_for("क", None, bold=True) == fonts.font_name("devanagari", True)
    # digits stay in the Arabic font inside Arabic text (no font switch mid-number)
    assert fonts.font_for("7", fonts.font_name("arabic")) == fonts.font_name("arabic")
