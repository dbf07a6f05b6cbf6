"""Import (#7): layouts, encodings, vCards with photos, E.164, duplicates, apply and cancel."""

from __future__ import annotations

import base64
import codecs
import errno
import hashlib
import os
from pathlib import Path

import pytest
from vcards import png

from fieldkit.interop.apply import apply_plan
from fieldkit.interop.errors import ImportCancelled, ImportWriteError
from fieldkit.interop.layouts import parse_mapping
from fieldkit.interop.plan import CREATE, REJECT, SKIP, UPDATE, build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def db_hash(path: Path) -> str:
    return hashlib.sha256((path / "fieldkit.db").read_bytes()).hexdigest()


def by_name(profile: Profile) -> dict[str, dict]:
    return {c["name"]: c for c in profile.contacts.list()}


def test_google_layout_with_hindi_arabic_and_accented_names(office):
    plan = build_plan(office, FIXTURES / "google.csv")
    assert plan.layout == "google"
    assert plan.counts() == {CREATE: 4, UPDATE: 0, SKIP: 0, REJECT: 0}
    apply_plan(office, plan)
    contacts = by_name(office)
    asha = contacts["आशा राव"]
    assert asha["organization"] == "महिला एवं बाल विकास मंत्रालय"
    assert (asha["phone"], asha["phone_e164"]) == ("011 2338 0000", "+911123380000")
    assert (asha["fax"], asha["fax_e164"]) == ("011 2338 0001", "+911123380001")
    assert asha["tags"] == ["Officials"]
    assert asha["country"] == "IN" and asha["city"] == "New Delhi"
    fatima = contacts["فاطمة حداد"]
    assert fatima["phone_e164"] == "+201012345678"
    assert "+20 2 2345 6789" in fatima["notes"] and "f.haddad@example.com" in fatima["notes"]
    assert fatima["website"] == "https://amal.example.org"
    jose = contacts["Lic. José María Pérez"]
    # A national number is read in the contact's own country, not the profile's.
    assert jose["country"] == "MX" and jose["phone_e164"] == "+525512345678"
    assert "Birthday: --05-31" in jose["notes"]


def test_impossible_number_is_flagged_and_kept_as_typed(office):
    plan = build_plan(office, FIXTURES / "google.csv")
    zoe = next(r for r in plan.rows if r.values.get("name") == "Zoë Dubois")
    assert zoe.action == CREATE
    assert any("+33 12" in w and "not a possible" in w for w in zoe.warnings)
    apply_plan(office, plan)
    stored = by_name(office)["Zoë Dubois"]
    assert stored["phone"] == "+33 12" and stored["phone_e164"] is None


def test_outlook_layouts_utf8_bom_and_windows_1252_semicolons(office):
    plan = build_plan(office, FIXTURES / "outlook.csv")
    assert plan.layout == "outlook" and plan.counts()[CREATE] == 3
    assert "Windows-1252" not in plan.summary()  # UTF-8: nothing to check
    apply_plan(office, plan)
    plan = build_plan(office, FIXTURES / "outlook_cp1252.csv")
    assert plan.layout == "outlook" and plan.counts()[CREATE] == 2
    # The preview says the file was not UTF-8, so garbled letters are looked for.
    assert "outlook_cp1252.csv is not UTF-8, so it was read as Windows-1252" in plan.summary()
    apply_plan(office, plan)
    contacts = by_name(office)
    ravi = contacts["रवि शर्मा"]
    assert ravi["title"] == "Inspector" and ravi["sensitivity"] == "restricted"
    assert ravi["fax_e164"] == "+911412740000" and ravi["phone_e164"] == "+911412740100"
    chloe = contacts["Mme Chloé Lefèvre"]
    assert chloe["organization"] == "Comité contre l'esclavage moderne"
    assert chloe["phone_e164"] == "+33144528890"
    assert chloe["notes"] == "Réunion prévue en février"
    assert contacts["Ñuño Güemes"]["country"] == "ES"
    omar = contacts["Mr. Omar Mansour"]
    assert "Birthday: 1970-04-15" in omar["notes"] and omar["tags"] == ["Lawyers", "Cairo"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8"])
def test_utf16_tab_separated_and_plain_utf8(office, tmp_path, encoding):
    text = (FIXTURES / "google.csv").read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter="\t").writerows(rows)
    path = tmp_path / "contacts.txt"
    data = out.getvalue().encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    if encoding == "utf-16-be":
        data = data  # no BOM: told apart by where the zero bytes are
    path.write_bytes(data)
    plan = build_plan(office, path)
    assert plan.layout == "google"
    assert {r.values["name"] for r in plan.rows} >= {"आशा राव", "فاطمة حداد"}


