"""The schema, as a sequence of sqlite-utils migrations.

A migration is frozen once released: it names its columns itself rather than
reading them from :mod:`fieldkit.data.entities`, so that a later change to an
entity needs a new migration and old profiles upgrade step by step.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations


class _Steps:
    """The migration steps, in order, registered with ``@migrations()``.

    The sqlite-utils ``Migrations`` set is built from them only when a profile
    has steps pending (:func:`sqlite_migrations`): importing sqlite-utils costs
    about a tenth of a second, and opening an up-to-date profile does not need it.
    """

    def __init__(self) -> None:
        self.steps: list = []

    def __call__(self):
        def register(func):
            self.steps.append(func)
            return func

        return register

    @property
    def names(self) -> list[str]:
        return [func.__name__ for func in self.steps]


migrations = _Steps()


@cache
def sqlite_migrations() -> Migrations:
    """The steps as a sqlite-utils migration set (each step in its own transaction)."""
    from sqlite_utils import Migrations

    real = Migrations("fieldkit")
    for func in migrations.steps:
        real()(func)
    return real


def applied_names(conn) -> list[str]:
    """Names of the steps already applied to a database, read without sqlite-utils."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
        return []
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'fieldkit' ORDER BY id"
        )
    ]


FTS_TOKENIZE = "unicode61 remove_diacritics 2"

# Insert triggers whose work Store.put_many does itself, with one statement per index, while
# it inserts in bulk (FTS5 fed row by row from a trigger is several times slower).
BULK_TRIGGERS = ("_fts_ai", "_tags_ai")


def create_record_table(db: Database, table: str, columns: dict[str, str]) -> None:
    """A synced record table: an internal integer rowid (for FTS), a UUID ``id``, tombstone."""
    cols = ",\n  ".join(f"[{name}] {sqltype}" for name, sqltype in columns.items())
    db.execute(
        f"""CREATE TABLE [{table}] (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  {cols},
  deleted INTEGER NOT NULL DEFAULT 0,
  created TEXT,
  modified TEXT
)"""
    )


def create_fts(db: Database, table: str, fields: list[str], *, prefix: str | None = None) -> None:
    """An external-content FTS5 index over ``fields``, kept in step by triggers.

    ``prefix`` adds FTS5 prefix indexes (only the first schema had them, see m005).
    """
    fts = f"{table}_fts"
    cols = ", ".join(fields)
    new = ", ".join(f"new.[{f}]" for f in fields)
    old = ", ".join(f"old.[{f}]" for f in fields)
    extra = f", prefix='{prefix}'" if prefix else ""
    db.execute(
        f"CREATE VIRTUAL TABLE [{fts}] USING fts5({cols}, content='{table}', "
        f"content_rowid='rid', tokenize='{FTS_TOKENIZE}'{extra})"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_fts_ai] AFTER INSERT ON [{table}] BEGIN "
        f"INSERT INTO [{fts}](rowid, {cols}) VALUES (new.rid, {new}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_fts_ad] AFTER DELETE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}]([{fts}], rowid, {cols}) VALUES ('delete', old.rid, {old}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_fts_au] AFTER UPDATE OF {cols} ON [{table}] BEGIN "
        f"INSERT INTO [{fts}]([{fts}], rowid, {cols}) VALUES ('delete', old.rid, {old}); "
        f"INSERT INTO [{fts}](rowid, {cols}) VALUES (new.rid, {new}); END"
    )


def fts_fields(db_or_conn, table: str) -> list[str]:
    """The columns an FTS index covers, read from the schema itself."""
    conn = getattr(db_or_conn, "conn", db_or_conn)
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}_fts])")]


def leading_index_columns(conn, table: str) -> set[str]:
    """Columns that lead an index of ``table`` (a value lookup or range is a seek)."""
    columns = set()
    for index in conn.execute(f"PRAGMA index_list([{table}])").fetchall():
        info = conn.execute(f"PRAGMA index_info([{index[1]}])").fetchall()
        if info:
            columns.add(info[0][2])
    return columns


def index_rows(conn, table: str, after_rid: int, *, tags: bool) -> None:
    """Index rows inserted in bulk (rid > ``after_rid``): full-text search and, if the
    table has a tag index, tags."""
    fts = f"{table}_fts"
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [fts]).fetchone():
        cols = ", ".join(f"[{c}]" for c in fts_fields(conn, table))
        conn.execute(
            f"INSERT INTO [{fts}](rowid, {cols}) SELECT rid, {cols} FROM [{table}] WHERE rid > ?",
            [after_rid],
        )
    if tags:
        conn.execute(
            "INSERT OR IGNORE INTO record_tags(entity, tag, rid) "
            f"SELECT ?, j.value, t.rid FROM [{table}] t, json_each(t.tags) j "
            "WHERE t.rid > ? AND json_valid(t.tags)",
            [table, after_rid],
        )


