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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, set_language
from fieldkit.profile import Profile
from fieldkit.ui.languages import UI_LANGUAGES, language_name
from fieldkit.ui.passphrase import NewPassphraseBox
from fieldkit.ui.record_dialog import ERROR_STYLE


def sync_can_join() -> bool:
    """Joining an organisation needs the sync part of FieldKit (``fieldkit.sync.org``)."""
    try:
        return importlib.util.find_spec("fieldkit.sync.org") is not None
    except ModuleNotFoundError:
        return False


class FirstRunDialog(QDialog):
    """Creates the profile at ``path``; ``profile`` is set when accepted."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.path = Path(path)
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
        self.enrolment = QLineEdit()
        self.enrolment.setObjectName("enrolment")
        self.browse = QPushButton()
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.join_box = QWidget()
        join_form = QFormLayout(self.join_box)
        file_row = QHBoxLayout()
        file_row.addWidget(self.enrolment, 1)
        file_row.addWidget(self.browse)
        self.enrolment_label = QLabel()
        self.passphrase_label = QLabel()
        join_form.addRow(self.enrolment_label, file_row)
        join_form.addRow(self.passphrase_label, self.passphrase)
        self.starter = QCheckBox()
        self.starter.setObjectName("starter")
        self.starter.setChecked(True)
        self.protection = NewPassphraseBox()
        self.new_passphrase: str | None = None  # the chosen one, for opening the profile next
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
        for w in (
            self.create_new,
            self.join,
            self.join_note,
            self.join_box,
            self.starter,
            self.protection,
            self.error,
        ):
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
        self.enrolment_label.setText(_("&Enrolment file"))
        self.passphrase_label.setText(_("&Passphrase (if it has one)"))
        self.browse.setText(_("&Browse…"))
        if sync_can_join():
            note = _(
                "Choose the enrolment file headquarters made for this device. After this "
                "step, open the Sync section to receive your organisation's data."
            )
        else:
            note = _(
                "Joining arrives with sync, which this version does not have yet. "
                "For now FieldKit creates the profile on this device; you can join later "
                "from the Sync section."
            )
        self.join_note.setText(note)
        self.join_note.setVisible(self.join.isChecked())
        self.join_box.setVisible(self.join.isChecked() and sync_can_join())
        self.starter.setText(_("Load the starter pack (hotlines, laws, fact cards)"))
        self.protection.retranslate()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Enrolment file"))
        if path:
            self.enrolment.setText(path)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def finish(self) -> None:
        """Check the answers, then create the profile (and the organisation, or join it)."""
        organization = self.organization.text().strip()
        joining = self.join.isChecked() and sync_can_join()
        if not organization and not joining:
            self._show_error(_("Enter your organisation's name."))
            self.organization.setFocus()
            return
        enrolment = None
        try:
            passphrase = self.protection.value()
            if joining:
                enrolment = self._read_enrolment()
            profile = Profile.create(
                self.path,
                organization=organization,
                device_name=self.device.text().strip(),
                language=self.language.currentData(),
                passphrase=passphrase,
            )
        except FieldKitError as exc:
            self._show_error(str(exc))
            return
        try:
            self._set_up(profile, organization, enrolment)
        except FieldKitError as exc:
            self._show_error(str(exc))
            return
        finally:
            profile.close()
        self.new_passphrase = passphrase
        self.accept()

    def _read_enrolment(self) -> tuple[bytes, str | None]:
        from fieldkit.sync.org import read_enrolment

        name = self.enrolment.text().strip()
        if not name:
            raise FieldKitError(_("Choose the enrolment file from headquarters."))
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise FieldKitError(
                _("Cannot read %(path)s (%(error)s).") % {"path": name, "error": exc.strerror}
            ) from exc
        passphrase = self.passphrase.text() or None
        read_enrolment(data, passphrase)  # checked before anything is created
        return data, passphrase

    def _set_up(self, profile: Profile, organization: str, enrolment) -> None:
        if enrolment is not None:
            from fieldkit.sync.org import join

            org = join(profile, *enrolment)
            profile.set_settings(organization=organization or org.name, joining="0")
            return
        if sync_can_join():
            from fieldkit.sync.org import create_org

            create_org(profile, organization)
        profile.set_settings(joining="1" if self.join.isChecked() else "0")
        if self.starter.isChecked():
            from fieldkit.starter import load_starter

            load_starter(profile)
