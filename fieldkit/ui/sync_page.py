"""The Sync section: targets, last sync, pending changes, Sync with progress, conflicts.

``SyncPage(profile, ops=...)`` takes the window's reading profile for what it
shows; syncs and conflict choices run in the background on their own connection
(see :mod:`fieldkit.ui.sync_watcher`). What they change is announced through
the app's ``ops.changed``, so the other sections' lists show it at once.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import entities as E
from fieldkit.data.store import Cancelled
from fieldkit.display import entity_label, field_label, field_value
from fieldkit.i18n import N_, _, format_datetime
from fieldkit.profile import Profile
from fieldkit.sync import engine
from fieldkit.sync import targets as sync_targets
from fieldkit.sync.conflicts import KEPT, LOST, keep, list_conflicts
from fieldkit.sync.exchange import pending_changes
from fieldkit.text import one_line, printable
from fieldkit.ui.compat import select_row
from fieldkit.ui.errors import message_for
from fieldkit.ui.sync_watcher import SyncWatcher, Task, start, sync_job

log = logging.getLogger(__name__)

AUTO_LABELS = {
    "off": N_("Only when I press Sync"),
    "background": N_("When online, in the background"),
    "ask": N_("When online, ask me first"),
}


def _shown(entity: str, field: str, value: Any) -> str:
    """A conflict's value as read in the dialog, in the UI language as `fieldkit conflicts
    list` shows it (choices, dates, countries and languages named, a deletion as “Yes” or
    “No”), with control characters and bidi overrides shown as U+FFFD; a list on one line.
    Keeping it writes the stored value, never this text."""
    text = field_value(entity, field, value)
    return one_line(text) if isinstance(value, list) else printable(text)


def _notices(report: engine.SyncReport) -> str:
    """The lines that follow a sync's summary: files made again, relay files held back as
    damaged, then files refused."""
    lines = [notice for _f, notice in report.rebuilt] + [message for _f, message in report.damaged]
    lines += [reason for _f, reason in report.refused]
    return "".join("\n" + one_line(line) for line in lines)


def _plain_label(text: str) -> QLabel:
    """A label that shows ``text`` as it reads, never as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class AddTargetDialog(QDialog):
    """Name, folder or WebDAV address, user and password, when to sync, and whether the
    target is outside the organisation (then restricted fields are left out unless the
    user ticks "Include restricted fields", which shows a warning)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addSyncTarget")
        self.setWindowTitle(_("Add a sync target"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.location = QLineEdit()
        self.location.setPlaceholderText(_("/media/usb or https://cloud.example.org/dav/"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.auto = QComboBox()
        for key, label in AUTO_LABELS.items():
            self.auto.addItem(_(label), key)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Folder or address"), self.location)
        form.addRow(_("User (WebDAV)"), self.user)
        form.addRow(_("Password (WebDAV)"), self.password)
        form.addRow(_("Sync"), self.auto)
        self.outside = QCheckBox(_("Outside the organisation (a partner NGO, a lawyer)"))
        self.outside.setObjectName("targetOutside")
        self.outside.setToolTip(
            _(
                "What this device sends there leaves out the phones, emails, addresses and "
                "notes of restricted records, and every local-only record."
            )
        )
        self.include_restricted = QCheckBox(_("Include restricted fields"))
        self.include_restricted.setObjectName("targetIncludeRestricted")
        self.include_restricted.setEnabled(False)
        self.warning = QLabel(
            _(
                "The phones, emails, addresses and notes of restricted records will leave the "
                "organisation. Tick this only if the people reading this target may see them."
            )
        )
        self.warning.setObjectName("targetRestrictedWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.hide()
        self.outside.toggled.connect(self._outside_toggled)
        self.include_restricted.toggled.connect(self.warning.setVisible)
        form.addRow(self.outside)
        form.addRow(self.include_restricted)
        form.addRow(self.warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def target(self) -> tuple[sync_targets.Target, str | None]:
        location = self.location.text().strip()
        target = sync_targets.target_from_location(location, self.name.text().strip() or location)
        target.username = self.user.text().strip() or None
        target.auto = self.auto.currentData()
        if self.outside.isChecked():
            target.options["outside"] = True
            target.options["include_restricted"] = self.include_restricted.isChecked()
        return target, self.password.text() or None

    def _outside_toggled(self, outside: bool) -> None:
        if not outside:
            self.include_restricted.setChecked(False)
        self.include_restricted.setEnabled(outside)


class ConflictDialog(QDialog):
    """Both values of each conflicting field side by side, with "Keep this one" for each."""

    keep_requested = Signal(str, str)  # conflict id, side

    def __init__(self, conflicts: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_("Review conflicts"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "The same field was changed on two devices at the same time. The value on "
                    "the left is in use; keep either one."
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Record"), _("Field"), _("Value in use"), _("Other value")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.set_conflicts(conflicts)

    def set_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        self.conflicts = conflicts
        self.table.setRowCount(0)
        for row, c in enumerate(conflicts):
            self.table.insertRow(row)
            title = one_line(c.get("title") or "") or c["row_id"][:8]
            record = (
                # Translators: a record in the conflict review: its kind, then its title
                # (“Contact: Asha Rao”).
                _("%(kind)s: %(title)s") % {"kind": entity_label(c["tbl"]), "title": title}
            )
            self.table.setItem(row, 0, QTableWidgetItem(record))
            self.table.setItem(row, 1, QTableWidgetItem(field_label(c["tbl"], c["field"])))
            for col, side, value in ((2, KEPT, c["kept_value"]), (3, LOST, c["lost_value"])):
                cell = QWidget()
                box = QVBoxLayout(cell)
                box.setContentsMargins(2, 2, 2, 2)
                text = _plain_label(_shown(c["tbl"], c["field"], value) or _("(empty)"))
                text.setObjectName(f"value-{side}-{row}")
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                button = QPushButton(_("Keep this one"))
                button.setObjectName(f"keep-{side}-{row}")
                button.clicked.connect(
                    lambda _checked=False, cid=c["id"], s=side: self.keep_requested.emit(cid, s)
                )
                box.addWidget(text)
                box.addWidget(button)
                self.table.setCellWidget(row, col, cell)
            self.table.setRowHeight(row, 72)


class SyncPage(QWidget):
    """Targets and their last sync, pending changes, Sync/Cancel with progress, conflicts."""

    sync_finished = Signal(str, object)  # target name, report or exception
    conflicts_changed = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None, *, ops=None):
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.profile = profile
        self.ops = ops  # the app's operations; its ``changed`` signal refreshes the lists
        self.task: Task | None = None
        self.task_target: str | None = None
        self.task_auto = False
        self.conflict_dialog: ConflictDialog | None = None
        self.question: QMessageBox | None = None
        self.pool = QThreadPool.globalInstance()

        layout = QVBoxLayout(self)
        self.title = QLabel(f"<h2>{_('Sync')}</h2>")
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("syncTargets")
        self.table.setHorizontalHeaderLabels(
            [_("Target"), _("Where"), _("Sync when online"), _("Last sync")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)

        self.pending = QLabel()
        self.pending.setObjectName("syncPending")
        self.conflicts_label = QLabel()
        self.review = QPushButton(_("Review conflicts…"))
        self.review.clicked.connect(self.show_conflicts)
        info = QHBoxLayout()
        info.addWidget(self.pending, 1)
        info.addWidget(self.conflicts_label)
        info.addWidget(self.review)
        layout.addLayout(info)

        self.add_button = QPushButton(_("Add target…"))
        self.add_button.clicked.connect(self.add_target)
        self.sync_button = QPushButton(_("Sync now"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.clicked.connect(lambda: self.sync_selected())
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.status = _plain_label("")  # file names and reasons come from the sync folder
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress, 2)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.watcher = SyncWatcher(profile, self)
        self.watcher.sync_wanted.connect(lambda name: self.sync_target(name, auto=True))
        self.watcher.ask.connect(self._ask)
        self.watcher.timer.timeout.connect(self.refresh)  # pending changes made elsewhere
        self.watcher.start()
        self._set_running(False)
        self.refresh()

    # --- showing ---------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read targets, pending changes and conflicts."""
        try:
            targets = sync_targets.targets(self.profile)
            pending = pending_changes(self.profile)
            open_conflicts = len(list_conflicts(self.profile))
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            self.status.setText(message_for(exc))
            return
        selected = self.selected_target()
        self.table.setRowCount(0)
        for row, target in enumerate(targets):
            self.table.insertRow(row)
            last = format_datetime(target.last_sync) or _("never")
            if target.last_result:
                result = json.loads(target.last_result)
                last = _("%(when)s: sent %(sent)d, received %(got)d") % {
                    "when": last,
                    "sent": result.get("uploaded", 0),
                    "got": result.get("applied", 0),
                }
            where = target.location
            if target.include_restricted:
                where = _("%(where)s (outside the organisation, restricted fields included)") % {
                    "where": where
                }
            elif target.outside:
                where = _("%(where)s (outside the organisation)") % {"where": where}
            values = (one_line(target.name), one_line(where), _(AUTO_LABELS[target.auto]), last)
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
            self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, target.name)
            if target.name == selected or (selected is None and row == 0):
                select_row(self.table, row)
        self.pending.setText(
            _("Changes on this device waiting to be sent: %(count)d.") % {"count": pending}
        )
        self.conflicts_label.setText(
            _("Conflicts to review: %(count)d") % {"count": open_conflicts}
        )
        self.review.setEnabled(open_conflicts > 0)
        self.sync_button.setEnabled(self.task is None and bool(targets))

    def selected_target(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.sync_button.setEnabled(not running and self.table.rowCount() > 0)
        self.watcher.busy = running

    # --- targets --------------------------------------------------------------------

    def add_target(self) -> AddTargetDialog:
        dialog = AddTargetDialog(self)
        dialog.accepted.connect(lambda: self._save_target(dialog))
        dialog.open()
        return dialog

    def _save_target(self, dialog: AddTargetDialog) -> None:
        try:
            target, password = dialog.target()
            sync_targets.save_target(self.profile, target, password=password)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(message_for(exc))
            return
        self.refresh()

    # --- syncing ------------------------------------------------------------------------

    def sync_selected(self) -> None:
        name = self.selected_target()
        if name:
            self.sync_target(name)

    def sync_target(self, name: str, *, auto: bool = False) -> Task | None:
        """Start syncing a saved target in the background (ignored while one runs)."""
        if self.task is not None:
            return None
        self.task_target, self.task_auto = name, auto
        self.progress.setRange(0, 0)
        self.status.setText(_("Syncing with %(target)s…") % {"target": one_line(name)})
        self.task = start(
            self.profile,
            sync_job(name),
            self.pool,
            done=self._done,
            failed=self._failed,
            progress=self._progress,
        )
        self._set_running(True)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(_("Cancelling…"))

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(one_line(text))  # it names files found in the sync folder

    def _end(self) -> tuple[str, bool]:
        name, auto = self.task_target or "", self.task_auto
        self.task = None
        self.task_target = None
        self._set_running(False)
        return name, auto

    def _done(self, report: engine.SyncReport) -> None:
        name, auto = self._end()
        text = _(
            "Synced with %(target)s. Files sent: %(uploaded)d. Files applied: %(applied)d "
            "(changes: %(changes)d). New conflicts: %(conflicts)d."
        ) % {**report.as_dict(), "target": one_line(report.target)}
        self.status.setText(text + _notices(report))
        if auto:
            self.watcher.finished(name, ok=True)
        self.refresh()
        if report.applied:
            self._announce()
        if report.conflicts:
            self.conflicts_changed.emit()
        self.sync_finished.emit(name, report)

    def _failed(self, exc: BaseException) -> None:
        name, auto = self._end()
        if isinstance(exc, Cancelled):
            text = _("Sync cancelled. What was done so far is kept.")
        else:
            text = message_for(exc)
        # What the sync did before it stopped stays done, and is told as on success.
        done = engine.report_of_failed(exc)
        self.status.setText(text + (_notices(done) if done is not None else ""))
        if auto:
            self.watcher.finished(name, ok=False)
        self.refresh()
        self._announce()  # files applied before the failure or the cancel are kept
        self.sync_finished.emit(name, exc)

    def _announce(self) -> None:
        """Tell the app's lists that records may have changed under them."""
        if self.ops is not None:
            self.ops.changed.emit({entity.table for entity in E.ENTITIES.values()})

    def _ask(self, name: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("syncAsk")
        box.setWindowTitle(_("Sync"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_("%(target)s is reachable. Sync now?") % {"target": one_line(name)})
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: self.watcher.answered(
                name, result == QMessageBox.StandardButton.Yes.value
            )
        )
        self.question = box
        box.open()

    # --- conflicts ---------------------------------------------------------------------

    def show_conflicts(self) -> ConflictDialog:
        dialog = ConflictDialog(list_conflicts(self.profile), self)
        dialog.keep_requested.connect(self.keep)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def keep(self, conflict_id: str, side: str) -> Task:
        """Keep one value of a conflict (a write, so it runs in the background)."""

        def job(profile: Profile, progress, cancelled) -> None:
            keep(profile, conflict_id, side)

        return start(
            self.profile,
            job,
            self.pool,
            done=lambda _r: self._kept(),
            failed=lambda exc: self.status.setText(message_for(exc)),
        )

    def _kept(self) -> None:
        self.refresh()
        self._announce()
        if self.conflict_dialog is not None:
            self.conflict_dialog.set_conflicts(list_conflicts(self.profile))
        self.conflicts_changed.emit()
