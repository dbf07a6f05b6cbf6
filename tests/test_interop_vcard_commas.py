"""Commas in vCard values: in vCard 2.1 a comma is a letter (``Plot 21, Jasola``), kept as
written in every text property; in 3.0 and 4.0 ``\\,`` is a comma and a bare comma
separates the items of a list (N, ADR, ORG, CATEGORIES), stored joined by ", " (no doubled
space), and is kept as written in a single-valued one (FN, TITLE, NOTE, URL, TEL…), where
it is invalid but common."""

from __future__ import annotations

import binascii
from pathlib import Path

import pytest
from vcards import card, imported

from fieldkit.data import entities as E
from fieldkit.interop.export import export_contacts
from fieldkit.interop.plan import build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
KEPT = ("organization", "title", "email", "notes", "address", "city", "country")


def test_vcard21_commas_in_address_organisation_and_name_are_kept_as_written(office):
    contacts = imported(office, FIXTURES / "phone21_commas.vcf")
    assert set(contacts) == {"डॉ. सुनीता वर्मा", "سميرة الخطيب", "Dr. Jürgen Müller, geb. Schäfer"}

    sunita = contacts["डॉ. सुनीता वर्मा"]
    assert sunita["address"] == "Plot 21, Jasola, 110025"
    assert (sunita["city"], sunita["country"]) == ("New Delhi", "IN")
    assert sunita["organization"] == "शक्ति वाहिनी, दिल्ली"
    assert sunita["title"] == "वकील, मानव तस्करी विरोधी इकाई"
    # The preferred email has no domain ending: the valid one is stored, it is kept.
    assert sunita["email"] == "sunita@shaktivahini.example.org"
    assert sunita["notes"] == (
        "शाम 6 बजे से पहले फ़ोन करें, ड्यूटी अधिकारी से बात करें।\nOther emails: sunita.verma@shaktivahini"
    )

    samira = contacts["سميرة الخطيب"]
    assert samira["organization"] == "وزارة العدل, مديرية حقوق الإنسان"
    assert samira["email"] == "samira@moj.example.jo"
    assert samira["notes"] == "Other emails: s.khatib@moj\nDepartment: وحدة مكافحة الاتجار, عمّان"
    assert samira["address"] == "شارع الملك حسين 5, الطابق الثاني, 11118"
    assert (samira["city"], samira["country"]) == ("عمّان", "JO")

    # No FN: the name is made of N, whose family name has a comma.
    jurgen = contacts["Dr. Jürgen Müller, geb. Schäfer"]
    assert jurgen["organization"] == "Société d'Entraide, Genève"
    assert jurgen["address"] == "Rue de l'Église 3, Bâtiment B, 2e étage, GE, 1204"
    assert (jurgen["city"], jurgen["country"]) == ("Genève", "CH")


def test_the_same_contacts_with_escaped_commas_in_30_and_40_are_stored_alike(tmp_path):
    stored = []
    for name in ("phone21_commas.vcf", "phone30_commas.vcf"):
        folder = tmp_path / name
        with Profile.create(folder, organization="O", device_name="d", country="IN") as profile:
            contacts = imported(profile, FIXTURES / name)
            stored.append({n: {k: c[k] for k in KEPT} for n, c in contacts.items()})
    assert stored[0] == stored[1]
    assert stored[1]["डॉ. सुनीता वर्मा"]["address"] == "Plot 21, Jasola, 110025"


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_bare_commas_in_30_and_40_join_the_list_items_with_one_space(office, tmp_path, version):
    path = card(
        tmp_path,
        version,
        "N:Benali;Nadia,Amira;;;",
        "ORG:Shakti Vahini, Delhi;Legal Aid,, North",
        "ADR;TYPE=home:;;Plot 21, Jasola;New Delhi;;110025;India",
    )
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["address"] == "Plot 21, Jasola, 110025"
    assert nadia["organization"] == "Shakti Vahini, Delhi"
    assert nadia["notes"] == "Department: Legal Aid, North"

    (row,) = build_plan(office, card(tmp_path, version, "N:Benali;Nadia,Amira;;;")).rows
    assert row.values["name"] == "Nadia Benali"


def test_vcard21_without_fn_names_the_contact_from_n_with_its_commas(office, tmp_path):
    path = tmp_path / "n.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okafor;Chinedu;;;Jr., Esq.\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    (row,) = build_plan(office, path).rows
    assert row.values["name"] == "Chinedu Okafor Jr., Esq."


@pytest.mark.parametrize("encoded", [False, True])
def test_vcard21_text_properties_keep_commas_and_backslashes_tags_split(office, tmp_path, encoded):
    def line(name: str, value: str) -> str:
        if not encoded:
            return f"{name};CHARSET=UTF-8:{value}"
        qp = binascii.b2a_qp(value.encode("utf-8")).decode("ascii")
        return f"{name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp}"

    path = card(
        tmp_path,
        "2.1",
        line("TITLE", "Directrice, Unité de protection"),
        line("NOTE", r"Dossier C:\cas\2024, voir Ana"),
        line("CATEGORIES", "Police,Shelters"),
    )
    nadia = imported(office, path)["Nadia Benali"]
    assert nadia["title"] == "Directrice, Unité de protection"
    assert nadia["notes"] == r"Dossier C:\cas\2024, voir Ana"
    assert nadia["tags"] == ["Police", "Shelters"]


def test_a_photo_of_a_vcard21_is_not_rewritten(office, tmp_path):
    png = (FIXTURES / "photo.png").read_bytes()
    uri = "data:image/png;base64," + binascii.b2a_base64(png, newline=False).decode()
    path = card(tmp_path, "2.1", "ORG:Shakti Vahini, Delhi", f"PHOTO;VALUE=URI:{uri}")
    (row,) = build_plan(office, path).rows
    assert row.values["organization"] == "Shakti Vahini, Delhi"
    assert row.photo == (png, "photo.png")


