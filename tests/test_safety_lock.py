"""Idle lock, lock shortcut, panic shortcut, the audit log and "Erase this device" on real Qt
widgets (offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow  # noqa: E402

from fieldkit.data.encryption import MAX_TRIES  # noqa: E402
from fieldkit.profile import Profile  # noqa: E402
from fieldkit.ui import lock as lock_module  # noqa: E402

pytestmark = pytest.mark.gui

PASS = "correct horse battery"


@pytest.fixture
def install_lock():
    made = []

    def install(*args, **kwargs):
        made.append(lock_module.install_lock(*args, **kwargs))
        return made[-1]

    yield install
    for controller in made:
        controller.stop()
        if controller.screen is not None:
            controller.screen.close()


@pytest.fixture
def secret(tmp_path):
    p = Profile.create(tmp_path / "enc", organization="Safe House", passphrase=PASS)
    yield p
    p.close()


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.setCentralWidget(QLabel("Meena Das +91 98100 11111"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_idle_lock_and_unlock_with_passphrase(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret, idle_ms=150)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    assert not window.isVisible()
    screen = lock.screen
    assert screen.isVisible() and screen.passphrase.isVisible()
    screen.passphrase.setText("not the passphrase")
    screen.unlock_button.click()
    assert lock.is_locked and "not correct" in screen.message.text()
    screen.passphrase.setText(PASS)
    screen.unlock_button.click()
    assert not lock.is_locked and window.isVisible()


def test_activity_postpones_the_idle_lock(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret, idle_ms=600)
    for _ in range(4):
        qtbot.wait(250)
        qtbot.mouseMove(window.centralWidget(), QPoint(5 + _, 5))
        qtbot.keyClick(window.centralWidget(), Qt.Key.Key_A)
    assert not lock.is_locked  # a full second of use, never 600 ms idle
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)


def test_idle_time_is_a_setting(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret)
    assert lock.idle_ms == 10 * 60_000
    lock.set_idle_minutes(0)
    assert secret.setting("lock_after_minutes") == "0"
    assert not lock.timer.isActive()
    assert install_lock(window, secret).idle_ms == 0


def test_idle_time_set_in_the_settings_page(qtbot, open_app, profile, monkeypatch):
    import time

    session = open_app(profile.path)
    page = session.window.show_section("settings")
    assert page.lock_after.value() == 10 and session.lock.idle_ms == 10 * 60_000
    monkeypatch.setattr(lock_module, "MINUTE_MS", 100)  # the lock's minute, 0.1 s long
    page.lock_after.setValue(3)
    saved = time.monotonic()  # the new time cannot start counting before the click
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text() == "Settings saved.", timeout=5000)
    lock = session.lock
    assert profile.setting("lock_after_minutes") == "3"
    assert lock.idle_ms == 300 and lock.timer.isActive() and not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    assert time.monotonic() - saved >= 0.25  # after the new time, not at once
    assert not session.window.isVisible()
    lock.screen.unlock_button.click()  # a profile without a passphrase
    session.close()

    reopened = open_app(profile.path)  # the choice survives closing the app
    page = reopened.window.show_section("settings")
    assert page.lock_after.value() == 3 and reopened.lock.idle_ms == 300
    page.lock_after.setValue(0)
    assert page.lock_after.text() == "Never"
    page.save_button.click()
    qtbot.waitUntil(lambda: profile.setting("lock_after_minutes") == "0", timeout=5000)
    qtbot.waitUntil(lambda: page.saved_label.text() == "Settings saved.", timeout=5000)
    assert reopened.lock.idle_ms == 0 and not reopened.lock.timer.isActive()
    qtbot.wait(500)
    assert not reopened.lock.is_locked


def test_lock_shortcut(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret, idle_ms=0)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2000)
    assert not window.isVisible()


def test_panic_closes_every_window_and_locks(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret, idle_ms=0)
    dialog = QDialog(window)
    dialog.setWindowTitle("Edit contact")
    dialog.show()
    other = QMainWindow()
    qtbot.addWidget(other)
    other.show()
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2000)
    assert not dialog.isVisible() and not other.isVisible() and not window.isVisible()
    lock.screen.passphrase.setText(PASS)
    lock.screen.unlock_button.click()
    assert window.isVisible()
    assert not dialog.isVisible() and not other.isVisible()  # closed, not just hidden


def test_unlock_tries_are_limited(qtbot, window, secret, install_lock):
    lock = install_lock(window, secret, idle_ms=0)
    lock.lock()
    for _ in range(MAX_TRIES):
        lock.screen.passphrase.setText("wrong wrong wrong")
        lock.screen.unlock_button.click()
    lock.screen.passphrase.setText(PASS)
    lock.screen.unlock_button.click()
    assert lock.is_locked
    assert "Too many wrong passphrases" in lock.screen.message.text()


def test_plain_profile_unlocks_without_passphrase(qtbot, window, profile, install_lock):
    lock = install_lock(window, profile, idle_ms=0)
    lock.lock()
    assert not lock.screen.passphrase.isVisible()
    lock.screen.unlock_button.click()
    assert not lock.is_locked and window.isVisible()


def test_audit_log_in_the_app(qtbot, profile):
    from fieldkit import audit
    from fieldkit.ui.audit_dialog import AuditDialog

    profile.contacts.add({"name": "Meena Das", "phone": "+91 98100 11111"})
    audit.record(
        profile.store,
        "import",
        entity="contacts",
        format="google",
        created=1200,
        updated=3,
        rejected=0,
    )
    audit.record(profile.store, "export", entity="contacts", format="vcard", rows=1, redacted=0)
    dialog = AuditDialog(profile)
    qtbot.addWidget(dialog)
    table = dialog.table
    shown = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [row[1] for row in shown] == ["Export", "Import"]
    assert shown[0][2] == "Export of contacts: 1 row (vCard file)"
    assert shown[1][2] == (
        "Import of contacts: 1,200 created, 3 updated, and 0 rejected (Google Contacts layout)"
    )
    assert not any("Meena" in cell or "98100" in cell for row in shown for cell in row)
    dialog.action.setCurrentIndex(dialog.action.findData("import"))
    assert table.rowCount() == 1


def test_first_run_recommends_a_passphrase(qtbot, tmp_path):
    from fieldkit.data.encryption import is_encrypted
    from fieldkit.ui.first_run import FirstRunDialog

    path = tmp_path / "new-office"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.protection.protect.isChecked()
    assert "recommended" in dialog.protection.protect.text()
    dialog.organization.setText("Free Futures")
    dialog.starter.setChecked(False)
    dialog.protection.first.setText(PASS)
    dialog.protection.second.setText(PASS + "x")
    dialog.finish()
    assert "not the same" in dialog.error.text() and not (path / "fieldkit.db").exists()
    dialog.protection.second.setText(PASS)
    dialog.finish()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.new_passphrase == PASS and is_encrypted(path / "fieldkit.db")


def test_app_opens_an_encrypted_profile_with_its_lock(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from fieldkit.ui.app import AppSession
    from fieldkit.ui.passphrase import UnlockDialog

    Profile.create(tmp_path / "enc", organization="Safe House", passphrase=PASS).close()
    db = tmp_path / "enc" / "fieldkit.db"
    ask = UnlockDialog(db)
    qtbot.addWidget(ask)
    ask.field.setText("wrong wrong wrong")
    ask.try_open()
    assert ask.passphrase is None and "not correct" in ask.message.text()
    ask.field.setText(PASS)
    ask.try_open()
    assert ask.passphrase == PASS
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    session = AppSession(tmp_path / "enc", settings, passphrase=PASS)
    try:
        session.window.show()
        session.lock.lock()
        assert not session.window.isVisible() and session.lock.screen.passphrase.isVisible()
        session.lock.screen.passphrase.setText(PASS)
        session.lock.screen.unlock_button.click()
        assert session.window.isVisible()
    finally:
        session.close()


def test_audit_log_from_the_main_window(qtbot, tmp_path, open_app):
    from fieldkit import audit

    with Profile.create(tmp_path / "office", organization="Office") as p:
        audit.record(p.store, "export", entity="contacts", rows=4)
    session = open_app(tmp_path / "office")
    assert session.window.act_audit in session.window.file_menu.actions()
    dialog = session.window.audit_log()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Export"


def _files(folder):
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}


def test_erase_this_device_from_settings(qtbot, tmp_path, file_keyring):
    from PySide6.QtCore import QSettings

    from fieldkit.sync import credentials
    from fieldkit.sync import org as O
    from fieldkit.sync import targets as sync_targets
    from fieldkit.ui.app import AppSession

    folder = tmp_path / "office"
    with Profile.create(folder, organization="Office", passphrase=PASS) as p:
        O.create_org(p, "Office")  # the device's signing key and the organisation's key
        p.contacts.add({"name": "Meena Das", "phone": "+91 98100 11111"})
        p.attach_bytes(b"photo", "p.jpg")
        p.backup()
        usb = sync_targets.target_from_location(str(tmp_path / "usb"), name="usb")
        sync_targets.save_target(p, usb, password="webdav secret")
        account = f"{p.device_id}:usb"
    assert file_keyring.get_password(credentials.SERVICE, account) == "webdav secret"
    files = _files(folder)
    assert {path.parts[0] for path in files} >= {"fieldkit.db", "backups", "attachments"}

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    session = AppSession(folder, settings, passphrase=PASS)
    try:
        session.window.show()
        page = session.window.show_section("settings")
        assert page.erase_button.text() == "Erase this device…"
        dialog = page.ask_erase()
        assert dialog.isVisible() and "Type ERASE to confirm" in dialog.findChild(QLabel).text()
        dialog.word.setText("erase")  # not the word asked for
        dialog.erase_button.click()
        assert dialog.isVisible() and "did not match" in dialog.message.text()
        dialog.reject()
        qtbot.wait(300)
        assert _files(folder) >= files and not session.closed  # nothing erased, still open
        assert file_keyring.get_password(credentials.SERVICE, account) == "webdav secret"

        dialog = page.ask_erase()
        dialog.word.setText("ERASE")
        dialog.erase_button.click()
        qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
        assert session.closed  # the window and both profiles were closed first
        assert "erased from this device" in session.erased_message.text()
        assert file_keyring.get_password(credentials.SERVICE, account) is None
        session.erased_message.close()
    finally:
        session.close()