def test_user_mapping_for_any_layout(office):
    path = FIXTURES / "custom_semicolon.csv"
    mapping = parse_mapping(
        "Nom complet=name, Structure=organization, Portable=phone, Courriel=email, 5=city"
    )
    plan = build_plan(office, path, mapping=mapping)
    assert plan.counts()[CREATE] == 2
    apply_plan(office, plan)
    aicha = by_name(office)["Aïcha Diallo"]
    assert aicha["phone_e164"] == "+221771234567"
    assert (aicha["organization"], aicha["city"]) == ("Réseau des juristes", "Dakar")


def test_vcard_30_with_photo_becomes_an_attachment(office):
    plan = build_plan(office, FIXTURES / "contacts30_photo.vcf")
    assert plan.counts()[CREATE] == 2
    result = apply_plan(office, plan)
    assert result.photos == 1
    grace = by_name(office)["Dr. Grace Otieno"]
    assert grace["fax_e164"] == "+254201234568" and grace["tags"] == ["NGOs", "Kenya"]
    assert grace["notes"].startswith("Coordinates the shelter network, with weekly calls.")
    [photo] = office.attachments.list({"owner_id": grace["id"]})
    assert photo["mime"] == "image/png"
    assert office.attachment_bytes(photo["id"]) == (FIXTURES / "photo.png").read_bytes()
    leila = by_name(office)["ليلى سليم"]
    assert leila["country"] == "MA" and leila["phone_e164"] == "+212612345678"


def test_vcard_40_languages_photo_and_tel_uri(office):
    plan = build_plan(office, FIXTURES / "contacts40.vcf")
    apply_plan(office, plan)
    priya = by_name(office)["प्रिया सिंह"]
    assert priya["languages"] == ["hi", "en"] and priya["phone_e164"] == "+911140001234"
    assert office.attachments.count({"owner_id": priya["id"]}) == 1
    assert by_name(office)["Tomás Silva"]["phone_e164"] == "+5511912345678"


def _seed(office):
    return office.contacts.add(
        {
            "name": "Asha Rao",
            "organization": "Ministry of Women",
            "phone": "+91 11 2338 0000",
            "phone_e164": "+911123380000",
            "email": "Asha.Rao@Example.gov.in",
            "kind": "official",
            "sensitivity": "restricted",
        }
    )


def _csv(tmp_path, text: str) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicates_against_store_and_within_file(office, tmp_path):
    existing = _seed(office)
    path = _csv(
        tmp_path,
        "Name,Organisation,Phone,Email,City\n"
        "A. Rao,Other,011-2338-0000,,\n"  # same number, typed nationally
        "Someone,,,ASHA.RAO@example.gov.in,\n"  # same email, other case
        '"Rao, Dr. Asha",ministry of women,,,Delhi\n'  # same name, words reordered
        "Ravi Kumar,Police,+91 98290 12345,,\n"
        "Ravi Kumar,Police,,ravi@example.org,Jaipur\n"  # duplicate of the line above
        "Ravii Kumar,Police,,,\n",  # a close spelling in the same organisation
    )
    before = db_hash_open(office)
    plan = build_plan(office, path)
    assert db_hash_open(office) == before  # the preview wrote nothing
    fates = [
        (r.line, r.action, r.match.ref.id or r.match.ref.line if r.match else None)
        for r in plan.rows
    ]
    assert fates == [
        (2, SKIP, existing),
        (3, SKIP, existing),
        (4, SKIP, existing),
        (5, CREATE, None),
        (6, SKIP, 5),
        (7, SKIP, 5),
    ]
    assert "same email" in plan.rows[1].reason


