"""Settings of this device: organisation, device name, UI language, default country, the
idle time after which the app locks, "Backups…" and "Erase this device…"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import ValidationError
from fieldkit.i18n import _, set_language
from fieldkit.settings import IDLE_SETTING, MAX_IDLE_MINUTES, idle_minutes, validate_settings
from fieldkit.ui.backups_dialog import BackupsDialog
from fieldkit.ui.context import AppContext
from fieldkit.ui.erase_dialog import EraseDialog
from fieldkit.ui.languages import UI_LANGUAGES, language_name
from fieldkit.ui.record_dialog import ERROR_STYLE
from fieldkit.ui.translation_status import TranslationStatus


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page_settings")
        profile = ctx.profile
        self.organization = QLineEdit()
        self.organization.setObjectName("organization")
        self.device = QLineEdit()
        self.device.setObjectName("device_name")
        self.country = QLineEdit()
        self.country.setObjectName("default_country")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.lock_after = QSpinBox()
        self.lock_after.setObjectName("lock_after_minutes")
        self.lock_after.setRange(0, MAX_IDLE_MINUTES)  # 0: never lock when idle
        self.load()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.form = QFormLayout()
        self.labels = [QLabel() for _i in range(5)]
        fields = (self.organization, self.device, self.language, self.country, self.lock_after)
        for label, widget in zip(self.labels, fields, strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        layout.addWidget(self.saved_label)
        self.translation_status = TranslationStatus(profile)
        layout.addWidget(self.translation_status, 1)
        self.backups = QGroupBox()
        self.backups.setObjectName("backupsBox")
        self.backups_text = QLabel()
        self.backups_text.setWordWrap(True)
        self.backups_button = QPushButton()
        self.backups_button.setObjectName("showBackups")
        self.backups_button.clicked.connect(self.show_backups)
        backups = QVBoxLayout(self.backups)
        backups.addWidget(self.backups_text)
        backups.addWidget(self.backups_button)
        layout.addWidget(self.backups)
        self.danger = QGroupBox()
        self.danger.setObjectName("dangerZone")
        self.danger_text = QLabel()
        self.danger_text.setWordWrap(True)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("eraseDevice")
        self.erase_button.clicked.connect(self.ask_erase)
        danger = QVBoxLayout(self.danger)
        danger.addWidget(self.danger_text)
        danger.addWidget(self.erase_button)
        layout.addWidget(self.danger)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.labels,
            (
                _("&Organisation"),
                _("&Device name"),
                _("&Language"),
                _("Default &country"),
                _("Loc&k after this many minutes without use"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.lock_after.setSpecialValueText(_("Never"))
        self.save_button.setText(_("Save settings"))
        self.saved_label.setText("")
        self.translation_status.retranslate()
        self.backups.setTitle(_("Backups"))
        self.backups_text.setText(
            _(
                "See the backups of this profile, make one now, or go back to one of them "
                "(what is there now is backed up first)."
            )
        )
        self.backups_button.setText(_("&Backups…"))
        self.danger.setTitle(_("Danger zone"))
        self.danger_text.setText(
            _(
                "Erasing removes this profile from this computer for good: its records, keys, "
                "attachments and backups. It cannot be undone."
            )
        )
        self.erase_button.setText(_("Erase this device…"))

    def show_backups(self) -> BackupsDialog:
        """The backups: when and why each was made; back up now; restore one."""
        dialog = BackupsDialog(self.ctx, self)
        window = self.window()
        dialog.restored.connect(getattr(window, "settings_restored", self.load))
        dialog.open()
        return dialog

    def load(self) -> None:
        """Show the settings as stored (on opening, and after a restore brought back older
        ones)."""
        profile = self.ctx.profile
        self.organization.setText(profile.setting("organization") or "")
        self.device.setText(profile.setting("device_name") or "")
        self.country.setText(profile.setting("default_country") or "")
        current = profile.setting("language") or "en"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.lock_after.setValue(min(idle_minutes(profile), MAX_IDLE_MINUTES))

    def ask_erase(self) -> EraseDialog:
        """Ask for the confirmation word; once it is typed, the profile is closed and erased."""
        dialog = EraseDialog(self.ctx.profile.path, self)
        dialog.accepted.connect(self._erase)
        dialog.open()
        return dialog

    def _erase(self) -> None:
        if self.ctx.erase_profile is not None:
            self.ctx.erase_profile()

    def save(self) -> None:
        """Save the form, checked as ``fieldkit settings set`` checks it; a bad value is shown."""
        try:
            values = validate_settings(
                {
                    "organization": self.organization.text(),
                    "device_name": self.device.text(),
                    "language": self.language.currentData(),
                    "default_country": self.country.text(),
                    IDLE_SETTING: self.lock_after.value(),
                }
            )
        except ValidationError as exc:
            self.error.setText(" ".join(exc.errors.values()))
            self.error.show()
            return
        self.error.hide()
        self.ctx.ops.run(
            lambda profile, job: profile.set_settings(**values),
            on_success=lambda _r: self._saved(str(values["language"])),
        )

    def _saved(self, language: str) -> None:
        if self.ctx.lock is not None:
            self.ctx.lock.reload_settings()  # the new idle time counts from now
        set_language(language)
        self.saved_label.setText(_("Settings saved."))
