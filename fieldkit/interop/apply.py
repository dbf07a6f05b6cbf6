"""Carry out a confirmed :class:`~fieldkit.interop.plan.ImportPlan`: a backup first, then
one transaction, with progress and cancel (a cancelled import leaves the store as it was)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit import audit
from fieldkit.data import entities as E
from fieldkit.data.store import Cancelled, Progress, gc_paused
from fieldkit.i18n import _
from fieldkit.interop.errors import ImportCancelled, ImportWriteError
from fieldkit.interop.plan import CREATE, REJECT, SKIP, UPDATE, ImportPlan, PlanRow

if TYPE_CHECKING:
    from fieldkit.profile import Profile

log = logging.getLogger(__name__)

_FIELDS = frozenset(E.CONTACTS.field_names)
_PAIRED = {"phone": "phone_e164", "fax": "fax_e164"}


@dataclass
class ImportResult:
    """What an import did."""

    created: int
    updated: int
    unchanged: int
    skipped: int
    rejected: int
    photos: int
    backup: Path | None
    ids: list[str]

    def summary(self) -> str:
        return _(
            "Imported: %(created)d created, %(updated)d updated, %(unchanged)d already up to "
            "date, %(skipped)d skipped, %(rejected)d rejected."
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": self.rejected,
        }


def merge(target: dict[str, Any], values: dict[str, Any], *, fill: bool) -> dict[str, Any]:
    """``target`` with ``values`` laid over it: every given value, or only into empty fields."""
    out = dict(target)
    for key, value in values.items():
        if key not in _FIELDS or key in _PAIRED.values() or value in (None, "", []):
            continue
        if fill and out.get(key) not in (None, "", []):
            continue
        out[key] = value
        if key in _PAIRED:
            out[_PAIRED[key]] = values.get(_PAIRED[key])
    return out


def _resolve(plan: ImportPlan):
    """New contacts (merged with their in-file duplicates) and updates per stored contact."""
    creates: list[tuple[dict[str, Any], PlanRow]] = []
    updates: dict[str, list[PlanRow]] = {}
    by_line: dict[int, tuple[str, Any]] = {}
    for row in plan.rows:
        if row.action in (SKIP, REJECT):
            continue
        target = None
        if row.action == UPDATE and row.match:
            ref = row.match.ref
            target = ("store", ref.id) if ref.id else by_line.get(ref.line)
        if target is None:
            creates.append((row.values, row))  # merge() copies before changing it
            by_line[row.line] = ("new", len(creates) - 1)
            continue
        by_line[row.line] = target
        kind, key = target
        if kind == "new":
            values, first = creates[key]
            creates[key] = (merge(values, row.values, fill=row.choice == "fill"), first)
            if row.photo and not first.photo:
                first.photo = row.photo
        else:
            updates.setdefault(key, []).append(row)
    return creates, updates


class _PhotoFiles:
    """Attaches photos and remembers the files it adds to the attachments folder; used as
    a context manager, it takes them away again when the import does not commit (the
    files that were there before stay)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.added: list[Path] = []

    def attach(self, photo: tuple[bytes, str], owner_id: str) -> None:
        data, name = photo
        path = self.profile.blob_path(hashlib.sha256(data).hexdigest())
        if not path.exists():
            if not path.parent.exists():
                self.added.append(path.parent)
            self.added.append(path)
        self.profile.attach_bytes(data, name, owner_id)

    def __enter__(self) -> _PhotoFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        if kind is not None:
            self.discard()

    def discard(self) -> None:
        """Remove the files (and their new folders) added so far."""
        for path in reversed(self.added):
            try:
                if path.is_dir():
                    path.rmdir()  # only when empty: another writer may have used it
                else:
                    path.unlink(missing_ok=True)
                    path.with_suffix(".partial").unlink(missing_ok=True)
            except OSError:
                log.warning("could not remove an attachment file of a cancelled import")
        self.added.clear()


def apply_plan(
    profile: Profile,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportResult:
    """Write the plan: a backup, then one transaction. Raises ImportCancelled on cancel."""
    with gc_paused():
        creates, updates = _resolve(plan)
    total = len(creates) + len(updates)
    backup = profile.backup("before-import")
    counts = plan.counts()
    photos = 0
    updated = 0
    try:
        with _PhotoFiles(profile) as files, gc_paused(), profile.store.write():
            ids = profile.contacts.add_many(
                (values for values, _row in creates),
                progress=(lambda done, _t: progress(done, total)) if progress else None,
                cancelled=cancelled,
                total=total,
                normalized=True,  # checked by the preview
            )
            for done, (contact_id, rows) in enumerate(updates.items(), start=len(creates) + 1):
                current = profile.contacts.get(contact_id)
                merged = current
                for row in rows:
                    merged = merge(merged, row.values, fill=row.choice == "fill")
                changes = {k: v for k, v in merged.items() if k in _FIELDS and v != current[k]}
                if changes and profile.contacts.update(contact_id, changes):
                    updated += 1
                photo = next((r.photo for r in rows if r.photo), None)
                if photo and not profile.attachments.count({"owner_id": contact_id}):
                    files.attach(photo, contact_id)
                    photos += 1
                if done % 500 == 0:
                    if cancelled():
                        raise Cancelled()
                    if progress:
                        progress(done, total)
            for contact_id, (_values, row) in zip(ids, creates, strict=True):
                if row.photo:
                    files.attach(row.photo, contact_id)
                    photos += 1
            if cancelled():
                raise Cancelled()
    except Cancelled:
        log.info("import cancelled; rolled back")
        raise ImportCancelled(_("The import was cancelled: nothing was changed.")) from None
    except OSError as exc:
        log.warning("import failed writing a file (%s); rolled back", type(exc).__name__)
        raise ImportWriteError(
            _(
                "Could not save a photo in %(folder)s (%(error)s); nothing was imported. "
                "Check that the disk has room and that the folder can be written, then "
                "try again."
            )
            % {"folder": profile.attachments_dir, "error": exc.strerror or exc}
        ) from None
    if progress:
        progress(total, total)
    log.info("import done: %d created, %d updated, %d photos", len(ids), updated, photos)
    audit.record(
        profile.store,
        "import",
        entity="contacts",
        format=plan.layout,
        created=len(ids),
        updated=updated,
        rejected=counts[REJECT],
    )
    return ImportResult(
        created=len(ids),
        updated=updated,
        unchanged=len(updates) - updated,
        skipped=counts[SKIP],
        rejected=counts[REJECT],
        photos=photos,
        backup=backup,
        ids=ids,
    )


__all__ = ["CREATE", "ImportResult", "apply_plan", "merge"]
