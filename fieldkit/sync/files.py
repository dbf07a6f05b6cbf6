"""The files a sync keeps in the profile's ``sync/`` folder between its stages.

- ``sync/outbox/``: bundles this device cut (encrypted per target on upload);
- ``sync/inbox/``: files fetched from a target, not yet applied;
- ``sync/relay/``: files applied from other devices, as received, to pass on
  to targets that lack them (they keep their original signature).

In an encrypted profile the files in these folders are sealed too (``Profile.seal_file``).
An outbox or relay file is opened only when it is sent to a target that lacks it, before
any of it leaves, and checked as a receiver would (its signature and hashes, in any
profile). An outbox file that no longer opens or no longer checks out is cut again from the
change log, which keeps every change (see :func:`rebuild_outbox`). A relay file that no
longer checks out is not sent (see :func:`open_relay`).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from fieldkit.data import sequence
from fieldkit.data.encryption import SYNC_FILES, DamagedFile
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.bundle import MAGIC_AGE, Trust, check_intact, passphrase_layer, peek_manifest
from fieldkit.sync.errors import BundleRefused, SyncError
from fieldkit.sync.exchange import bundle_name, export_changes, import_bytes, outside_name
from fieldkit.sync.targets import Target

if TYPE_CHECKING:
    from fieldkit.sync.engine import SyncReport

log = logging.getLogger(__name__)


def sync_dir(profile: Profile, part: str) -> Path:
    path = profile.path / "sync" / part
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    with open(partial, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)


def cut_outbox(profile: Profile) -> int:
    """Cut this device's new changes into a bundle in the outbox; returns how many."""
    store = profile.store
    since = int(store.meta("sync.exported_dseq") or 0)
    if store.dseq <= since:
        return 0
    data = export_changes(profile, since + 1, store.dseq)
    if data is None:
        return 0
    manifest = peek_manifest(data)
    write_atomic(
        sync_dir(profile, "outbox") / bundle_name(manifest), profile.seal_file(data, SYNC_FILES)
    )
    store.set_meta("sync.exported_dseq", str(manifest["last"]))
    return int(manifest["counts"]["changes"])


def open_kept(profile: Profile, path: Path, target: Target) -> bytes:
    """The content of a file kept in the sync folder (sealed in an encrypted profile); when
    it does not open, a message that names it and says what to do, for each folder."""
    return profile.open_file(path.read_bytes(), SYNC_FILES, _damaged_message(path, target))


def _damaged_message(path: Path, target: Target) -> str:
    """What to do about a damaged file of the sync folder, by the folder it is in."""
    where = {"name": path.name, "folder": path.parent, "target": target.name}
    if path.parent.name == "inbox":
        damaged = _(
            "The file %(name)s in the sync folder (%(folder)s), fetched from %(target)s, is "
            "damaged or was sealed by another device's profile. Delete it and sync again: "
            "it will be fetched again."
        )
    elif path.parent.name == "relay":
        damaged = _(
            "The file %(name)s in the sync folder (%(folder)s), another device's changes kept "
            "to pass on, is damaged or was sealed by another device's profile. Delete it and "
            "sync again: its changes are already applied here, and the device that made them "
            "still has them."
        )
    else:
        damaged = _(
            "The file %(name)s in the sync folder (%(folder)s), this device's changes waiting "
            "to be sent, is damaged or was sealed by another device's profile. Move it out of "
            "that folder and sync again, then send headquarters all of this device's changes "
            "with “fieldkit export”."
        )
    return damaged % where


_OUTBOX_NAME = re.compile(r"(?P<device>.+)-(?P<first>\d{10})-(?P<last>\d{10})\.fkb")


def _outbox_range(profile: Profile, name: str) -> tuple[int, int] | None:
    """The dseq range of this device's changes an outbox file holds, read from its name
    (see :func:`~fieldkit.sync.exchange.bundle_name`); None for any other name."""
    match = _OUTBOX_NAME.fullmatch(name)
    if match is None or match["device"] != profile.device_id:
        return None
    return int(match["first"]), int(match["last"])


def holds_lost(profile: Profile, name: str, lost: sequence.Ranges) -> bool:
    """A file of this device's own changes (by its name) of a range with changes it lost
    with a restore of an older backup."""
    span = _outbox_range(profile, name.removesuffix(".age")) if lost else None
    return span is not None and bool(sequence.intersect(lost, [span]))


def recover_from_outbox(profile: Profile, report: SyncReport) -> None:
    """Apply again the outbox files that hold changes this device lost with a restore of an
    older backup (the files outlive the restore; a target may hold the same changes only
    encrypted to headquarters). A file that does not open is left to the upload, which
    says what to do with it."""
    lost = sequence.lost(profile.store.conn)
    if not lost:
        return
    for path in sorted(sync_dir(profile, "outbox").iterdir()):
        if not holds_lost(profile, path.name, lost):
            continue
        try:
            data = profile.open_file(path.read_bytes(), SYNC_FILES, "")
            result = import_bytes(profile, data)
        except (DamagedFile, SyncError):
            log.info("outbox file not applied again: it does not open")
            continue
        if not result.already:
            report.applied += 1
            report.changes += result.merge.applied
            report.conflicts += result.merge.conflicts