@contextlib.contextmanager
def bulk_indexing(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """Inside a transaction: insert rows without the per-row search and tag triggers,
    then index the new rows with one statement each and put the triggers back
    (a rollback undoes it all)."""
    after = conn.execute(f"SELECT coalesce(max(rid), 0) FROM [{table}]").fetchone()[0]
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]
    ).fetchall()
    triggers = [(n, sql) for n, sql in triggers if n.endswith(BULK_TRIGGERS)]
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER [{name}]")
    yield
    index_rows(conn, table, after, tags=any(n.endswith("_tags_ai") for n, _ in triggers))
    for _name, sql in triggers:
        conn.execute(sql)


def create_tag_index(db: Database, table: str) -> None:
    """Keep ``record_tags`` (tag → record) in step with a table's JSON ``tags`` column."""
    insert = (
        f"INSERT OR IGNORE INTO record_tags(entity, rid, tag) "
        f"SELECT '{table}', new.rid, value FROM json_each(new.tags) WHERE json_valid(new.tags)"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_tags_ai] AFTER INSERT ON [{table}] "
        f"WHEN new.tags IS NOT NULL BEGIN {insert}; END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_tags_au] AFTER UPDATE OF tags ON [{table}] BEGIN "
        f"DELETE FROM record_tags WHERE entity = '{table}' AND rid = old.rid; {insert}; END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_tags_ad] AFTER DELETE ON [{table}] BEGIN "
        f"DELETE FROM record_tags WHERE entity = '{table}' AND rid = old.rid; END"
    )


T, INT = "TEXT", "INTEGER"


@migrations()
def m001_initial(db: Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        """CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  device TEXT NOT NULL,
  dseq INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hlc INTEGER NOT NULL,
  data TEXT NOT NULL,
  local_only INTEGER NOT NULL DEFAULT 0
)"""
    )
    db.execute("CREATE UNIQUE INDEX changes_origin ON changes(device, dseq)")
    db.execute("CREATE INDEX changes_row ON changes(row_id)")
    db.execute(
        """CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  kept_value TEXT,
  kept_hlc INTEGER NOT NULL,
  kept_device TEXT NOT NULL,
  lost_value TEXT,
  lost_hlc INTEGER NOT NULL,
  lost_device TEXT NOT NULL,
  detected TEXT NOT NULL,
  resolved TEXT
)"""
    )
    db.execute("CREATE INDEX conflicts_row ON conflicts(row_id)")
    db.execute(
        # Columns in primary-key order: SQLite 3.40's integrity check misreports
        # WITHOUT ROWID tables whose key columns are declared in another order.
        "CREATE TABLE record_tags (entity TEXT NOT NULL, tag TEXT NOT NULL, rid INTEGER NOT NULL, "
        "PRIMARY KEY (entity, tag, rid)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX record_tags_rid ON record_tags(entity, rid)")

    create_record_table(
        db,
        "contacts",
        {
            "name": T,
            "kind": T,
            "title": T,
            "organization": T,
            "phone": T,
            "phone_e164": T,
            "fax": T,
            "fax_e164": T,
            "email": T,
            "website": T,
            "address": T,
            "city": T,
            "country": T,
            "languages": T,
            "tags": T,
            "notes": T,
            "sensitivity": T,
        },
    )
    db.execute("CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE)")
    db.execute("CREATE INDEX contacts_country ON contacts(country, deleted)")
    create_fts(db, "contacts", ["name", "title", "organization", "city", "tags"], prefix="2 3")
    create_tag_index(db, "contacts")

    create_record_table(
        db,
        "campaigns",
        {
            "title": T,
            "summary": T,
            "asks": T,
            "status": T,
            "start_date": T,
            "end_date": T,
            "country": T,
            "lang": T,
            "tags": T,
        },
    )
    create_fts(db, "campaigns", ["title", "summary", "asks", "tags"], prefix="2 3")
    create_tag_index(db, "campaigns")

    create_record_table(db, "campaign_targets", {"campaign_id": T, "contact_id": T, "role": T})
    db.execute("CREATE INDEX campaign_targets_campaign ON campaign_targets(campaign_id)")
    db.execute("CREATE INDEX campaign_targets_contact ON campaign_targets(contact_id)")
    create_record_table(db, "campaign_updates", {"campaign_id": T, "date": T, "text": T})
    db.execute("CREATE INDEX campaign_updates_campaign ON campaign_updates(campaign_id, date)")

    create_record_table(
        db,
        "outreach",
        {
            "contact_id": T,
            "campaign_id": T,
            "channel": T,
            "date": T,
            "outcome": T,
            "follow_up": T,
            "notes": T,
            "sensitivity": T,
        },
    )
    db.execute("CREATE INDEX outreach_contact ON outreach(contact_id, date)")
    db.execute("CREATE INDEX outreach_campaign ON outreach(campaign_id, date)")
    db.execute("CREATE INDEX outreach_follow_up ON outreach(follow_up)")

    create_record_table(
        db,
        "materials",
        {
            "group_id": T,
            "lang": T,
            "kind": T,
            "title": T,
            "body": T,
            "figure": T,
            "source": T,
            "year": INT,
            "source_url": T,
            "country": T,
            "review_status": T,
            "tags": T,
        },
    )
    db.execute("CREATE INDEX materials_group ON materials(group_id, lang)")
    create_fts(db, "materials", ["title", "body", "source", "tags"], prefix="2 3")
    create_tag_index(db, "materials")

    create_record_table(
        db,
        "laws",
        {
            "group_id": T,
            "lang": T,
            "title": T,
            "short_title": T,
            "jurisdiction": T,
            "kind": T,
            "status": T,
            "adopted_date": T,
            "effective_date": T,
            "summary": T,
            "key_provisions": T,
            "citation": T,
            "url": T,
            "last_reviewed": T,
            "tags": T,
        },
    )
    db.execute("CREATE INDEX laws_group ON laws(group_id, lang)")
    create_fts(
        db,
        "laws",
        ["title", "short_title", "summary", "key_provisions", "citation", "tags"],
        prefix="2 3",
    )
    create_tag_index(db, "laws")

    create_record_table(
        db,
        "attachments",
        {"sha256": T, "name": T, "mime": T, "size": INT, "owner_id": T},
    )
    db.execute("CREATE INDEX attachments_sha ON attachments(sha256)")
    db.execute("CREATE INDEX attachments_owner ON attachments(owner_id)")


