"""“Log outreach”: record a call, fax, letter, email or meeting with its outcome and follow-up."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import entities as E
from fieldkit.errors import ValidationError
from fieldkit.i18n import _
from fieldkit.text import one_line
from fieldkit.ui.contact_picker import ContactPicker
from fieldkit.ui.context import AppContext
from fieldkit.ui.record_dialog import ERROR_STYLE, FieldEditor

FIELDS = ("channel", "date", "outcome", "follow_up", "notes", "sensitivity")


class LogOutreachDialog(QDialog):
    """Log outreach to a contact, optionally for a campaign; emits ``saved(id)``."""

    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        contact_id: str | None = None,
        campaign_id: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("logOutreachDialog")
        self.ctx = ctx
        profile = ctx.profile

        self.picker = ContactPicker(profile)
        self.contact = self.picker.combo
        self.contact_error = self._error_label("contact_id")
        self.campaign = QComboBox()
        self.campaign.setObjectName("field_campaign_id")
        self.campaign.addItem("", "")
        for c in profile.campaigns.list(order_by="title"):
            self.campaign.addItem(one_line(c["title"]), c["id"])
        if campaign_id:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign_id)))
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self._campaign_changed()
        if contact_id:
            self.picker.select(contact_id)

        self.editors = {name: FieldEditor(E.OUTREACH.field(name)) for name in FIELDS}
        self.editors["date"].set_value(_dt.date.today().isoformat())

        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self._row("contact_id", self._stack(self.picker, self.contact_error))
        self._row("campaign_id", self.campaign)
        for name, editor in self.editors.items():
            self._row(name, self._stack(editor.widget, editor.error, editor.note))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()

    # --- layout ----------------------------------------------------------------------

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            lay.addWidget(w)
        return box

    def _row(self, name: str, widget: QWidget) -> None:
        label = QLabel()
        self.labels[name] = label
        self.form.addRow(label, widget)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Log outreach"))
        self.picker.retranslate()
        for name, label in self.labels.items():
            f = E.OUTREACH.field(name)
            label.setText(_(f.label) + (" *" if f.required else ""))

    # --- contacts ---------------------------------------------------------------------

    def _campaign_changed(self, *_args: Any) -> None:
        """The chosen campaign's targets come first in the contact list."""
        campaign_id = self.campaign.currentData()
        self.picker.set_first(self.ctx.profile.targets(campaign_id) if campaign_id else [])

    # --- saving -------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values = {name: editor.value() for name, editor in self.editors.items()}
        values["contact_id"] = self.contact.currentData() or None
        values["campaign_id"] = self.campaign.currentData() or None
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, editor in self.editors.items():
            editor.show_error(errors.get(name))
        message = errors.get("contact_id") or errors.get("campaign_id") or ""
        self.contact_error.setText(message)
        self.contact_error.setVisible(bool(message))

    def save(self) -> None:
        values = self.values()
        try:
            E.normalize(E.OUTREACH, values)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.show_errors({})
        self.buttons.setEnabled(False)
        self.ctx.ops.run(
            lambda profile, job: profile.outreach.add(values),
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _saved(self, record_id: str) -> None:
        from fieldkit.ui.undo import AddCommand

        self.ctx.undo.push(AddCommand(self.ctx.ops, "outreach", record_id))
        self.saved.emit(record_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from fieldkit.ui.errors import show_failure

        show_failure(self, exc)
