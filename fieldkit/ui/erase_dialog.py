"""“Erase this device…”: the app's side of ``fieldkit erase``, with the same typed word.

The Settings page opens it; accepted only when the word typed is
:data:`fieldkit.data.encryption.ERASE_WORD` (as the command asks), after which the
page asks the session to close the profile and erase it::

    dialog = EraseDialog(profile.path, self)
    dialog.accepted.connect(erase)
    dialog.open()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data.encryption import ERASE_WORD
from fieldkit.i18n import _
from fieldkit.ui.record_dialog import ERROR_STYLE


class EraseDialog(QDialog):
    """Asks for the confirmation word; a wrong word keeps the dialog open and erases nothing."""

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(_("Erase this device"))
        self.setMinimumWidth(520)  # wrapped labels need a width to wrap at
        ask = QLabel(
            _(
                "This removes the profile at %(path)s, its backups and attachments, for good. "
                "Type %(word)s to confirm"
            )
            % {"path": folder, "word": ERASE_WORD}
        )
        ask.setWordWrap(True)
        after = QLabel(
            _(
                "Its keys and the passwords of its sync targets are removed too, and FieldKit "
                "closes. What was already sent to headquarters or to other offices is not erased."
            )
        )
        after.setWordWrap(True)
        self.word = QLineEdit()
        self.word.setObjectName("eraseWord")
        ask.setBuddy(self.word)
        self.message = QLabel("")
        self.message.setObjectName("eraseMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton(
            _("Erase this device"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseConfirm")
        self.erase_button.setDefault(True)  # Enter after the word: it still has to match
        self.erase_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(ask)
        layout.addWidget(self.word)
        layout.addWidget(after)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.word.setFocus()

    def confirm(self) -> None:
        """Accept only the exact confirmation word, as ``fieldkit erase`` does."""
        if self.word.text().strip() != ERASE_WORD:
            self.message.setText(_("Nothing was erased: the confirmation did not match."))
            self.word.selectAll()
            return
        self.accept()
