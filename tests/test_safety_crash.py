"""Crash safety: SIGKILL a real FieldKit process at random moments of an import, a sync and a
migration.

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
sys.path[:0] = sys.argv[4:6]
from test_safety_crash import operate
operate(sys.argv[1], sys.argv[2], int(sys.argv[3]), ready=lambda: print("go", flush=True))
print("done", flush=True)
"""
TESTS = Path(__file__).resolve().parent


def operate(mode: str, path: str, n: int, ready=lambda: None) -> None:
    """The operation a killed process was doing; run again, it completes it."""
    if mode == "migrate":
        ready()
        Profile.open(path).close()
        return
    p = Profile.open(path)
    try:
        if mode == "bundle":
            from fieldkit.sync.exchange import import_bytes

            data = (Path(path).parent / "bundle.fkb").read_bytes()
            ready()
            import_bytes(p, data)  # a second run finds it applied, or applies it whole
        else:
            ready()
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
    finally:
        p.close()


SEED = int(os.environ.get("FIELDKIT_CRASH_SEED", "8"))


def _child(mode: str, folder: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(folder), str(n), str(TESTS), str(TESTS.parent)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
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
    for (device,) in conn.execute("SELECT DISTINCT device FROM changes").fetchall():
        dseqs = [
            r[0]
            for r in conn.execute(
                "SELECT dseq FROM changes WHERE device = ? ORDER BY dseq", [device]
            )
        ]
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


def _bundle_setup(root: Path, n: int) -> None:
    """Headquarters (at ``root``) and a bundle of ``n`` new contacts from an enrolled office."""
    from fieldkit.sync import org as O
    from fieldkit.sync.exchange import export_changes

    hq = Profile.create(root, organization="Crash test", device_name="hq")
    O.create_org(hq, "Crash test")
    office = Profile.create(root.parent / "office", organization="Crash test", device_name="o")
    O.join(office, O.issue_enrolment(hq, "office"))
    office.contacts.add_many({"name": f"Office contact {i}", "tags": ["x"]} for i in range(n))
    (root.parent / "bundle.fkb").write_bytes(export_changes(office))
    office.close()
    hq.close()


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
        elif mode == "bundle":
            count = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
            applied = conn.execute("SELECT count(*) FROM sync_bundles").fetchone()[0]
            assert (count, applied) in ((0, 0), (n, 1)), f"half a sync: {count} after kill {k}"
            outcomes["after" if applied else "before"] += 1
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
        operate(mode, str(work), n)  # run it again (in this process: same code, no start-up)
        assert _content(db) == expected, f"re-run after kill {k} differs"
        shutil.rmtree(work)
    return outcomes


def test_sigkill_during_import_sync_and_migration(tmp_path):
    """20 random kill points: 8 in a 2,000-row import, 6 in a bundle import, 6 in a migration."""
    rng = random.Random(SEED)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 2000, 8, rng)
    synced = _kill_many(tmp_path / "sync", "bundle", lambda f: _bundle_setup(f, 1500), 1500, 6, rng)
    migrated = _kill_many(
        tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 1500), 0, 6, rng
    )
    print("kill outcomes", imported, synced, migrated)
    # The kills really landed inside the operations, not only before or after them.
    assert imported["before"] > 0 and synced["before"] > 0
    assert sum(migrated.values()) == 6


@pytest.mark.slow
def test_sigkill_at_scale(tmp_path):
    rng = random.Random(SEED + 1)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 50_000, 20, rng)
    assert imported["before"] > 0 and imported["after"] > 0
    _kill_many(tmp_path / "sync", "bundle", lambda f: _bundle_setup(f, 30_000), 30_000, 20, rng)
    _kill_many(tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 30_000), 0, 20, rng)
