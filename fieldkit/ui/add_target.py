"""Add a target official to a campaign: pick the contact, say their role."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.i18n import _
from fieldkit.ui.contact_picker import ContactPicker
from fieldkit.ui.context import AppContext
from fieldkit.ui.record_dialog import ERROR_STYLE


class AddTargetDialog(QDialog):
    def __init__(self, ctx: AppContext, campaign_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addTargetDialog")
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.picker = ContactPicker(ctx.profile)
        self.role = QLineEdit()
        self.role.setObjectName("field_role")
        self.error = QLabel()
        self.error.setObjectName("error_contact_id")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.contact_label, self.role_label = QLabel(), QLabel()
        form.addRow(self.contact_label, self.picker)
        form.addRow(QLabel(), self.error)
        form.addRow(self.role_label, self.role)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Add a target official"))
        self.contact_label.setText(_("Contact") + " *")
        self.role_label.setText(_("Role (e.g. committee chair)"))
        self.picker.retranslate()

    def save(self) -> None:
        contact_id = self.picker.current_id()
        if not contact_id:
            self._show(_("Choose a contact: type part of a name to find one."))
            return
        campaign_id, role = self.campaign_id, self.role.text().strip()
        if any(t["id"] == contact_id for t in self.ctx.profile.targets(campaign_id)):
            self._show(_("This contact is already a target of the campaign."))
            return
        self.buttons.setEnabled(False)
        self.ctx.ops.run(
            lambda profile, job: profile.add_target(campaign_id, contact_id, role),
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _saved(self, target_id: str) -> None:
        from fieldkit.ui.undo import AddCommand

        self.ctx.undo.push(AddCommand(self.ctx.ops, "campaign_targets", target_id))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show(" ".join(exc.errors.values()))
        elif isinstance(exc, FieldKitError):
            self._show(str(exc))
        else:
            from fieldkit.ui.errors import show_error

            show_error(self, exc)
