"""Lock and panic: the app locks after an idle time or on a shortcut; panic closes everything.

The main window installs it with one call::

    self.lock = install_lock(self, profile)

* Idle lock: after ``lock_after_minutes`` (a profile setting, default 10; 0 turns
  it off; chosen on the Settings page or with ``fieldkit settings set``, read with
  :func:`fieldkit.settings.idle_minutes`) without a key press, click or mouse move
  anywhere in the app.
* Lock shortcut (Ctrl+L): hides every window and shows the lock screen. A
  dialog waiting for an answer (``exec()``) ends as if cancelled when it is
  hidden: what was typed in it is lost, never left on screen.
* Panic shortcut (Ctrl+Shift+H): closes every window other than the main
  one (open dialogs lose what was typed in them), hides the main window
  and locks, at once.

The lock screen asks for the profile's passphrase (with the same limit of
tries per minute as opening it). A profile without a passphrase shows only
an "Unlock" button: the lock then hides the screen, nothing more.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import encryption
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _
from fieldkit.settings import IDLE_SETTING, idle_minutes
from fieldkit.text import one_line

log = logging.getLogger(__name__)

MINUTE_MS = 60_000  # the lock's minute (tests shorten it)
LOCK_SHORTCUT = "Ctrl+L"
PANIC_SHORTCUT = "Ctrl+Shift+H"

WATCH_DELAY_MS = 1000
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """The window shown while locked: no record contents, only a way back in."""

    def __init__(self, needs_passphrase: bool, organization: str = ""):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("lockScreen")
        self.setWindowTitle(_("FieldKit — locked"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(_("FieldKit is locked."))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        if organization:
            org = QLabel()
            org.setObjectName("lockOrganization")
            org.setTextFormat(Qt.TextFormat.PlainText)
            org.setText(one_line(organization))
            org.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(org)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("Passphrase"))
        self.passphrase.setVisible(needs_passphrase)
        layout.addWidget(self.passphrase)
        self.message = QLabel("")
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setObjectName("lockUnlock")
        self.unlock_button.setDefault(True)
        layout.addWidget(self.unlock_button)
        layout.addStretch(1)
        self.passphrase.returnPressed.connect(self.unlock_button.click)


class LockController(QObject):
    """Owns the idle timer, the shortcuts and the lock screen of one main window."""

    locked_changed = Signal(bool)

    def __init__(self, main_window: QWidget, profile, idle_ms: int | None = None):
        super().__init__(main_window)
        self.main_window = main_window
        self.profile = profile
        self.is_locked = False
        self._stopped = False
        self._hidden: list[QWidget] = []
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_ms(self._idle_from_settings() if idle_ms is None else idle_ms)
        self.lock_shortcut = QShortcut(QKeySequence(LOCK_SHORTCUT), main_window)
        self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_shortcut.activated.connect(self.lock)
        self.panic_shortcut = QShortcut(QKeySequence(PANIC_SHORTCUT), main_window)
        self.panic_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.panic_shortcut.activated.connect(self.panic)
        # Every event of the application passes through the activity filter; it is
        # installed once the window is up, so the first paint does not pay for it (the
        # idle timer already runs, and at most half the idle time passes before it).
        delay = WATCH_DELAY_MS if self.idle_ms <= 0 else min(WATCH_DELAY_MS, self.idle_ms // 2)
        QTimer.singleShot(delay, self._watch)
        main_window.destroyed.connect(self.stop)

    def _watch(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._stopped:
            app.installEventFilter(self)

    def stop(self) -> None:
        """Stop watching (the main window is going away or the profile is closing)."""
        self._stopped = True
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- settings -------------------------------------------------------------

    def _idle_from_settings(self) -> int:
        return idle_minutes(self.profile) * MINUTE_MS

    def reload_settings(self) -> None:
        """Apply the idle time saved in the profile (the Settings page calls it after saving)."""
        self.set_idle_ms(self._idle_from_settings())

    def set_idle_minutes(self, minutes: int) -> None:
        """Change (and remember) the idle time; 0 turns the idle lock off."""
        minutes = max(0, int(minutes))
        self.profile.set_settings(**{IDLE_SETTING: minutes})
        self.set_idle_ms(minutes * MINUTE_MS)

    def set_idle_ms(self, ms: int) -> None:
        self.idle_ms = ms
        self.timer.stop()
        if ms > 0 and not self.is_locked:
            self.timer.start(ms)

    # --- activity -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and not self.is_locked and self.idle_ms > 0:
            self.timer.start(self.idle_ms)
        return False

    # --- locking --------------------------------------------------------------

    def lock(self) -> None:
        """Hide every window and show the lock screen."""
        if self.is_locked:
            return
        self.is_locked = True
        self.timer.stop()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.screen and w.isWindow()
        ]
        for widget in self._hidden:
            widget.hide()
        self._show_screen()
        log.info("app locked")
        self.locked_changed.emit(True)

    def panic(self) -> None:
        """Close every window but the main one, hide it, and lock: at once."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self.main_window and widget is not self.screen and widget.isVisible():
                widget.close()
        self.lock()
        self._hidden = [self.main_window]
        log.info("panic: windows closed and app locked")

    def _show_screen(self) -> None:
        needs = self.profile.store.passphrase is not None
        self.screen = LockScreen(needs, self.profile.setting("organization") or "")
        self.screen.unlock_button.clicked.connect(self._try_unlock)
        self.screen.showMaximized()
        self.screen.passphrase.setFocus()

    def _try_unlock(self) -> None:
        if self.screen is None:
            return
        try:
            encryption.verify_passphrase(self.profile, self.screen.passphrase.text())
        except FieldKitError as exc:
            self.screen.passphrase.clear()
            self.screen.message.setText(str(exc))
            return
        self.unlock()

    def unlock(self) -> None:
        """Leave the lock screen and show the hidden windows again."""
        if not self.is_locked:
            return
        if self.screen is not None:
            self.screen.passphrase.clear()
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.is_locked = False
        if self.idle_ms > 0:
            self.timer.start(self.idle_ms)
        self.locked_changed.emit(False)


def install_lock(main_window: QWidget, profile, idle_ms: int | None = None) -> LockController:
    """Give ``main_window`` an idle lock, a lock shortcut and a panic shortcut."""
    return LockController(main_window, profile, idle_ms)