def test_a_folded_photo_is_kept_and_the_properties_around_it_are_read(office, tmp_path):
    png = (FIXTURES / "photo.png").read_bytes()
    encoded = binascii.b2a_base64(png, newline=False).decode()
    folded = "\r\n ".join(encoded[i : i + 74] for i in range(0, len(encoded), 74))
    path = card(
        tmp_path,
        "2.1",
        "ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Shakti Vahini, J=C3=A4sola",
        f"PHOTO;ENCODING=BASE64;TYPE=PNG:{folded}",
        "",
        "NOTE:Plot 21, Jasola",
    )
    (row,) = build_plan(office, path).rows
    assert row.values["organization"] == "Shakti Vahini, Jäsola"
    assert row.values["notes"] == "Plot 21, Jasola"
    assert row.photo == (png, "photo.png")


def test_bare_commas_in_30_and_40_single_valued_properties_keep_the_whole_value(office):
    contacts = imported(office, FIXTURES / "phone30_bare_commas.vcf")
    assert set(contacts) == {
        "डॉ. सुनीता वर्मा, अधिवक्ता",
        "سميرة الخطيب, محامية",
        "Dr. Jürgen Émile Müller, geb. Schäfer",
    }

    sunita = contacts["डॉ. सुनीता वर्मा, अधिवक्ता"]
    assert sunita["title"] == "अधिकारी, मानव तस्करी विरोधी इकाई"
    assert sunita["website"] == "https://shaktivahini.example.org/contact?lang=hi,en"
    # The note is folded right before a comma; ORG, ADR and CATEGORIES still separate.
    assert sunita["notes"] == (
        "शाम 6 बजे से पहले फ़ोन करें, ड्यूटी अधिकारी से बात करें, हिंदी या अंग्रेज़ी में।\n"
        "Department: विधिक सहायता, दिल्ली"
    )
    assert sunita["organization"] == "शक्ति वाहिनी"
    assert sunita["address"] == "Plot 21, Jasola, 110025"
    assert sunita["tags"] == ["Legal aid", "Delhi"]
    assert sunita["phone"] == "011 2338 0000"

    samira = contacts["سميرة الخطيب, محامية"]
    assert samira["title"] == "رئيسة قسم, وحدة مكافحة الاتجار بالبشر"
    assert samira["organization"] == "وزارة العدل, مديرية حقوق الإنسان"
    # An escaped and a bare comma in one value.
    assert samira["notes"] == "تتحدث العربية, الإنجليزية, والفرنسية"

    jurgen = contacts["Dr. Jürgen Émile Müller, geb. Schäfer"]
    assert jurgen["title"] == "Officer, Anti-Human Trafficking Unit"
    assert jurgen["notes"] == (
        "Appeler après 18h, demander la permanence, bureau 2\nDeuxième ligne, aussi\n"
        "Other emails: j.mueller@entraide.example.ch"
    )
    assert jurgen["website"] == "https://entraide.example.ch/equipe,geneve"
    assert (jurgen["phone"], jurgen["fax"]) == ("+41 22 700 00 01", "+41 22 700 00 02")
    assert jurgen["kind"] == "ngo"
    assert jurgen["tags"] == ["Foyers", "Genève"]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Directrice, Unité de protection", "Directrice, Unité de protection"),
        (r"Directrice\, Unité de protection", "Directrice, Unité de protection"),
        (r"Dossier C:\\cas\\, voir Ana,", r"Dossier C:\cas\, voir Ana,"),
        (",,Ana, ,", ",,Ana, ,"),
    ],
)
def test_30_and_40_title_and_note_keep_bare_commas_escapes_still_read(
    office, tmp_path, version, written, stored
):
    path = card(tmp_path, version, f"TITLE:{written}", f"NOTE;LANGUAGE=fr:{written}")
    nadia = imported(office, path)["Nadia Benali"]
    assert (nadia["title"], nadia["notes"]) == (stored, stored)


def test_30_encoded_value_keeps_its_bare_commas(office, tmp_path):
    qp = binascii.b2a_qp("Référente, permanence de nuit".encode()).decode("ascii")
    path = card(tmp_path, "3.0", f"TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp}")
    assert imported(office, path)["Nadia Benali"]["title"] == "Référente, permanence de nuit"


def test_30_phone_with_a_bare_comma_is_kept_whole_in_the_notes(office, tmp_path):
    path = card(tmp_path, "3.0", "TEL;TYPE=WORK,VOICE:+41 22 700 00 01, ext. 12")
    (row,) = build_plan(office, path).rows
    assert "phone" not in row.values
    assert row.values["notes"] == "Other phones: +41 22 700 00 01, ext. 12"
    assert row.warnings == [
        "“+41 22 700 00 01, ext. 12” has letters or signs a phone number cannot have; it is "
        "kept in the notes."
    ]


def test_bare_commas_survive_export_and_import_again(office, tmp_path):
    imported(office, FIXTURES / "phone30_bare_commas.vcf")
    out = tmp_path / "out.vcf"
    export_contacts(office, "vcard", out, include_restricted=True)
    fields = E.CONTACTS.field_names
    with Profile.create(tmp_path / "b", organization="O", device_name="b", country="IN") as back:
        again = imported(back, out)
        assert {n: {k: c[k] for k in fields} for n, c in again.items()} == {
            c["name"]: {k: c[k] for k in fields} for c in office.contacts.list()
        }
        assert again["Dr. Jürgen Émile Müller, geb. Schäfer"]["title"] == (
            "Officer, Anti-Human Trafficking Unit"
        )