@migrations()
def m002_sync(db: Database) -> None:
    """Sync: trusted devices, dseq ranges received, seen vectors, applied bundles, targets."""
    db.execute(
        """CREATE TABLE sync_devices (
  device TEXT PRIMARY KEY,
  name TEXT,
  role TEXT NOT NULL,
  public_key TEXT NOT NULL,
  cert TEXT NOT NULL,
  revoked TEXT,
  revocation TEXT
)"""
    )
    # The store reads max(hlc) at each write to catch up with other connections.
    db.execute("CREATE INDEX changes_hlc ON changes(hlc)")
    # dseq ranges of each device whose changes this device holds (own, bundles, snapshots).
    db.execute(
        "CREATE TABLE sync_ranges (device TEXT NOT NULL, first INTEGER NOT NULL, "
        "last INTEGER NOT NULL, PRIMARY KEY (device, first, last)) WITHOUT ROWID"
    )
    # What a device had seen when it made its changes from dseq ``start`` on (JSON vector).
    db.execute(
        "CREATE TABLE sync_epochs (device TEXT NOT NULL, start INTEGER NOT NULL, "
        "seen TEXT NOT NULL, PRIMARY KEY (device, start)) WITHOUT ROWID"
    )
    db.execute(
        """CREATE TABLE sync_bundles (
  bundle_id TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  kind TEXT NOT NULL,
  first INTEGER,
  last INTEGER,
  changes INTEGER NOT NULL,
  applied TEXT NOT NULL
)"""
    )
    db.execute(
        """CREATE TABLE sync_targets (
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  location TEXT NOT NULL,
  username TEXT,
  options TEXT NOT NULL DEFAULT '{}',
  auto TEXT NOT NULL DEFAULT 'off',
  last_sync TEXT,
  last_result TEXT
)"""
    )
    # Per target and file: the stage a transfer reached (uploaded, fetched, applied, refused).
    db.execute(
        "CREATE TABLE sync_state (target TEXT NOT NULL, name TEXT NOT NULL, stage TEXT NOT NULL, "
        "updated TEXT NOT NULL, PRIMARY KEY (target, name)) WITHOUT ROWID"
    )


@migrations()
def m003_audit(db: Database) -> None:
    """Audit log (local, never synced): action, time, device, details without record contents."""
    db.execute(
        """CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  device TEXT,
  details TEXT NOT NULL DEFAULT '{}'
)"""
    )
    db.execute("CREATE INDEX audit_at ON audit(at)")


@migrations()
def m004_sync_partial(db: Database) -> None:
    """Changes held only in part: received through a bundle written for a target outside the
    organisation, which left out restricted fields. The full change completes them."""
    db.execute(
        "CREATE TABLE sync_partial (device TEXT NOT NULL, dseq INTEGER NOT NULL, "
        "PRIMARY KEY (device, dseq)) WITHOUT ROWID"
    )


@migrations()
def m005_fts_without_prefix_indexes(db: Database) -> None:
    """Search indexes without FTS5 prefix indexes: they doubled the cost of indexing every
    write, while prefix queries spend their time ranking matches, not finding the terms
    (measured at 100k contacts: the same query times with and without)."""
    for (fts,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_fts' ESCAPE '\\' "
        "AND sql LIKE '%fts5%' ORDER BY name"
    ).fetchall():
        table = fts.removesuffix("_fts")
        fields = fts_fields(db, table)
        for suffix in ("_fts_ai", "_fts_ad", "_fts_au"):
            db.execute(f"DROP TRIGGER IF EXISTS [{table}{suffix}]")
        db.execute(f"DROP TABLE [{fts}]")
        create_fts(db, table, fields)
        db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES ('rebuild')")


def schema_version() -> int:
    """The number of migrations this version of FieldKit knows."""
    return len(migrations.steps)


def known_migration_names() -> set[str]:
    return set(migrations.names)
