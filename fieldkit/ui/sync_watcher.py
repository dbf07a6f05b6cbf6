"""Background sync for the Sync page: a task runner and the "sync when online" watcher.

Sync work runs on a thread pool with its *own* connection to the profile
(WAL lets the window keep reading meanwhile), never on the UI thread. The
watcher checks the configured targets every 30 seconds (the reachability
check itself runs in the background too), syncs a target that has become
reachable, either straight away or after asking, as the target is set up,
and after a failure waits 1, 2, 4… minutes (at most 30) before trying again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from fieldkit.data.store import Cancelled
from fieldkit.profile import Profile
from fieldkit.sync import engine
from fieldkit.sync import targets as sync_targets

log = logging.getLogger(__name__)

CHECK_MS = 30_000
BACKOFF_BASE_S = 60.0
BACKOFF_MAX_S = 30 * 60.0
RESYNC_WHILE_ONLINE_S = 15 * 60.0


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """``fn(profile, progress, cancelled)`` on a pool thread, with its own profile connection."""

    def __init__(self, path: Path, fn: Callable[..., Any], passphrase: str | None = None):
        super().__init__()
        self.path = path
        self.passphrase = passphrase
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with Profile.open(self.path, passphrase=self.passphrase) as profile:
                result = self.fn(profile, self.signals.progress.emit, self.cancelled)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread
            if not isinstance(exc, Cancelled):
                log.info("sync task failed: %s", type(exc).__name__)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def start(
    profile: Profile,
    fn: Callable[..., Any],
    pool: QThreadPool | None = None,
    *,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    """Run ``fn`` in the background on its own connection to ``profile``'s file (opened
    with the same passphrase); the callbacks are connected before it starts."""
    task = Task(profile.path, fn, getattr(profile.store, "passphrase", None))
    task.setAutoDelete(False)
    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    if progress is not None:
        task.signals.progress.connect(progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def sync_job(name: str) -> Callable[..., engine.SyncReport]:
    """A task function syncing the saved target ``name``."""

    def job(profile: Profile, progress, cancelled) -> engine.SyncReport:
        target = sync_targets.get_target(profile, name)
        return engine.sync(profile, target, progress=progress, cancelled=cancelled)

    return job


def _reachable_job(names_and_targets: list[sync_targets.Target]):
    def job(profile: Profile, progress, cancelled) -> dict[str, bool]:
        out = {}
        for target in names_and_targets:
            try:
                out[target.name] = sync_targets.transport_for(profile, target).reachable()
            except Exception:  # noqa: BLE001 - an unusable target is simply not reachable
                out[target.name] = False
        return out

    return job


@dataclass
class TargetWatch:
    """What the watcher knows about one target."""

    reachable: bool = False
    failures: int = 0
    next_try: float = 0.0
    last_ok: float = 0.0
    asking: bool = False

    def backoff(self) -> float:
        return min(BACKOFF_BASE_S * (2 ** (self.failures - 1)), BACKOFF_MAX_S)


class SyncWatcher(QObject):
    """Notices targets coming online and starts (or offers) a sync; never blocks the window."""

    sync_wanted = Signal(str)  # sync this target now (background mode)
    ask = Signal(str)  # ask the user whether to sync this target

    def __init__(self, profile: Profile, parent: QObject | None = None, interval_ms=CHECK_MS):
        super().__init__(parent)
        self.profile = profile
        self.watches: dict[str, TargetWatch] = {}
        self.busy = False  # the page sets this while a sync runs
        self._checking: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)
        self.clock = time.monotonic

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def watched(self) -> list[sync_targets.Target]:
        return [t for t in sync_targets.targets(self.profile) if t.auto in ("background", "ask")]

    def check_now(self) -> None:
        """Check reachability in the background; the answer arrives in :meth:`_checked`."""
        targets = self.watched()
        if not targets or self._checking is not None:
            return
        self._checking = start(
            self.profile,
            _reachable_job(targets),
            done=lambda result: self._checked(targets, result),
            failed=lambda exc: self._checked(targets, {}),
        )

    def _checked(self, targets: list[sync_targets.Target], reachable: dict[str, bool]) -> None:
        self._checking = None
        now = self.clock()
        for target in targets:
            watch = self.watches.setdefault(target.name, TargetWatch())
            was, watch.reachable = watch.reachable, reachable.get(target.name, False)
            if not watch.reachable or self.busy or watch.asking or now < watch.next_try:
                continue
            came_online = not was
            due = now - watch.last_ok >= RESYNC_WHILE_ONLINE_S
            if not (came_online or due or watch.failures):
                continue
            if target.auto == "ask":
                watch.asking = True
                self.ask.emit(target.name)
            else:
                self.sync_wanted.emit(target.name)
            return  # one at a time

    def answered(self, name: str, yes: bool) -> None:
        watch = self.watches.setdefault(name, TargetWatch())
        watch.asking = False
        if yes:
            self.sync_wanted.emit(name)
        else:
            watch.last_ok = self.clock()  # do not ask again until the next period

    def finished(self, name: str, ok: bool) -> None:
        """The page reports how an automatic sync went; failures back off exponentially."""
        watch = self.watches.setdefault(name, TargetWatch())
        if ok:
            watch.failures = 0
            watch.next_try = 0.0
            watch.last_ok = self.clock()
        else:
            watch.failures += 1
            watch.next_try = self.clock() + watch.backoff()
