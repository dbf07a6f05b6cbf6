"""The contact Import wizard (file, columns, preview, import) and the Export dialog.

Reading the file and writing the contacts run off the UI thread: on the app's worker
when the wizard is given the app's :class:`~fieldkit.ui.ops.Operations`, otherwise on
a thread of its own. Cancelling an import rolls it back: the store stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
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
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldkit import formats
from fieldkit.data.store import Cancelled
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _
from fieldkit.interop import export as _export
from fieldkit.interop import layouts
from fieldkit.interop.apply import ImportResult, apply_plan
from fieldkit.interop.csv_read import open_csv
from fieldkit.interop.errors import ImportCancelled
from fieldkit.interop.plan import (
    ACTION_LABELS,
    CHOICE_LABELS,
    CHOICES,
    CREATE,
    ImportPlan,
    build_plan,
)
from fieldkit.interop.vcard import is_vcard
from fieldkit.profile import Profile
from fieldkit.text import one_line
from fieldkit.ui.errors import message_for
from fieldkit.ui.worker import Job

PREVIEW_ROWS = 2000
"""At most this many rows needing a look are listed in the preview (totals cover all)."""


class _Thread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, profile: Profile, job: Job):
        super().__init__()
        self.profile = profile
        self.job = job
        job._report = lambda done, total: self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.job.fn(self.profile, self.job)
        except Exception as exc:  # handed to the UI thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Runner(QObject):
    """Runs ``fn(profile, job)`` off the UI thread and reports back on it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, profile: Profile, ops: Any = None, parent: QObject | None = None):
        super().__init__(parent)
        self.profile = profile
        self.ops = ops
        self.job: Job | None = None
        self._thread: _Thread | None = None
        if ops is not None:
            ops.worker.job_progress.connect(self._ops_progress)

    def start(self, fn: Callable[[Profile, Job], Any], title: str = "") -> Job:
        if self.ops is not None:
            self.job = self.ops.run(
                fn,
                title=title,
                on_success=self.succeeded.emit,
                on_failure=self.failed.emit,
                on_cancel=lambda: self.failed.emit(Cancelled()),
                cancellable=True,
            )
            return self.job
        self.job = Job(fn, title)
        self._thread = _Thread(self.profile, self.job)
        self._thread.progressed.connect(self.progressed)
        self._thread.succeeded.connect(self.succeeded)
        self._thread.failed.connect(self.failed)
        self._thread.start()
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.wait()

    def _ops_progress(self, job_id: int, done: int, total: int) -> None:
        if self.job is not None and job_id == self.job.id:
            self.progressed.emit(done, total)


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Choose a file"))
        self.setSubTitle(
            _("A CSV file (Google Contacts, Outlook or any spreadsheet) or a vCard file (.vcf).")
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self.browse)
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("onDuplicate")
        for choice in CHOICES:
            self.duplicates.addItem(_(CHOICE_LABELS[choice]), choice)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(_("File:"), row)
        form.addRow(_("Duplicates, at first:"), self.duplicates)

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import contacts"), "", _("Contacts (*.csv *.vcf *.vcard *.txt);;All (*)")
        )
        if path:
            self.path_edit.setText(path)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.path().is_file()


class MappingPage(QWizardPage):
    """One row per column of the file, each with the field it goes into."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Match the columns"))
        self.found_label = QLabel()
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)  # it can quote a file name
        self.found_label.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([_("Column in the file"), _("Goes into")])
        self.table.horizontalHeader().setStretchLastSection(True)
        box = QVBoxLayout(self)
        box.addWidget(self.found_label)
        box.addWidget(self.table)
        self.found: layouts.Layout | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        path = self._wizard.file_page.path()
        self.table.setRowCount(0)
        if is_vcard(path):
            self.found = None
            self.found_label.setText(_("A vCard file: its fields are read as they are."))
            return
        try:
            source = open_csv(path)
        except FieldKitError as exc:
            self.found = None
            self.found_label.setText(message_for(exc))
            return
        self.found = layouts.detect(source.header)
        names = {
            formats.GOOGLE: _("Recognised: a Google Contacts export."),
            formats.OUTLOOK: _("Recognised: an Outlook export."),
            formats.FIELDKIT: _("Recognised: a FieldKit export."),
        }
        self.found_label.setText(
            names.get(self.found.name, _("Columns were matched by their names; check them."))
        )
        self.table.setRowCount(len(source.header))
        for row, column in enumerate(source.header):
            self.table.setItem(row, 0, QTableWidgetItem(one_line(column)))
            combo = QComboBox()
            for role, label in layouts.ROLE_LABELS.items():
                combo.addItem(_(label), role)
            combo.setCurrentIndex(combo.findData(self.found.columns.get(row, layouts.IGNORE)))
            self.table.setCellWidget(row, 1, combo)

    def mapping(self) -> dict[str, str] | None:
        """The user's choices as ``{column number: field}`` (None for a vCard)."""
        if self.found is None:
            return None
        out = {}
        for row in range(self.table.rowCount()):
            role = self.table.cellWidget(row, 1).currentData()
            if role != self.found.columns.get(row, layouts.IGNORE):
                out[str(row + 1)] = role
        return out

    def set_role(self, column: int, role: str) -> None:
        combo = self.table.cellWidget(column, 1)
        combo.setCurrentIndex(combo.findData(role))