def db_hash_open(profile: Profile) -> int:
    """The live content (every table) as a number, for a profile still open."""
    conn = profile.store.conn
    return hash(tuple(conn.iterdump()))


def test_choices_per_duplicate(office, tmp_path):
    existing = _seed(office)
    path = _csv(
        tmp_path,
        "Name,Organisation,Phone,Email,City,Title\n"
        "Asha Rao,Ministry of Women,,asha.rao@example.gov.in,Delhi,Joint Secretary\n"
        "Ravi Kumar,Police,+91 98290 12345,,,\n"
        "Ravi Kumar,Police,,ravi@example.org,Jaipur,\n"
        "Mei Nguyen,Daily Herald,,mei@example.org,,\n"
        "Mei Nguyen,Daily Herald,,mei@example.org,,Editor\n",
    )
    plan = build_plan(office, path)
    rows = {r.line: r for r in plan.rows}
    plan.choose(rows[2], "fill")  # fills the city, keeps the stored title? (none stored)
    plan.choose(rows[4], "update")  # merges into the new contact of line 3
    plan.choose(rows[6], "new")
    assert plan.counts() == {CREATE: 3, UPDATE: 2, SKIP: 0, REJECT: 0}
    result = apply_plan(office, plan)
    assert (result.created, result.updated) == (3, 1)
    asha = office.contacts.get(existing)
    # fill: empty fields filled, filled ones (email, kind, sensitivity) untouched
    assert asha["city"] == "Delhi" and asha["title"] == "Joint Secretary"
    assert asha["email"] == "Asha.Rao@Example.gov.in"
    assert (asha["kind"], asha["sensitivity"]) == ("official", "restricted")
    ravi = [c for c in office.contacts.list() if c["name"] == "Ravi Kumar"]
    assert len(ravi) == 1
    assert (ravi[0]["email"], ravi[0]["city"]) == ("ravi@example.org", "Jaipur")
    assert ravi[0]["phone_e164"] == "+919829012345"
    assert len([c for c in office.contacts.list() if c["name"] == "Mei Nguyen"]) == 2


def test_update_overwrites_given_fields_only(office, tmp_path):
    existing = _seed(office)
    path = _csv(tmp_path, "Name,Email,Phone\nAsha R.,asha.rao@example.gov.in,+91 11 4000 1234\n")
    plan = build_plan(office, path, on_duplicate="update")
    assert plan.counts()[UPDATE] == 1
    apply_plan(office, plan)
    asha = office.contacts.get(existing)
    assert asha["name"] == "Asha R." and asha["phone_e164"] == "+911140001234"
    assert asha["organization"] == "Ministry of Women" and asha["kind"] == "official"


def test_apply_makes_a_backup_and_reports_progress(office):
    plan = build_plan(office, FIXTURES / "outlook.csv")
    seen = []
    result = apply_plan(office, plan, progress=lambda done, total: seen.append((done, total)))
    assert result.backup and result.backup.exists() and "before-import" in result.backup.name
    assert seen[-1] == (3, 3)
    restored = Profile.open(office.path)
    try:
        restored.restore(result.backup)
        assert restored.contacts.count() == 0
    finally:
        restored.close()


