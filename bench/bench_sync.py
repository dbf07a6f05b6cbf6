"""Sync benchmarks (#5): bundle import against raw executemany, and headquarters merging
many bundles (time should grow linearly with the number of changes)."""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench.common import Result, timed
from fieldkit.data import entities as E
from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.exchange import export_changes, import_bytes


def _org(root: Path, *names: str) -> tuple[Profile, list[Profile]]:
    hq = Profile.create(root / "hq", organization="Bench", device_name="hq")
    O.create_org(hq, "Bench")
    devices = []
    for name in names:
        p = Profile.create(root / name, device_name=name)
        O.join(p, O.issue_enrolment(hq, name))
        devices.append(p)
    return hq, devices


def _rows(n: int, offset: int = 0) -> list[dict]:
    return [
        {
            "name": f"Contact {offset + i}",
            "organization": "District Legal Services Authority",
            "city": f"City {i % 500}",
            "notes": "Met at the block office; follow up about the shelter.",
            "tags": ["police", "district"],
        }
        for i in range(n)
    ]


def raw_baseline(path: Path, changes: list[tuple]) -> float:
    """The same rows written with raw executemany into plain tables (no index, no trigger):
    the change records and the contact rows, in one transaction."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    names = E.CONTACTS.field_names
    conn.execute("CREATE TABLE changes (device, dseq, tbl, row_id, hlc, data, local_only)")
    conn.execute(f"CREATE TABLE contacts (id, {', '.join(names)}, created, modified)")
    contact_rows = []
    change_rows = []
    for device, dseq, tbl, row_id, hlc, data in changes:
        values = json.loads(data)
        contact_rows.append(
            (row_id, *[E.to_sql(E.CONTACTS.field(n), values.get(n)) for n in names], "", "")
        )
        change_rows.append((device, dseq, tbl, row_id, hlc, data, 0))
    marks = ", ".join("?" * (len(names) + 3))

    def write() -> None:
        with conn:
            conn.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)", change_rows)
            conn.executemany(f"INSERT INTO contacts VALUES ({marks})", contact_rows)

    seconds = timed(write)
    conn.close()
    return seconds


def bench_import(root: Path, n: int) -> list[Result]:
    hq, (office,) = _org(root, "office")
    office.contacts.add_many(_rows(n))
    data: bytes = b""

    def export() -> None:
        nonlocal data
        data = export_changes(office)

    export_s = timed(export)
    changes = office.store.conn.execute(
        "SELECT device, dseq, tbl, row_id, hlc, data FROM changes ORDER BY dseq"
    ).fetchall()
    baseline = min(raw_baseline(root / f"raw{i}.db", changes) for i in range(2))
    times = []
    for i in range(2):  # the best of two fresh devices, as the baseline is the best of two
        fresh = Profile.create(root / f"fresh{i}", device_name=f"fresh{i}")
        O.join(fresh, O.issue_enrolment(hq, f"fresh{i}"))
        times.append(timed(lambda fresh=fresh: import_bytes(fresh, data)))
        assert fresh.contacts.count() == n
        fresh.close()
    import_s = min(times)
    for p in (hq, office):
        p.close()
    rate = n / import_s
    return [
        Result(f"export {n} changes to a bundle", export_s, "s"),
        Result(
            f"import {n} changes (verify + merge + write)",
            import_s,
            "s",
            target="≤ 4× raw executemany",
            ok=import_s <= 4 * baseline,
            baseline=baseline,
        ),
        Result("import rate", rate, "changes/s", target="> 10000/s", ok=rate > 10_000),
    ]


def bench_merge_many(root: Path, bundles: int, per_bundle: int) -> list[Result]:
    offices = 10
    hq, devices = _org(root, *[f"office{i}" for i in range(offices)])
    made: list[bytes] = []
    for k in range(bundles // offices):
        for i, device in enumerate(devices):
            first = device.store.dseq + 1
            ids = device.contacts.add_many(_rows(per_bundle - 20, (k * offices + i) * per_bundle))
            for row_id in ids[:20]:
                device.contacts.update(row_id, {"city": f"Moved {k}"})
            made.append(export_changes(device, first, device.store.dseq))
    for device in devices:
        device.close()
    results = []
    steps = [s for s in (bundles // 5, bundles // 2, bundles) if s]
    times = {}
    for step in steps:
        target = Profile.create(root / f"hq{step}", device_name="hq")
        O.join(target, O.issue_enrolment(hq, f"hq{step}", role=O.HQ))

        def merge_all(target=target, step=step) -> None:
            for blob in made[:step]:
                import_bytes(target, blob)

        times[step] = timed(merge_all)
        target.close()
        total = step * per_bundle
        results.append(
            Result(
                f"HQ merges {step} bundles × {per_bundle} changes",
                times[step],
                "s",
                target="< 15 s" if step == bundles == 500 else "",
                ok=(times[step] < 15) if step == bundles == 500 else None,
            )
        )
        results.append(Result(f"  rate at {total} changes", total / times[step], "changes/s"))
    hq.close()
    first, last = steps[0], steps[-1]
    growth = (times[last] / last) / (times[first] / first)
    results.append(
        Result(
            f"time per change, {last} vs {first} bundles",
            growth,
            "×",
            target="≤ 1.5 (linear)",
            ok=growth <= 1.5,
        )
    )
    return results


def run(quick: bool) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n = 10_000 if quick else 100_000
        print(f"  sync: import of {n} changes", file=sys.stderr, flush=True)
        results = bench_import(root / "import", n)
        bundles = 100 if quick else 500
        print(f"  sync: HQ merging {bundles} bundles", file=sys.stderr, flush=True)
        results += bench_merge_many(root / "merge", bundles, 200)
    return results
