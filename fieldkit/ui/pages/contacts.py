"""Contacts: officials, NGOs, hotlines, shelters; log outreach; import and export."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from fieldkit.ui.log_outreach import LogOutreachDialog
from fieldkit.ui.pages.base import EntityPage

WIZARD = "fieldkit.ui.import_wizard"


def wizard_available() -> bool:
    return importlib.util.find_spec(WIZARD) is not None


class ContactsPage(EntityPage):
    entity_name = "contacts"

    def extra_buttons(self) -> list[QPushButton]:
        self.log_button = QPushButton()
        self.log_button.setObjectName("logOutreach")
        self.log_button.clicked.connect(self.log_outreach)
        self.call_button = QPushButton()
        self.call_button.setObjectName("call")
        self.call_button.clicked.connect(lambda: self.open_link("phone", "tel:"))
        self.mail_button = QPushButton()
        self.mail_button.setObjectName("mail")
        self.mail_button.clicked.connect(lambda: self.open_link("email", "mailto:"))
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(lambda: self.open_wizard("import"))
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(lambda: self.open_wizard("export"))
        available = wizard_available()
        self.import_button.setEnabled(available)
        self.export_button.setEnabled(available)
        return [
            self.log_button,
            self.call_button,
            self.mail_button,
            self.import_button,
            self.export_button,
        ]

    def retranslate(self) -> None:
        from fieldkit.i18n import _

        super().retranslate()
        self.log_button.setText(_("&Log outreach…"))
        self.call_button.setText(_("Call"))
        self.mail_button.setText(_("Email"))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("E&xport…"))
        if not wizard_available():
            tip = _("Import and export are not available in this version yet.")
            self.import_button.setToolTip(tip)
            self.export_button.setToolTip(tip)

    def log_outreach(self) -> LogOutreachDialog:
        dialog = LogOutreachDialog(self.ctx, contact_id=self.current_id(), parent=self)
        dialog.open()
        return dialog

    def open_link(self, field: str, scheme: str) -> None:
        record_id = self.current_id()
        if not record_id:
            return
        value = self.records.get(record_id).get(field)
        if value:
            QDesktopServices.openUrl(QUrl(scheme + "".join(str(value).split())))

    def open_wizard(self, mode: str) -> None:
        """Open the contact import/export wizard (its own module)."""
        module = importlib.import_module(WIZARD)
        factory = getattr(module, "open_wizard", None)
        if factory is not None:
            factory(self.ctx, mode, parent=self)
            return
        wizard = module.ImportWizard(self.ctx.profile, parent=self)
        wizard.open()
