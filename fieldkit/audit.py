"""The audit log: what was imported, exported, synced, restored, and when the passphrase changed.

It lives in the profile's ``audit`` table (local to the device, never synced)
and holds no record contents: an action, a time, the device, and details that
are only counts, kinds and short codes (``{"entity": "contacts", "rows": 120}``).
:func:`record` refuses anything else, so a name or a phone number cannot slip in.

Other parts of FieldKit call :func:`record` when they finish an import, an
export, a sync or a print (``audit.record(profile.store, "import", entity="contacts",
rows=120, format="csv")``).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from fieldkit.i18n import N_, _

ACTIONS: dict[str, str] = {
    "import": N_("Import"),
    "export": N_("Export"),
    "sync": N_("Sync"),
    "print": N_("Print"),
    "backup": N_("Backup"),
    "restore": N_("Restore"),
    "passphrase-change": N_("Passphrase changed"),
    "encrypt": N_("Protected with a passphrase"),
}
"""Each action and its label (translated when shown)."""

# A detail value is a number, a truth value, or a short code: never free text.
_CODE = re.compile(r"^[A-Za-z0-9_.:+-]{0,64}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def record(store: Any, action: str, **details: Any) -> None:
    """Append one entry. ``details`` hold counts, kinds and codes only (ValueError otherwise)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    for key, value in details.items():
        if not _KEY.match(key):
            raise ValueError(f"bad audit detail key {key!r}")
        if isinstance(value, bool | int | float) or value is None:
            continue
        if not (isinstance(value, str) and _CODE.match(value)):
            raise ValueError(f"audit detail {key!r} must be a count or a short code")
    stamp = _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds")
    with store.write():
        store.conn.execute(
            "INSERT INTO audit (at, action, device, details) VALUES (?, ?, ?, ?)",
            [stamp, action, store.device_id, json.dumps(details, sort_keys=True)],
        )


def entries(store: Any, *, limit: int | None = None, action: str | None = None) -> list[dict]:
    """Entries, newest first (each: seq, at, action, label, device, details)."""
    sql = "SELECT seq, at, action, device, details FROM audit"
    params: list[Any] = []
    if action:
        sql += " WHERE action = ?"
        params.append(action)
    sql += " ORDER BY at DESC, seq DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for seq, at, act, device, details in store.conn.execute(sql, params):
        out.append(
            {
                "seq": seq,
                "at": at,
                "action": act,
                "label": _(ACTIONS.get(act, act)),
                "device": device,
                "details": json.loads(details or "{}"),
            }
        )
    return out


def keep_after_restore(store: Any, kept: list[dict]) -> int:
    """Put back entries a restore removed (a restore must not erase its own history)."""
    present = {
        (e["at"], e["action"], json.dumps(e["details"], sort_keys=True)) for e in entries(store)
    }
    missing = [
        e
        for e in reversed(kept)
        if (e["at"], e["action"], json.dumps(e["details"], sort_keys=True)) not in present
    ]
    if missing:
        with store.write():
            store.conn.executemany(
                "INSERT INTO audit (at, action, device, details) VALUES (?, ?, ?, ?)",
                [
                    (e["at"], e["action"], e["device"], json.dumps(e["details"], sort_keys=True))
                    for e in missing
                ],
            )
    return len(missing)


def describe(details: dict[str, Any]) -> str:
    """Details as one short line for a table (``rows=120, entity=contacts``)."""
    return ", ".join(f"{k}={v}" for k, v in sorted(details.items()))
