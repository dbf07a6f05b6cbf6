"""Bad input for import (#7): each reported per file or per row, and the store unchanged."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from fieldkit.interop.apply import apply_plan
from fieldkit.interop.csv_read import MAX_BYTES
from fieldkit.interop.errors import ImportFileError
from fieldkit.interop.plan import REJECT, build_plan
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


@pytest.fixture
def office(tmp_path):
    p = Profile.create(tmp_path / "office", organization="Office", device_name="d", country="IN")
    p.contacts.add({"name": "Already Here", "phone": "+91 11 2338 0000"})
    p.close()
    return tmp_path / "office"


def db_hash(folder: Path) -> str:
    return hashlib.sha256((folder / "fieldkit.db").read_bytes()).hexdigest()


def import_file(folder: Path, path: Path):
    """Preview and (when anything is left to write) import, as a user would; then close."""
    with Profile.open(folder) as profile:
        plan = build_plan(profile, path)
        rejected = [(r.line, r.reason) for r in plan.rows if r.action == REJECT]
        return plan, rejected


def test_empty_file(office):
    before = db_hash(office)
    with pytest.raises(ImportFileError, match="empty: there is nothing to import"):
        import_file(office, FIXTURES / "empty.csv")
    assert db_hash(office) == before


def test_binary_file(office, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    before = db_hash(office)
    with pytest.raises(ImportFileError, match="is not a text file"):
        import_file(office, path)
    with pytest.raises(ImportFileError, match="is not a text file"):
        import_file(office, FIXTURES / "photo.png")
    assert db_hash(office) == before


def test_header_only(office):
    before = db_hash(office)
    with pytest.raises(ImportFileError, match="no contacts to import"):
        import_file(office, FIXTURES / "header_only.csv")
    assert db_hash(office) == before


def test_row_with_too_many_columns_is_rejected_with_its_line(office):
    before = db_hash(office)
    plan, rejected = import_file(office, FIXTURES / "too_many_columns.csv")
    assert db_hash(office) == before  # the preview writes nothing
    assert rejected == [(3, rejected[0][1])]
    assert "5 columns but the header has 4" in rejected[0][1]
    with Profile.open(office) as profile:
        apply_plan(profile, build_plan(profile, FIXTURES / "too_many_columns.csv"))
        names = {c["name"] for c in profile.contacts.list()}
    assert names == {"Already Here", "Ana Santos", "Peter Kamau"}  # not Luis García


def test_invalid_date_is_rejected_with_its_line(office):
    plan, rejected = import_file(office, FIXTURES / "invalid_date.csv")
    assert rejected == [
        (2, "Birthday “1980-02-30” is not a date (use YYYY-MM-DD, e.g. 1980-05-31).")
    ]
    with Profile.open(office) as profile:
        apply_plan(profile, build_plan(profile, FIXTURES / "invalid_date.csv"))
        names = {c["name"] for c in profile.contacts.list()}
    assert "Ana Santos" not in names and "Peter Kamau" in names


def test_vcard_with_broken_line_folding(office):
    before = db_hash(office)
    plan, rejected = import_file(office, FIXTURES / "broken_folding.vcf")
    assert db_hash(office) == before
    [(line, reason)] = rejected
    assert line == 6 and "line 10 is not a property" in reason
    assert [r.values["name"] for r in plan.rows if r.action != REJECT] == [
        "Amina Juma",
        "Mei Nguyen",
    ]


def test_a_50_mb_file_is_refused_before_reading(office, tmp_path):
    path = tmp_path / "huge.csv"
    line = b"Person,Organisation,+91 98765 43210,someone@example.org\n"
    with open(path, "wb") as handle:
        handle.write(b"Name,Organisation,Phone,Email\n")
        chunk = line * 20_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    assert path.stat().st_size > MAX_BYTES
    before = db_hash(office)
    with pytest.raises(ImportFileError, match=r"is 50 MB; .* Split it into smaller files"):
        import_file(office, path)
    assert db_hash(office) == before


def test_a_row_that_is_not_a_contact(office, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "Name,Email,Kind\n"
        ",,\n"  # blank: ignored
        ",nobody@example.org,\n"  # no name, no organisation
        "Bad Mail,not-an-email,\n"
        "Odd Kind,,spy\n"
        "Fine,fine@example.org,ngo\n",
        encoding="utf-8",
    )
    _plan, rejected = import_file(office, path)
    lines = dict(rejected)
    assert sorted(lines) == [3, 4, 5]
    assert "No name" in lines[3]
    assert "not an email address" in lines[4]
    assert "“spy” is not a valid" in lines[5]


def test_no_name_column_asks_for_a_mapping(office):
    with pytest.raises(ImportFileError, match="--mapping"):
        import_file(office, FIXTURES / "custom_semicolon.csv")


def test_bad_mapping_is_explained(office):
    from fieldkit.interop.layouts import parse_mapping

    with pytest.raises(ImportFileError, match="not a field to import into"):
        parse_mapping("Nom complet=fullname")
    with pytest.raises(ImportFileError, match="COLUMN=FIELD"):
        parse_mapping("name")
    with Profile.open(office) as profile, pytest.raises(ImportFileError, match="no column"):
        build_plan(profile, FIXTURES / "custom_semicolon.csv", mapping={"Nope": "name"})


def test_missing_file(office, tmp_path):
    with pytest.raises(ImportFileError, match="Cannot read"):
        import_file(office, tmp_path / "nothing.csv")


# --- found by tests/test_interop_fuzz.py ------------------------------------------------


def test_google_row_that_ends_before_its_phone_label(office, tmp_path):
    path = tmp_path / "google.csv"
    path.write_text("Name,Phone 1 - Value,Phone 1 - Type\nAsha Rao,+91 98100 00000\n")
    plan, rejected = import_file(office, path)
    assert rejected == []
    [row] = plan.rows
    assert row.values["phone_e164"] == "+919810000000" and "fax" not in row.values


def test_no_name_column_suggests_a_mapping_that_can_be_typed(office, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(' ,"Mobile, work",Email\n1,+91 98100 00000,a@example.org\n')
    with pytest.raises(ImportFileError, match='--mapping "Email=name"'):
        import_file(office, path)
    path.write_text(' ;"a=b"\nx;y\n')
    with pytest.raises(ImportFileError, match='--mapping "1=name"'):
        import_file(office, path)


def test_cell_longer_than_the_limit_names_its_line_and_the_likely_quote(office, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('Name,Notes\nAsha,ok\nRavi,"never closed\n' + "x" * 210_000 + "\n")
    before = db_hash(office)
    with pytest.raises(ImportFileError) as caught:
        import_file(office, path)
    assert str(caught.value) == (
        "Line 3 of quote.csv has a cell longer than 200,000 characters: most likely a quote "
        "there is never closed. Fix that line, then try again."
    )
    assert db_hash(office) == before


def _vcf(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cards.vcf"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_vcard_without_end_and_a_vcard_begun_inside_another(office, tmp_path):
    path = _vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Outer Card\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Inner Card\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Cut Sh",
    )
    plan, rejected = import_file(office, path)
    assert [r.values["name"] for r in plan.rows if r.action != REJECT] == ["Inner Card"]
    assert [line for line, _reason in rejected] == [1, 8]
    for line, reason in rejected:
        assert reason == (
            f"The vCard starting on line {line} has no END:VCARD line (the file may be cut "
            "short, or another vCard begins inside it). Export it again from the phone."
        )


def test_vcard_begin_and_end_with_spaces_around_them(office, tmp_path):
    path = _vcf(tmp_path, "  BEGIN:VCARD \nVERSION:3.0\nFN:Asha Rao\n end:vcard\n")
    plan, rejected = import_file(office, path)
    assert rejected == [] and plan.rows[0].values["name"] == "Asha Rao"


def test_vcard_reason_names_the_line_vobject_cannot_read(office, tmp_path):
    path = _vcf(
        tmp_path, "BEGIN:VCARD\nVERSION:3.0\nFN:Asha Rao\nEMAIL;;;:a@example.org\nEND:VCARD\n"
    )
    _plan, [(line, reason)] = import_file(office, path)
    assert line == 1 and "line 4 is not a property" in reason


def test_vcard_with_an_unknown_character_set(office, tmp_path):
    path = _vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=x-martian:=C3;A\n"
        "FN:Asha\nEND:VCARD\n",
    )
    _plan, [(line, reason)] = import_file(office, path)
    assert line == 1
    assert "the N value on line 3 is in a character set FieldKit does not know (x-martian)" in (
        reason
    )


def test_vcard_text_values_in_base64_are_read_as_text(office, tmp_path):
    path = _vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=BASE64:4KSG4KS24KS+IOCksOCkvuCktQ==\n"
        "EMAIL;ENCODING=b:YUBleGFtcGxlLm9yZw==\nEND:VCARD\n",
    )
    plan, rejected = import_file(office, path)
    assert rejected == []
    assert plan.rows[0].values["name"] == "आशा राव"
    assert plan.rows[0].values["email"] == "a@example.org"


@pytest.mark.parametrize(
    "photo",
    [
        "PHOTO;ENCODING=b;TYPE=JPEG:!!!not base64***",
        "PHOTO;ENCODING=b;TYPE=JPEG:QUJD",  # valid base64 of "ABC"
        "PHOTO:data:text/plain;base64,SGVsbG8=",
        "PHOTO:data:text/html,<script>alert(1)</script>",
    ],
)
def test_vcard_photo_that_is_not_an_image_is_left_out_with_a_warning(office, tmp_path, photo):
    path = _vcf(tmp_path, f"BEGIN:VCARD\nVERSION:3.0\nFN:Asha Rao\n{photo}\nEND:VCARD\n")
    plan, rejected = import_file(office, path)
    assert rejected == []
    [row] = plan.rows
    assert row.photo is None
    assert row.warnings == [
        "The photo is not a JPEG, PNG, GIF or WebP image that can be read; the contact is "
        "imported without it."
    ]
    with Profile.open(office) as profile:
        result = apply_plan(profile, build_plan(profile, path))
        assert (result.created, result.photos, profile.attachments.count()) == (1, 0, 0)


def test_header_name_with_a_line_break_is_read_as_the_rows_are(office, tmp_path):
    path = tmp_path / "wrapped.csv"
    path.write_text('"Full\nname",Phone\nAsha Rao,+91 98100 00000\n', encoding="utf-8")
    plan, rejected = import_file(office, path)
    assert rejected == []
    assert [(r.line, r.values["name"], r.values["phone_e164"]) for r in plan.rows] == [
        (3, "Asha Rao", "+919810000000")
    ]


def test_mapping_by_a_column_number_written_in_other_digits(office):
    from fieldkit.interop.layouts import parse_mapping

    with Profile.open(office) as profile:
        with pytest.raises(ImportFileError, match="no column “²”"):
            build_plan(profile, FIXTURES / "custom_semicolon.csv", mapping=parse_mapping("²=name"))
        plan = build_plan(profile, FIXTURES / "custom_semicolon.csv", mapping={"١": "name"})
    assert plan.columns[0] == "name"


def test_a_long_line_of_symbols_does_not_stall_the_preview(office, tmp_path):
    # csv.Sniffer backtracked on such a line: 45,000 stars took about half a minute.
    path = tmp_path / "stars.csv"
    path.write_text('"Name"\r\n\r\n' + "*" * 45_000 + "\r\nAsha Rao\r\n", encoding="utf-8")
    started = time.monotonic()
    plan, rejected = import_file(office, path)
    assert time.monotonic() - started < 5
    assert [r.values["name"] for r in plan.rows if r.action != REJECT] == ["Asha Rao"]
    assert rejected == [(3, "Name is too long (at most 2000 characters).")]
