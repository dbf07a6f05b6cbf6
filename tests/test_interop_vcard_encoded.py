"""vCard 2.1 and 3.0 files from older phones: quoted-printable (with soft line breaks),
base64 and CHARSET in N, ORG, ADR and the text properties are decoded on import, and a
value that does not decode rejects its card with the line it is on."""

from __future__ import annotations

import base64
import binascii
import unicodedata
from functools import cache
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vcards import imported

from fieldkit.cli import cli
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.plan import CREATE, REJECT, build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def test_vcard21_quoted_printable_and_base64_in_arabic_hindi_and_windows_1252(office):
    contacts = imported(office, FIXTURES / "phone21_qp.vcf")
    assert set(contacts) == {"ليلى حسن", "श्रीमती अनीता शर्मा", "Jürgen Müller"}

    layla = contacts["ليلى حسن"]
    assert layla["organization"] == "جمعية الأمل لمكافحة الاتجار بالبشر"
    assert layla["city"] == "القاهرة"
    assert layla["address"] == "شارع التحرير 12, 11511, مصر"
    assert "Department: الخط الساخن" in layla["notes"]
    assert layla["email"] == "layla@amal.example.org"

    # No FN: the name is made of the decoded N (prefix, given, family).
    anita = contacts["श्रीमती अनीता शर्मा"]
    assert anita["organization"] == "शक्ति वाहिनी"
    assert "Department: हेल्पलाइन" in anita["notes"]
    assert anita["city"] == "नई दिल्ली"
    assert anita["address"] == "12, लोधी रोड, दिल्ली, 110003, भारत"

    jurgen = contacts["Jürgen Müller"]
    assert jurgen["organization"] == "Société d'Entraide Genève"
    assert jurgen["title"] == "Conseiller juridique, bénévole"
    assert jurgen["city"] == "Genève"
    assert jurgen["country"] == "CH"
    assert jurgen["address"] == "Rue de l'Église 3, 1204"
    assert jurgen["notes"] == "Appeler avant 18h.\nParle français et allemand."


def test_vcard30_encoding_b_and_lower_case_parameters(office):
    contacts = imported(office, FIXTURES / "phone30_encoded.vcf")
    lan = contacts["Thị Lan Nguyễn"]
    assert lan["organization"] == "Hội Phụ nữ Đà Nẵng"
    assert lan["title"] == "Cán bộ dự án"
    assert (lan["city"], lan["country"]) == ("Đà Nẵng", "VN")
    assert lan["address"] == "12 Trần Phú, 550000"
    assert "Department: Tư vấn" in lan["notes"]

    joao = contacts["João Conceição"]
    assert joao["organization"] == "Pastoral do Migrante, São Paulo"
    assert (joao["city"], joao["country"]) == ("São Paulo", "BR")
    assert joao["address"] == "Rua da Glória 900, SP, 01510-000"


def test_a_value_that_does_not_decode_rejects_its_card_and_names_its_line(office):
    plan = build_plan(office, FIXTURES / "phone21_undecodable.vcf")
    fates = {r.line: (r.action, r.reason) for r in plan.rows}
    assert fates[1][0] == CREATE and fates[26][0] == CREATE
    assert fates[6] == (
        REJECT,
        "The vCard starting on line 6 cannot be read: the ORG value on line 9 is not text in "
        "its character set (UTF-8). Export it again from the phone as vCard 3.0 or 4.0 in "
        "UTF-8.",
    )
    assert fates[12] == (
        REJECT,
        "The vCard starting on line 12 cannot be read: the ADR value on line 15 is not valid "
        "base64. Export it again from the phone, or fix that line.",
    )
    assert fates[17] == (
        REJECT,
        "The vCard starting on line 17 cannot be read: the N value on line 20 is in a "
        "character set FieldKit does not know (KOI8-X). Export it again from the phone as "
        "vCard 3.0 or 4.0 in UTF-8.",
    )
    assert fates[22] == (
        REJECT,
        "The vCard starting on line 22 cannot be read: the N value on line 24 is not valid "
        "quoted-printable. Export it again from the phone, or fix that line.",
    )
    apply_plan(office, plan)
    assert sorted(c["name"] for c in office.contacts.list()) == ["Chidi Okafor", "Иван Петров"]