def open_outbox(profile: Profile, path: Path, target: Target, report: SyncReport) -> bytes:
    """The content of an outbox file, checked as a receiver would check it; a damaged one
    is rebuilt when it can be (a notice in ``report``), otherwise its message says what to
    do."""
    try:
        data = open_kept(profile, path, target)
        _check_intact(profile, data)
        return data
    except (DamagedFile, BundleRefused):
        log.info("outbox bundle damaged: it does not open or does not verify")
    rebuilt = rebuild_outbox(profile, path)
    if rebuilt is None:
        raise DamagedFile(_damaged_message(path, target))
    notice = _(
        "The file %(name)s in the sync folder (%(folder)s), this device's changes waiting "
        "to be sent, was damaged or sealed by another device's profile. It was made again "
        "from the same changes, which this device still holds: nothing needs to be done."
    ) % {"name": path.name, "folder": path.parent}
    report.rebuilt.append((path.name, notice))
    return rebuilt


def _check_intact(profile: Profile, data: bytes) -> None:
    """Refuse (:class:`BundleRefused`) a plain bundle (this device's or one it relays) that
    a receiver would refuse as damaged: its manifest's signature, the device's enrolment
    and the hashes of its changes and attachments, as
    :func:`~fieldkit.sync.bundle.verify_bundle` checks them but for reading each change
    (about a tenth of the time: 0.09 s instead of 1 s for 100,000 changes). An unencrypted
    profile keeps outbox and relay files as they are, so nothing else would tell.
    Revocations are left to the receiver: they are not damage."""
    org = O.require_org(profile)
    check_intact(data, Trust(org.id, org.public_key, set()))


def rebuild_outbox(profile: Profile, path: Path) -> bytes | None:
    """Cut the bundle of a damaged outbox file again: the same range of this device's
    changes, as a fresh export of it, sealed and written in the file's place. Returns its
    content, or None (nothing written) when the store no longer holds every change of
    that range as it was cut: after a restore of an older backup its changes are gone (until
    a sync brings them back), or, in a profile restored by a FieldKit that numbered changes
    again after a restore, their sequence numbers were given to other changes (cut into
    overlapping files). Numbers whose changes are gone for good (see
    :mod:`fieldkit.data.sequence`) held nothing to send."""
    span = _outbox_range(profile, path.name)
    if span is None:
        return None
    first, last = span
    store = profile.store
    if not 1 <= first <= last <= int(store.meta("sync.exported_dseq") or 0):
        return None
    for other in path.parent.iterdir():
        theirs = _outbox_range(profile, other.name)
        if other.name != path.name and theirs and theirs[0] <= last and first <= theirs[1]:
            return None
    numbers = [(first, last)]
    if sequence.intersect(sequence.lost(store.conn), numbers):
        return None  # lost with a restore of an older backup, not back yet
    held = store.conn.execute(
        "SELECT count(*) FROM changes WHERE device = ? AND dseq BETWEEN ? AND ?",
        [store.device_id, first, last],
    ).fetchone()[0]
    gone = sequence.size(sequence.intersect(sequence.void(store.conn), numbers))
    if held + gone != last - first + 1:
        return None
    data = export_changes(profile, first, last, rebuilt=True)
    if data is None or bundle_name(peek_manifest(data)) != path.name:
        return None
    write_atomic(path, profile.seal_file(data, SYNC_FILES))
    log.info("damaged outbox bundle rebuilt: dseq %d-%d", first, last)
    return data


def name_on(target: Target, name: str) -> str:
    """The name an outbox or relay file has on ``target``."""
    return outside_name(name) if target.outside else name


def outside_copy(profile: Profile, target: Target, path: Path, report: SyncReport) -> bytes | None:
    """The version of an outbox bundle for a target outside the organisation, cut again
    from the change log for the same range (None when nothing in it may leave)."""
    manifest = peek_manifest(open_outbox(profile, path, target, report))
    return export_changes(
        profile,
        int(manifest["first"]),
        int(manifest["last"]),
        outside=True,
        include_restricted=target.include_restricted,
    )


def open_relay(
    profile: Profile,
    path: Path,
    target: Target,
    report: SyncReport,
    passphrase: str | None,
    identity: pyrage.x25519.Identity | None,
) -> bytes | None:
    """The content of a relay file, to be sent as it is, once checked as a receiver would
    check it; None when it does not check out (its message, the relay folder's, is added
    to ``report``). The check reaches as far as this device can open the file: not inside
    a layer encrypted to a key it does not hold (headquarters' key at an office) or to a
    passphrase other than this target's. A relay file that does not open at all (a damaged
    seal) raises :class:`DamagedFile` with the same message."""
    data = open_kept(profile, path, target)
    try:
        plain = _opened_layers(data, passphrase, identity)
        if plain is not None:
            _check_intact(profile, plain)
    except BundleRefused:
        log.info("relay bundle damaged: it does not verify")
        report.damaged.append((path.name, _damaged_message(path, target)))
        return None
    return data


def _opened_layers(
    data: bytes, passphrase: str | None, identity: pyrage.x25519.Identity | None
) -> bytes | None:
    """``data`` without its age layers, or None when a layer is for a key or passphrase
    this device does not hold; a layer that opens but whose content is damaged is refused
    (:class:`BundleRefused`) as a receiver would refuse it."""
    while data.startswith(MAGIC_AGE):
        try:
            if passphrase_layer(data):
                if not passphrase:
                    return None
                data = pyrage.passphrase.decrypt(data, passphrase)
            elif identity is None:
                return None
            else:
                data = pyrage.decrypt(data, [identity])
        except pyrage.DecryptError as exc:
            # age tells a key that does not fit ("No matching keys found", "Decryption
            # failed") from content that does not match its tags ("decryption error").
            if str(exc).strip().lower() != "decryption error":
                return None
            raise BundleRefused(str(exc)) from None
    return data


def hq_only(data: bytes) -> bool:
    """An age file encrypted to a key (not a passphrase), which only headquarters can open."""
    return data.startswith(MAGIC_AGE) and not passphrase_layer(data)
