"""Layout checked as pictures: pages rendered with pdftoppm and compared with reviewed
reference images under tests/leaflets/ (small, grayscale, low resolution).

To refresh the references after a deliberate change, run with
``FIELDKIT_UPDATE_REFERENCES=1``, then look at every changed PNG before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from fieldkit.leaflets import fonts, render, render_letters
from fieldkit.leaflets.samples import load_samples
from fieldkit.leaflets.text import Text, TextStyle

REFERENCES = Path(__file__).parent / "leaflets"
UPDATE = os.environ.get("FIELDKIT_UPDATE_REFERENCES") == "1"
TOLERANCE = 0.06  # share of the inked pixels that may differ (anti-aliasing across versions)
TODAY = dt.date(2024, 3, 31)

SNIPPETS = {
    # Arabic joined, right to left, wrapped, with a number and Latin words inside
    "snippet-ar": (
        "ar",
        "يحق لك الحصول على المساعدة حتى بدون أوراق. اتصل بالرقم 1098 أو زر موقع "
        "www.example.org للمزيد من المعلومات، على مدار 24 ساعة.",
    ),
    # Devanagari conjuncts (क्ष, त्र, स्त्र), reph (र्म, र्थ) and the pre-base vowel sign ि
    "snippet-hi": ("hi", "क्षेत्र में स्त्रियाँ और बच्चे। कर्म, धर्म, अर्थ। किताब, प्रिंटिंग, हिंदी।"),
}

PAGES = [
    ("fact-card", "en", 1),
    ("fact-card", "ar", 1),
    ("fact-card", "hi", 1),
    ("wallet-cards", "ar", 1),
    ("trifold", "en", 1),
    ("trifold", "ar", 1),
    ("trifold", "ar", 2),
    ("letter", "hi", 1),
    ("law-summary", "ar", 1),
    ("poster", "ru", 1),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from fieldkit.profile import Profile

    profile = Profile.create(tmp_path_factory.mktemp("img") / "p", organization="Shakti Vahini")
    profile.set_settings(leaflet_hotline="1098", leaflet_link="https://example.org/help")
    yield profile, load_samples(profile)
    profile.close()


def to_png(pdf: Path, page: int, dpi: int) -> Image.Image:
    prefix = pdf.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return Image.open(prefix.with_suffix(".png")).convert("L")


def difference(a: Image.Image, b: Image.Image) -> float:
    """Pixels that differ clearly (by more than 40 % of the gray range), as a share of the
    pixels inked in either image: a page is mostly white paper, which says nothing."""
    if a.size != b.size:
        return 1.0
    differ = ImageChops.difference(a, b).point(lambda v: 255 if v > 100 else 0)
    ink = ImageChops.darker(a, b).point(lambda v: 255 if v < 155 else 0)
    return differ.histogram()[255] / max(ink.histogram()[255], 1)


def check(image: Image.Image, name: str) -> None:
    reference = REFERENCES / f"{name}.png"
    if UPDATE or not reference.exists():
        if not UPDATE:
            pytest.fail(
                f"no reference image {reference}; create it with FIELDKIT_UPDATE_REFERENCES=1"
            )
        image.save(reference, optimize=True)
        return
    share = difference(image, Image.open(reference).convert("L"))
    assert share <= TOLERANCE, f"{name}: {share:.1%} of the inked pixels differ from the reference"


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_script_shaping_matches_reference(tmp_path, name):
    language, text = SNIPPETS[name]
    path = tmp_path / f"{name}.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(90 * mm, 40 * mm),
        leftMargin=4 * mm,
        rightMargin=4 * mm,
        topMargin=4 * mm,
        bottomMargin=2 * mm,
        initialFontName=fonts.font_name("latin"),
    )
    doc.build([Text(text, TextStyle(size=11), language=language, rtl=language == "ar")])
    check(to_png(path, 1, 100), name)


@pytest.mark.parametrize(("template", "language", "page"), PAGES)
def test_page_layout_matches_reference(sample, tmp_path, template, language, page):
    profile, ids = sample
    if template == "letter":
        result = render_letters(profile, ids["campaign"], language=language, today=TODAY)
    else:
        content = [ids["law"]] if template == "law-summary" else [ids["fact"]]
        content = [] if template == "wallet-cards" else content
        result = render(profile, template, content, language=language, today=TODAY)
    path = tmp_path / "page.pdf"
    path.write_bytes(result.pdf)
    check(to_png(path, page, 30), f"{template}-{language}-{page}")


def test_comparison_sees_a_mirrored_page(tmp_path):
    """The tolerance is tight enough to catch a layout that is not mirrored."""
    reference = Image.open(REFERENCES / "fact-card-ar-1.png").convert("L")
    mirrored = reference.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    assert difference(reference, mirrored) > TOLERANCE * 3