def test_the_command_line_shows_the_rejected_cards_and_imports_the_rest(tmp_path):
    folder = tmp_path / "office"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--profile", str(folder), *args])

    assert run("init", "--org", "Office", "--country", "IN").exit_code == 0
    result = run("contacts", "import", str(FIXTURES / "phone21_undecodable.vcf"), "--yes")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "2 to create, 0 to update, 0 to skip, 4 rejected." in result.output
    assert "  line 17: The vCard starting on line 17 cannot be read: the N value on" in (
        result.output
    )
    with Profile.open(folder) as profile:
        assert profile.contacts.count() == 2


def test_lines_after_a_decoded_property_keep_their_numbers(office, tmp_path):
    # The N value spans three lines (two soft line breaks); line 7 lost its folding space.
    path = tmp_path / "folded.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E0=A4=B6=E0=A4=B0=E0=A5=8D=E0=\r\n"
        b"=A4=AE=E0=A4=BE;=E0=A4=85=E0=A4=A8=E0=A5=80=\r\n"
        b"=E0=A4=A4=E0=A4=BE;;;\r\n"
        b"NOTE:first part of a long note that was folded\r\n"
        b"and this part lost its leading space\r\n"
        b"END:VCARD\r\n"
    )
    (row,) = build_plan(office, path).rows
    assert row.action == REJECT
    assert "line 7 is not a property" in row.reason, row.reason


def qp(data: bytes) -> str:
    """Quoted-printable as a phone writes it: soft line breaks every 60 characters."""
    text = binascii.b2a_qp(data, quotetabs=True).decode("ascii").replace("=\n", "")
    return "=\r\n".join(text[i : i + 60] for i in range(0, len(text), 60))


_CHARSETS = ["UTF-8", "windows-1252", "ISO-8859-1", "KOI8-R", "Shift_JIS"]


@cache
def _letters(charset: str) -> st.SearchStrategy[str]:
    """Letters, marks and digits a phone can write in ``charset``."""
    if charset == "UTF-8":
        return st.characters(categories=("L", "M", "N"))
    known = []
    for point in [*range(0x30, 0x3100), *range(0x4E00, 0x5000)]:
        char = chr(point)
        if unicodedata.category(char)[0] in "LMN":
            try:
                char.encode(charset)
            except UnicodeEncodeError:
                continue
            known.append(char)
    return st.sampled_from(known)


def _card(charset: str) -> st.SearchStrategy[tuple[str, str, str, str]]:
    word = st.text(_letters(charset), min_size=1, max_size=12)
    organization = st.lists(word, min_size=1, max_size=3).map(" ".join)
    return st.tuples(st.just(charset), word, word, organization)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(card=st.sampled_from(_CHARSETS).flatmap(_card), b64=st.booleans())
def test_any_name_and_organisation_in_any_charset_comes_back_as_written(
    office, tmp_path, card, b64
):
    charset, family, given_name, organization = card
    n = f"{family};{given_name};;;".encode(charset)
    org = organization.encode(charset)
    if b64:
        n_line = f"N;ENCODING=BASE64;CHARSET={charset}:{base64.b64encode(n).decode()}\r\n\r\n"
        org_line = f"ORG;ENCODING=B;CHARSET={charset}:{base64.b64encode(org).decode()}\r\n"
    else:
        n_line = f"N;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:{qp(n)}\r\n"
        org_line = f"ORG;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:{qp(org)}\r\n"
    path = tmp_path / "one.vcf"
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:2.1\r\n{n_line}{org_line}END:VCARD\r\n",
        encoding="ascii",
        newline="",
    )
    (row,) = build_plan(office, path).rows
    assert row.action == CREATE, row.reason
    assert row.values["name"] == f"{given_name} {family}"
    assert row.values["organization"] == organization
