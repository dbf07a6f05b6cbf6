"""Export (#7): CSV and vCard 4.0, restricted and local-only contacts, and the round trip
CSV → store → vCard → store that keeps every field."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject

from fieldkit.data import entities as E
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.errors import ExportError
from fieldkit.interop.export import export_contacts
from fieldkit.interop.plan import build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
KEEP = [f for f in E.CONTACTS.field_names]


def make(tmp_path, name: str) -> Profile:
    return Profile.create(tmp_path / name, organization="O", device_name=name, country="IN")


def contents(profile: Profile) -> dict[str, dict]:
    return {c["name"]: {k: c[k] for k in KEEP} for c in profile.contacts.list()}


def photos(profile: Profile) -> dict[str, bytes]:
    out = {}
    for c in profile.contacts.list():
        for a in profile.attachments.list({"owner_id": c["id"]}):
            out[c["name"]] = profile.attachment_bytes(a["id"])
    return out


def import_all(profile: Profile, *paths: Path) -> None:
    for path in paths:
        apply_plan(profile, build_plan(profile, path))


@pytest.fixture
def source(tmp_path):
    p = make(tmp_path, "source")
    import_all(
        p,
        FIXTURES / "google.csv",
        FIXTURES / "outlook.csv",
        FIXTURES / "outlook_cp1252.csv",
        FIXTURES / "contacts30_photo.vcf",
        FIXTURES / "contacts40.vcf",
    )
    # Every field set, lists and multi-line text included.
    p.contacts.add(
        {
            "name": "Grace Mwangi",
            "kind": "hotline",
            "title": "Coordinator",
            "organization": "National Hotline; Kenya",
            "phone": "+254 800 720 999",
            "phone_e164": "+254800720999",
            "fax": "+254 20 555 0000",
            "fax_e164": "+254205550000",
            "email": "grace@hotline.example.org",
            "website": "https://hotline.example.org",
            "address": "Ngong Road, 5th floor\nP.O. Box 1, Nairobi",
            "city": "Nairobi",
            "country": "KE",
            "languages": ["sw", "en"],
            "tags": ["hotline", "24h, free"],
            "notes": "Line 1\nLine 2; with, punctuation: and a \\ backslash",
            "sensitivity": "normal",
        }
    )
    yield p
    p.close()


def test_round_trip_csv_store_vcard_store_keeps_every_field(source, tmp_path):
    out = tmp_path / "all.vcf"
    result = export_contacts(source, "vcard", out, include_restricted=True)
    assert result.written == source.contacts.count() == 14
    assert out.read_text(encoding="utf-8").count("VERSION:4.0") == 14
    target = make(tmp_path, "target")
    import_all(target, out)
    assert contents(target) == contents(source)
    assert photos(target) == photos(source) and len(photos(source)) == 2
    target.close()


def test_round_trip_through_fieldkit_csv(source, tmp_path):
    out = tmp_path / "all.csv"
    export_contacts(source, "csv", out, include_restricted=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    target = make(tmp_path, "target")
    plan = build_plan(target, out)
    assert plan.layout == "fieldkit"
    apply_plan(target, plan)
    assert contents(target) == contents(source)
    target.close()


def test_vcard_is_readable_by_vobject_as_40(source):
    buffer = io.StringIO()
    export_contacts(source, "vcard", buffer, filters={"tag": "hotline"})
    [card] = list(vobject.readComponents(buffer.getvalue()))
    assert card.version.value == "4.0" and card.fn.value == "Grace Mwangi"
    assert card.categories.value == ["hotline", "24h, free"]
    assert card.adr.value.street == "Ngong Road, 5th floor\nP.O. Box 1, Nairobi"


def test_restricted_contacts_lose_personal_fields_unless_asked(source):
    ravi = next(c for c in source.contacts.list() if c["name"] == "रवि शर्मा")
    assert ravi["sensitivity"] == "restricted"
    buffer = io.StringIO()
    result = export_contacts(source, "csv", buffer)
    assert result.restricted_redacted == 1
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(buffer.getvalue()))}
    personal = [f.name for f in E.CONTACTS.fields if f.personal]
    assert all(rows["रवि शर्मा"][name] == "" for name in personal)
    assert rows["रवि शर्मा"]["organization"] == "District Police"
    assert rows["Mr. Omar Mansour"]["phone"] == "+20 2 2795 0000"
    assert "0141 274" not in buffer.getvalue()
    full = io.StringIO()
    export_contacts(source, "vcard", full, include_restricted=True)
    assert "0141 274 0100" in full.getvalue()


def test_local_only_contacts_need_explicit_confirmation(source):
    secret = source.contacts.add(
        {"name": "Safe House Keeper", "phone": "+91 99999 00000", "sensitivity": "local-only"}
    )
    for fmt in ("csv", "vcard"):
        buffer = io.StringIO()
        result = export_contacts(source, fmt, buffer)
        assert "Safe House Keeper" not in buffer.getvalue()
        assert result.local_only_left_out == 1
        assert "1 local-only contact was left out" in result.summary()
    buffer = io.StringIO()
    export_contacts(source, "vcard", buffer, include_local_only=True)
    assert "Safe House Keeper" in buffer.getvalue() and secret in buffer.getvalue()


def test_campaign_targets_and_filters(source):
    campaign = source.campaigns.add({"title": "Fund the shelters"})
    grace = next(c["id"] for c in source.contacts.list() if c["name"] == "Grace Mwangi")
    omar = next(c["id"] for c in source.contacts.list() if c["name"] == "Mr. Omar Mansour")
    source.add_target(campaign, grace)
    source.add_target(campaign, omar)
    buffer = io.StringIO()
    result = export_contacts(source, "csv", buffer, campaign_id=campaign)
    names = [r["name"] for r in csv.DictReader(io.StringIO(buffer.getvalue()))]
    assert result.written == 2 and names == ["Grace Mwangi", "Mr. Omar Mansour"]
    buffer = io.StringIO()
    export_contacts(source, "csv", buffer, filters={"country": "FR"})
    names = {r["name"] for r in csv.DictReader(io.StringIO(buffer.getvalue()))}
    assert names == {"François Moreau", "Mme Chloé Lefèvre", "Zoë Dubois"}


def test_export_errors_are_explained(source, tmp_path):
    with pytest.raises(ExportError, match="not an export format"):
        export_contacts(source, "xlsx", io.StringIO())
    with pytest.raises(ExportError, match="Cannot write"):
        export_contacts(source, "csv", tmp_path / "missing" / "folder" / "x.csv")
