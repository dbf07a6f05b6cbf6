"""This device's sequence numbers (``dseq``) across restores of older backups.

A device numbers its changes 1, 2, 3… and every device keys a change by (device, dseq),
so a number must never name two different changes. A restore of an older backup takes
the change log back; the restored store keeps, in its ``meta`` table, what the replaced
one had reached:

- ``sync.dseq_floor``: the highest number used before; new changes are numbered after
  it (:class:`~fieldkit.data.store.Store` reads it when it finds its counter);
- ``sync.hlc_floor``: the latest clock value used before, so a change made after the
  restore is later than every change made before it;
- ``sync.lost_dseq``: numbers whose changes this device no longer holds but which left
  it in a bundle, so other devices may hold them and pass them back;
- ``sync.void_dseq``: numbers whose changes never left this device and are gone for
  good: no device holds a change with them, nor ever will;
- ``sync.exported_dseq`` (the outbox mark) and ``sync.sent_dseq`` (the highest number
  any bundle of this device held) no lower than before.

Ranges are kept as JSON lists of ``[first, last]`` pairs, sorted and not overlapping.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

FLOOR = "sync.dseq_floor"
HLC_FLOOR = "sync.hlc_floor"
LOST = "sync.lost_dseq"
VOID = "sync.void_dseq"
EXPORTED = "sync.exported_dseq"
SENT = "sync.sent_dseq"

Ranges = list[tuple[int, int]]
"""Inclusive ranges of sequence numbers, sorted, neither overlapping nor touching."""

# The counter and the clock a store starts from: the highest of what its change log holds
# and of the floors a restore left (one statement each, run at every write's catch-up).
COUNTER_SQL = (
    "SELECT max(coalesce((SELECT max(dseq) FROM changes WHERE device = ?), 0), "
    f"coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{FLOOR}'), 0))"
)
CLOCK_SQL = (
    "SELECT max(coalesce((SELECT max(hlc) FROM changes), 0), "
    f"coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{HLC_FLOOR}'), 0))"
)


# --- ranges ------------------------------------------------------------------------


def normalize(ranges: Any) -> Ranges:
    """Sorted, merged ranges; empty ones left out."""
    out: Ranges = []
    for first, last in sorted((int(a), int(b)) for a, b in ranges if int(a) <= int(b)):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def union(a: Ranges, b: Ranges) -> Ranges:
    return normalize([*a, *b])


def intersect(a: Ranges, b: Ranges) -> Ranges:
    return normalize(
        (max(a1, b1), min(a2, b2)) for a1, a2 in a for b1, b2 in b if max(a1, b1) <= min(a2, b2)
    )


def subtract(a: Ranges, b: Ranges) -> Ranges:
    out: Ranges = []
    for first, last in normalize(a):
        start = first
        for b1, b2 in normalize(b):
            if b2 < start or b1 > last:
                continue
            if b1 > start:
                out.append((start, b1 - 1))
            start = max(start, b2 + 1)
        if start <= last:
            out.append((start, last))
    return out


def size(ranges: Ranges) -> int:
    """How many numbers the ranges hold."""
    return sum(last - first + 1 for first, last in ranges)


def parse(text: str | None) -> Ranges:
    """Ranges as kept in ``meta`` (an unreadable value reads as none)."""
    try:
        return normalize(json.loads(text or "[]"))
    except (ValueError, TypeError):
        return []


def dump(ranges: Ranges) -> str | None:
    return json.dumps([list(r) for r in normalize(ranges)]) if ranges else None


def held_numbers(numbers: list[int]) -> Ranges:
    """The ranges that hold exactly ``numbers``."""
    return normalize((n, n) for n in numbers)


# --- reading and writing meta ---------------------------------------------------------


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _set_meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def _int(conn: sqlite3.Connection, key: str) -> int:
    try:
        return int(_meta(conn, key) or 0)
    except ValueError:
        return 0


def lost(conn: sqlite3.Connection) -> Ranges:
    """This device's numbers whose changes it lost with a restore, that others may hold."""
    return parse(_meta(conn, LOST))


def void(conn: sqlite3.Connection) -> Ranges:
    """This device's numbers whose changes are gone for good (never left it before a
    restore took them away)."""
    return parse(_meta(conn, VOID))


def note_sent(conn: sqlite3.Connection, last: int) -> None:
    """A bundle of this device's changes up to ``last`` was written (it may leave)."""
    if last > _int(conn, SENT):
        _set_meta(conn, SENT, str(last))


def recovered(conn: sqlite3.Connection, device: str, covered: Ranges) -> None:
    """This device's own changes of the ranges ``covered`` came back (a bundle it once cut,
    which held every shareable change of those ranges): numbers in them are lost no longer.
    Those whose changes did not come back were local-only: they are gone for good."""
    gone = lost(conn)
    back = intersect(gone, covered)
    if not back:
        return
    present: list[int] = []
    for first, last in back:
        present += [
            r[0]
            for r in conn.execute(
                "SELECT dseq FROM changes WHERE device = ? AND dseq BETWEEN ? AND ?",
                [device, first, last],
            )
        ]
    _set_meta(conn, LOST, dump(subtract(gone, covered)))
    _set_meta(conn, VOID, dump(union(void(conn), subtract(back, held_numbers(present)))))


# --- restore ----------------------------------------------------------------------------


@dataclass
class Reached:
    """How far a store's numbering went (see the module's docstring)."""

    device: str | None
    dseq: int = 0
    hlc: int = 0
    exported: int = 0
    sent: int = 0
    lost: Ranges = field(default_factory=list)
    void: Ranges = field(default_factory=list)


def reached(conn: sqlite3.Connection) -> Reached:
    """What the store behind ``conn`` has reached."""
    device = _meta(conn, "device_id")
    return Reached(
        device,
        dseq=conn.execute(COUNTER_SQL, [device]).fetchone()[0],
        hlc=conn.execute(CLOCK_SQL).fetchone()[0],
        exported=_int(conn, EXPORTED),
        sent=_int(conn, SENT),
        lost=lost(conn),
        void=void(conn),
    )


def carry_over(conn: sqlite3.Connection, before: Reached) -> None:
    """Into a restored store (``conn``, before it is used): what the store it replaces had
    reached, so that none of the numbers used before is used again and the numbers it no
    longer holds are known. Nothing when the restored store is another device's."""
    after = reached(conn)
    if after.device is None or after.device != before.device:
        return
    top = max(before.dseq, after.dseq)
    sent = max(before.sent, before.exported, after.sent, after.exported)
    # Held before and not now: lost if they may have left in a bundle, else gone for good.
    taken = [(after.dseq + 1, top)] if top > after.dseq else []
    known = union(before.lost, before.void)
    gone = union(after.lost, intersect(before.lost, taken))
    gone = union(gone, subtract(intersect(taken, [(1, sent)]), known))
    never_left = subtract(subtract(taken, [(1, sent)]), known)
    void_now = subtract(union(union(after.void, intersect(before.void, taken)), never_left), gone)
    with conn:
        _set_meta(conn, FLOOR, str(top))
        _set_meta(conn, HLC_FLOOR, str(max(before.hlc, after.hlc)))
        _set_meta(conn, EXPORTED, str(max(before.exported, after.exported)))
        _set_meta(conn, SENT, str(sent))
        _set_meta(conn, LOST, dump(gone))
        _set_meta(conn, VOID, dump(void_now))
