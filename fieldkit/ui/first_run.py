"""The first-run assistant: organisation, this device, UI language, new or joining."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, set_language
from fieldkit.profile import Profile
from fieldkit.ui.languages import UI_LANGUAGES, language_name
from fieldkit.ui.record_dialog import ERROR_STYLE


def sync_can_join() -> bool:
    """Joining an organisation needs the sync part of FieldKit."""
    return importlib.util.find_spec("fieldkit.sync.join") is not None


class FirstRunDialog(QDialog):
    """Creates the profile at ``path``; ``profile`` is set when accepted."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.path = Path(path)
        self.profile: Profile | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.organization = QLineEdit()
        self.organization.setObjectName("organization")
        self.device = QLineEdit(socket.gethostname())
        self.device.setObjectName("device_name")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.currentIndexChanged.connect(
            lambda _i: (set_language(self.language.currentData()), self.retranslate())
        )
        self.create_new = QRadioButton()
        self.create_new.setObjectName("createNew")
        self.create_new.setChecked(True)
        self.join = QRadioButton()
        self.join.setObjectName("join")
        self.join_note = QLabel()
        self.join_note.setObjectName("joinNote")
        self.join_note.setWordWrap(True)
        self.starter = QCheckBox()
        self.starter.setObjectName("starter")
        self.starter.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.form = QFormLayout()
        self.labels = [QLabel() for _i in range(3)]
        for label, widget in zip(
            self.labels, (self.organization, self.device, self.language), strict=True
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro,):
            layout.addWidget(w)
        layout.addLayout(self.form)
        for w in (self.create_new, self.join, self.join_note, self.starter, self.error):
            layout.addWidget(w)
        layout.addWidget(self.buttons)
        self.join.toggled.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Welcome to FieldKit"))
        self.intro.setText(
            _("This device has no FieldKit profile yet. A few questions, then you can start.")
        )
        for label, text in zip(
            self.labels,
            (_("Your &organisation's name"), _("This &device's name"), _("&Language")),
            strict=True,
        ):
            label.setText(text)
        self.create_new.setText(_("Start a new organisation on this device"))
        self.join.setText(_("Join an organisation that already uses FieldKit"))
        if sync_can_join():
            note = _("After this step, open the Sync section to receive your organisation's data.")
        else:
            note = _(
                "Joining arrives with sync, which this version does not have yet. "
                "For now FieldKit creates the profile on this device; you can join later "
                "from the Sync section."
            )
        self.join_note.setText(note)
        self.join_note.setVisible(self.join.isChecked())
        self.starter.setText(_("Load the starter pack (hotlines, laws, fact cards)"))

    def finish(self) -> None:
        organization = self.organization.text().strip()
        if not organization:
            self.error.setText(_("Enter your organisation's name."))
            self.error.show()
            self.organization.setFocus()
            return
        try:
            profile = Profile.create(
                self.path,
                organization=organization,
                device_name=self.device.text().strip(),
                language=self.language.currentData(),
            )
            if self.starter.isChecked() and self.create_new.isChecked():
                from fieldkit.starter import load_starter

                load_starter(profile)
        except FieldKitError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        profile.set_settings(joining="1" if self.join.isChecked() else "0")
        profile.close()
        self.accept()
