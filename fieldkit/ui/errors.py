"""Errors reach people as a dialog in the UI language; details go to the log file."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.i18n import _
from fieldkit.profile import data_dir
from fieldkit.text import printable

log = logging.getLogger(__name__)


def message_for(exc: BaseException) -> str:
    """What the user reads: the error's own message, or a generic one for a bug.

    Unexpected errors are logged with their traceback (which holds no record
    contents: values are never put into exception messages by the UI). A message can
    quote a record's title or a file's text, so control characters and bidi overrides in
    it are shown as U+FFFD; show it as plain text, never as markup.
    """
    if isinstance(exc, FieldKitError):
        log.info("error shown: %s", type(exc).__name__)
        return printable(str(exc))
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return _("Something went wrong: nothing was changed. Details are in %(log)s.") % {
        "log": data_dir() / "logs" / "fieldkit.log"
    }


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Show ``exc`` in a non-blocking message box and return it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _("FieldKit"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message_for(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorDialog")
    box.open()
    return box


def show_failure(form, exc: BaseException) -> None:
    """A form's save failed: its buttons back on, validation messages next to the fields
    (``form.show_errors``), anything else in an error dialog."""
    form.buttons.setEnabled(True)
    if isinstance(exc, ValidationError):
        form.show_errors(exc.errors)
    else:
        show_error(form, exc)
