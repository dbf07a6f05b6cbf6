"""Conflicts a person can review: both values of a field, and "keep this one"."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from fieldkit.data import entities as E
from fieldkit.errors import NotFound
from fieldkit.i18n import _
from fieldkit.profile import Profile

KEPT, LOST = "kept", "lost"


def list_conflicts(profile: Profile, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    """Conflicts, newest first, with both values decoded and the record's title."""
    where = "" if include_resolved else "WHERE resolved IS NULL"
    cur = profile.store.conn.execute(
        "SELECT id, tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
        f"lost_device, detected, resolved FROM conflicts {where} ORDER BY detected DESC, id"
    )
    names = [d[0] for d in cur.description]
    out = []
    for raw in cur.fetchall():
        row = dict(zip(names, raw, strict=True))
        row["kept_value"] = json.loads(row["kept_value"]) if row["kept_value"] else None
        row["lost_value"] = json.loads(row["lost_value"]) if row["lost_value"] else None
        entity = E.ENTITIES.get(row["tbl"])
        record = profile.store.row(entity, row["row_id"]) if entity else None
        row["title"] = (record or {}).get(entity.title_field) if entity else None
        row["entity"] = entity.label if entity else row["tbl"]
        out.append(row)
    return out


def get_conflict(profile: Profile, conflict_id: str) -> dict[str, Any]:
    for row in list_conflicts(profile, include_resolved=True):
        if row["id"] == conflict_id or row["id"].startswith(conflict_id):
            return row
    raise NotFound(
        _("No conflict with id %(id)s. List them with “fieldkit conflicts list”.")
        % {"id": conflict_id}
    )


def keep(profile: Profile, conflict_id: str, side: str) -> dict[str, Any]:
    """Settle a conflict: keep the current value, or bring back the one that lost.

    Bringing back the lost value is an ordinary edit on this device, so it
    syncs to every other device like any change.
    """
    conflict = get_conflict(profile, conflict_id)
    records = profile.records(conflict["tbl"])
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    with profile.store.write():
        if side == LOST:
            value = conflict["lost_value"]
            if conflict["field"] == "deleted":
                if value:
                    records.delete(conflict["row_id"])
                else:
                    records.restore(conflict["row_id"])
            else:
                records.update(conflict["row_id"], {conflict["field"]: value})
        profile.store.conn.execute(
            "UPDATE conflicts SET resolved = ? WHERE id = ?", [now, conflict["id"]]
        )
    return conflict
