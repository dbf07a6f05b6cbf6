"""Contact import benchmark (#7): 100k CSV rows, duplicates checked against 100k contacts.

Target: under 20 s for the preview and the import together, and at most 10× a raw
``executemany`` of the same rows (into a plain table, as in ``bench_store``) in the same
run. The import includes its backup of the profile and its duplicate check against every
stored contact. Numbers in the file are international (+91 …), the common case in
exported phone books; national numbers take phonenumbers' slower full parse.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from bench import data
from bench.bench_store import raw_insert
from bench.common import Result, timed
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.plan import build_plan
from fieldkit.profile import Profile

HEADER = ["Name", "Kind", "Title", "Organisation", "Phone", "Email", "City", "Country", "Tags"]
DUPLICATE_EVERY = 10  # one row in ten is a contact the profile already has (same email)


def import_rows(n: int) -> list[dict]:
    """``n`` contacts to import: new people, and every tenth one already in the profile."""
    rows = []
    for i, row in enumerate(data.contacts(n, seed=7)):
        row = dict(row, name=f"{row['name']} (import {i})", phone=f"+91 98{i:08d}")
        row["email"] = f"person{i}@example.org" if i % DUPLICATE_EVERY == 0 else f"new{i}@x.net"
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[dict]) -> None:
    keys = ["name", "kind", "title", "organization", "phone", "email", "city", "country", "tags"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([", ".join(v) if isinstance(v := row[k], list) else v for k in keys])


def run(quick: bool = False) -> list[Result]:
    n = 10_000 if quick else 100_000
    rows = import_rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "contacts.csv"
        write_csv(source, rows)
        raw_s = min(raw_insert(tmp / f"raw{i}.db", rows) for i in range(2))
        folder = tmp / "profile"
        shutil.copytree(data.cached_profile(n, n // 10), folder)
        profile = Profile.open(folder)
        existing = profile.contacts.count()
        plans = []
        preview_s = timed(lambda: plans.append(build_plan(profile, source)))
        plan = plans[0]
        apply_s = timed(lambda: apply_plan(profile, plan))
        counts = plan.counts()
        assert counts["skip"] == n // DUPLICATE_EVERY, counts
        assert profile.contacts.count() == existing + counts["create"]
        profile.close()
    total = preview_s + apply_s
    ratio = total / raw_s
    return [
        Result(
            f"import {n:,} CSV rows, duplicates checked against {existing:,} (preview + write)",
            total,
            "s",
            target="< 20 s, ≤ 10× raw executemany",
            ok=total < 20 and ratio <= 10,
            baseline=raw_s,
        ),
        Result(f"  of which the preview (read, E.164, duplicates) of {n:,} rows", preview_s, "s"),
    ]
