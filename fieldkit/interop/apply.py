"""Carry out a confirmed :class:`~fieldkit.interop.plan.ImportPlan`: a backup first, then
one transaction, with progress and cancel (a cancelled import leaves the store as it was)."""

from __future__ import annotations

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
        with gc_paused(), profile.store.write():
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
                    profile.attach_bytes(photo[0], photo[1], contact_id)
                    photos += 1
                if done % 500 == 0:
                    if cancelled():
                        raise Cancelled()
                    if progress:
                        progress(done, total)
            for contact_id, (_values, row) in zip(ids, creates, strict=True):
                if row.photo:
                    profile.attach_bytes(row.photo[0], row.photo[1], contact_id)
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
