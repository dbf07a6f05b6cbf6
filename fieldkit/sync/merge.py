"""Field-level last-writer-wins merge, seen vectors and conflict detection.

Every field of a row is a register: its value is the one written by the
change with the greatest (HLC, device id). Remote changes are kept in the
``changes`` table with their origin device and sequence number, so applying
the same change twice is a no-op and the current clock of any field can be
recomputed from the row's changes.

A *seen vector* maps each device to the highest sequence number up to which
this device holds all of that device's changes. Each device records, as
*epochs*, what it had seen when it made its changes; bundles carry them. Two
changes to the same field are *concurrent* when neither author had seen the
other's change; only then is the losing value a conflict worth a person's
attention. An overwrite the author knew about is not a conflict.

A change may arrive *in part*: a bundle written for a target outside the
organisation leaves out the restricted fields of a change and names it in its
manifest's ``partial`` list. Such a change is held in ``sync_partial``; when the
full change arrives later, its missing fields are merged and the held copy is
completed, so a redacted bundle never hides a field from a device that later
gets the whole change.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from fieldkit.data import sequence
from fieldkit.data.remote import put_remote
from fieldkit.data.store import Store, chunked

# (hlc, device, dseq, value) of the change that last wrote a field
FieldClock = tuple[int, str, int, Any]


@dataclass
class MergeResult:
    """What applying some changes did."""

    received: int = 0
    applied: int = 0
    skipped: int = 0
    rows: int = 0
    conflicts: int = 0


# --- seen vectors and epochs ---------------------------------------------------


def seen_vector(store: Store) -> dict[str, int]:
    """For each device, the dseq up to which this device holds every change."""
    seen: dict[str, int] = {}
    rows = store.conn.execute("SELECT device, first, last FROM sync_ranges ORDER BY device, first")
    for device, first, last in rows:
        upto = seen.get(device, 0)
        if first <= upto + 1 and last > upto:
            seen[device] = last
        else:
            seen.setdefault(device, upto)
    seen = {d: n for d, n in seen.items() if n > 0}
    # Its own changes up to its counter, but those it lost with a restore of an older backup.
    lost = sequence.lost(store.conn)
    own = min(store.dseq, lost[0][0] - 1) if lost else store.dseq
    if own:
        seen[store.device_id] = own
    return seen


def add_range(store: Store, device: str, first: int, last: int) -> None:
    if last >= first:
        store.conn.execute(
            "INSERT OR IGNORE INTO sync_ranges(device, first, last) VALUES (?, ?, ?)",
            [device, first, last],
        )


def record_epoch(store: Store) -> None:
    """Note what this device has seen, for the changes it makes from now on."""
    store.conn.execute(
        "INSERT OR REPLACE INTO sync_epochs(device, start, seen) VALUES (?, ?, ?)",
        [store.device_id, store.dseq + 1, json.dumps(seen_vector(store), sort_keys=True)],
    )


def epochs_of(store: Store, device: str | None = None) -> dict[str, list[list[Any]]]:
    """Epochs per device: ``{device: [[start, seen], …]}`` sorted by start."""
    sql = "SELECT device, start, seen FROM sync_epochs"
    params: list[Any] = []
    if device:
        sql += " WHERE device = ?"
        params.append(device)
    out: dict[str, list[list[Any]]] = defaultdict(list)
    for dev, start, seen in store.conn.execute(sql + " ORDER BY device, start", params):
        out[dev].append([start, json.loads(seen)])
    return dict(out)


def store_epochs(store: Store, epochs: dict[str, list[list[Any]]]) -> None:
    store.conn.executemany(
        "INSERT OR IGNORE INTO sync_epochs(device, start, seen) VALUES (?, ?, ?)",
        [
            (dev, int(start), json.dumps(seen, sort_keys=True))
            for dev, items in epochs.items()
            for start, seen in items
        ],
    )


class Knowledge:
    """Answers "had the author of change A seen change B?" from epochs."""

    def __init__(self, epochs: dict[str, list[list[Any]]]):
        self._starts = {d: [e[0] for e in items] for d, items in epochs.items()}
        self._seen = {d: [e[1] for e in items] for d, items in epochs.items()}

    def saw(self, device: str, dseq: int, other_device: str, other_dseq: int) -> bool:
        if device == other_device:
            return dseq > other_dseq
        starts = self._starts.get(device)
        if not starts:
            return False
        i = bisect.bisect_right(starts, dseq) - 1
        return i >= 0 and self._seen[device][i].get(other_device, 0) >= other_dseq

    def concurrent(self, a: FieldClock, b: FieldClock) -> bool:
        return (
            a[1] != b[1]
            and not self.saw(a[1], a[2], b[1], b[2])
            and not self.saw(b[1], b[2], a[1], a[2])
        )


# --- field clocks ---------------------------------------------------------------


def field_clocks(
    store: Store, row_ids: set[str], *, shared_only: bool = False
) -> dict[tuple[str, str], dict[str, FieldClock]]:
    """The current clock of every field of the given rows, from their changes."""
    clocks: dict[tuple[str, str], dict[str, FieldClock]] = {}
    extra = " AND local_only = 0" if shared_only else ""
    for chunk in chunked(row_ids, 900):
        rows = store.conn.execute(
            "SELECT device, dseq, tbl, row_id, hlc, data FROM changes "
            f"WHERE row_id IN ({', '.join('?' * len(chunk))}){extra}",
            chunk,
        )
        for dev, dseq, tbl, rid, hlc, data in rows:
            fc = clocks.setdefault((tbl, rid), {})
            for name, value in json.loads(data).items():
                cur = fc.get(name)
                if cur is None or (hlc, dev) > (cur[0], cur[1]):
                    fc[name] = (hlc, dev, dseq, value)
    return clocks


# --- merge ------------------------------------------------------------------------


def _known(store: Store, changes: list[tuple]) -> set[tuple[str, int]]:
    by_device: dict[str, list[int]] = defaultdict(list)
    for c in changes:
        by_device[c[0]].append(c[1])
    known: set[tuple[str, int]] = set()
    for device, seqs in by_device.items():
        rows = store.conn.execute(
            "SELECT dseq FROM changes WHERE device = ? AND dseq BETWEEN ? AND ?",
            [device, min(seqs), max(seqs)],
        )
        known.update((device, r[0]) for r in rows)
    return known


def _held_partial(store: Store, changes: list[tuple]) -> dict[tuple[str, int], dict[str, Any]]:
    """The held copies (their data) of those ``changes`` this device holds only in part."""
    if store.conn.execute("SELECT 1 FROM sync_partial LIMIT 1").fetchone() is None:
        return {}
    by_device: dict[str, list[int]] = defaultdict(list)
    for c in changes:
        by_device[c[0]].append(c[1])
    held: dict[tuple[str, int], dict[str, Any]] = {}
    for device, seqs in by_device.items():
        rows = store.conn.execute(
            "SELECT c.dseq, c.data FROM sync_partial p JOIN changes c "
            "ON c.device = p.device AND c.dseq = p.dseq "
            "WHERE p.device = ? AND p.dseq BETWEEN ? AND ?",
            [device, min(seqs), max(seqs)],
        )
        held.update(((device, dseq), json.loads(data)) for dseq, data in rows)
    return held


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def merge(
    store: Store,
    changes: list[tuple],
    knowledge: Knowledge,
    partial: Collection[tuple[str, int]] = (),
) -> MergeResult:
    """Apply remote changes (device, dseq, table, row id, hlc, data dict[, data text]).

    ``partial`` names the changes that arrive without some of their fields (see the
    module's docstring). Runs inside ``store.write()``."""
    result = MergeResult(received=len(changes))
    known = _known(store, changes)
    held = _held_partial(store, changes)
    fresh = []
    # Held in part: (device, dseq) -> (the held data with the new fields, still partial)
    completed: dict[tuple[str, int], tuple[dict[str, Any], bool]] = {}
    for c in changes:
        key = (c[0], c[1])
        if key in held and key not in completed:
            missing = {n: v for n, v in c[5].items() if n not in held[key]}
            completed[key] = ({**held[key], **missing}, key in partial)
            if missing:
                fresh.append((*c[:5], missing))  # only the fields this device lacks
        elif key not in known:
            known.add(key)
            fresh.append(c)
    result.skipped = len(changes) - len(fresh)
    arrived_in_part = [c for c in fresh if (c[0], c[1]) in partial and (c[0], c[1]) not in held]
    if not fresh:
        _note_partial(store, completed, arrived_in_part)
        return result
    fresh.sort(key=lambda c: (c[4], c[0]))
    clocks = field_clocks(store, {c[3] for c in fresh})
    existing = set(clocks)
    dirty: dict[tuple[str, str], set[str]] = defaultdict(set)
    conflicts: list[tuple] = []
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    # New rows written by one change so far: (hlc, device, dseq, data), expanded on a second.
    single: dict[tuple[str, str], tuple[int, str, int, dict[str, Any]]] = {}
    for dev, dseq, tbl, rid, hlc, data, *_text in fresh:
        key = (tbl, rid)
        fc = clocks.get(key)
        if fc is None:
            first = single.pop(key, None)
            if first is None:
                single[key] = (hlc, dev, dseq, data)
                continue
            f_hlc, f_dev, f_dseq, f_data = first
            fc = clocks[key] = {n: (f_hlc, f_dev, f_dseq, v) for n, v in f_data.items()}
            dirty[key].update(fc)
        new: FieldClock
        for name, value in data.items():
            new = (hlc, dev, dseq, value)
            cur = fc.get(name)
            if cur is not None and (hlc, dev) <= (cur[0], cur[1]):
                kept, lost = cur, new
            else:
                fc[name] = new
                dirty[(tbl, rid)].add(name)
                if cur is None:
                    continue
                kept, lost = new, cur
            if kept[3] != lost[3] and knowledge.concurrent(kept, lost):
                conflicts.append(_conflict_row(tbl, rid, name, kept, lost, now))
    rows = {key: (False, data, hlc) for key, (hlc, _d, _s, data) in single.items()}
    for key, names in dirty.items():
        fc = clocks[key]
        exists = key in existing
        pick = names if exists else fc
        rows[key] = (exists, {n: fc[n][3] for n in pick}, max(fc[n][0] for n in pick))
    put_remote(
        store,
        [
            (c[0], c[1], c[2], c[3], c[4], c[6] if len(c) > 6 else _dumps(c[5]))
            for c in fresh
            if (c[0], c[1]) not in completed
        ],
        rows,
    )
    _note_partial(store, completed, arrived_in_part)  # after the clocks were read above
    if conflicts:
        cur = store.conn.executemany(
            "INSERT OR IGNORE INTO conflicts (id, tbl, row_id, field, kept_value, kept_hlc, "
            "kept_device, lost_value, lost_hlc, lost_device, detected) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            conflicts,
        )
        result.conflicts = cur.rowcount
    result.applied = len(fresh)
    result.rows = len(rows)
    return result


def _note_partial(
    store: Store,
    completed: dict[tuple[str, int], tuple[dict[str, Any], bool]],
    new: list[tuple],
) -> None:
    """Complete the held copies of changes held in part; note the new ones held in part."""
    if completed:
        store.conn.executemany(
            "UPDATE changes SET data = ? WHERE device = ? AND dseq = ?",
            [(_dumps(data), dev, dseq) for (dev, dseq), (data, _p) in completed.items()],
        )
        store.conn.executemany(
            "DELETE FROM sync_partial WHERE device = ? AND dseq = ?",
            [key for key, (_d, still_partial) in completed.items() if not still_partial],
        )
    if new:
        store.conn.executemany(
            "INSERT OR IGNORE INTO sync_partial (device, dseq) VALUES (?, ?)",
            [(c[0], c[1]) for c in new],
        )


def _conflict_row(
    tbl: str, rid: str, name: str, kept: FieldClock, lost: FieldClock, now: str
) -> tuple:
    ident = hashlib.sha256(f"{tbl}|{rid}|{name}|{lost[1]}|{lost[2]}".encode()).hexdigest()[:32]
    return (
        ident,
        tbl,
        rid,
        name,
        _dumps(kept[3]),
        kept[0],
        kept[1],
        _dumps(lost[3]),
        lost[0],
        lost[1],
        now,
    )