class PreviewPage(QWizardPage):
    """Every row's fate, and a choice for each duplicate; reading runs off the UI thread."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Preview"))
        self.setSubTitle(_("Nothing is written until you press Import."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Import"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.all_choice = QComboBox()
        self.all_choice.setObjectName("allDuplicates")
        for choice in CHOICES:
            self.all_choice.addItem(_(CHOICE_LABELS[choice]), choice)
        self.all_choice.activated.connect(self._choose_all)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels(
            [_("Line"), _("Action"), _("Name"), _("Organisation"), _("Reason")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("All duplicates:")))
        row.addWidget(self.all_choice)
        row.addStretch()
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.progress)
        box.addLayout(row)
        box.addWidget(self.table)
        self.plan: ImportPlan | None = None
        self.runner = Runner(wizard.profile, wizard.ops, self)
        self.runner.progressed.connect(lambda done, _t: self.progress.setValue(done))
        self.runner.succeeded.connect(self._show)
        self.runner.failed.connect(self._failed)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.plan = None
        self.table.setRowCount(0)
        self.summary.setText(_("Reading the file…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        path = self._wizard.file_page.path()
        mapping = self._wizard.mapping_page.mapping()
        choice = self._wizard.file_page.duplicates.currentData()
        self.all_choice.setCurrentIndex(self.all_choice.findData(choice))
        self.runner.start(
            lambda profile, job: build_plan(
                profile,
                path,
                mapping=mapping,
                on_duplicate=choice,
                progress=job.progress,
                cancelled=job.cancelled,
            ),
            _("Reading the file…"),
        )
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.runner.cancel()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.plan is not None and any(
            n for a, n in self.plan.counts().items() if a in ("create", "update")
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if not isinstance(exc, Cancelled):
            self.summary.setText(message_for(exc))

    def _show(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.progress.hide()
        rows = [r for r in plan.rows if r.action != CREATE or r.warnings or r.match]
        self.table.setRowCount(min(len(rows), PREVIEW_ROWS))
        for i, row in enumerate(rows[:PREVIEW_ROWS]):
            cells = [
                str(row.line),
                _(ACTION_LABELS[row.action]),
                one_line(row.values.get("name") or ""),
                one_line(row.values.get("organization") or ""),
                one_line(" ".join([row.reason, *row.warnings])),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if row.match is not None:
                combo = QComboBox()
                for choice in CHOICES:
                    combo.addItem(_(CHOICE_LABELS[choice]), choice)
                combo.setCurrentIndex(combo.findData(row.choice))
                combo.activated.connect(
                    lambda _i, r=row, c=combo, n=i: self._choose(r, c.currentData(), n)
                )
                self.table.setCellWidget(i, 1, combo)
        self._update_summary()
        self.completeChanged.emit()

    def _choose(self, row, choice: str, table_row: int) -> None:
        self.plan.choose(row, choice)
        self._update_summary()
        self.completeChanged.emit()

    def _choose_all(self, _index: int) -> None:
        if self.plan is None:
            return
        choice = self.all_choice.currentData()
        self.plan.choose_all(choice)
        for i in range(self.table.rowCount()):
            combo = self.table.cellWidget(i, 1)
            if isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(choice))
        self._update_summary()
        self.completeChanged.emit()

    def _update_summary(self) -> None:
        self.summary.setText(self.plan.summary())


class ImportPage(QWizardPage):
    """Runs the import with progress and a Cancel button."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Import"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(_("Cancel the import"))
        self.cancel_button.setObjectName("cancelImport")
        box = QVBoxLayout(self)
        box.addWidget(self.status)
        box.addWidget(self.progress)
        box.addWidget(self.cancel_button)
        self.result: ImportResult | None = None
        self.finished = False
        self.runner = Runner(wizard.profile, wizard.ops, self)
        self.runner.progressed.connect(self._progress)
        self.runner.succeeded.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.cancel_button.clicked.connect(self.runner.cancel)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        plan = self._wizard.preview_page.plan
        self.finished = False
        self.status.setText(_("Making a backup, then importing…"))
        self.cancel_button.setEnabled(True)
        self.runner.start(
            lambda profile, job: apply_plan(
                profile, plan, progress=job.progress, cancelled=job.cancelled
            ),
            _("Importing contacts…"),
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self._end(result.summary())

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled | ImportCancelled):
            self._end(_("The import was cancelled: nothing was changed."))
        else:
            self._end(message_for(exc))

    def _end(self, text: str) -> None:
        self.finished = True
        self.status.setText(text)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.finished


