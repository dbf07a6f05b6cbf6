"""Sync with a target in stages: export, upload, list, fetch, apply.

Each stage's progress is recorded per target and file (``sync_state``), and
files are kept in the profile's ``sync/`` folder between stages (see
:mod:`fieldkit.sync.files`), so an interrupted sync resumes where it stopped
instead of starting from zero. A file's "applied" stage is written in the same
transaction as its changes. Targets are :mod:`fieldkit.sync.targets`.

A damaged outbox file is cut again from the change log and the sync report says so; a
damaged relay file is not sent: the report names it, and the next sync with a target that
holds the file fetches it again. A sync that fails part way still tells what it did before
(see :func:`report_of_failed`).
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fieldkit.data import sequence
from fieldkit.data.encryption import SYNC_FILES
from fieldkit.data.store import Cancelled
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.sync import credentials
from fieldkit.sync import org as O
from fieldkit.sync.errors import BundleRefused
from fieldkit.sync.exchange import import_bytes, protect
from fieldkit.sync.files import (
    cut_outbox,
    holds_lost,
    hq_only,
    name_on,
    open_kept,
    open_outbox,
    open_relay,
    outside_copy,
    recover_from_outbox,
    sync_dir,
    write_atomic,
)
from fieldkit.sync.targets import Target, transport_for
from fieldkit.sync.transports import Transport

log = logging.getLogger(__name__)

SyncProgress = Callable[[int, int, str], None]


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


@dataclass
class SyncReport:
    """Counts of one sync, for people and scripts."""

    target: str
    exported: int = 0
    uploaded: int = 0
    fetched: int = 0
    applied: int = 0
    changes: int = 0
    conflicts: int = 0
    skipped: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: list[tuple[str, str]] = field(default_factory=list)
    """Damaged outbox files cut again from the change log: (file name, notice for people)."""
    damaged: list[tuple[str, str]] = field(default_factory=list)
    """Damaged relay files, not sent: (file name, what to do, for people)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.__dict__,
            "refused": [{"file": f, "reason": r} for f, r in self.refused],
            "rebuilt": [{"file": f, "notice": n} for f, n in self.rebuilt],
            "damaged": [{"file": f, "notice": n} for f, n in self.damaged],
        }


DAMAGED = "damaged"
"""The stage of a relay file (``up:<name>``) that did not check out when it was to be sent."""


class _State:
    """The stage each file reached with one target."""

    def __init__(self, profile: Profile, target: str):
        self.profile = profile
        self.target = target

    def get(self) -> dict[str, str]:
        cur = self.profile.store.conn.execute(
            "SELECT name, stage FROM sync_state WHERE target = ?", [self.target]
        )
        return dict(cur.fetchall())

    def set(self, name: str, stage: str) -> None:
        with self.profile.store.write():
            self.profile.store.conn.execute(
                "INSERT OR REPLACE INTO sync_state(target, name, stage, updated) "
                "VALUES (?, ?, ?, ?)",
                [self.target, name, stage, _now()],
            )

    def damaged_relays(self) -> set[str]:
        """The relay files (names without ``.age``) found damaged when they were to be sent
        to any target, and not fetched again since."""
        cur = self.profile.store.conn.execute(
            "SELECT DISTINCT name FROM sync_state WHERE stage = ?", [DAMAGED]
        )
        return {name.removeprefix("up:").removesuffix(".age") for (name,) in cur}

    def fetched_again(self, name: str) -> set[str]:
        """A relay file is intact again: it is to be sent to every target that lacks it.
        Returns the names the damaged copy had (with or without ``.age``)."""
        plain = name.removesuffix(".age")
        names = [f"up:{plain}", f"up:{plain}.age"]
        conn = self.profile.store.conn
        with self.profile.store.write():
            cur = conn.execute(
                "SELECT DISTINCT name FROM sync_state WHERE stage = ? AND name IN (?, ?)",
                [DAMAGED, *names],
            )
            marked = {row[0].removeprefix("up:") for row in cur}
            conn.execute(
                "DELETE FROM sync_state WHERE stage = ? AND name IN (?, ?)", [DAMAGED, *names]
            )
        return marked


def sync(
    profile: Profile,
    target: Target,
    *,
    password: str | None = None,
    passphrase: str | None = None,
    progress: SyncProgress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    transport: Transport | None = None,
) -> SyncReport:
    """Export what is new, upload it, fetch and apply what this device has not applied.

    A cancel between files stops cleanly; everything done so far is kept and the
    next sync goes on from there. A refused file is reported, not fatal. When the sync
    stops on an error or a cancel, :func:`report_of_failed` gives what it did until then.
    """
    report = SyncReport(target.name)
    try:
        _run(profile, target, report, password, passphrase, progress, cancelled, transport)
    except BaseException as exc:
        setattr(exc, _REPORT, report)
        raise
    return report


_REPORT = "fieldkit_sync_report"


def report_of_failed(exc: BaseException) -> SyncReport | None:
    """What a sync that stopped with ``exc`` (an error or a cancel) did before it stopped:
    the files it made again and refused are to be told as on success. None for an error
    that did not come from :func:`sync`."""
    report = getattr(exc, _REPORT, None)
    return report if isinstance(report, SyncReport) else None


