"""The outreach log, with an “Upcoming follow-ups” view."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton

from fieldkit.i18n import _
from fieldkit.ui.log_outreach import LogOutreachDialog
from fieldkit.ui.pages.base import EntityPage

UPCOMING_DAYS = 14


class OutreachPage(EntityPage):
    entity_name = "outreach"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model.set_order("date", descending=True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def extra_buttons(self) -> list[QPushButton]:
        self.upcoming = QCheckBox()
        self.upcoming.setObjectName("upcoming")
        self.upcoming.toggled.connect(self.show_upcoming)
        return [self.upcoming]

    def retranslate(self) -> None:
        super().retranslate()
        self.new_button.setText(_("&Log outreach…"))
        self.upcoming.setText(
            _("Upcoming follow-ups (overdue and next %(days)d days)") % {"days": UPCOMING_DAYS}
        )

    def show_upcoming(self, on: bool) -> None:
        """Only outreach with a follow-up due by two weeks from today, soonest first."""
        if on:
            self.model.order_by, self.model.descending = "follow_up", False
        else:
            self.model.order_by, self.model.descending = "date", True
        self.model.set_filters(self.filter_values(), force=True)

    def filter_values(self) -> dict:
        values = super().filter_values()
        if self.upcoming.isChecked():
            until = _dt.date.today() + _dt.timedelta(days=UPCOMING_DAYS)
            values["follow_up"] = ("<=", until.isoformat())
        return values

    def new_record(self, preset=None) -> LogOutreachDialog:
        dialog = LogOutreachDialog(self.ctx, parent=self)
        dialog.saved.connect(self.show_added)  # the dialog makes the entry undoable itself
        dialog.open()
        return dialog