class ImportWizard(QWizard):
    """Import contacts: choose a file, match columns, preview, import.

    ``ops`` (the app's Operations) runs the work on the app's worker; without it the
    wizard uses a thread of its own with ``profile``.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None, ops: Any = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(_("Import contacts"))
        self.profile = profile
        self.ops = ops
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)

    def reject(self) -> None:
        self.preview_page.runner.cancel()
        self.import_page.runner.cancel()
        super().reject()


class ExportDialog(QDialog):
    """Choose what to export and where; writing runs off the UI thread."""

    def __init__(self, profile: Profile, parent: QWidget | None = None, ops: Any = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export contacts"))
        self.profile = profile
        self.format = QComboBox()
        self.format.addItem(_("CSV (spreadsheets)"), formats.CSV)
        self.format.addItem(_("vCard 4.0 (phones, address books)"), formats.VCARD)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(_("all contacts"))
        self.campaign = QComboBox()
        self.campaign.addItem(_("(none)"), None)
        for campaign in profile.campaigns.list():
            self.campaign.addItem(one_line(campaign["title"] or ""), campaign["id"])
        self.restricted = QCheckBox(_("Include personal fields of restricted contacts"))
        self.local_only = QCheckBox(_("Include local-only contacts"))
        self.local_only.toggled.connect(self._confirm_local_only)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self.browse)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names the file written
        self.status.setWordWrap(True)
        self.status.setObjectName("exportStatus")
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("Format:"), self.format)
        form.addRow(_("Only the tag:"), self.tag)
        form.addRow(_("Only the targets of:"), self.campaign)
        form.addRow(self.restricted)
        form.addRow(self.local_only)
        form.addRow(_("File:"), row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self.result = None
        self.runner = Runner(profile, ops, self)
        self.runner.succeeded.connect(self._done)
        self.runner.failed.connect(lambda exc: self._end(message_for(exc)))
        # Asked before local-only contacts may leave the device; tests may replace it.
        self.ask_local_only: Callable[[], bool] = self._ask_local_only

    def _ask_local_only(self) -> bool:
        answer = QMessageBox.question(
            self,
            _("Local-only contacts"),
            _("Local-only contacts are meant never to leave this device. Export them anyway?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_local_only(self, checked: bool) -> None:
        if checked and not self.ask_local_only():
            self.local_only.setChecked(False)

    def browse(self) -> None:
        suffix = "csv" if self.format.currentData() == formats.CSV else "vcf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export contacts"), f"contacts.{suffix}"
        )
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.status.setText(_("Choose a file to write."))
            return
        fmt = self.format.currentData()
        tag = self.tag.text().strip() or None
        campaign = self.campaign.currentData()
        restricted = self.restricted.isChecked()
        local_only = self.local_only.isChecked()
        self.buttons.setEnabled(False)
        self.status.setText(_("Exporting…"))
        self.runner.start(
            lambda profile, _job: _export.export_contacts(
                profile,
                fmt,
                Path(path),
                filters={"tag": tag},
                campaign_id=campaign,
                include_restricted=restricted,
                include_local_only=local_only,
            ),
            _("Exporting contacts…"),
        )

    def _done(self, result) -> None:
        self.result = result
        self._end(result.summary())

    def _end(self, text: str) -> None:
        self.status.setText(text)
        self.buttons.setEnabled(True)


def export_contacts(parent: QWidget | None, profile: Profile, ops: Any = None) -> ExportDialog:
    """Open the Export dialog (non-blocking) and return it."""
    dialog = ExportDialog(profile, parent, ops)
    dialog.open()
    return dialog


def open_wizard(ctx: Any, mode: str, parent: QWidget | None = None) -> QDialog:
    """Entry point for the Contacts page: ``mode`` is "import" or "export"."""
    if mode == "export":
        return export_contacts(parent, ctx.profile, ctx.ops)
    wizard = ImportWizard(ctx.profile, parent, ctx.ops)
    wizard.open()
    return wizard
