"""Backups in the app: the list (when, why, how big), "Back up now" and "Restore…".

Both run on the worker, as ``fieldkit backup`` and ``fieldkit restore`` run in the
command: :meth:`fieldkit.profile.Profile.backup` and
:meth:`~fieldkit.profile.Profile.restore`. A restore first backs the current content
up ("before restore"), so it can itself be undone by restoring that backup. Opened from
the Settings page and from the main window's File menu::

    BackupsDialog(ctx, self).open()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data.backup import KEEP, BackupInfo
from fieldkit.i18n import _, current_language, format_datetime, format_size, ngettext, set_language
from fieldkit.ui.compat import select_row
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import message_for, show_error


class BackupsDialog(QDialog):
    """The profile's backups, newest first; back up now, or restore the selected one."""

    restored = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupsDialog")
        self.resize(720, 420)
        self.backups: list[BackupInfo] = []
        self.question: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.ask_restore())
        self.empty = QLabel()
        self.empty.setObjectName("backupsEmpty")
        self.busy = QProgressBar()
        self.busy.setObjectName("backupsBusy")
        self.busy.setRange(0, 0)  # no steps to count: it only shows that work goes on
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.ask_restore)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Backups"))
        self.intro.setText(
            ngettext(
                "FieldKit backs the profile up before every import, restore, update of its "
                "format and passphrase change, and before a sync that brings in changes; it "
                "keeps the last %(n)d backup.",
                "FieldKit backs the profile up before every import, restore, update of its "
                "format and passphrase change, and before a sync that brings in changes; it "
                "keeps the last %(n)d backups.",
                KEEP,
            )
            % {"n": KEEP}
        )
        self.table.setHorizontalHeaderLabels([_("Made"), _("Why"), _("Size")])
        self.empty.setText(_("No backups yet."))
        self.backup_button.setText(_("&Back up now"))
        self.restore_button.setText(_("&Restore…"))

    # --- the list ------------------------------------------------------------------

    def reload(self) -> None:
        """List the backups again (newest first), keeping the selected one selected."""
        chosen = self.selected()
        self.backups = self.ctx.profile.backup_details()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (format_datetime(info.made), info.reason_label, format_size(info.size))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
            if chosen is not None and info.path == chosen.path:
                select_row(self.table, row)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.empty.setVisible(not self.backups)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.backups):
            return None
        return self.backups[rows[0].row()]

    def _update_buttons(self) -> None:
        idle = self.busy.isHidden()
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.selected() is not None)

    def _set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.busy.show()
        self._update_buttons()

    def _set_idle(self, text: str = "") -> None:
        self.busy.hide()
        self.status.setText(text)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._set_idle(message_for(exc))
        self.error_box = show_error(self, exc, _("Backups"))

    # --- back up now ---------------------------------------------------------------

    def back_up_now(self) -> None:
        """Write a backup on the worker; the list shows it when it is done."""
        self._set_busy(_("Backing up…"))
        self.ctx.ops.run(
            lambda profile, job: profile.backup("manual"),
            title=_("Backing up…"),
            on_success=self._backed_up,
            on_failure=self._failed,
        )

    def _backed_up(self, path: Path) -> None:
        self._set_idle(_("Backup made."))
        for row, info in enumerate(self.backups):
            if info.path == path:
                select_row(self.table, row)

    # --- restore -------------------------------------------------------------------

    def ask_restore(self) -> QMessageBox | None:
        """Ask before restoring the selected backup; Cancel is the default answer."""
        info = self.selected()
        if info is None or not self.busy.isHidden():
            return None
        box = QMessageBox(self)
        box.setObjectName("restoreConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Restore a backup"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _("Restore the backup made %(when)s (%(why)s)?")
            % {"when": format_datetime(info.made), "why": info.reason_label}
        )
        box.setInformativeText(
            _(
                "Everything in this profile is replaced by what the backup holds: records "
                "added or changed since then disappear from this device. The current content "
                "is backed up first (“Before a restore”), so you can undo the restore by "
                "restoring that backup."
            )
        )
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("confirmRestore")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        path = info.path
        box.finished.connect(lambda _result: box.clickedButton() is restore and self.restore(path))
        self.question = box
        box.open()
        return box

    def restore(self, path: Path) -> None:
        """Restore the backup at ``path`` on the worker (the current content is backed up
        first); every open list then shows the restored content."""
        self._set_busy(_("Restoring…"))
        self.ctx.ops.run(
            lambda profile, job: profile.restore(path),
            title=_("Restoring…"),
            on_success=self._restored,
            on_failure=self._failed,
        )

    def _restored(self, _used: Path) -> None:
        # Undoing an edit made before the restore would act on content that is gone.
        self.ctx.undo.clear()
        language = self.ctx.profile.setting("language") or "en"
        if language != current_language():  # the restored settings hold the language too
            set_language(language)
            self.retranslate()
        if self.ctx.lock is not None:
            self.ctx.lock.reload_settings()
        self._set_idle(
            _(
                "Backup restored. The content it replaced was backed up first: restore the "
                "newest “Before a restore” backup to undo this."
            )
        )
        self.restored.emit()
