"""The store through the Profile facade: records, tombstones, change records, search, backups."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.data.store import Cancelled
from fieldkit.errors import NotFound, SchemaTooNew, StoreError, ValidationError
from fieldkit.profile import Profile


def changes(profile, row_id=None):
    sql = "SELECT device, dseq, tbl, row_id, hlc, data, local_only FROM changes"
    params = []
    if row_id:
        sql += " WHERE row_id = ?"
        params.append(row_id)
    rows = profile.store.conn.execute(sql + " ORDER BY seq", params).fetchall()
    return [
        dict(zip(("device", "dseq", "tbl", "row_id", "hlc", "data", "local_only"), r, strict=True))
        for r in rows
    ]


def test_add_get_and_the_change_record(profile):
    cid = profile.contacts.add(
        {"name": "Asha Rao", "kind": "official", "country": "in", "tags": "police, delhi"}
    )
    contact = profile.contacts.get(cid)
    assert contact["name"] == "Asha Rao"
    assert contact["country"] == "IN"
    assert contact["tags"] == ["police", "delhi"]
    assert contact["sensitivity"] == "normal"
    [change] = changes(profile, cid)
    assert change["device"] == profile.device_id
    assert change["tbl"] == "contacts"
    assert json.loads(change["data"])["name"] == "Asha Rao"
    assert change["local_only"] == 0


def test_update_records_only_the_fields_that_change(profile):
    cid = profile.contacts.add({"name": "Asha Rao", "title": "Director"})
    assert profile.contacts.update(cid, {"title": "Director", "city": "Delhi"}) is True
    assert profile.contacts.update(cid, {"title": "Director"}) is False
    second = changes(profile, cid)[1]
    assert json.loads(second["data"]) == {"city": "Delhi"}
    assert second["hlc"] > changes(profile, cid)[0]["hlc"]


def test_delete_is_a_tombstone_and_restore_brings_it_back(profile):
    cid = profile.contacts.add({"name": "Asha Rao"})
    profile.contacts.delete(cid)
    assert profile.contacts.count() == 0
    with pytest.raises(NotFound):
        profile.contacts.get(cid)
    assert profile.contacts.get(cid, include_deleted=True)["deleted"] == 1
    assert profile.search("asha") == []
    profile.contacts.restore(cid)
    assert profile.contacts.get(cid)["name"] == "Asha Rao"
    assert [json.loads(c["data"]) for c in changes(profile, cid)][1:] == [
        {"deleted": 1},
        {"deleted": 0},
    ]
    row = profile.store.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert row == 1  # never physically deleted


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"title": "No name"}, "name", "required"),
        ({"name": "A", "email": "not-an-address"}, "email", "email address"),
        ({"name": "A", "country": "Narnia"}, "country", "country code"),
        ({"name": "A", "country": "ZZ"}, "country", "country code"),
        ({"name": "A", "kind": "boss"}, "kind", "choose one of"),
        ({"name": "A", "bogus": 1}, "bogus", "no field"),
    ],
)
def test_bad_input_says_what_is_wrong_and_writes_nothing(profile, values, field, words):
    with pytest.raises(ValidationError) as info:
        profile.contacts.add(values)
    assert field in info.value.errors
    assert words in info.value.errors[field]
    assert profile.contacts.count(include_deleted=True) == 0
    assert changes(profile) == []


def test_dates_years_and_references_are_checked(profile):
    with pytest.raises(ValidationError) as info:
        profile.materials.add({"title": "X", "kind": "fact_card", "year": "last year"})
    assert "whole number" in info.value.errors["year"]
    with pytest.raises(ValidationError) as info:
        profile.outreach.add({"contact_id": "nope", "channel": "call", "date": "2024-13-45"})
    assert "YYYY-MM-DD" in info.value.errors["date"]
    with pytest.raises(ValidationError) as info:
        profile.outreach.add({"contact_id": "nope", "channel": "call", "date": "2024-01-05"})
    assert "No contact with id nope" in info.value.errors["contact_id"]


def test_an_edit_cannot_blank_a_required_field(profile):
    cid = profile.contacts.add({"name": "Asha"})
    with pytest.raises(ValidationError):
        profile.contacts.update(cid, {"name": "  "})
    assert profile.contacts.get(cid)["name"] == "Asha"


def test_local_only_changes_are_flagged_and_links_inherit_it(profile):
    secret = profile.contacts.add({"name": "Survivor contact", "sensitivity": "local-only"})
    public = profile.contacts.add({"name": "Official"})
    oid = profile.outreach.add({"contact_id": secret, "channel": "call", "date": "2024-05-01"})
    assert changes(profile, secret)[0]["local_only"] == 1
    assert changes(profile, oid)[0]["local_only"] == 1
    assert changes(profile, public)[0]["local_only"] == 0
    # Shared later: the whole record goes out in one change.
    profile.contacts.update(secret, {"sensitivity": "restricted"})
    last = changes(profile, secret)[-1]
    assert last["local_only"] == 0
    assert json.loads(last["data"])["name"] == "Survivor contact"


def test_add_many_is_one_transaction_indexed_like_single_adds(profile):
    rows = [{"name": f"Person {i}", "tags": ["police"] if i % 2 else []} for i in range(50)]
    ids = profile.contacts.add_many(rows, batch=20)
    assert len(set(ids)) == 50
    assert profile.contacts.count({"tag": "police"}) == 25
    assert len(profile.search("Person", limit=100)) == 50
    single = profile.contacts.add({"name": "Person single", "tags": ["police"]})
    assert single in {h.id for h in profile.search("single")}
    assert profile.contacts.count({"tag": "police"}) == 26
    triggers = {
        r[0]
        for r in profile.store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contacts'"
        )
    }
    assert {"contacts_fts_ai", "contacts_tags_ai"} <= triggers


def test_a_bulk_write_gives_its_page_cache_back(profile):
    def cache_kib():
        return -profile.store.conn.execute("PRAGMA cache_size").fetchone()[0]

    normal = cache_kib()
    profile.contacts.add_many([{"name": f"P{i}"} for i in range(10)])
    assert cache_kib() == normal
    with pytest.raises(ValidationError):
        profile.contacts.add_many([{"name": "P"}, {"name": "Bad", "email": "x"}], batch=1)
    assert cache_kib() == normal
    assert profile.contacts.count() == 10


def test_add_many_of_normalized_rows_fills_defaults_and_checks_required(profile):
    from fieldkit.data import entities as E

    checked = E.normalize(E.CONTACTS, {"name": "Asha Rao", "tags": "a, b"}, partial=True)
    [row_id] = profile.contacts.add_many([checked], normalized=True)
    stored = profile.contacts.get(row_id)
    assert (stored["kind"], stored["sensitivity"], stored["tags"]) == (
        "other",
        "normal",
        ["a", "b"],
    )
    with pytest.raises(ValidationError) as info:
        profile.contacts.add_many([checked, {"city": "Pune"}], normalized=True)
    assert "row 2" in str(info.value)
    assert profile.contacts.count() == 1


def test_a_bad_row_or_a_cancel_rolls_back_the_whole_batch(profile):
    rows = [{"name": f"P{i}"} for i in range(10)] + [{"name": "Bad", "email": "x"}]
    with pytest.raises(ValidationError) as info:
        profile.contacts.add_many(rows)
    assert "row 11" in str(info.value)
    with pytest.raises(Cancelled):
        profile.contacts.add_many(({"name": f"P{i}"} for i in range(30)), cancelled=lambda: True)
    assert profile.contacts.count() == 0
    assert changes(profile) == []
    assert profile.search("P1") == []
    ok = profile.contacts.add_many([{"name": "After"}])
    assert profile.contacts.get(ok[0])["name"] == "After"
    assert [c["dseq"] for c in changes(profile)] == [1]  # no gap left by the rollbacks


def test_search_ranks_matches_prefixes_and_filters(profile):
    profile.contacts.add(
        {"name": "Anti-Trafficking Unit", "country": "IN", "tags": ["police"], "languages": "hi"}
    )
    profile.contacts.add({"name": "Asha Trafford", "country": "KE", "organization": "Shelter"})
    profile.materials.add(
        {"title": "Forced labour", "kind": "fact_card", "lang": "es", "body": "trafficking"}
    )
    profile.laws.add(
        {"title": "Palermo Protocol", "jurisdiction": "intl", "kind": "treaty", "lang": "en"}
    )
    assert {h.entity for h in profile.search("traff")} == {"contacts", "materials"}
    assert [h.title for h in profile.search("traff", country="KE")] == ["Asha Trafford"]
    assert [h.title for h in profile.search("traff", tag="police")] == ["Anti-Trafficking Unit"]
    assert [h.entity for h in profile.search("traff", lang="es")] == ["materials"]
    assert [h.title for h in profile.search("traff", lang="hi")] == ["Anti-Trafficking Unit"]
    assert [h.title for h in profile.search("paler", entities=["laws"])] == ["Palermo Protocol"]
    assert [h.title for h in profile.search("palermo", country="intl")] == ["Palermo Protocol"]
    # Words typed in full match whole words only; accents fold.
    assert profile.search("traff ") == []
    assert [h.title for h in profile.search("shélter")] == ["Asha Trafford"]
    # FTS syntax typed by a person is searched as text, never an error.
    for text in ['"', "AND", "NEAR(", "*", "a OR", "-x", "^"]:
        profile.search(text)


def test_search_ranks_the_better_match_first(profile):
    profile.materials.add({"title": "Shelter guide", "kind": "guide", "body": "shelter " * 5})
    profile.materials.add({"title": "Labour", "kind": "guide", "body": "one shelter mention"})
    assert profile.search("shelter")[0].title == "Shelter guide"


def test_search_skips_deleted_records_even_when_they_rank_best(profile):
    # The best matches are deleted: the live ones further down still fill the page.
    best = profile.contacts.add_many([{"name": f"Shelter Shelter Shelter {i}"} for i in range(120)])
    live = profile.contacts.add_many([{"name": f"Shelter office {i}"} for i in range(60)])
    for row_id in best:
        profile.contacts.delete(row_id)
    hits = profile.search("shelter", entities=["contacts"], limit=50)
    assert len(hits) == 50
    assert {h.id for h in hits} <= set(live)
    assert len(profile.search("shelter", entities=["contacts"], limit=100)) == 60
    # Restored, they rank first again.
    profile.contacts.restore(best[0])
    assert profile.search("shelter", entities=["contacts"])[0].id == best[0]


def test_backups_rotate_and_restore(profile):
    cid = profile.contacts.add({"name": "Before"})
    first = profile.backup()
    for _ in range(11):
        profile.backup()
    assert len(profile.backups()) == 10
    assert first not in profile.backups()
    kept = profile.backups()[-1]
    profile.contacts.update(cid, {"name": "After"})
    profile.restore(kept)
    assert profile.contacts.get(cid)["name"] == "Before"
    assert profile.backups()[0].name.endswith("before-restore.sqlite")
    # The restore can itself be undone from the backup taken just before it.
    profile.restore(profile.backups()[0])
    assert profile.contacts.get(cid)["name"] == "After"


def test_restore_refuses_a_file_that_is_not_a_backup(profile, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    profile.contacts.add({"name": "Keep me"})
    with pytest.raises(StoreError, match="not a usable FieldKit backup"):
        profile.restore(junk)
    assert profile.contacts.count() == 1


def test_newer_schema_is_refused_without_change(tmp_path):
    Profile.create(tmp_path / "p").close()
    db = tmp_path / "p" / "fieldkit.db"
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('fieldkit', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version of FieldKit"):
        Profile.open(tmp_path / "p")
    assert db.read_bytes() == before


def test_a_corrupt_file_gives_a_clear_error(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "fieldkit.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StoreError, match="damaged or is not a FieldKit database"):
        Profile.open(folder)


# The `fieldkit` command in a process that cannot write what its mode forbids. Root may write
# any file, so as root the command runs without the capabilities that allow it
# (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): still uid 0, it reads the code and the profile as
# their owner, and a file or folder without the owner's write bit is read-only to it.
FIELDKIT = "import sys; from fieldkit.cli import main; sys.exit(main())"
PROBE = """
import os, sys
try:
    os.close(os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT))