def _run(
    profile: Profile,
    target: Target,
    report: SyncReport,
    password: str | None,
    passphrase: str | None,
    progress: SyncProgress | None,
    cancelled: Callable[[], bool],
    transport: Transport | None,
) -> None:
    """The stages of :func:`sync`, filling in ``report`` as they go."""
    O.require_org(profile)
    transport = transport or transport_for(profile, target, password)
    if passphrase is None:
        passphrase = credentials.load_secret(profile, f"{target.name}#passphrase")
    identity = O.age_identity(profile)
    tell = progress or (lambda done, total, text: None)
    state = _State(profile, target.name)
    me = profile.device_id

    tell(0, 1, _("Preparing changes…"))
    report.exported = cut_outbox(profile)
    recover_from_outbox(profile, report)
    if cancelled():
        raise Cancelled()
    remote = transport.list()
    on_target = {e.name.removesuffix(".age") for e in remote}
    stages = state.get()
    outbox = sync_dir(profile, "outbox")
    relay = sync_dir(profile, "relay")
    # Outside the organisation: only this device's own changes, redacted; never relays,
    # which hold other devices' changes as they were signed.
    sent = (outbox,) if target.outside else (outbox, relay)
    uploads = [
        p
        for folder in sent
        for p in sorted(folder.iterdir())
        if p.name.endswith(".fkb") or p.name.endswith(".fkb.age")
        if name_on(target, p.name).removesuffix(".age") not in on_target
        and stages.get("up:" + p.name) != "uploaded"
    ]
    applied_names = {k.rsplit("/", 1)[-1] for k, s in stages.items() if s in ("applied", "refused")}
    lost = sequence.lost(profile.store.conn)
    # Relay files found damaged are fetched again, already applied, where a copy is held.
    damaged = state.damaged_relays()
    again = {
        e.key
        for e in remote
        if e.folder != me
        and e.name.removesuffix(".age") in damaged
        and stages.get(e.key) != "refused"
    }
    downloads = [
        e
        for e in remote
        if (
            (
                # this device's own bundles (relayed by another too) only for changes it lost
                (e.folder != me and not e.name.startswith(f"{me}-"))
                or holds_lost(profile, e.name, lost)
            )
            and e.name not in applied_names
            and stages.get(e.key) != "applied"
        )
        or e.key in again
    ]
    total = len(uploads) + len(downloads) * 2 or 1
    done = 0

    for path in uploads:
        if cancelled():
            raise Cancelled()
        tell(done, total, _("Sending %(name)s…") % {"name": path.name})
        if target.outside:
            data = outside_copy(profile, target, path, report)
        elif path.parent == outbox:
            data = open_outbox(profile, path, target, report)
        else:
            data = open_relay(profile, path, target, report, passphrase, identity)
            if data is None:  # damaged: not sent, and fetched again where a target holds it
                state.set("up:" + path.name, DAMAGED)
                done += 1
                continue
        name = name_on(target, path.name)
        if data is None:  # everything in it stays in the organisation
            state.set("up:" + path.name, "uploaded")
            done += 1
            continue
        if path.parent == outbox and (target.encrypt_to_hq or passphrase):
            data = protect(profile, data, to_hq=target.encrypt_to_hq, passphrase=passphrase)
            name += ".age"
        transport.put(me, name, data)
        state.set("up:" + path.name, "uploaded")
        report.uploaded += 1
        done += 1

    inbox = sync_dir(profile, "inbox")
    for entry in downloads:
        if cancelled():
            raise Cancelled()
        tell(done, total, _("Fetching %(name)s…") % {"name": entry.name})
        local = inbox / f"{entry.folder}--{entry.name}"
        if stages.get(entry.key) != "fetched" or not local.exists():
            write_atomic(local, profile.seal_file(transport.get(entry), SYNC_FILES))
            state.set(entry.key, "fetched")
            report.fetched += 1
        done += 1

    if downloads:
        profile.backup("before-sync")
    for entry in downloads:
        if cancelled():
            raise Cancelled()
        tell(done, total, _("Applying %(name)s…") % {"name": entry.name})
        local = inbox / f"{entry.folder}--{entry.name}"
        data = open_kept(profile, local, target)
        if identity is None and hq_only(data):
            report.skipped += 1
            done += 1
            continue
        try:
            result = import_bytes(
                profile,
                data,
                passphrase=passphrase,
                also=lambda key=entry.key: _mark_applied(profile, target.name, key),
            )
        except BundleRefused as exc:
            log.info("file from %s refused: %s", entry.folder, type(exc).__name__)
            report.refused.append((entry.key, str(exc)))
            state.set(entry.key, "refused")
        else:
            if not (result.already and entry.key in again):
                report.applied += 1
            report.changes += result.merge.applied
            report.conflicts += result.merge.conflicts
            if result.device != me:  # its own bundles are in its outbox and on targets
                os.replace(local, relay / entry.name)
                if entry.key in again:  # an intact copy in place of the damaged one
                    for old in state.fetched_again(entry.name) - {entry.name}:
                        (relay / old).unlink(missing_ok=True)  # the same bundle, other name
                continue
        finally:
            done += 1
        local.unlink(missing_ok=True)
    _finish(profile, target, report)
    tell(total, total, _("Done."))


def _mark_applied(profile: Profile, target: str, key: str) -> None:
    profile.store.conn.execute(
        "INSERT OR REPLACE INTO sync_state(target, name, stage, updated) VALUES (?, ?, ?, ?)",
        [target, key, "applied", _now()],
    )


def _finish(profile: Profile, target: Target, report: SyncReport) -> None:
    summary = json.dumps(report.as_dict())
    with profile.store.write():
        profile.store.conn.execute(
            "UPDATE sync_targets SET last_sync = ?, last_result = ? WHERE name = ?",
            [_now(), summary, target.name],
        )
