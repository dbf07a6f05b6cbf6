"""Backups in the app, through the real widgets on a real profile: the list, "Back up now",
"Restore…" with its confirmation, and a damaged backup."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime as babel_datetime
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from fieldkit.i18n import format_size
from fieldkit.profile import Profile
from fieldkit.ui.backups_dialog import BackupsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def office(tmp_path):
    """A profile with one contact in an older backup and one added after it."""
    p = Profile.create(tmp_path / "office", organization="Shakti", device_name="laptop")
    p.contacts.add({"name": "Asha Rao", "country": "IN"})
    p.backup()
    p.contacts.add({"name": "Added after the backup", "country": "IN"})
    yield p
    p.close()


def _names(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _rows(dialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def _confirm(qtbot, dialog) -> QMessageBox:
    box = dialog.ask_restore()
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    return box


def _press_restore(qtbot, box: QMessageBox) -> None:
    """Click the confirmation's Restore button, as a person would."""
    qtbot.mouseClick(box.findChild(QPushButton, "confirmRestore"), Qt.MouseButton.LeftButton)


def test_the_list_shows_when_why_and_size_in_local_time(qtbot, open_app, office, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    office.backup("before-import")
    newest, oldest = office.backup_details()
    session = open_app(office.path)
    dialog = session.window.show_backups()
    assert dialog.isVisible()
    rows = _rows(dialog)
    assert [why for _when, why, _size in rows] == ["Before an import", "Made by hand"]
    kolkata = ZoneInfo("Asia/Kolkata")
    assert rows[1][0] == babel_datetime(oldest.made, "medium", tzinfo=kolkata, locale="en")
    assert rows[0][2].endswith("kB") and rows[0][2][0].isdigit()
    assert not dialog.empty.isVisible()
    # Nothing chosen yet: nothing to restore.
    assert not dialog.restore_button.isEnabled() and dialog.backup_button.isEnabled()


def test_the_list_speaks_the_ui_language(qtbot, open_app, office, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    office.set_settings(language="es")
    (made,) = office.backup_details()
    session = open_app(office.path)
    dialog = session.window.show_backups()
    assert dialog.windowTitle() == "Copias de seguridad"
    ((when, why, size),) = _rows(dialog)
    assert why == "Hecha manualmente"
    assert when == babel_datetime(made.made, "medium", tzinfo=ZoneInfo("UTC"), locale="es")
    assert size == format_size(made.size, "es") and "." not in size  # "311,3 kB"


def test_settings_page_and_file_menu_open_the_backups(qtbot, open_app, office):
    session = open_app(office.path)
    page = session.window.show_section("settings")
    qtbot.mouseClick(page.backups_button, Qt.MouseButton.LeftButton)
    (dialog,) = page.findChildren(BackupsDialog)
    assert dialog.isVisible() and dialog.table.rowCount() == 1
    dialog.close()
    assert session.window.act_backups in session.window.file_menu.actions()
    session.window.act_backups.trigger()
    (from_menu,) = session.window.findChildren(
        BackupsDialog, options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    assert from_menu.isVisible()


def test_back_up_now_adds_one_on_the_worker(qtbot, open_app, office):
    session = open_app(office.path)
    dialog = session.window.show_backups()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisibleTo(dialog) and not dialog.backup_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert not dialog.busy.isVisibleTo(dialog) and dialog.backup_button.isEnabled()
    assert dialog.status.text() == "Backup made."
    assert _rows(dialog)[0][1] == "Made by hand"
    assert dialog.table.currentRow() == 0  # the new one is selected
    assert len(office.backups()) == 2


@pytest.mark.parametrize(
    ("language", "intro"),
    [
        (
            "en",
            "FieldKit backs the profile up before every import, restore, update of its format "
            "and passphrase change, and before a sync that brings in changes; it keeps the last "
            "10 backups.",
        ),
        (
            "fr",
            "FieldKit sauvegarde le profil avant chaque importation, restauration, mise à jour "
            "de son format et changement de phrase secrète, et avant une synchronisation qui "
            "apporte des modifications ; il conserve les 10 dernières sauvegardes.",
        ),
    ],
)
def test_the_intro_says_when_backups_are_made(qtbot, open_app, office, language, intro):
    """A sync backs up only when it brings in changes, and a passphrase change does too."""
    office.set_settings(language=language)
    session = open_app(office.path)
    dialog = session.window.show_backups()
    assert dialog.intro.text() == intro


def test_right_to_left_the_new_backup_is_selected_and_can_be_restored(qtbot, open_app, office):
    office.set_settings(language="ar")
    session = open_app(office.path)
    dialog = session.window.show_backups()
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.selected() == office.backup_details()[0]
    assert dialog.restore_button.isEnabled()


def test_restoring_an_older_backup_shows_its_content_everywhere(qtbot, open_app, office):
    session = open_app(office.path)
    contacts = session.window.show_section("contacts")
    qtbot.waitUntil(lambda: len(_names(contacts)) == 2)
    dialog = session.window.show_backups()
    dialog.table.selectRow(0)
    box = _confirm(qtbot, dialog)
    assert "the current content is backed up first" in box.informativeText().lower()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    _press_restore(qtbot, box)

    qtbot.waitUntil(lambda: _names(contacts) == ["Asha Rao"])
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert _rows(dialog)[0][1] == "Before a restore"
    assert not dialog.busy.isVisibleTo(dialog)
    assert dialog.status.text().startswith("Backup restored.")
    assert [c["name"] for c in office.contacts.list()] == ["Asha Rao"]

    # The lists still follow the writes made after the restore.
    session.ops.run(lambda profile, job: profile.contacts.add({"name": "After the restore"}))
    qtbot.waitUntil(lambda: "After the restore" in _names(contacts))

    # The restore is undone by restoring the "Before a restore" backup.
    dialog.table.selectRow(0)
    _press_restore(qtbot, _confirm(qtbot, dialog))
    qtbot.waitUntil(lambda: sorted(_names(contacts)) == ["Added after the backup", "Asha Rao"])


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_cancelling_the_confirmation_changes_nothing(qtbot, open_app, office, key):
    session = open_app(office.path)
    contacts = session.window.show_section("contacts")
    dialog = session.window.show_backups()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)  # keyboard, as a person would
    box = dialog.question
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    qtbot.keyClick(box, key)  # Return takes the default button: Cancel
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.wait(300)
    assert not dialog.busy.isVisibleTo(dialog)
    assert len(office.backups()) == 1 and dialog.table.rowCount() == 1
    assert office.contacts.count() == 2
    qtbot.waitUntil(lambda: len(_names(contacts)) == 2)


def test_a_damaged_backup_is_refused_and_the_store_kept(qtbot, open_app, office):
    damaged = office.backups_dir / "fieldkit-20200101T000000000000-manual.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4096)
    session = open_app(office.path)
    contacts = session.window.show_section("contacts")
    dialog = session.window.show_backups()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(1)  # the oldest: the damaged one
    _press_restore(qtbot, _confirm(qtbot, dialog))
    qtbot.waitUntil(lambda: dialog.error_box is not None and dialog.error_box.isVisible())
    error = dialog.error_box
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert "is not a usable FieldKit backup; choose another one." in error.text()
    assert "Traceback" not in error.text()
    assert dialog.status.text() == error.text()
    assert not dialog.busy.isVisibleTo(dialog) and dialog.restore_button.isEnabled()
    # Nothing changed: the same contacts, and no "before restore" backup.
    assert office.contacts.count() == 2 and len(office.backups()) == 2
    assert sorted(_names(contacts)) == ["Added after the backup", "Asha Rao"]


def test_an_encrypted_profile_restores_with_its_open_passphrase(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from fieldkit.ui.app import AppSession, make_application
    from fieldkit.ui.passphrase import UnlockDialog

    phrase = "correct horse battery staple"
    with Profile.create(tmp_path / "enc", passphrase=phrase) as p:
        p.contacts.add({"name": "Shelter"})
        p.backup()
        p.contacts.add({"name": "Later"})
    make_application()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    session = AppSession(tmp_path / "enc", settings, passphrase=phrase)
    try:
        session.window.show()
        contacts = session.window.show_section("contacts")
        dialog = session.window.show_backups()
        dialog.table.selectRow(0)
        _press_restore(qtbot, _confirm(qtbot, dialog))
        qtbot.waitUntil(lambda: _names(contacts) == ["Shelter"])
        assert not session.window.findChildren(UnlockDialog)
        assert _rows(dialog)[0][1] == "Before a restore"
    finally:
        session.close()


def test_a_restore_brings_back_the_settings_it_held(qtbot, open_app, office):
    office.set_settings(organization="Renamed NGO")
    session = open_app(office.path)
    page = session.window.show_section("settings")
    assert page.organization.text() == "Renamed NGO"
    dialog = page.show_backups()
    dialog.table.setCurrentCell(0, 0)
    _press_restore(qtbot, _confirm(qtbot, dialog))
    qtbot.waitUntil(lambda: page.organization.text() == "Shakti")
    assert "Shakti" in session.window.windowTitle()
