"""The audit log in the app: imports, exports, syncs, restores, passphrase changes.

It shows what :func:`fieldkit.audit.entries` returns (times, actions, counts and
kinds; never record contents) as :func:`fieldkit.audit.shown` words it: local times
and phrases in the UI language. The main window opens it from a menu::

    AuditDialog(profile, self).open()
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from fieldkit import audit
from fieldkit.i18n import _, local_timezone

LIMIT = 1000


class AuditDialog(QDialog):
    """A read-only table of the newest audit entries, filtered by action."""

    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.setObjectName("auditDialog")
        self.setWindowTitle(_("Audit log"))
        self.resize(900, 420)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.addItem(_("All actions"), None)
        for code, label in audit.ACTIONS.items():
            self.action.addItem(_(label), code)
        self.action.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([_("When"), _("What"), _("Details")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.empty = QLabel(_("The audit log is empty."))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Show:")))
        top.addWidget(self.action, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        found = audit.entries(self.profile.store, limit=LIMIT, action=self.action.currentData())
        self.table.setRowCount(len(found))
        tz = local_timezone()  # stored in UTC, shown in this computer's time
        for row, entry in enumerate(found):
            entry = audit.shown(entry, tz)  # as the CLI shows it, in the UI language
            cells = (entry["at"], entry["label"], entry["details"])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long phrase is elided in its cell
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not found)
