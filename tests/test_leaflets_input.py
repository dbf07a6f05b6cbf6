"""Bad input gets a clear message; language fallback says so; template wording comes from
the gettext catalogs in the leaflet's own language."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from fieldkit.errors import FieldKitError, NotFound
from fieldkit.i18n import translator
from fieldkit.leaflets import LeafletError, Theme, render, render_letters
from fieldkit.leaflets import wording as W
from fieldkit.leaflets.engine import Leaflet, fallback_chain
from fieldkit.leaflets.samples import load_samples
from fieldkit.leaflets.theme import BadLogo


@pytest.fixture
def sample(profile):
    profile.set_settings(leaflet_hotline="1098")
    return profile, load_samples(profile, ("en", "es", "ar", "hi"))


def test_unknown_template(sample):
    profile, ids = sample
    with pytest.raises(LeafletError, match="There is no leaflet template “flyer”.*fact-card"):
        render(profile, "flyer", [ids["fact"]])


def test_unshipped_language_and_paper(sample):
    profile, ids = sample
    with pytest.raises(LeafletError, match="not available in “de”"):
        render(profile, "fact-card", [ids["fact"]], language="de")
    with pytest.raises(LeafletError, match="Unknown paper size “a5”"):
        render(profile, "fact-card", [ids["fact"]], paper="a5")


def test_unknown_content_and_wrong_kind(sample):
    profile, ids = sample
    with pytest.raises(NotFound, match="No material or law has the id nope"):
        render(profile, "fact-card", ["nope"])
    with pytest.raises(LeafletError, match="law-summary template prints laws"):
        render(profile, "law-summary", [ids["fact"]])
    with pytest.raises(LeafletError, match="needs content"):
        render(profile, "trifold", [])


def test_missing_translation_falls_back_along_the_chain_and_says_so(sample):
    profile, ids = sample
    result = render(profile, "fact-card", [ids["fact"]], language="ru")
    assert result.language == "ru"
    assert len(result.warnings) == 1 and "English" in result.warnings[0]
    # the user's chain is followed: Spanish before English
    profile.set_settings(content_fallback="es,en")
    assert fallback_chain(profile, "ru") == ["ru", "es", "en"]
    result = render(profile, "fact-card", [ids["fact"]], language="ru")
    assert "Spanish" in result.warnings[0]
    assert "Trabajo forzoso" in result.pdf.decode("latin-1") or result.pages == 1
    # a language that has its version prints it without a warning
    assert render(profile, "fact-card", [ids["fact"]], language="ar").warnings == []


def test_too_long_for_a_wallet_card_is_reported_not_clipped(sample):
    profile, _ids = sample
    long_id = profile.materials.add(
        {"kind": "guide", "title": "Your rights", "body": "Word " * 400, "lang": "en"}
    )
    with pytest.raises(LeafletError, match="too long for a wallet card.*Shorten it"):
        render(profile, "wallet-cards", [long_id])


def test_a_little_too_long_for_a_wallet_card_shrinks_and_says_so(sample):
    profile, _ids = sample
    medium = profile.materials.add(
        {"kind": "guide", "title": "Your rights", "body": "You can call us. " * 30, "lang": "en"}
    )
    result = render(profile, "wallet-cards", [medium])
    shrunk = [w for w in result.warnings if "shrunk to" in w]
    assert len(shrunk) == 1 and 70 <= int(shrunk[0].split("shrunk to ")[1].split()[0]) < 99
    short = profile.materials.add({"kind": "guide", "title": "Call us", "lang": "en"})
    assert render(profile, "wallet-cards", [short]).warnings == []


def test_logo_that_is_not_an_image(sample):
    profile, ids = sample
    bad = profile.attach_bytes(b"%PDF-1.4 not a picture", "logo.png")
    profile.set_settings(leaflet_logo=bad)
    with pytest.raises(BadLogo, match="not a picture"):
        render(profile, "fact-card", [ids["fact"]])
    good = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(good, "PNG")
    profile.set_settings(leaflet_logo=profile.attach_bytes(good.getvalue(), "logo.png"))
    result = render(profile, "fact-card", [ids["fact"]])
    assert b"/Subtype /Image" in result.pdf


def test_bad_colour_is_reported():
    with pytest.raises(FieldKitError, match="not a colour"):
        Theme(primary="blue-ish")


def test_letters_need_targets(profile):
    campaign = profile.campaigns.add({"title": "Empty"})
    with pytest.raises(LeafletError, match="no targets"):
        render_letters(profile, campaign)
    with pytest.raises(LeafletError, match="fieldkit leaflet letters"):
        render(profile, "letter", [campaign])


def test_qr_carries_link_or_hotline():
    assert Theme(hotline="+1 888 373 7888").qr_data == "tel:+18883737888"
    assert Theme(hotline="1098", link="https://example.org").qr_data == "https://example.org"


@pytest.mark.parametrize("language", ["es", "ar", "hi"])
def test_wording_comes_from_the_leaflets_language_catalog(language):
    leaflet = Leaflet(language, (595, 842), Theme(), [])
    for message in (W.CALL_HOTLINE, W.KNOW_YOUR_RIGHTS, W.YOURS_SINCERELY):
        assert leaflet.t(message) == translator(language).gettext(message)
        assert leaflet.t(message) != message, f"{message!r} is not translated into {language}"
    assert leaflet.t(W.DEAR_NAME, name="Asha") == translator(language).gettext(W.DEAR_NAME) % {
        "name": "Asha"
    }


def test_dates_numbers_and_countries_follow_the_leaflets_locale():
    hi = Leaflet("hi", (595, 842), Theme(), [])
    fr = Leaflet("fr", (595, 842), Theme(), [])
    assert hi.number("24900000") == "2,49,00,000"
    assert fr.number("24900000") == "24\u202f900\u202f000"
    assert hi.country("IN") == "भारत"
    assert fr.date("2024-03-31") == "31 mars 2024"
    assert Leaflet("ar", (595, 842), Theme(), []).country("EG") == "مصر"
    assert hi.number("4.5 million") == "4.5 million"  # text that is not a number stays
