"""The audit log: what was imported, exported, synced, restored, and when the passphrase changed.

It lives in the profile's ``audit`` table (local to the device, never synced)
and holds no record contents: an action, a time, the device, and details that
are only counts, kinds and short codes (``{"entity": "contacts", "rows": 120}``).
:func:`record` refuses anything else, so a name or a phone number cannot slip in.

Other parts of FieldKit call :func:`record` when they finish an import, an
export, a sync or a print (``audit.record(profile.store, "import", entity="contacts",
rows=120, format="csv")``).

:func:`shown` gives an entry as people read it, in the app and in ``fieldkit audit``:
the time in this computer's zone and the details as a phrase in the UI language
(“Import of contacts: 1,200 created, 3 updated, and 0 rejected (Google Contacts
layout)”); ``fieldkit audit --json`` keeps the stored values.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from typing import Any

from fieldkit.formats import format_phrase
from fieldkit.i18n import N_, _, format_datetime, format_number, local_timezone, ngettext

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


# --- as people read it ------------------------------------------------------------

_IMPORT_OF = {"contacts": N_("Import of contacts")}
_EXPORT_OF = {"contacts": N_("Export of contacts")}
_SYNC = {
    ("out", "changes", False): N_("Bundle of changes sent"),
    ("out", "snapshot", False): N_("Snapshot sent"),
    ("out", "changes", True): N_("Bundle of changes sent outside the organisation"),
    ("out", "snapshot", True): N_("Snapshot sent outside the organisation"),
    ("in", "changes", False): N_("Bundle of changes received"),
    ("in", "snapshot", False): N_("Snapshot received"),
}
# A bundle of this device's changes cut again in place of a damaged file of its outbox.
_SYNC_REBUILT = N_("Damaged bundle of changes rebuilt from this device's changes")
_PRINT = {
    "pdf": N_("%(template)s in %(language)s, saved as a PDF"),
    "printer": N_("%(template)s in %(language)s, printed"),
}
# Each count, in the order shown: (action, or "" for any action, key) -> its words for n.
# Whole ngettext calls, so that extraction finds both forms of each.
_COUNTS: dict[tuple[str, str], Callable[[int], str]] = {
    ("", "created"): lambda n: ngettext("%(n)s created", "%(n)s created", n),
    ("", "updated"): lambda n: ngettext("%(n)s updated", "%(n)s updated", n),
    ("", "rejected"): lambda n: ngettext("%(n)s rejected", "%(n)s rejected", n),
    ("", "rows"): lambda n: ngettext("%(n)s row", "%(n)s rows", n),
    ("", "changes"): lambda n: ngettext("%(n)s change", "%(n)s changes", n),
    ("", "conflicts"): lambda n: ngettext("%(n)s conflict", "%(n)s conflicts", n),
    ("", "pages"): lambda n: ngettext("%(n)s page", "%(n)s pages", n),
    ("passphrase-change", "backups"): lambda n: ngettext(
        "%(n)s backup now under the new passphrase",
        "%(n)s backups now under the new passphrase",
        n,
    ),
    ("encrypt", "backups"): lambda n: ngettext(
        "%(n)s backup encrypted", "%(n)s backups encrypted", n
    ),
    ("export", "redacted"): lambda n: ngettext(
        "%(n)s restricted contact without personal fields",
        "%(n)s restricted contacts without personal fields",
        n,
    ),
    ("sync", "redacted"): lambda n: ngettext(
        "%(n)s change without restricted fields", "%(n)s changes without restricted fields", n
    ),
    ("sync", "left_out"): lambda n: ngettext("%(n)s change left out", "%(n)s changes left out", n),
}
_SHOWN_IF_ZERO = {"created", "updated", "rejected", "rows", "changes", "conflicts", "pages"}
# Details that name what was done (in the phrase's first part) rather than count it.
_NAMING = {
    "entity",
    "format",
    "direction",
    "kind",
    "outside",
    "rebuilt",
    "template",
    "language",
    "destination",
}


def _subject(action: str, details: dict[str, Any]) -> str:
    entity = str(details.get("entity", ""))
    if action == "import" and entity:
        return _(_IMPORT_OF[entity]) if entity in _IMPORT_OF else entity
    if action == "export" and entity:
        return _(_EXPORT_OF[entity]) if entity in _EXPORT_OF else entity
    if action == "sync":
        if details.get("rebuilt") is True:
            return _(_SYNC_REBUILT)
        key = (details.get("direction"), details.get("kind"), bool(details.get("outside")))
        return _(_SYNC[key]) if key in _SYNC else ""
    if action == "print" and "template" in details:
        from fieldkit.i18n import language_name
        from fieldkit.leaflets.wording import TEMPLATE_NAMES

        template = str(details["template"])
        pattern = _PRINT.get(str(details.get("destination")), N_("%(template)s in %(language)s"))
        return _(pattern) % {
            "template": _(TEMPLATE_NAMES[template]) if template in TEMPLATE_NAMES else template,
            "language": language_name(str(details.get("language", ""))),
        }
    return ""


def _count(action: str, key: str, value: Any) -> str | None:
    words = _COUNTS.get((action, key)) or _COUNTS.get(("", key))
    if words is None or isinstance(value, bool) or not isinstance(value, int):
        return None
    if value == 0 and key not in _SHOWN_IF_ZERO:
        return ""
    return words(value) % {"n": format_number(value)}


def describe(action: str, details: dict[str, Any]) -> str:
    """An entry's details as a phrase in the UI language, numbers in its digits' grouping.

    “Import of contacts: 1,200 created, 3 updated, and 0 rejected (Google Contacts
    layout)”. A detail FieldKit does not know (written by a newer version) is shown
    as stored, ``key=value``; there are never record contents to show.
    """
    from babel.lists import format_list

    from fieldkit.i18n import babel_locale

    parts: list[str] = []
    unknown: list[str] = []
    ordered = [key for _action, key in _COUNTS if key in details]
    rest = sorted(set(details) - set(ordered) - _NAMING - {"included_restricted"})
    for key in dict.fromkeys(ordered):
        counted = _count(action, key, details[key])
        if counted is None:
            unknown.append(f"{key}={details[key]}")
        elif counted:
            parts.append(counted)
    if details.get("included_restricted") is True:
        parts.append(_("restricted fields included"))
    unknown += [f"{key}={details[key]}" for key in rest]
    subject = _subject(action, details)
    if not subject:  # what the phrase would have named, as stored
        unknown = [f"{k}={details[k]}" for k in sorted(_NAMING & set(details))] + unknown
    parts += unknown
    text = format_list(parts, locale=babel_locale()) if parts else ""
    if subject:
        text = _("%(what)s: %(details)s") % {"what": subject, "details": text} if text else subject
    fmt = str(details.get("format", "")) if action in ("import", "export") and subject else ""
    if fmt:
        text = _("%(details)s (%(how)s)") % {"details": text, "how": format_phrase(fmt)}
    return text


def shown(entry: dict, tzinfo: _dt.tzinfo | None = None) -> dict:
    """An entry of :func:`entries` as people read it: ``at`` in ``tzinfo`` (default: this
    computer's time zone) and ``details`` as a phrase, both in the UI language."""
    return {
        **entry,
        "at": format_datetime(entry["at"], tzinfo=tzinfo or local_timezone()),
        "details": describe(entry["action"], entry["details"]),
    }
