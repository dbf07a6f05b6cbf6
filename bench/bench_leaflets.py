"""Leaflet benchmarks (#4): 100 mail-merged letters against raw reportlab building the same
pages in the same run, and one fact card, warm."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from bench.common import Result, best_of, timed
from fieldkit.i18n import translator
from fieldkit.leaflets import Theme, fonts, render, render_letters
from fieldkit.leaflets import wording as W
from fieldkit.leaflets.qr import qr_modules
from fieldkit.leaflets.samples import load_samples

LANGUAGE = "es"
TODAY = dt.date(2024, 3, 31)


def _profile(folder: Path, letters: int):
    from fieldkit.profile import Profile

    profile = Profile.create(folder / "bench", organization="Shakti Vahini")
    theme = {"leaflet_hotline": "1098", "leaflet_link": "https://example.org/help"}
    profile.set_settings(**theme)
    ids = load_samples(profile)
    with profile.store.write():
        for n in range(letters - 2):
            contact = profile.contacts.add(
                {
                    "name": f"Official {n}",
                    "kind": "official",
                    "title": "Deputy Secretary",
                    "organization": "Ministry of Labour",
                    "country": "IN",
                }
            )
            profile.add_target(ids["campaign"], contact, "decision maker")
    return profile, ids


def raw_letters(profile, campaign_id: str, theme: Theme) -> bytes:
    """The baseline: the same pages with plain reportlab (Paragraphs, the same fonts, the same
    wording and merged names, the QR encoded once and drawn as a form on every page)."""
    t = translator(LANGUAGE).gettext
    campaign = profile.campaigns.get(campaign_id)
    targets = profile.targets(campaign_id)
    latin, bold = fonts.font_name("latin"), fonts.font_name("latin", True)
    body = ParagraphStyle("body", fontName=latin, fontSize=11, leading=14.3, spaceAfter=4)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=14, leading=18.2)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletFontName=latin)
    from babel.dates import format_date

    today = format_date(TODAY, format="long", locale=LANGUAGE)
    story = []
    for number, target in enumerate(targets):
        if number:
            story.append(PageBreak())
        address = [target["name"], target["title"], target["organization"]]
        story += [
            Paragraph(escape(theme.organization), head),
            Spacer(1, 8 * mm),
            Paragraph(today, body),
            Paragraph("<br/>".join(escape(a) for a in address if a), body),
            Spacer(1, 6 * mm),
            Paragraph(escape(t(W.SUBJECT) % {"title": campaign["title"]}), head),
            Paragraph(escape(t(W.DEAR_NAME) % {"name": target["name"]}), body),
            Paragraph(escape(campaign["summary"]), body),
            Paragraph(escape(t(W.WE_ASK_YOU)), body),
            *[Paragraph(escape(ask), bullet, bulletText="•") for ask in campaign["asks"]],
            Paragraph(escape(t(W.PLEASE_REPLY)), body),
            Spacer(1, 6 * mm),
            Paragraph(escape(t(W.YOURS_SINCERELY)), body),
            Paragraph(escape(t(W.ON_BEHALF_OF) % {"organization": theme.organization}), body),
        ]
    size = 20 * mm
    qr = Drawing(size, size)
    qr.add(QrCodeWidget(theme.qr_data, barWidth=size, barHeight=size, barBorder=2).draw())

    def on_page(canv, doc) -> None:
        if not canv.hasForm("qr"):
            canv.beginForm("qr")
            renderPDF.draw(qr, canv, 0, 0)
            canv.endForm()
        canv.saveState()
        canv.translate(doc.pagesize[0] - 18 * mm - size, 9 * mm)
        canv.doForm("qr")
        canv.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=18 * mm
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def run(quick: bool) -> list[Result]:
    letters = 20 if quick else 100
    with tempfile.TemporaryDirectory() as folder:
        profile, ids = _profile(Path(folder), letters)
        theme = Theme.from_profile(profile)
        fonts.register_fonts()

        def ours() -> None:
            qr_modules.cache_clear()  # encode the QR in every run, as the baseline does
            result = render_letters(profile, ids["campaign"], language=LANGUAGE, today=TODAY)
            assert result.pages == letters

        ours()  # warm: fonts loaded, catalogs read
        raw_letters(profile, ids["campaign"], theme)
        # interleaved, best of each: a busy machine slows both sides alike
        raw_times, our_times = [], []
        for _ in range(2 if quick else 5):
            raw_times.append(timed(lambda: raw_letters(profile, ids["campaign"], theme)))
            our_times.append(timed(ours))
        raw, mine = min(raw_times), min(our_times)

        def card() -> None:
            render(profile, "fact-card", [ids["fact"]], language="hi", today=TODAY)

        card()
        warm = best_of(card, 5)
        profile.close()
    return [
        Result(
            f"{letters} letters with QR",
            mine,
            "s",
            "≤1.2× raw, <2 s",
            ok=mine <= 1.2 * raw and mine < 2.0,
            baseline=raw,
        ),
        Result("fact card (hi), warm", warm * 1000, "ms", "<150 ms", ok=warm < 0.150),
    ]
