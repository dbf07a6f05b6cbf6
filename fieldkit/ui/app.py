"""``fieldkit-app --profile PATH``: the desktop app.

:class:`AppSession` opens a profile twice (a reading one for the UI thread,
a writing one in the :class:`~fieldkit.ui.worker.Worker`'s thread), builds the
main window and closes everything in order; tests, screenshots and the
benchmarks use it the same way :func:`main` does.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit.data.encryption import erase_profile, is_encrypted
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, ngettext, set_language
from fieldkit.logs import setup_logging
from fieldkit.profile import DB_NAME, Profile, data_dir, default_profile_path

log = logging.getLogger(__name__)

MIN_POINT_SIZE = 11
WORKER_START_DELAY_MS = 200


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with FieldKit's names (for QSettings) and a readable font."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("FieldKit")
    app.setOrganizationName("FieldKit")
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    from fieldkit.ui import qt_i18n
    from fieldkit.ui.compat import keep_none_alive

    keep_none_alive()  # PySide6 6.12 on Python 3.11 (see fieldkit/ui/compat.py)
    qt_i18n.install(app)  # Qt's own dialog strings follow the UI language
    return app


class AppSession:
    """An open profile with its worker, operations, undo stack and main window."""

    def __init__(
        self, path: Path, settings: QSettings | None = None, passphrase: str | None = None
    ):
        from fieldkit.ui.context import AppContext
        from fieldkit.ui.main_window import MainWindow
        from fieldkit.ui.ops import Operations
        from fieldkit.ui.worker import Worker

        self.closed = False
        self.path = Path(path)
        self.erased_message: QMessageBox | None = None
        self.reader = Profile.open(path, passphrase=passphrase)  # errors surface here
        set_language(self.reader.setting("language") or "en")
        self.worker = Worker(Path(path), passphrase)
        self.ops = Operations(self.worker)
        self.undo = QUndoStack()
        self.ctx = AppContext(self.reader, self.ops, self.undo, erase_profile=self.erase)
        self.window = MainWindow(self.ctx, settings)
        # Started once the window is up: opening the writing profile then does not
        # compete with the first paint; jobs submitted before wait in its queue.
        self.window.first_shown.connect(
            lambda: QTimer.singleShot(WORKER_START_DELAY_MS, self._start_worker)
        )
        self.ops.parent_widget = self.window
        from fieldkit.ui.lock import install_lock

        self.lock = install_lock(self.window, self.reader)  # idle lock, Ctrl+L, panic
        self.ctx.lock = self.lock  # the Settings page changes its idle time

    def _start_worker(self) -> None:
        if not self.closed:
            self.worker.start()

    def erase(self) -> None:
        """Erase the profile from this device, as ``fieldkit erase`` does, then quit.

        The sync targets' passwords are forgotten first (on the worker, which writes);
        then the window and both profiles are closed and the folder is erased. A message
        says what was done; closing it quits the app.
        """

        def forget(profile: Profile, job) -> int:
            from fieldkit.sync import targets as sync_targets

            return sync_targets.forget_all_targets(profile)

        self.ops.run(
            forget,
            title=_("Erasing this device…"),
            on_success=lambda _n: self._erase_now(),
            on_failure=lambda exc: self._erase_now(),  # forgotten passwords must not stop it
        )

    def _erase_now(self) -> None:
        self.close()
        try:
            removed = erase_profile(self.path)
        except FieldKitError as exc:
            from fieldkit.ui.errors import show_error

            box = show_error(None, exc)
        else:
            log.info("profile erased from the app: %d file(s)", removed)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                _("FieldKit"),
                ngettext(
                    "The profile was erased from this device (%(n)d file). FieldKit closes now.",
                    "The profile was erased from this device (%(n)d files). FieldKit closes now.",
                    removed,
                )
                % {"n": removed},
                QMessageBox.StandardButton.Ok,
            )
            box.setObjectName("erasedDialog")
            box.open()
        box.finished.connect(QCoreApplication.quit)
        self.erased_message = box

    def close(self) -> None:
        """Close the window, let queued writes finish, close both profiles (once)."""
        if self.closed:
            return
        self.closed = True
        self.window.close()
        self.window.shutdown()
        self.worker.stop()
        self.undo.clear()
        # Delete the widgets now, so no page's timer fires on a closed profile.
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.reader.close()


def _excepthook(exc_type, exc, tb) -> None:
    """Anything unexpected: logged with its traceback, a plain dialog for the user."""
    from fieldkit.ui.errors import show_error

    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_error(QApplication.activeWindow(), exc.with_traceback(tb))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldkit-app", description="FieldKit desktop app")
    parser.add_argument("--profile", type=Path, default=None, help="profile folder")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    setup_logging(data_dir() / "logs")
    app = make_application([sys.argv[0], *qt_args])
    sys.excepthook = _excepthook
    path = args.profile or default_profile_path()
    passphrase = None
    if not (path / DB_NAME).exists():
        from fieldkit.ui.first_run import FirstRunDialog

        first_run = FirstRunDialog(path)
        if first_run.exec() != FirstRunDialog.DialogCode.Accepted:
            return 0
        passphrase = first_run.new_passphrase
    elif is_encrypted(path / DB_NAME):
        from fieldkit.ui.passphrase import ask_passphrase

        passphrase = ask_passphrase(path / DB_NAME)
        if passphrase is None:
            return 0
    try:
        session = AppSession(path, passphrase=passphrase)
    except FieldKitError as exc:
        log.info("could not open profile: %s", type(exc).__name__)
        QMessageBox.critical(None, _("FieldKit"), str(exc))
        return 1
    session.window.show()
    code = app.exec()
    session.close()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
