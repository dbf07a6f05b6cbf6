"""Cut bundles from the change log, and import bundles (verify, then apply in one transaction)."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fieldkit import audit
from fieldkit.data import sequence
from fieldkit.data.clock import new_id
from fieldkit.data.store import Store, gc_paused
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.bundle import (
    CHANGES,
    SNAPSHOT,
    Bundle,
    Trust,
    decrypt_layers,
    encrypt,
    verify_bundle,
    write_bundle,
)
from fieldkit.sync.errors import BundleRefused, SyncError
from fieldkit.sync.merge import (
    Knowledge,
    MergeResult,
    add_range,
    epochs_of,
    field_clocks,
    merge,
    record_epoch,
    seen_vector,
    store_epochs,
)
from fieldkit.sync.outside import held_in_part, parse_partial, redact_changes

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    """What importing one bundle did."""

    bundle_id: str
    device: str
    device_name: str
    kind: str
    already: bool = False
    merge: MergeResult = field(default_factory=MergeResult)


def bundle_name(manifest: dict[str, Any]) -> str:
    """The file name of a bundle on a target: who wrote it and which changes it holds.

    A bundle written for a target outside the organisation has its own name, so a
    device that applied it still fetches the organisation's full bundle of the range."""
    end = "-outside.fkb" if manifest.get("outside") else ".fkb"
    if manifest["kind"] == SNAPSHOT:
        return f"snapshot-{manifest['device']}-{manifest['bundle_id']}{end}"
    return f"{manifest['device']}-{manifest['first']:010d}-{manifest['last']:010d}{end}"


def outside_name(name: str) -> str:
    """The name of the outside version of an outbox bundle (see :func:`bundle_name`)."""
    return name.removesuffix(".fkb") + "-outside.fkb"


# --- export ---------------------------------------------------------------------


def _check_not_revoked(profile: Profile) -> None:
    O.require_org(profile)
    if profile.device_id in O.revoked_devices(profile):
        raise SyncError(
            _(
                "Headquarters has revoked this device: its changes are no longer accepted. "
                "Ask headquarters for a new enrolment."
            )
        )


def _base_manifest(profile: Profile, kind: str) -> dict[str, Any]:
    org = O.require_org(profile)
    key = O.device_key(profile)
    return {
        "bundle_id": new_id(),
        "kind": kind,
        "org": org.id,
        "device": profile.device_id,
        "device_name": profile.setting("device_name") or "",
        "public_key": key.public_text,
        "cert": O.device_cert(profile),
        "revocations": O.revocations(profile),
        "seen": seen_vector(profile.store),
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }


def _attachments_for(profile: Profile, changes: list[tuple]) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    for change in changes:
        if change[2] != "attachments":
            continue
        data = change[5] if isinstance(change[5], dict) else json.loads(change[5])
        sha = data.get("sha256")
        if sha and sha not in blobs:
            blob = profile.read_blob(sha)  # plain content, also in an encrypted profile
            if blob is not None:
                blobs[sha] = blob
    return blobs


def own_changes(store: Store, first: int, last: int) -> list[tuple]:
    """This device's shareable changes with ``first <= dseq <= last`` (local-only left out)."""
    return store.conn.execute(
        "SELECT device, dseq, tbl, row_id, hlc, data FROM changes "
        "WHERE device = ? AND dseq BETWEEN ? AND ? AND local_only = 0 ORDER BY dseq",
        [store.device_id, first, last],
    ).fetchall()


def _for_outside(
    store: Store,
    manifest: dict[str, Any],
    changes: list[tuple],
    *,
    outside: bool,
    include_restricted: bool,
) -> tuple[list[tuple], dict[str, Any]]:
    """The changes to write, and what the audit log says of them; marks the manifest."""
    if not outside:
        if manifest["kind"] == SNAPSHOT:  # pass on what this device holds in part
            partial = sorted({(c[0], c[1]) for c in changes} & held_in_part(store))
            if partial:
                manifest["partial"] = [list(key) for key in partial]
        return changes, {}
    redaction = redact_changes(
        store, changes, include_restricted=include_restricted, held_in_part=held_in_part(store)
    )
    manifest["outside"] = True
    manifest["partial"] = [list(key) for key in redaction.partial]
    details = {"outside": True, "included_restricted": include_restricted, **redaction.audit()}
    return redaction.changes, details