except PermissionError:
    print("read-only")
else:
    print("writable")
"""
READ_ONLY = (
    "is read-only. Copy it to a folder you can write to, or ask your administrator for "
    "write access."
)


def _without_write_privilege(target: Path) -> list[str]:
    """The command prefix under which ``target`` (already made read-only) cannot be written;
    skips when this machine cannot give one."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux): no file is read-only")
        prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", PROBE, str(target)], capture_output=True, text=True
    )
    if probe.stdout.strip() != "read-only":
        pytest.skip(f"no read-only file can be made here: {probe.stdout}{probe.stderr}".strip())
    return prefix


def _leave_a_journal(folder: Path) -> None:
    """A FieldKit process adds a contact and dies before closing: the -wal and -shm files stay."""
    crash = (
        "import os, sys; from fieldkit.profile import Profile; "
        "Profile.open(sys.argv[1]).contacts.add({'name': 'Left in the journal'}); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crash, str(folder)], check=True)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("situation", ["file", "folder", "journal"])
def test_a_read_only_profile_gives_one_clear_line_and_stays_as_it_was(tmp_path, situation):
    """#2: a database this user cannot write, as the command line meets it.

    ``file``: fieldkit.db has no write bit; ``folder``: the profile folder has none (SQLite
    cannot put its journal beside the file); ``journal``: the -wal and -shm files that a
    crashed process left (another user's, say) cannot be written, which opening does not see.
    """
    folder = tmp_path / "office"
    with Profile.create(folder) as p:
        p.contacts.add({"name": "Asha Rao"})
    db = folder / "fieldkit.db"
    if situation == "journal":
        _leave_a_journal(folder)
        read_only = [folder / "fieldkit.db-wal", folder / "fieldkit.db-shm"]
    else:
        read_only = [db] if situation == "file" else [folder]
    for path in read_only:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        prefix = _without_write_privilege(
            folder / "probe" if situation == "folder" else read_only[0]
        )
        before = _snapshot(folder)

        def fieldkit(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [*prefix, sys.executable, "-c", FIELDKIT, "--profile", str(folder), *args],
                capture_output=True,
                text=True,
                timeout=60,
            )

        added = fieldkit("contacts", "add", "--name", "Ravi Kumar")
        listed = fieldkit("contacts", "list")
        after = _snapshot(folder)
    finally:
        for path in read_only:
            path.chmod(0o755 if path.is_dir() else 0o644)

    assert added.returncode == 1
    assert added.stdout == ""
    [line] = added.stderr.splitlines()
    assert line.startswith(f"Error: The profile at {folder}")
    assert line.endswith(READ_ONLY)
    assert after == before
    assert "Traceback" not in added.stderr + listed.stderr
    if situation == "journal":
        # Opening writes nothing here, so reading works, the crashed process's contact included.
        assert listed.returncode == 0, listed.stderr
        assert "Asha Rao" in listed.stdout
        assert "Left in the journal" in listed.stdout
        assert listed.stderr == ""
    else:
        # Refused at opening (which migrates and needs the journal beside the file), with the
        # same line, that says how to get a copy that works.
        assert listed.returncode == 1
        assert listed.stderr == f"Error: The profile at {folder} {READ_ONLY}\n"
    assert "Ravi Kumar" not in listed.stdout


def test_missing_profile_says_how_to_make_one(tmp_path):
    with pytest.raises(NotFound, match="fieldkit init"):
        Profile.open(tmp_path / "nowhere")


def test_campaign_targets_timeline_and_follow_ups(profile):
    official = profile.contacts.add({"name": "Senator", "phone": "+1 202 555 0100"})
    camp = profile.campaigns.add({"title": "Pass the bill", "asks": ["Vote yes", "Co-sponsor"]})
    profile.add_target(camp, official, "Committee chair")
    profile.add_update(camp, "2018-03-21", "Passed the Senate 97-2")
    profile.add_update(camp, "2018-02-27", "Passed the House")
    profile.outreach.add(
        {
            "contact_id": official,
            "campaign_id": camp,
            "channel": "fax",
            "date": "2018-03-01",
            "follow_up": "2018-03-10",
        }
    )
    profile.outreach.add({"contact_id": official, "channel": "call", "date": "2018-03-02"})
    assert [t["name"] for t in profile.targets(camp)] == ["Senator"]
    assert [u["date"] for u in profile.timeline(camp)] == ["2018-02-27", "2018-03-21"]
    assert [o["follow_up"] for o in profile.follow_ups("2018-03-31")] == ["2018-03-10"]
    assert profile.follow_ups("2018-03-01") == []


def test_attachments_are_stored_once_by_hash(profile, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG fake but bytes")
    a = profile.attach(logo)
    b = profile.attach(logo)
    assert a != b
    assert profile.attachment_bytes(a) == logo.read_bytes()
    blobs = [p for p in profile.attachments_dir.rglob("*") if p.is_file()]
    assert len(blobs) == 1


def test_migrating_an_older_profile_backs_it_up_first(tmp_path):
    from sqlite_utils import Database

    from fieldkit.data.schema import migrations, sqlite_migrations

    folder = tmp_path / "old"
    folder.mkdir()
    db = Database(folder / "fieldkit.db")
    sqlite_migrations().apply(db, stop_before=migrations.names[1:2])
    db.conn.close()
    profile = Profile.open(folder)
    try:
        assert not sqlite_migrations().pending(profile.store.db)
        assert [p.name.endswith("before-migration.sqlite") for p in profile.backups()] == [True]
    finally:
        profile.close()


def test_search_indexes_lose_their_prefix_indexes_and_keep_every_record(tmp_path):
    from sqlite_utils import Database

    from fieldkit.data.schema import sqlite_migrations

    folder = tmp_path / "old"
    folder.mkdir()
    db = Database(folder / "fieldkit.db")
    sqlite_migrations().apply(db, stop_before=["m005_fts_without_prefix_indexes"])
    for i, name in enumerate(["Asha Rao", "Ashok Kumar", "Meena Shah"]):
        db.execute(
            "INSERT INTO contacts (id, name, organization, kind, sensitivity) "
            "VALUES (?, ?, 'Women Police Station', 'official', 'normal')",
            [f"c{i}", name],
        )
    db.conn.commit()
    assert (
        "prefix"
        in db.execute("SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'").fetchone()[0]
    )
    db.conn.close()
    profile = Profile.open(folder)
    try:
        conn = profile.store.conn
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name LIKE '%\\_fts' ESCAPE '\\'"
        ):
            assert "prefix" not in sql
        conn.execute("INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)")
        assert {h.title for h in profile.search("Ash")} == {"Asha Rao", "Ashok Kumar"}
        assert len(profile.search("police")) == 3
        new = profile.contacts.add({"name": "Ashwini Patil"})
        assert new in {h.id for h in profile.search("ashw")}  # the triggers are back
    finally:
        profile.close()


def test_sqlite_errors_become_messages_that_say_what_to_do(tmp_path):
    from fieldkit.data.store import explain_sqlite_error

    cases = {
        "attempt to write a readonly database": "read-only",
        "database or disk is full": "disk is full",
        "database is locked": "in use by another FieldKit window",
        "file is not a database": "fieldkit restore",
    }
    for error, words in cases.items():
        message = str(explain_sqlite_error(sqlite3.OperationalError(error), tmp_path))
        assert words in message


def test_filter_choices_list_the_values_in_use(profile):
    ids = profile.contacts.add_many(
        [{"name": "A", "country": c} for c in ("KE", "IN", "KE", "BR")] + [{"name": "No country"}]
    )
    assert profile.contacts.distinct("country") == ["BR", "IN", "KE"]
    profile.contacts.delete(ids[3])  # the only Brazilian contact
    assert profile.contacts.distinct("country") == ["IN", "KE"]
    profile.laws.add({"title": "Palermo", "jurisdiction": "intl", "kind": "treaty"})
    assert profile.laws.distinct("country") == ["intl"]


def test_a_record_received_in_part_can_still_be_edited(profile):
    """A change from another device can arrive before the one that created the record."""
    from fieldkit.data import entities as E
    from fieldkit.data.remote import put_remote

    with profile.store.write():
        put_remote(
            profile.store,
            [("other-device", 2, "contacts", "row-1", 5 << 16, '{"city":"Patna"}')],
            {("contacts", "row-1"): (False, {"city": "Patna"}, 5 << 16)},
        )
    assert profile.contacts.get("row-1")["name"] is None
    profile.contacts.update("row-1", {"phone": "+91 612 000 0000"})
    assert profile.contacts.get("row-1")["phone"] == "+91 612 000 0000"
    with pytest.raises(ValidationError):
        profile.contacts.update("row-1", {"name": ""})
    assert E.CONTACTS.field("name").required


def test_a_file_written_in_a_rolled_back_write_is_taken_away(profile):
    kept = profile.write_blob(b"kept outside any write")
    with pytest.raises(RuntimeError), profile.store.write():
        profile.attach_bytes(b"a scanned letter", "letter.txt")
        profile.attach_bytes(b"kept outside any write", "again.txt")  # already there
        raise RuntimeError("the user cancelled")
    files = [p for p in profile.attachments_dir.rglob("*") if p.is_file()]
    assert files == [profile.blob_path(kept)]
    assert not any(p.is_dir() and not any(p.iterdir()) for p in profile.attachments_dir.iterdir())
    assert profile.attachments.count() == 0


def test_a_backup_folder_that_cannot_be_written_gives_one_clear_line(tmp_path):
    folder = tmp_path / "office"
    with Profile.create(folder) as p:
        p.contacts.add({"name": "Asha Rao"})
        p.backup()
    backups = folder / "backups"
    kept = _snapshot(backups)
    backups.chmod(0o555)
    try:
        prefix = _without_write_privilege(backups / "probe")
        result = subprocess.run(
            [*prefix, sys.executable, "-c", FIELDKIT, "--profile", str(folder), "backup"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        backups.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"Error: No backup could be written in {backups}, so nothing was changed. Check that "
        "FieldKit may write in that folder and that the disk has free space."
    )
    assert _snapshot(backups) == kept
