"""Submitting work to the worker from the UI thread, with a delayed progress dialog.

``ops.run(fn, on_success=...)`` is how a page writes: ``fn(profile, job)``
runs on the worker; the callbacks run back on the UI thread. A progress
dialog with a Cancel button appears only if the job is still running after
:data:`PROGRESS_DELAY_MS`, so short jobs do not flash a window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldkit.data.store import Cancelled
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.ui.errors import show_error
from fieldkit.ui.worker import Job, Worker

PROGRESS_DELAY_MS = 500


@dataclass
class _Pending:
    job: Job
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    on_cancel: Callable[[], None] | None
    cancellable: bool
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None
    last: tuple[int, int] = (0, 0)


class Operations(QObject):
    """The UI side of the worker: run jobs, show progress, route results and errors."""

    changed = Signal(object)  # set of changed table names, after each committed write
    idle = Signal()

    def __init__(self, worker: Worker, parent_widget: QWidget | None = None):
        super().__init__()
        self.worker = worker
        self.parent_widget = parent_widget
        self._pending: dict[int, _Pending] = {}
        worker.job_done.connect(self._done)
        worker.job_failed.connect(self._failed)
        worker.job_progress.connect(self._progress)
        worker.changed.connect(self.changed)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[Profile, Job], Any],
        *,
        title: str = "",
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        cancellable: bool = False,
    ) -> Job:
        """Queue ``fn`` on the worker. Without ``on_failure`` errors are shown in a dialog."""
        job = Job(fn, title)
        pending = _Pending(job, on_success, on_failure, on_cancel, cancellable)
        self._pending[job.id] = pending
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._show_progress(job.id))
        timer.start(PROGRESS_DELAY_MS)
        pending.timer = timer
        self.worker.submit(job)
        return job

    def progress_dialog(self, job: Job) -> QProgressDialog | None:
        pending = self._pending.get(job.id)
        return pending.dialog if pending else None

    # --- from the worker ---------------------------------------------------

    def _show_progress(self, job_id: int) -> None:
        pending = self._pending.get(job_id)
        if pending is None or pending.dialog is not None:
            return
        dialog = QProgressDialog(self.parent_widget)
        dialog.setObjectName("progressDialog")
        dialog.setWindowTitle(_("FieldKit"))
        dialog.setLabelText(pending.job.title or _("Working…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if pending.cancellable:
            dialog.setCancelButtonText(_("Cancel"))
            dialog.canceled.connect(pending.job.cancel)
        else:
            dialog.setCancelButton(None)
        done, total = pending.last
        dialog.setRange(0, total or 0)
        dialog.setValue(done)
        pending.dialog = dialog
        dialog.show()

    def _progress(self, job_id: int, done: int, total: int) -> None:
        pending = self._pending.get(job_id)
        if pending is None:
            return
        pending.last = (done, total)
        if pending.dialog is not None:
            pending.dialog.setRange(0, total)
            pending.dialog.setValue(done)

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return None
        if pending.timer is not None:
            pending.timer.stop()
            pending.timer.deleteLater()
        if pending.dialog is not None:
            pending.dialog.close()
            pending.dialog.deleteLater()
        if not self._pending:
            self.idle.emit()
        return pending

    def _done(self, job_id: int, result: Any) -> None:
        pending = self._finish(job_id)
        if pending and pending.on_success:
            pending.on_success(result)

    def _failed(self, job_id: int, exc: BaseException) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return
        if isinstance(exc, Cancelled):
            if pending.on_cancel:
                pending.on_cancel()
            return
        if pending.on_failure:
            pending.on_failure(exc)
        else:
            show_error(self.parent_widget, exc)