def export_changes(
    profile: Profile,
    first: int = 1,
    last: int | None = None,
    *,
    outside: bool = False,
    include_restricted: bool = False,
    rebuilt: bool = False,
) -> bytes | None:
    """A signed bundle of this device's changes in a dseq range (None when nothing to send).

    ``outside``: for a target outside the organisation, redacted (see
    :mod:`fieldkit.sync.outside`) unless ``include_restricted``. ``rebuilt``: the bundle
    replaces a damaged outbox file of the same range, and the audit log says so."""
    _check_not_revoked(profile)
    store = profile.store
    last = store.dseq if last is None else min(last, store.dseq)
    changes = own_changes(store, first, last)
    if not changes:
        return None
    manifest = _base_manifest(profile, CHANGES)
    changes, details = _for_outside(
        store, manifest, changes, outside=outside, include_restricted=include_restricted
    )
    if not changes:
        return None
    epochs = epochs_of(store, store.device_id).get(store.device_id, [])
    cover = [e for e in epochs if e[0] <= first]
    kept = cover[-1:] + [e for e in epochs if first < e[0] <= last]
    manifest.update(first=first, last=last, epochs={store.device_id: kept})
    # Numbers of the range whose changes this device lost with a restore: a receiver must
    # not count them as held (another device may hold them and send them later).
    missing = sequence.intersect(sequence.lost(store.conn), [(first, last)])
    if missing:
        manifest["missing"] = [list(r) for r in missing]
    data = write_bundle(
        manifest, changes, O.device_key(profile), _attachments_for(profile, changes)
    )
    log.info("bundle cut: %d changes, dseq %d-%d", len(changes), first, last)
    if rebuilt:
        details["rebuilt"] = True
    with store.write():
        sequence.note_sent(store.conn, last)
        audit.record(store, "sync", direction="out", kind=CHANGES, changes=len(changes), **details)
    return data


def export_snapshot(
    profile: Profile, *, outside: bool = False, include_restricted: bool = False
) -> bytes:
    """Headquarters' current state (winning value of every field), to start a new device.

    ``outside``: for a target outside the organisation, redacted (see
    :mod:`fieldkit.sync.outside`) unless ``include_restricted``."""
    _check_not_revoked(profile)
    store = profile.store
    ids = {
        r[0] for r in store.conn.execute("SELECT DISTINCT row_id FROM changes WHERE local_only = 0")
    }
    clocks = field_clocks(store, ids, shared_only=True)
    grouped: dict[tuple, dict[str, Any]] = {}
    for (tbl, rid), fc in clocks.items():
        for name, (hlc, dev, dseq, value) in fc.items():
            grouped.setdefault((dev, dseq, tbl, rid, hlc), {})[name] = value
    changes = [(*key, data) for key, data in sorted(grouped.items(), key=lambda kv: kv[0][4])]
    manifest = _base_manifest(profile, SNAPSHOT)
    changes, details = _for_outside(
        store, manifest, changes, outside=outside, include_restricted=include_restricted
    )
    manifest.update(first=0, last=0, epochs=epochs_of(store))
    data = write_bundle(
        manifest, changes, O.device_key(profile), _attachments_for(profile, changes)
    )
    log.info("snapshot cut: %d changes", len(changes))
    audit.record(store, "sync", direction="out", kind=SNAPSHOT, changes=len(changes), **details)
    return data


def protect(profile: Profile, data: bytes, *, to_hq: bool, passphrase: str | None) -> bytes:
    """Encrypt bundle bytes to headquarters' key and/or a passphrase (age)."""
    recipient = O.require_org(profile).age_recipient if to_hq else None
    return encrypt(data, recipient=recipient, passphrase=passphrase)


# --- import ---------------------------------------------------------------------


def trust_of(profile: Profile) -> Trust:
    org = O.require_org(profile)
    return Trust(org.id, org.public_key, O.revoked_devices(profile))


def open_bundle(
    profile: Profile, data: bytes, *, passphrase: str | None = None
) -> tuple[Bundle, list[dict[str, Any]]]:
    """Decrypt and verify; nothing is written."""
    trust = trust_of(profile)
    plain = decrypt_layers(data, passphrase=passphrase, identity=O.age_identity(profile))
    return verify_bundle(plain, trust)


def _check_epochs(epochs: Any) -> dict[str, list[list[Any]]]:
    try:
        out = {
            str(dev): [
                [int(start), {str(k): int(v) for k, v in seen.items()}] for start, seen in items
            ]
            for dev, items in (epochs or {}).items()
        }
    except (ValueError, TypeError, AttributeError):
        raise BundleRefused(
            _(
                "The bundle's manifest is damaged; copy it again from its source. "
                "Nothing was changed."
            )
        ) from None
    return out


def _check_partial(manifest: dict[str, Any]) -> set[tuple[str, int]]:
    try:
        return parse_partial(manifest.get("partial"))
    except ValueError:
        raise BundleRefused(
            _(
                "The bundle's manifest is damaged; copy it again from its source. "
                "Nothing was changed."
            )
        ) from None


def _check_missing(manifest: dict[str, Any]) -> sequence.Ranges:
    """The manifest's ``missing`` ranges: inside ``first..last``, else the bundle is refused."""
    raw = manifest.get("missing") or []
    try:
        first, last = int(manifest.get("first") or 0), int(manifest.get("last") or 0)
        pairs = [(a, b) for a, b in raw]
        if not all(
            isinstance(a, int) and isinstance(b, int) and first <= a <= b <= last for a, b in pairs
        ):
            raise ValueError
    except (ValueError, TypeError):
        raise BundleRefused(
            _(
                "The bundle's manifest is damaged; copy it again from its source. "
                "Nothing was changed."
            )
        ) from None
    return sequence.normalize(pairs)


