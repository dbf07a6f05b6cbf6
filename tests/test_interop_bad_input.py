"""Bad input for import (#7): each reported per file or per row, and the store unchanged."""

from __future__ import annotations

import hashlib
import os
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
