"""Every template in every shipped language: a PDF that pypdf and poppler open, with every
font embedded, and text that reads in logical order (checked with pdftotext)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata

import pypdf
import pytest

from fieldkit.i18n import translator
from fieldkit.leaflets import LANGUAGES, render, render_letters
from fieldkit.leaflets import templates as T
from fieldkit.leaflets import wording as W
from fieldkit.leaflets.samples import FACT, LAW, load_samples

TODAY = dt.date(2024, 3, 31)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from fieldkit.profile import Profile

    profile = Profile.create(
        tmp_path_factory.mktemp("leaflets") / "p", organization="Shakti Vahini"
    )
    profile.set_settings(leaflet_hotline="1098", leaflet_link="https://example.org/help")
    ids = load_samples(profile)
    yield profile, ids
    profile.close()


def pdftotext(path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return plain(out)


def plain(text: str) -> str:
    """Presentation forms (joined Arabic letters) back to letters; without bidi controls or
    combining marks (poppler puts raised Arabic marks on a line of their own)."""
    text = unicodedata.normalize("NFKC", text)
    kept = (c for c in text if c not in "\u202a\u202b\u202c\u200e\u200f")
    return " ".join("".join(c for c in kept if not unicodedata.combining(c)).split())


def render_any(profile, ids, template: str, language: str, paper: str = "a4"):
    if template == "letter":
        return render_letters(profile, ids["campaign"], language=language, paper=paper, today=TODAY)
    content = {"law-summary": [ids["law"]], "wallet-cards": [], "poster": [ids["fact"]]}
    return render(
        profile,
        template,
        content.get(template, [ids["fact"]]),
        language=language,
        paper=paper,
        today=TODAY,
    )


def expected_words(template: str, language: str) -> list[str]:
    """Phrases the reader must find, in reading order (several words each)."""
    t = translator(language).gettext
    if template == "letter":
        return [t(W.YOURS_SINCERELY).rstrip(",،"), "Asha Rao"]
    if template == "law-summary":
        return [LAW[language][0], " ".join(LAW[language][1].split()[:3])]
    if template == "wallet-cards":
        return [t(W.CALL_HOTLINE), "1098"]
    return [FACT[language][0], " ".join(FACT[language][1].split()[2:5])]


@pytest.mark.parametrize("template", T.NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_in_every_language(sample, tmp_path, template, language):
    profile, ids = sample
    result = render_any(profile, ids, template, language)
    path = tmp_path / "out.pdf"
    path.write_bytes(result.pdf)

    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == result.pages >= 1
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{result.pages}$", info.stdout, re.M)

    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "no fonts in the PDF"
    for row in rows:
        name, emb, sub = row.split()[0], row.split()[-5], row.split()[-4]
        assert (emb, sub) == ("yes", "yes"), f"{name} is not embedded and subset"
        assert "+Noto" in name

    if language == "hi":
        return  # pdftotext drops conjunct glyphs of Devanagari; the image tests check it
    text = pdftotext(path)
    for phrase in expected_words(template, language):
        phrase = plain(phrase)
        assert phrase in text, f"{phrase!r} not in the extracted text"


def test_letter_paper_sizes_differ(sample):
    profile, ids = sample
    for paper, width in (("a4", "595.28"), ("letter", "612")):
        pdf = render_any(profile, ids, "letter", "es", paper).pdf
        box = pypdf.PdfReader(__import__("io").BytesIO(pdf)).pages[0].mediabox
        assert f"{float(box.width):.2f}".rstrip("0").rstrip(".") == width.rstrip("0").rstrip(".")


def test_letters_one_page_per_target_with_names_merged(sample, tmp_path):
    profile, ids = sample
    result = render_any(profile, ids, "letter", "es")
    assert result.pages == 2
    path = tmp_path / "l.pdf"
    path.write_bytes(result.pdf)
    pages = [p.extract_text() for p in pypdf.PdfReader(path).pages]
    dear = translator("es").gettext(W.DEAR_NAME)
    assert dear % {"name": "Asha Rao"} in pages[0].replace("\n", " ")
    assert dear % {"name": "Carlos Méndez"} in pages[1].replace("\n", " ")
    assert "México" in pages[1]  # the country name in the leaflet's language (babel)
    assert "31 de marzo de 2024" in pages[0]  # the date in the leaflet's language


def test_arabic_words_numbers_and_latin_in_bidi_order(sample, tmp_path):
    """The Arabic fact sentence: words right to left, the number and “ILO” as the bidi
    algorithm places them, across wrapped lines."""
    profile, ids = sample
    result = render_any(profile, ids, "fact-card", "ar")
    path = tmp_path / "ar.pdf"
    path.write_bytes(result.pdf)
    text = pdftotext(path)
    assert "في العمل القسري عام" in text
    assert "24.9" in text and "2017" in text and "ILO" in text
    assert "24,900,000" in text  # the figure, formatted for Arabic by babel


def test_qr_encoded_once_per_document(sample):
    """The letters share one QR form: one XObject however many pages."""
    profile, ids = sample
    pdf = render_any(profile, ids, "letter", "en").pdf
    reader = pypdf.PdfReader(__import__("io").BytesIO(pdf))
    names = set()
    for page in reader.pages:
        names |= set(page["/Resources"]["/XObject"].keys())
    assert len(names) == 1 and next(iter(names)).startswith("/FormXob.qr")


@pytest.mark.parametrize("language", ["ar", "sw"])
def test_the_starter_pack_prints_in_every_template(demo_profile, language):
    """Real content (long Arabic texts with marks, Hindi law summaries) lays out without
    error; languages the pack lacks fall back and say so."""
    materials = demo_profile.materials.list({"lang": "en"})
    laws = [law["id"] for law in demo_profile.laws.list({"lang": "en"})]
    facts = [m["id"] for m in materials if m["kind"] == "fact_card"]
    runs = [
        ("fact-card", facts),
        ("trifold", facts[:3]),
        ("law-summary", laws),
        ("poster", [m["id"] for m in materials]),
        ("wallet-cards", []),
    ]
    for template, ids in runs:
        result = render(demo_profile, template, ids, language=language, today=TODAY)
        assert result.pages >= 1
        fell_back = any("version is printed" in w for w in result.warnings)
        assert fell_back == (language == "sw" and bool(ids))


def test_qr_encoder_runs_once_for_many_pages(sample, monkeypatch):
    from reportlab.graphics.barcode import qr as rl_qr

    from fieldkit.leaflets.qr import qr_modules

    calls = []
    draw = rl_qr.QrCodeWidget.draw
    monkeypatch.setattr(rl_qr.QrCodeWidget, "draw", lambda self: calls.append(1) or draw(self))
    qr_modules.cache_clear()
    profile, ids = sample
    result = render_any(profile, ids, "letter", "fr")
    assert result.pages == 2 and len(calls) == 1
