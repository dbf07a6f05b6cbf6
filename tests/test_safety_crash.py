"""Crash safety: SIGKILL a real FieldKit process at random moments of an import, a sync and a
migration.

After every kill the store passes ``PRAGMA integrity_check`` and the FTS
check, holds either none or all of the operation (never half), its change
log matches its tables, and running the operation again gives the same final
content as a run that was never interrupted.

The migration is m005, which rebuilds every search index of a profile made with
FTS5 prefix indexes (as m001 made them): long enough for kills to land inside it,
which the killed process's "migrating" line shows.
"""

from __future__ import annotations

import functools
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
operate(
    sys.argv[1],
    sys.argv[2],
    int(sys.argv[3]),
    ready=lambda: print("go", flush=True),
    started=lambda: print("migrating", flush=True),
)
print("done", flush=True)
"""
TESTS = Path(__file__).resolve().parent
MIGRATION = "m005_fts_without_prefix_indexes"


def operate(mode: str, path: str, n: int, ready=lambda: None, started=None) -> None:
    """The operation a killed process was doing; run again, it completes it.

    ``started`` is called as the migration's own step begins (inside its transaction)."""
    if mode == "migrate":
        from fieldkit.data import schema

        steps = schema.migrations.steps
        index = schema.migrations.names.index(MIGRATION)
        original = steps[index]
        if started is not None:

            @functools.wraps(original)
            def announced(db):
                started()
                original(db)

            steps[index] = announced
        try:
            ready()
            Profile.open(path).close()
        finally:
            steps[index] = original
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


def _run_to_end(mode: str, folder: Path, n: int) -> dict[str, float]:
    """Run the operation uninterrupted; returns when each line came, in seconds after "go"."""
    proc = _child(mode, folder, n)
    assert proc.stdout.readline().strip() == "go"
    start = time.perf_counter()
    marks = {}
    for line in iter(proc.stdout.readline, ""):  # not communicate(): it would skip the buffer
        marks[line.strip()] = time.perf_counter() - start
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, err
    assert list(marks) in (["done"], ["migrating", "done"]), marks
    return marks


def _kill_at(mode: str, folder: Path, n: int, delay: float, after: str = "go") -> set[str]:
    """Kill the operation ``delay`` seconds after the line ``after``; returns the lines seen."""
    proc = _child(mode, folder, n)
    seen = {proc.stdout.readline().strip()}
    while after not in seen:
        line = proc.stdout.readline()
        assert line, f"no {after!r} line"
        seen.add(line.strip())
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _err = proc.communicate(timeout=60)
    return seen | {line.strip() for line in out.splitlines()}


def _fts_tables(conn: sqlite3.Connection) -> dict[str, str]:
    """Every FTS5 index and the SQL that made it."""
    return dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%' "
            "ORDER BY name"
        ).fetchall()
    )


def _check_sound(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for fts in _fts_tables(conn):
        conn.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES ('integrity-check')")
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
    """A profile as an older FieldKit left it: search indexes with FTS5 prefix indexes, as
    m001 made them, and m005 (which rebuilds every one without them) not yet applied."""
    from fieldkit.data.schema import create_fts, fts_fields

    with Profile.create(folder, organization="Crash test", device_name="crash") as p:
        p.contacts.add_many(
            {
                "name": f"Old Person {i}",
                "title": f"Field officer {i % 97}",
                "organization": f"Network {i % 50} for rights",
                "city": f"District {i % 300}",
                "tags": ["old", f"batch{i % 7}"],
            }
            for i in range(n)
        )
    conn = sqlite3.connect(folder / "fieldkit.db")
    with conn:
        for fts in _fts_tables(conn):
            table = fts.removesuffix("_fts")
            fields = fts_fields(conn, table)
            for suffix in ("_fts_ai", "_fts_ad", "_fts_au"):
                conn.execute(f"DROP TRIGGER [{table}{suffix}]")
            conn.execute(f"DROP TABLE [{fts}]")
            create_fts(conn, table, fields, prefix="2 3")
            conn.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES ('rebuild')")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [MIGRATION])
    assert all("prefix='2 3'" in sql for sql in _fts_tables(conn).values())
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
    marks = _run_to_end(mode, reference, n)
    expected = _content(reference / "fieldkit.db")
    outcomes = {"before": 0, "during": 0, "after": 0}
    for k in range(kills):
        work = tmp_path / f"kill{k}"
        shutil.copytree(pristine, work)
        if mode == "migrate" and k % 2:  # every other kill inside the migration's own step
            took = marks["done"] - marks["migrating"]
            seen = _kill_at(mode, work, n, rng.uniform(0, took * 1.1), after="migrating")
        elif k == kills - 1:  # one kill surely after the commit: the outcome kept
            seen = _kill_at(mode, work, n, marks["done"] * 1.5)
        else:
            seen = _kill_at(mode, work, n, rng.uniform(0, marks["done"] * 1.1))
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
                "SELECT count(*) FROM _sqlite_migrations WHERE name = ?", [MIGRATION]
            ).fetchone()[0]
            prefixed = ["prefix=" in sql for sql in _fts_tables(conn).values()]
            assert len(prefixed) == 4, "a search index went missing"
            assert prefixed == [not applied] * 4, f"half a migration after kill {k}"
            if applied:
                outcomes["after"] += 1
            else:
                outcomes["during" if "migrating" in seen else "before"] += 1
        conn.close()
        operate(mode, str(work), n)  # run it again (in this process: same code, no start-up)
        assert _content(db) == expected, f"re-run after kill {k} differs"
        shutil.rmtree(work)
    return outcomes


def test_sigkill_during_import_sync_and_migration(tmp_path):
    """20 random kill points: 8 in a 2,000-row import, 6 in a bundle import, 6 in a migration
    rebuilding the search indexes of 20,000 contacts."""
    rng = random.Random(SEED)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 2000, 8, rng)
    synced = _kill_many(tmp_path / "sync", "bundle", lambda f: _bundle_setup(f, 1500), 1500, 6, rng)
    migrated = _kill_many(
        tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 20_000), 0, 6, rng
    )
    print("kill outcomes", imported, synced, migrated)
    # The kills really landed inside the operations, not only before or after them.
    assert imported["before"] > 0 and synced["before"] > 0
    assert migrated["during"] > 0, migrated  # killed inside m005's transaction, rolled back


@pytest.mark.slow
def test_sigkill_at_scale(tmp_path):
    rng = random.Random(SEED + 1)
    imported = _kill_many(tmp_path / "imp", "import", _seed_profile, 50_000, 20, rng)
    assert imported["before"] > 0 and imported["after"] > 0
    _kill_many(tmp_path / "sync", "bundle", lambda f: _bundle_setup(f, 30_000), 30_000, 20, rng)
    _kill_many(tmp_path / "mig", "migrate", lambda f: _old_schema_profile(f, 30_000), 0, 20, rng)
