"""Passphrase widgets: asking for it at start-up, and choosing one in the first-run assistant.

* :func:`ask_passphrase` shows :class:`UnlockDialog` until the passphrase opens
  the profile (with the limit of tries per minute) or the person cancels.
* :class:`NewPassphraseBox` is the "protect with a passphrase (recommended)"
  part of the first-run assistant: a check box, the passphrase twice, and
  :meth:`NewPassphraseBox.value` that checks them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import encryption
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _


class UnlockDialog(QDialog):
    """Asks for the passphrase of the encrypted profile at ``db_path``; checks it on OK."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.db_path = Path(db_path)
        self.passphrase: str | None = None
        self.setWindowTitle(_("Open the profile"))
        intro = QLabel(_("This profile is protected by a passphrase. Enter it to open FieldKit."))
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("unlockPassphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("")
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.field, self.message, buttons):
            layout.addWidget(widget)

    def try_open(self) -> None:
        """Accept when the passphrase opens the store; otherwise say why and stay."""
        text = self.field.text()
        try:
            encryption.unlock(self.db_path, text).close()
        except FieldKitError as exc:
            self.field.clear()
            self.message.setText(str(exc))
            return
        self.passphrase = text
        self.field.clear()
        self.accept()


def ask_passphrase(db_path: Path, parent=None) -> str | None:
    """The passphrase that opens ``db_path``, or None when the person cancels."""
    dialog = UnlockDialog(db_path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase


class NewPassphraseBox(QWidget):
    """The "protect this profile with a passphrase (recommended)" part, on by default."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.protect = QCheckBox()
        self.protect.setObjectName("protectProfile")
        self.protect.setChecked(True)
        self.first = QLineEdit()
        self.first.setObjectName("newPassphrase")
        self.second = QLineEdit()
        self.second.setObjectName("newPassphraseAgain")
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.first_label, self.second_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.protect)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.protect.toggled.connect(self._toggle)
        self.retranslate()

    def retranslate(self) -> None:
        self.protect.setText(_("Protect this profile with a passphrase (recommended)"))
        self.first_label.setText(_("Passphrase"))
        self.second_label.setText(_("Repeat it"))
        self.note.setText(
            _(
                "If this laptop is lost or seized, the contacts cannot be read without the "
                "passphrase. Keep it safe: a forgotten passphrase cannot be recovered."
            )
        )

    def _toggle(self, on: bool) -> None:
        for widget in (self.first, self.second, self.first_label, self.second_label, self.note):
            widget.setEnabled(on)

    def value(self) -> str | None:
        """The chosen passphrase (None when not protecting); FieldKitError when unusable."""
        if not self.protect.isChecked():
            return None
        if self.first.text() != self.second.text():
            raise encryption.WeakPassphrase(_("The two passphrases are not the same."))
        encryption.check_new_passphrase(self.first.text())
        return self.first.text()
