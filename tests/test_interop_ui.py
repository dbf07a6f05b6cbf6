"""The Import wizard and the Export dialog through real widgets, offscreen (#7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from fieldkit.profile import Profile
from fieldkit.ui.import_wizard import ExportDialog, ImportWizard

pytestmark = pytest.mark.gui
FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def start(qtbot, wizard: QWizard, path: Path) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()


def test_wizard_recognises_google_previews_and_imports(qtbot, office):
    wizard = ImportWizard(office)
    start(qtbot, wizard, FIXTURES / "google.csv")
    mapping = wizard.mapping_page
    assert "Google Contacts" in mapping.found_label.text()
    header = [mapping.table.item(r, 0).text() for r in range(mapping.table.rowCount())]
    roles = {h: mapping.table.cellWidget(r, 1).currentData() for r, h in enumerate(header)}
    assert roles["First Name"] == "given" and roles["Organization Name"] == "organization"
    assert roles["Phone 1 - Value"] == "phone" and roles["Photo"] == "ignore"
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=10_000)
    assert preview.summary.text() == "4 to create, 0 to update, 0 to skip, 0 rejected."
    assert preview.table.rowCount() == 1  # only the row with a flagged number needs a look
    assert "+33 12" in preview.table.item(0, 4).text()
    assert office.contacts.count() == 0  # nothing written before Import
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.finished, timeout=20_000)
    assert page.result is not None and page.result.created == 4
    assert "Imported: 4 created" in page.status.text()
    assert office.contacts.count() == 4


def test_user_maps_columns_and_chooses_per_duplicate(qtbot, office):
    office.contacts.add({"name": "Aïcha Diallo", "email": "aicha@example.sn"})
    wizard = ImportWizard(office)
    start(qtbot, wizard, FIXTURES / "custom_semicolon.csv")
    mapping = wizard.mapping_page
    mapping.set_role(0, "name")
    mapping.set_role(1, "organization")
    mapping.set_role(2, "phone")
    mapping.set_role(3, "email")
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=10_000)
    assert preview.summary.text() == "1 to create, 0 to update, 1 to skip, 0 rejected."
    combo = preview.table.cellWidget(0, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() == "skip"
    assert "same email" in preview.table.item(0, 4).text()
    combo.setCurrentIndex(combo.findData("fill"))
    combo.activated.emit(combo.currentIndex())
    assert preview.summary.text() == "1 to create, 1 to update, 0 to skip, 0 rejected."
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=20_000)
    aicha = office.contacts.list({"email": "aicha@example.sn"})[0]
    assert aicha["organization"] == "Réseau des juristes"
    assert aicha["phone_e164"] == "+221771234567"
    assert office.contacts.count() == 2


def test_cancel_during_import_leaves_the_store_as_it_was(qtbot, office, tmp_path):
    path = tmp_path / "many.csv"
    rows = "\n".join(f"Person {i},Org {i % 9},+91 98{i:08d}" for i in range(15_000))
    path.write_text("Name,Organisation,Phone\n" + rows + "\n", encoding="utf-8")
    office.contacts.add({"name": "Already Here"})
    wizard = ImportWizard(office)
    start(qtbot, wizard, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None, timeout=30_000)
    wizard.next()
    page = wizard.import_page
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.finished, timeout=30_000)
    assert page.status.text() == "The import was cancelled: nothing was changed."
    assert office.contacts.count() == 1


def test_bad_file_is_explained_in_the_preview(qtbot, office):
    wizard = ImportWizard(office)
    start(qtbot, wizard, FIXTURES / "header_only.csv")
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: "no contacts to import" in preview.summary.text(), timeout=10_000)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_a_file_name_that_looks_like_markup_is_shown_as_written(qtbot, office, tmp_path):
    named = tmp_path / "<h1>list.csv"
    named.write_bytes(b"")
    wizard = ImportWizard(office)
    start(qtbot, wizard, named)
    found = wizard.mapping_page.found_label
    assert found.textFormat() == Qt.TextFormat.PlainText
    assert found.text().startswith("<h1>list.csv is empty")
    wizard.next()
    summary = wizard.preview_page.summary
    qtbot.waitUntil(lambda: "<h1>list.csv" in summary.text(), timeout=10_000)
    assert summary.textFormat() == Qt.TextFormat.PlainText


def test_export_dialog_writes_vcards_and_asks_before_local_only(qtbot, office, tmp_path):
    office.contacts.add({"name": "Open Contact", "phone": "+91 11 2338 0000"})
    office.contacts.add({"name": "Hidden Keeper", "sensitivity": "local-only"})
    dialog = ExportDialog(office)
    qtbot.addWidget(dialog)
    asked = []
    dialog.ask_local_only = lambda: asked.append(1) or False
    dialog.local_only.setChecked(True)
    assert asked and not dialog.local_only.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("vcard"))
    out = tmp_path / "out.vcf"
    dialog.path_edit.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    text = out.read_text(encoding="utf-8")
    assert "Open Contact" in text and "Hidden Keeper" not in text
    assert "1 local-only contact was left out" in dialog.status.text()


def test_contacts_page_opens_the_wizard_on_the_app_worker(qtbot, open_app, demo_profile):
    session = open_app(demo_profile.path)
    before = demo_profile.contacts.count()
    page = session.window.show_section("contacts")
    page.open_wizard("import")
    wizard = page.findChild(QWizard, "importWizard")
    assert wizard is not None and wizard.ops is not None
    wizard.file_page.path_edit.setText(str(FIXTURES / "outlook.csv"))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None, timeout=10_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=20_000)
    assert wizard.import_page.result.created == 3
    qtbot.waitUntil(lambda: page.model.rowCount() >= 3, timeout=10_000)
    with Profile.open(demo_profile.path) as fresh:
        assert fresh.contacts.count() == before + 3
    wizard.close()
