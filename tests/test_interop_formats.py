"""The codes the contact import and export write (a plan's layout, the audit log's
``format``) come from fieldkit.formats, and every one of them has words there."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

from fieldkit import audit, formats
from fieldkit.i18n import set_language
from fieldkit.interop import layouts
from fieldkit.interop.export import export_contacts
from fieldkit.interop.plan import build_plan
from fieldkit.profile import Profile

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "interop"

HEADERS = {
    formats.GOOGLE: ["Name", "Given Name", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value"],
    formats.OUTLOOK: ["First Name", "Last Name", "Company", "E-mail Address", "Business Phone"],
    formats.FIELDKIT: ["name", "kind", "phone", "email", "tags"],
    formats.CUSTOM: ["Full name", "Mobile", "Town"],
}
"""A header of each CSV layout: a new layout needs one here."""


@pytest.fixture
def office(tmp_path):
    p = Profile.create(tmp_path / "office", organization="Office", device_name="d", country="IN")
    p.contacts.add({"name": "Asha Rao", "phone": "+91 11 2338 0000"})
    yield p
    p.close()


def test_every_code_written_has_words_in_fieldkit_formats():
    written = {*formats.LAYOUTS, *formats.IMPORTS, *formats.EXPORTS}
    constants = {v for k, v in vars(formats).items() if k.isupper() and isinstance(v, str)}
    assert constants <= written, "a code in fieldkit.formats that no import or export writes"
    missing = sorted(code for code in written if code not in formats.FORMATS)
    assert not missing, f"codes without words in fieldkit.formats.FORMATS: {missing}"
    for code in written:
        assert formats.format_phrase(code) != code
        assert formats.FORMATS[code].phrase.strip()
    for code in formats.IMPORTS:
        # the CLI preview says “%(layout)s layout”
        assert formats.layout_name(code) != code


def test_each_layout_is_recognised_from_its_header():
    assert set(HEADERS) == set(formats.LAYOUTS)
    assert {code: layouts.detect(header).name for code, header in HEADERS.items()} == {
        code: code for code in HEADERS
    }


def test_a_layout_outside_fieldkit_formats_cannot_be_made():
    with pytest.raises(ValueError, match="yahoo"):
        layouts.Layout("yahoo", ["Name"])


def test_interop_spells_no_code_itself():
    """A code string appears only in fieldkit/formats.py, never again under fieldkit/interop."""
    codes = set(formats.FORMATS)
    found = []
    for path in sorted((ROOT / "fieldkit" / "interop").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and node.value in codes
                and id(node) not in docstrings
            ):
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert not found, found


def test_the_audit_log_names_what_was_imported_and_exported(office, tmp_path):
    plan = build_plan(office, FIXTURES / "contacts40.vcf")
    assert plan.layout == formats.VCARD
    csv_path = tmp_path / "people.csv"
    csv_path.write_text("Full name,Mobile\nLeila Salim,+91 98100 00000\n", encoding="utf-8")
    assert build_plan(office, csv_path).layout == formats.CUSTOM
    for code in formats.EXPORTS:
        export_contacts(office, code, io.StringIO())
    shown = [e["details"]["format"] for e in audit.entries(office.store, action="export")]
    assert sorted(shown) == sorted(formats.EXPORTS)
    set_language("fr")
    try:
        lines = [
            audit.describe("export", e["details"])
            for e in reversed(audit.entries(office.store, action="export"))
        ]
    finally:
        set_language("en")
    assert lines[0].endswith("(fichier CSV)") and lines[1].endswith("(fichier vCard)"), lines


def test_an_unknown_export_format_names_those_there_are(office):
    from fieldkit.interop.errors import ExportError

    with pytest.raises(ExportError) as caught:
        export_contacts(office, "xlsx", io.StringIO())
    assert str(caught.value) == "“xlsx” is not an export format; use one of: csv, vcard."
    assert not audit.entries(office.store, action="export")
