"""``fieldkit contacts import`` and ``fieldkit contacts export`` (#7)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli
from fieldkit.profile import Profile

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def run(folder: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["--profile", str(folder), *args], input=input)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "office"
    assert run(path, "init", "--org", "Office", "--country", "IN").exit_code == 0
    return path


def db_hash(folder: Path) -> str:
    return hashlib.sha256((folder / "fieldkit.db").read_bytes()).hexdigest()


def count(folder: Path) -> int:
    with Profile.open(folder) as profile:
        return profile.contacts.count()


def test_dry_run_prints_the_preview_and_writes_nothing(folder):
    before = db_hash(folder)
    result = run(folder, "contacts", "import", str(FIXTURES / "google.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "google.csv: Google Contacts layout, 4 rows." in result.output
    assert "line 5: “+33 12” is not a possible phone number; it is kept as typed." in result.output
    assert "4 to create, 0 to update, 0 to skip, 0 rejected." in result.output
    assert "Dry run: nothing was written." in result.output
    assert db_hash(folder) == before


def test_import_asks_first_and_no_means_nothing_written(folder):
    before = db_hash(folder)
    result = run(folder, "contacts", "import", str(FIXTURES / "outlook.csv"), input="n\n")
    assert result.exit_code == 0
    assert "Import now? A backup is made first." in result.output
    assert "Nothing was written." in result.output
    assert db_hash(folder) == before


def test_import_yes_then_duplicates_are_skipped_or_filled(folder):
    path = str(FIXTURES / "outlook.csv")
    result = run(folder, "contacts", "import", path, input="y\n")
    assert result.exit_code == 0, result.output
    assert "Imported: 3 created, 0 updated" in result.output
    assert "before-import" in result.output
    again = run(folder, "contacts", "import", path, "--yes")
    assert "0 to create, 0 to update, 3 to skip, 0 rejected." in again.output
    assert "Duplicate of contact" in again.output and "same phone number" in again.output
    assert "Nothing to import." in again.output
    assert count(folder) == 3


def test_mapping_option_and_rejections_with_line_numbers(folder):
    result = run(
        folder,
        "contacts",
        "import",
        str(FIXTURES / "custom_semicolon.csv"),
        "--mapping",
        "Nom complet=name,Structure=organization,Portable=phone",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    assert "Imported: 2 created" in result.output
    bad = run(folder, "contacts", "import", str(FIXTURES / "too_many_columns.csv"), "--dry-run")
    assert "line 3: The row has 5 columns but the header has 4" in bad.output


def test_file_level_errors_are_one_clear_line(folder, tmp_path):
    before = db_hash(folder)
    result = run(folder, "contacts", "import", str(FIXTURES / "empty.csv"))
    assert result.exit_code == 1
    assert "empty.csv is empty: there is nothing to import" in result.output
    assert "Traceback" not in result.output
    result = run(folder, "contacts", "import", str(FIXTURES / "google.csv"), "--mapping", "x")
    assert result.exit_code == 1 and "COLUMN=FIELD" in result.output
    assert db_hash(folder) == before


def test_export_csv_and_vcard(folder, tmp_path):
    run(folder, "contacts", "import", str(FIXTURES / "outlook.csv"), "--yes")
    result = run(folder, "contacts", "export", "--format", "vcard")
    assert result.exit_code == 0
    assert result.output.count("BEGIN:VCARD") == 3
    assert "1 restricted contact was exported without its personal fields" in result.output
    out = tmp_path / "police.csv"
    result = run(
        folder,
        "contacts",
        "export",
        "--format",
        "csv",
        "--tag",
        "Police",
        "--out",
        str(out),
        "--include-restricted",
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "रवि शर्मा" in text and "0141 274 0100" in text and "Omar" not in text


def test_every_command_help_ends_with_an_example(folder):
    for command in ("import", "export"):
        result = run(folder, "contacts", command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output
        assert "fieldkit contacts " + command in result.output.split("Example:")[1]


def test_every_layout_and_format_is_named_from_one_table(folder, tmp_path):
    """The codes the import and export write (a plan's layout, the audit log's ``format``) all
    have their words in fieldkit.formats, which the preview and the audit log both read."""
    from fieldkit import formats
    from fieldkit.interop import layouts
    from fieldkit.interop.export import FORMATS as EXPORTED

    headers = {
        "google": ["Name", "E-mail 1 - Value"],
        "outlook": ["First Name", "Last Name", "E-mail Address"],
        "fieldkit": ["name", "phone"],
        "custom": ["Full name"],
    }
    assert {code: layouts.detect(header).name for code, header in headers.items()} == {
        code: code for code in headers
    }
    imported = {*headers, "vcard"}  # a vCard file has no CSV layout
    assert imported | set(EXPORTED) == set(formats.FORMATS)
    assert all(formats.layout_name(code) != code for code in imported)
    assert all(formats.format_phrase(code) != code for code in formats.FORMATS)

    preview = run(folder, "contacts", "import", str(FIXTURES / "contacts40.vcf"), "--yes")
    assert "contacts40.vcf: vCard layout," in preview.output, preview.output
    out = tmp_path / "all.csv"
    assert run(folder, "contacts", "export", "--format", "csv", "--out", str(out)).exit_code == 0
    log = run(folder, "audit").output.splitlines()
    assert log[-2].endswith("(CSV file)") and log[-1].endswith("(vCard file)"), log


def test_terminal_escapes_in_a_file_never_reach_the_terminal(folder, tmp_path):
    # A hostile file's escape sequences (clear screen, retitle the window), past the part
    # read to tell text from binary, are shown as U+FFFD in the preview's reasons and in
    # the list and record of what was imported.
    filler = "".join(f"Person {i},Filler Org,p{i}@example.org,\n" for i in range(2000))
    source = tmp_path / "hostile.csv"
    source.write_text(
        "Name,Organization,E-mail Address,Birthday\n"
        + filler
        + "\x1b[2JAsha\x1b]0;owned\x07,Unit\x9b31m,asha@example.org,\n"
        + "Ravi,Unit,ravi@example.org,\x1b[31m1990-13-45\n",
        encoding="utf-8",
    )
    preview = run(folder, "contacts", "import", str(source), "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "\ufffd[31m1990-13-45" in preview.output
    imported = run(folder, "contacts", "import", str(source), "--yes")
    assert imported.exit_code == 0, imported.output
    listed = run(folder, "contacts", "list")
    with Profile.open(folder) as profile:
        [asha] = [c for c in profile.contacts.list(limit=5000) if "Asha" in c["name"]]
    shown = run(folder, "contacts", "show", asha["id"])
    for result in (preview, imported, listed, shown):
        assert not set(result.output) & {"\x1b", "\x07", "\x9b"}, result.output
    assert "\ufffd[2JAsha" in shown.output
