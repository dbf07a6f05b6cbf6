"""The one thread that owns the profile's write connection.

Design: SQLite connections are not shared across threads. The app opens the
profile twice. The UI thread keeps a *reading* profile for paging lists and
searching as you type (WAL lets it read while a write is in progress). This
:class:`Worker` opens and owns the *writing* profile (in its own thread, so
opening it does not delay the window): every write and every long job
(import, export, sync, batch printing) runs here, one at a time, in the
order submitted. After a committed write the worker emits the names of the
changed tables (from ``Store.on_change``) and the models refresh.

A job is a callable ``fn(profile, job)``; it may report ``job.progress(done,
total)`` and should check ``job.cancelled()``. The store rolls a write back
when :class:`fieldkit.data.store.Cancelled` is raised inside ``Store.write``,
so a cancelled job leaves the store as it was.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from fieldkit.data.store import Cancelled
from fieldkit.profile import Profile

log = logging.getLogger(__name__)
_ids = itertools.count(1)


class Job:
    """One unit of work for the worker; cancel() may be called from any thread."""

    def __init__(self, fn: Callable[[Profile, Job], Any], title: str = ""):
        self.id = next(_ids)
        self.fn = fn
        self.title = title
        self._cancel = threading.Event()
        self._report: Callable[[int, int], None] = lambda done, total: None

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """Report progress; raises Cancelled when the user has cancelled."""
        self._report(done, total)
        if self.cancelled():
            raise Cancelled()


class Worker(QThread):
    """Runs jobs one after another on the writing profile."""

    job_done = Signal(int, object)
    job_failed = Signal(int, object)
    job_progress = Signal(int, int, int)
    changed = Signal(object)  # set of table names

    def __init__(self, path: Path, passphrase: str | None = None):
        super().__init__()
        self.path = path
        self._passphrase = passphrase
        self.profile: Profile | None = None
        self._open_error: Exception | None = None
        self._queue: queue.Queue[Job | None] = queue.Queue()

    def submit(self, job: Job) -> Job:
        job._report = lambda done, total: self.job_progress.emit(job.id, done, total)
        self._queue.put(job)
        return job

    def run(self) -> None:
        try:  # opened here, off the UI thread's start-up path
            self.profile = Profile.open(self.path, passphrase=self._passphrase)
            self.profile.store.on_change(lambda tables: self.changed.emit(set(tables)))
        except Exception as exc:  # every job then reports why it cannot run
            log.info("writing profile could not be opened: %s", type(exc).__name__)
            self._open_error = exc
        while True:
            job = self._queue.get()
            if job is None:
                break
            if self._open_error is not None:
                self.job_failed.emit(job.id, self._open_error)
                continue
            if job.cancelled():
                self.job_failed.emit(job.id, Cancelled())
                continue
            try:
                result = job.fn(self.profile, job)
            except Exception as exc:  # reported to the UI thread, which decides what to show
                if not isinstance(exc, Cancelled):
                    log.info("job %d failed: %s", job.id, type(exc).__name__)
                self.job_failed.emit(job.id, exc)
            else:
                self.job_done.emit(job.id, result)
        if self.profile is not None:
            self.profile.close()

    def stop(self) -> None:
        """Finish the queued jobs, close the writing profile and end the thread."""
        if self.isRunning():
            self._queue.put(None)
            self.wait()
