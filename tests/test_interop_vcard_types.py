"""The types of TEL and EMAIL lines are read alike in vCard 2.1 (bare words: ``TEL;FAX``,
``TEL;WORK;VOICE``, ``EMAIL;INTERNET;PREF``, in any letter case) and in vCard 3.0 and 4.0
(``TYPE=WORK,FAX``, ``type=fax;type=work``, ``PREF=1``): a fax number is stored as the
contact's fax, the first other number as its phone, and the preferred email as its email."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from vcards import card, imported

from fieldkit.cli import cli
from fieldkit.interop.plan import REJECT, build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
KEPT = ("phone", "phone_e164", "fax", "fax_e164", "email", "notes", "address", "city", "country")


def test_vcard21_bare_types_give_fax_phone_and_preferred_email(office):
    contacts = imported(office, FIXTURES / "phone21_types.vcf")
    assert set(contacts) == {"سميرة الخطيب", "श्री राजेश कुमार", "Françoise Lefèvre-Araújo"}

    samira = contacts["سميرة الخطيب"]
    assert (samira["phone"], samira["phone_e164"]) == ("+962 6 460 3630", "+96264603630")
    assert (samira["fax"], samira["fax_e164"]) == ("+962 6 460 3631", "+96264603631")
    assert samira["email"] == "samira@moj.example.jo"
    assert "Other phones: +962 79 123 4567" in samira["notes"]
    assert "Other emails: s.khatib@moj.example.jo" in samira["notes"]
    assert (samira["city"], samira["country"]) == ("عمّان", "JO")

    # Lower and mixed case; the fax comes first in the card and is still the fax.
    rajesh = contacts["श्री राजेश कुमार"]
    assert (rajesh["fax"], rajesh["fax_e164"]) == ("011 2345 6789", "+911123456789")
    assert (rajesh["phone"], rajesh["phone_e164"]) == ("011 2345 6700", "+911123456700")
    assert rajesh["email"] == "rk@ncw.example.in"
    assert "Other phones: 098100 12345" in rajesh["notes"]
    assert "Other emails: rajesh.kumar@ncw.example.in" in rajesh["notes"]
    assert "011 2345 6789" not in rajesh["notes"]

    # TEL;WORK;VOICE;FAX is a fax, even with VOICE beside it.
    francoise = contacts["Françoise Lefèvre-Araújo"]
    assert (francoise["phone"], francoise["phone_e164"]) == ("+33 6 12 34 56 78", "+33612345678")
    assert (francoise["fax"], francoise["fax_e164"]) == ("+33 1 42 00 00 01", "+33142000001")
    assert francoise["email"] == "f.lefevre@ccem.example.fr"
    assert francoise["notes"] == (
        "Other emails: francoise@example.fr\nOther phones: +33 1 42 00 00 00"
    )


def test_the_same_contacts_in_vcard21_and_in_30_and_40_are_stored_alike(tmp_path):
    stored = []
    for name in ("phone21_types.vcf", "phone30_types.vcf"):
        folder = tmp_path / name
        with Profile.create(folder, organization="O", device_name="d", country="IN") as profile:
            contacts = imported(profile, FIXTURES / name)
            stored.append({n: {k: c[k] for k in KEPT} for n, c in contacts.items()})
    assert stored[0] == stored[1]
    assert stored[1]["श्री राजेश कुमार"]["fax_e164"] == "+911123456789"


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
@pytest.mark.parametrize(
    "tel",
    [
        "TEL;FAX",
        "tel;fax",
        "TEL;WORK;FAX",
        "TEL;Fax;Home",
        "TEL;TYPE=FAX",
        "TEL;TYPE=WORK,FAX",
        'TEL;TYPE="work,fax"',
        "TEL;type=fax;type=work",
        "TEL;TYPE=work;Fax",
    ],
)
def test_a_fax_line_in_any_form_fills_the_fax_field(office, tmp_path, version, tel):
    path = card(tmp_path, version, f"{tel}:+91 11 2345 6789", "TEL;WORK;VOICE:011 2338 0000")
    nadia = imported(office, path)["Nadia Benali"]
    assert (nadia["fax"], nadia["fax_e164"]) == ("+91 11 2345 6789", "+911123456789")
    assert (nadia["phone"], nadia["phone_e164"]) == ("011 2338 0000", "+911123380000")
    assert nadia["notes"] is None


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
@pytest.mark.parametrize("tel", ["TEL;WORK;VOICE", "TEL;CELL", "tel;home", "TEL;TYPE=cell"])
def test_work_cell_and_home_numbers_fill_the_phone_field(office, tmp_path, version, tel):
    nadia = imported(office, card(tmp_path, version, f"{tel}:098100 12345"))["Nadia Benali"]
    assert (nadia["phone"], nadia["phone_e164"]) == ("098100 12345", "+919810012345")
    assert nadia["fax"] is None


@pytest.mark.parametrize(
    ("version", "preferred"),
    [
        ("2.1", "EMAIL;INTERNET;PREF"),
        ("2.1", "email;pref;internet"),
        ("3.0", "EMAIL;TYPE=INTERNET,PREF"),
        ("3.0", "EMAIL;type=internet;type=pref"),
        ("4.0", "EMAIL;PREF=1"),
        ("4.0", "EMAIL;TYPE=work;PREF=3"),
    ],
)
def test_the_preferred_email_is_stored_and_the_others_kept_in_the_notes(
    office, tmp_path, version, preferred
):
    path = card(
        tmp_path,
        version,
        "EMAIL;INTERNET:first@example.org",
        f"{preferred}:preferred@example.org",
        "EMAIL:third@example.org",
    )
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["email"] == "preferred@example.org"
    assert nadia["notes"] == "Other emails: first@example.org, third@example.org"


def test_the_lowest_pref_number_wins_and_without_pref_the_first_email(office, tmp_path):
    path = card(
        tmp_path,
        "4.0",
        "EMAIL:none@example.org",
        "EMAIL;PREF=20:twenty@example.org",
        "EMAIL;PREF=5:five@example.org",
    )
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["email"] == "five@example.org"
    assert nadia["notes"] == "Other emails: twenty@example.org, none@example.org"

    (tmp_path / "office2").mkdir()
    with Profile.create(tmp_path / "office2" / "p", organization="O", device_name="d") as other:
        path = card(tmp_path, "2.1", "EMAIL;INTERNET:a@example.org", "EMAIL;HOME:b@example.org")
        assert imported(other, path)["Nadia Benali"]["email"] == "a@example.org"


def test_the_command_line_shows_the_fax_phone_and_email_of_a_vcard21(tmp_path):
    folder = tmp_path / "office"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--profile", str(folder), *args])

    assert run("init", "--org", "Office", "--country", "IN").exit_code == 0
    result = run("contacts", "import", str(FIXTURES / "phone21_types.vcf"), "--yes")
    assert result.exit_code == 0, result.output
    assert "3 to create, 0 to update, 0 to skip, 0 rejected." in result.output
    with Profile.open(folder) as profile:
        [rajesh] = [c for c in profile.contacts.list() if c["name"] == "श्री राजेश कुमार"]
    shown = run("contacts", "show", rajesh["id"])
    assert shown.exit_code == 0, shown.output
    assert "011 2345 6789" in shown.output and "+911123456789" in shown.output
    assert "011 2345 6700" in shown.output
    assert "rk@ncw.example.in" in shown.output


@pytest.mark.parametrize(
    ("version", "preferred"),
    [
        ("2.1", "EMAIL;INTERNET;PREF"),
        ("3.0", "EMAIL;TYPE=INTERNET,PREF"),
        ("4.0", "EMAIL;PREF=1"),
    ],
)
def test_an_invalid_preferred_email_gives_way_to_a_valid_one_and_is_kept_in_the_notes(
    office, tmp_path, version, preferred
):
    path = card(
        tmp_path,
        version,
        "EMAIL;INTERNET:first@example.org",
        f"{preferred}:nadia at example.org",
        "EMAIL:third@example.org",
    )
    (row,) = build_plan(office, path).rows
    assert row.warnings == [
        "“nadia at example.org” is not an email address; it is kept in the notes."
    ]
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["email"] == "first@example.org"
    assert nadia["notes"] == "Other emails: nadia at example.org, third@example.org"


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_an_email_line_that_lists_several_addresses_gives_each_its_place(office, tmp_path, version):
    path = card(tmp_path, version, "EMAIL:nadia@example.org, n.benali@example.net; x@y.org")
    (row,) = build_plan(office, path).rows
    assert row.action != REJECT and row.warnings == []
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["email"] == "nadia@example.org"
    assert nadia["notes"] == "Other emails: n.benali@example.net, x@y.org"


def test_a_card_whose_emails_are_all_invalid_is_rejected_for_its_preferred_one(office, tmp_path):
    path = card(tmp_path, "4.0", "EMAIL:first@example", "EMAIL;PREF=1:nadia@")
    (row,) = build_plan(office, path).rows
    assert row.action == REJECT
    assert row.reason == "“nadia@” is not an email address (expected name@example.org)."
    assert office.contacts.list() == []


def test_the_preview_of_the_command_line_says_which_email_is_not_an_address(tmp_path):
    folder = tmp_path / "office"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--profile", str(folder), *args])

    assert run("init", "--org", "Office", "--country", "IN").exit_code == 0
    result = run("contacts", "import", str(FIXTURES / "phone21_commas.vcf"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "3 to create, 0 to update, 0 to skip, 0 rejected." in result.output
    assert "“sunita.verma@shaktivahini” is not an email address" in result.output
    assert "“s.khatib@moj” is not an email address" in result.output
