"""Bundles for a target outside the organisation (a partner NGO, a lawyer): redacted.

A bundle written for such a target holds the same changes as one for the
organisation's own devices, with three differences (see docs/security.md):

- the changes of records that are ``local-only`` now (and of the outreach and
  campaign links of a local-only contact) are left out, even those made before
  the record became local-only;
- for a record that is ``restricted`` now, its personal fields (see
  :mod:`fieldkit.data.redact`) are *left out* of each change, never set to
  empty, unless the user explicitly includes them; a change that held nothing
  else is left out;
- attachments of restricted or local-only records (a contact's photo) are left
  out, with their content.

The manifest lists the changes sent without some of their fields (``partial``),
so that a device of the organisation that receives such a bundle holds them as
incomplete and completes them from the full change (see
:mod:`fieldkit.sync.merge`): a redacted bundle never blanks or hides a field
inside the organisation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fieldkit.data import entities as E
from fieldkit.data.records import INHERITS_LOCAL_ONLY
from fieldkit.data.redact import LOCAL_ONLY, RESTRICTED, restricted_fields
from fieldkit.data.store import Store

# Links that are local-only when the contact they point at is (attachments, whose owner may
# be restricted as well, are handled apart below).
_LINKED_TO_CONTACT = tuple(t for t, ref in INHERITS_LOCAL_ONLY.items() if ref == "contact_id")
_SENSITIVE = tuple(name for name, e in E.ENTITIES.items() if e.has_sensitivity)


@dataclass
class Redaction:
    """The changes as they may leave the organisation, and what was held back."""

    changes: list[tuple]
    partial: list[tuple[str, int]] = field(default_factory=list)
    redacted: int = 0  # changes sent without their restricted fields
    left_out: int = 0  # changes not sent at all

    def audit(self) -> dict[str, int]:
        return {"redacted": self.redacted, "left_out": self.left_out}


def _sensitivity(store: Store) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(table, id) of the records that are local-only now, and of those restricted now."""
    local: set[tuple[str, str]] = set()
    restricted: set[tuple[str, str]] = set()
    for table in _SENSITIVE:
        rows = store.conn.execute(
            f"SELECT id, sensitivity FROM [{table}] WHERE sensitivity IN (?, ?)",
            [LOCAL_ONLY, RESTRICTED],
        )
        for row_id, level in rows:
            (local if level == LOCAL_ONLY else restricted).add((table, row_id))
    hidden_contacts = [rid for tbl, rid in local if tbl == "contacts"]
    for table in _LINKED_TO_CONTACT:
        for i in range(0, len(hidden_contacts), 900):
            chunk = hidden_contacts[i : i + 900]
            rows = store.conn.execute(
                f"SELECT id FROM [{table}] WHERE contact_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            local.update((table, r[0]) for r in rows)
    owners = {rid: (tbl, rid) in local for tbl, rid in local | restricted}
    owner_ids = list(owners)
    for i in range(0, len(owner_ids), 900):
        chunk = owner_ids[i : i + 900]
        rows = store.conn.execute(
            "SELECT id, owner_id FROM attachments "
            f"WHERE owner_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for row_id, owner in rows:
            (local if owners[owner] else restricted).add(("attachments", row_id))
    return local, restricted


def redact_changes(
    store: Store,
    changes: list[tuple],
    *,
    include_restricted: bool = False,
    held_in_part: set[tuple[str, int]] | None = None,
) -> Redaction:
    """``changes`` (device, dseq, table, row id, hlc, data JSON text or dict) as they may be
    sent outside the organisation. ``held_in_part``: changes this device itself holds only in
    part, which stay marked as such."""
    local, restricted = _sensitivity(store)
    out = Redaction([])
    held_in_part = held_in_part or set()
    for change in changes:
        dev, dseq, tbl, rid, hlc, data = change[:6]
        key = (tbl, rid)
        if key in local or (key in restricted and tbl == "attachments" and not include_restricted):
            out.left_out += 1
            continue
        if key in restricted and not include_restricted:
            values = data if isinstance(data, dict) else json.loads(data)
            hidden = set(restricted_fields(E.ENTITIES[tbl]))
            kept = {k: v for k, v in values.items() if k not in hidden}
            if len(kept) < len(values):
                if not kept:
                    out.left_out += 1
                    continue
                out.redacted += 1
                out.partial.append((dev, dseq))
                out.changes.append((dev, dseq, tbl, rid, hlc, kept))
                continue
        if (dev, dseq) in held_in_part:
            out.partial.append((dev, dseq))
        out.changes.append((dev, dseq, tbl, rid, hlc, data))
    return out


def held_in_part(store: Store) -> set[tuple[str, int]]:
    """The changes this device holds only in part (received through a redacted bundle)."""
    return {(d, s) for d, s in store.conn.execute("SELECT device, dseq FROM sync_partial")}


def parse_partial(value: Any) -> set[tuple[str, int]]:
    """A manifest's ``partial`` list as a set; ValueError when it is not a list of pairs."""
    if value is None:
        return set()
    if not isinstance(value, list):
        raise ValueError("partial")
    out = set()
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], int)
            and not isinstance(item[1], bool)
        ):
            raise ValueError("partial")
        out.add((item[0], item[1]))
    return out