def test_cancel_rolls_back_everything(office, tmp_path):
    _seed(office)
    lines = "\n".join(f"Person {i},Org {i % 7},+91 98{i:08d}" for i in range(12000))
    path = _csv(tmp_path, "Name,Organisation,Phone\n" + lines + "\n")
    plan = build_plan(office, path)
    office.close()
    before = db_hash(office.path)
    office = Profile.open(office.path)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 2  # after the first batch of 5000 was written

    with pytest.raises(ImportCancelled, match="nothing was changed"):
        apply_plan(office, plan, cancelled=cancelled)
    assert office.contacts.count() == 1
    office.close()
    assert db_hash(office.path) == before


def _photo_cards(tmp_path, names: list[str], first_colour: int = 1) -> Path:
    cards = [
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:{name}\r\nEMAIL:{name.split()[0].lower()}@example.org\r\n"
        f"PHOTO;ENCODING=b;TYPE=PNG:{base64.b64encode(png(first_colour + i)).decode()}\r\n"
        "END:VCARD\r\n"
        for i, name in enumerate(names)
    ]
    path = tmp_path / "photos.vcf"
    path.write_text("".join(cards), encoding="utf-8")
    return path


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.fixture
def with_a_photo(office, tmp_path):
    """The office with one contact and its photo stored before any import."""
    apply_plan(office, build_plan(office, _photo_cards(tmp_path, ["Kept Before"], 200)))
    assert len(files_under(office.attachments_dir)) == 2  # a folder and the photo in it
    return office


def test_cancelled_import_leaves_no_photo_files_behind(with_a_photo, tmp_path):
    office = with_a_photo
    before = files_under(office.attachments_dir)
    path = _photo_cards(tmp_path, ["Amina Juma", "Mei Nguyen", "Ravi Kumar"])
    plan = build_plan(office, path)
    assert plan.counts()[CREATE] == 3

    def cancelled() -> bool:  # the user presses Cancel once photos are being written
        return len(files_under(office.attachments_dir)) > len(before)

    with pytest.raises(ImportCancelled, match="nothing was changed"):
        apply_plan(office, plan, cancelled=cancelled)
    assert files_under(office.attachments_dir) == before
    assert office.contacts.count() == office.attachments.count() == 1
    # The same file imports afterwards, photos included.
    assert apply_plan(office, build_plan(office, path)).photos == 3
    assert len(files_under(office.attachments_dir)) == len(before) + 6


def test_cancel_while_updating_leaves_no_photo_files_behind(with_a_photo, tmp_path):
    office = with_a_photo
    office.contacts.add({"name": "Amina Juma", "email": "amina@example.org"})
    before = files_under(office.attachments_dir)
    plan = build_plan(office, _photo_cards(tmp_path, ["Amina Juma"]), on_duplicate="fill")
    assert plan.counts()[UPDATE] == 1

    def cancelled() -> bool:
        return len(files_under(office.attachments_dir)) > len(before)

    with pytest.raises(ImportCancelled):
        apply_plan(office, plan, cancelled=cancelled)
    assert files_under(office.attachments_dir) == before
    assert office.attachments.count() == 1


def test_import_that_fails_writing_a_photo_is_undone_with_one_message(
    with_a_photo, tmp_path, monkeypatch
):
    office = with_a_photo
    before = files_under(office.attachments_dir)
    plan = build_plan(office, _photo_cards(tmp_path, ["Amina Juma", "Mei Nguyen", "Ravi Kumar"]))
    write_blob = office.write_blob
    written = []

    def disk_full_on_the_third(data: bytes) -> str:
        if len(written) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(data)
        return write_blob(data)

    monkeypatch.setattr(office, "write_blob", disk_full_on_the_third)
    with pytest.raises(ImportWriteError, match="nothing was imported") as caught:
        apply_plan(office, plan)
    assert os.strerror(errno.ENOSPC) in str(caught.value)
    assert len(written) == 2  # two photos were on disk before the third failed
    assert files_under(office.attachments_dir) == before
    assert office.contacts.count() == office.attachments.count() == 1