def held_range(manifest: dict[str, Any]) -> sequence.Ranges:
    """The sequence numbers of its device whose changes a ``changes`` bundle holds all of:
    ``first..last`` but those its writer had lost (``missing``)."""
    span = [(int(manifest["first"]), int(manifest["last"]))]
    return sequence.subtract(span, _check_missing(manifest))


def _save_blobs(profile: Profile, bundle: Bundle) -> None:
    for sha, blob in bundle.attachments.items():
        if hashlib.sha256(blob).hexdigest() == sha:
            profile.write_blob(blob)  # once by hash; encrypted in an encrypted profile


def apply_bundle(
    profile: Profile,
    bundle: Bundle,
    revocations: list[dict[str, Any]],
    *,
    also: Callable[[], None] | None = None,
) -> ImportResult:
    """Apply a verified bundle in one transaction (``also`` runs inside it, last)."""
    m = bundle.manifest
    result = ImportResult(bundle.bundle_id, bundle.device, m.get("device_name", ""), m["kind"])
    epochs = _check_epochs(m.get("epochs"))
    partial = _check_partial(m)
    held = held_range(m) if m["kind"] != SNAPSHOT else []
    _save_blobs(profile, bundle)
    store = profile.store
    with store.write():
        done = store.conn.execute(
            "SELECT 1 FROM sync_bundles WHERE bundle_id = ?", [bundle.bundle_id]
        ).fetchone()
        if done:
            result.already = True
            result.merge = MergeResult(received=len(bundle.changes), skipped=len(bundle.changes))
        else:
            revoked = O.revoked_devices(profile)
            for statement in revocations:
                if statement["device"] not in revoked:
                    O.store_revocation(profile, statement)
            O.remember_device(profile, m["cert"])
            store_epochs(store, epochs)
            result.merge = merge(store, bundle.changes, Knowledge(epochs_of(store)), partial)
            if m["kind"] == SNAPSHOT:
                for dev, upto in m.get("seen", {}).items():
                    if dev != store.device_id:
                        add_range(store, dev, 1, int(upto))
            elif bundle.device == store.device_id:  # its own changes, lost with a restore
                sequence.recovered(store.conn, store.device_id, held)
            else:
                for first, last in held:
                    add_range(store, bundle.device, first, last)
            record_epoch(store)
            store.conn.execute(
                "INSERT INTO sync_bundles(bundle_id, device, kind, first, last, changes, applied) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    bundle.bundle_id,
                    bundle.device,
                    m["kind"],
                    m.get("first"),
                    m.get("last"),
                    len(bundle.changes),
                    _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
                ],
            )
        if also:
            also()
    log.info(
        "bundle %s applied: %d new, %d known, %d conflicts",
        bundle.bundle_id,
        result.merge.applied,
        result.merge.skipped,
        result.merge.conflicts,
    )
    return result


def import_bytes(
    profile: Profile,
    data: bytes,
    *,
    passphrase: str | None = None,
    also: Callable[[], None] | None = None,
) -> ImportResult:
    """Decrypt, verify and apply one bundle file's bytes; refusals leave the store as it was."""
    # A bundle is read into many small objects that live until it is applied: one pause
    # (re-enabling the collector in between would walk them all).
    with gc_paused():
        bundle, revocations = open_bundle(profile, data, passphrase=passphrase)
        if bundle.device == profile.device_id and not lost_in(profile, bundle.manifest):
            # its own changes, relayed back, which it holds: nothing to do
            m = bundle.manifest
            result = ImportResult(
                bundle.bundle_id, bundle.device, m.get("device_name", ""), m["kind"]
            )
            result.already = True
            result.merge = MergeResult(received=len(bundle.changes), skipped=len(bundle.changes))
            if also:
                with profile.store.write():
                    also()
            return result
        result = apply_bundle(profile, bundle, revocations, also=also)
    if not result.already:
        audit.record(
            profile.store,
            "sync",
            direction="in",
            kind=result.kind,
            changes=result.merge.received,
            conflicts=result.merge.conflicts,
        )
    return result


def lost_in(profile: Profile, manifest: dict[str, Any]) -> bool:
    """A bundle of this device's own changes holds some that it lost with a restore of an
    older backup (its own ranges say so): they are applied as any other device's would be.
    A bundle written for outside the organisation is left out: it may lack fields."""
    if manifest.get("device") != profile.device_id or manifest.get("kind") == SNAPSHOT:
        return False
    if manifest.get("outside"):
        return False
    lost = sequence.lost(profile.store.conn)
    return bool(lost and sequence.intersect(lost, held_range(manifest)))


def pending_changes(profile: Profile) -> int:
    """This device's shareable changes not yet cut into a bundle for targets."""
    store = profile.store
    since = int(store.meta("sync.exported_dseq") or 0)
    return store.conn.execute(
        "SELECT count(*) FROM changes WHERE device = ? AND dseq > ? AND local_only = 0",
        [store.device_id, since],
    ).fetchone()[0]
