"""The store: one SQLite file, and the only code that writes synced rows.

Every write goes through :class:`Store.write` (one transaction) and
:meth:`Store.put`, which updates the row *and* appends its change record
(table, row, the fields and their new values, a hybrid-logical-clock
timestamp, the device id). There is no other path to change a synced row.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fieldkit.data import entities as E
from fieldkit.data.clock import HybridClock, hlc_to_iso, new_id
from fieldkit.data.encryption import DB_ERRORS, unlock
from fieldkit.data.schema import (
    applied_names,
    bulk_indexing,
    known_migration_names,
    migrations,
    sqlite_migrations,
)
from fieldkit.data.sequence import CLOCK_SQL, COUNTER_SQL
from fieldkit.errors import NotFound, SchemaTooNew, StoreError
from fieldkit.i18n import _

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` during long work."""


# Page cache while one transaction writes in bulk, in KiB (SQLite's default is 2 MB). Every
# page a bulk insert touches stays in memory until the commit writes it once; with the
# default, index pages spill to the WAL again and again (100k contacts: 0.3–0.4 s of 5 s).
BULK_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_KIB = 2000

_CHANGE_JSON = json.JSONEncoder(separators=(",", ":"))  # ASCII escapes: faster
_LIST_JSON = json.JSONEncoder(ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _list_text(items: tuple) -> str:
    return _LIST_JSON.encode(list(items))


def list_text(value: list | None) -> str | None:
    """A list field as stored (JSON, as ``entities.to_sql`` writes it). Bulk writes repeat
    the same few lists of tags and languages, so their text is kept once made."""
    if value is None:
        return None
    if isinstance(value, list):
        try:
            return _list_text(tuple(value))
        except TypeError:  # an unhashable item: not a list of texts
            pass
    return _LIST_JSON.encode(value)


class Cancelled(Exception):  # noqa: N818 - it is a signal, not an error
    """Raised inside a write to roll it back because the user cancelled."""


def connect(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """Open the SQLite file with the pragmas every FieldKit connection uses.

    With a passphrase the file is an SQLCipher database: the key (checked,
    with the try limit) comes before anything else.
    """
    if passphrase is not None:
        conn = unlock(path, passphrase)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def read_only_error(path: Path) -> StoreError:
    """The error for a profile this process may read but not write."""
    return StoreError(
        _(
            "The profile at %(path)s is read-only. Copy it to a folder you can write to, "
            "or ask your administrator for write access."
        )
        % {"path": path}
    )


def explain_sqlite_error(exc: Exception, path: Path) -> StoreError:
    """Turn an SQLite error into a message that says what to do."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return read_only_error(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            _(
                "The profile at %(path)s is damaged or is not a FieldKit database. "
                "Restore a backup with “fieldkit restore”."
            )
            % {"path": path}
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(_("The disk is full: nothing was saved. Free some space and try again."))
    if "locked" in text or "busy" in text:
        return StoreError(
            _("The profile is in use by another FieldKit window. Close it and try again.")
        )
    return StoreError(
        _("The profile at %(path)s could not be used (%(error)s).") % {"path": path, "error": exc}
    )


class Store:
    """An open profile database. Not thread-safe: one thread (the worker) owns it."""

    def __init__(self, path: Path, passphrase: str | None = None):
        self.path = Path(path)
        self.passphrase = passphrase  # kept for encrypted backups; None when not encrypted
        self._depth = 0
        self._bulk = False
        self._undo: list[Callable[[], None]] = []
        self._saved: tuple[int, int] | None = None
        self._listeners: list[Callable[[set[str]], None]] = []
        self._touched: set[str] = set()
        try:
            self.conn = connect(self.path, passphrase)
            self._db = None
            self._migrate()
            self.device_id = self.meta("device_id") or self._init_device()
            # Past every number and clock value used, also before a restore of an older
            # backup (see fieldkit.data.sequence).
            self.dseq = self.conn.execute(COUNTER_SQL, [self.device_id]).fetchone()[0]
            self.clock = HybridClock(self.conn.execute(CLOCK_SQL).fetchone()[0])
        except DB_ERRORS as exc:
            raise explain_sqlite_error(exc, self.path) from exc

    # --- schema ---------------------------------------------------------

    @property
    def db(self):
        """The sqlite-utils Database over this connection, made on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def _migrate(self) -> None:
        applied = set(applied_names(self.conn))
        unknown = applied - known_migration_names()
        if unknown:
            raise SchemaTooNew(
                _(
                    "This profile was written by a newer version of FieldKit. "
                    "Install the latest FieldKit to open it; nothing was changed."
                )
            )
        pending = [name for name in migrations.names if name not in applied]
        if pending and applied:
            from fieldkit.data.backup import backup_database

            backup_database(
                self.conn, self.path.parent / "backups", "before-migration", self.passphrase
            )
            log.info("migrating profile: %d step(s)", len(pending))
        if pending:
            sqlite_migrations().apply(self.db)

    def _init_device(self) -> str:
        device = new_id()
        self.set_meta("device_id", device)
        return device

    # --- meta (local, never synced) --------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.db.atomic():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # --- transactions -----------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """One transaction; nested calls join the outer one (a savepoint). Rolled back on any
        error.

        The outer transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock
        first (waiting up to the busy timeout while another connection writes), so the
        catch-up below reads what no other writer can change before this one commits.
        """
        outer = self._depth == 0
        if outer:
            self._touched = set()
            self._undo = []
            self._saved = None
        self._depth += 1
        try:
            if outer and not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
            with self.db.atomic():  # a savepoint inside the transaction begun above
                if outer:
                    self._catch_up()
                    self._saved = (self.dseq, self.clock.last)
                yield self
            if outer and self.conn.in_transaction:
                self.conn.execute("COMMIT")
        except DB_ERRORS as exc:
            if outer:
                self._rollback()
            raise explain_sqlite_error(exc, self.path) from exc
        except BaseException:
            if outer:
                self._rollback()
            raise
        finally:
            self._depth -= 1
            if outer and self._bulk:
                self._bulk = False
                with contextlib.suppress(*DB_ERRORS):
                    self.conn.execute(f"PRAGMA cache_size = -{DEFAULT_CACHE_KIB}")
        if outer and self._touched:
            touched, self._touched = self._touched, set()
            for listener in list(self._listeners):
                listener(touched)

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if self._saved is not None:
            self.dseq = self._saved[0]
        undo, self._undo = self._undo, []
        for step in reversed(undo):
            try:
                step()
            except OSError:
                log.warning("could not undo a file written by a rolled-back write")

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Inside a write: call ``undo()`` if the transaction rolls back (to take away a
        file written alongside it). Nothing is called once it commits, nor outside a write."""
        if self._depth:
            self._undo.append(undo)

    def _catch_up(self) -> None:
        """Another connection to this file (the app's sync, the CLI) may have written since:
        move the sequence counter and the clock past what is stored, and past the floors a
        restore of an older backup left (index and primary-key lookups)."""
        row = self.conn.execute(COUNTER_SQL, [self.device_id]).fetchone()
        self.dseq = max(self.dseq, row[0])
        self.clock.observe(self.conn.execute(CLOCK_SQL).fetchone()[0])

    def expect_bulk(self) -> None:
        """The current transaction writes many rows: keep up to ``BULK_CACHE_KIB`` of pages
        in memory until it ends (the memory is given back then)."""
        if self._depth and not self._bulk:
            self._bulk = True
            self.conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")

    def on_change(self, listener: Callable[[set[str]], None]) -> None:
        """Call ``listener(tables)`` after each committed write."""
        self._listeners.append(listener)

    def adopt_listeners(self, old: Store) -> None:
        """Take over the change listeners of ``old``, a store this one replaces (a restore
        reopens the database): whoever listened to it hears of this one's writes."""
        for listener in old._listeners:
            if listener not in self._listeners:
                self._listeners.append(listener)

    def notify(self, tables: set[str] | None = None) -> None:
        """Tell the listeners that ``tables`` changed (every table when None), for content
        replaced outside :meth:`write`, as a restore replaces it."""
        if tables is None:
            tables = {
                row[0]
                for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        for listener in list(self._listeners):
            listener(set(tables))

    # --- the one write path ---------------------------------------------

    def put(
        self,
        entity: E.Entity,
        row_id: str,
        values: dict[str, Any],
        *,
        insert: bool,
        local_only: bool = False,
    ) -> int:
        """Write ``values`` (normalized) to a row and record the change. Returns its HLC.

        Must run inside :meth:`write`. ``values`` may hold ``deleted``.
        """
        if self._depth == 0:
            raise RuntimeError("Store.put outside Store.write")
        hlc = self.clock.tick()
        self.dseq += 1
        stamp = hlc_to_iso(hlc)
        sql_values = {
            name: (value if name == "deleted" else E.to_sql(entity.field(name), value))
            for name, value in values.items()
        }
        if insert:
            cols = ["id", *sql_values, "created", "modified"]
            self.conn.execute(
                f"INSERT INTO [{entity.table}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})",
                [row_id, *sql_values.values(), stamp, stamp],
            )
        else:
            sets = ", ".join(f"[{c}] = ?" for c in sql_values)
            self.conn.execute(
                f"UPDATE [{entity.table}] SET {sets}, modified = ? WHERE id = ?",
                [*sql_values.values(), stamp, row_id],
            )
        self.conn.execute(
            "INSERT INTO changes (device, dseq, tbl, row_id, hlc, data, local_only) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                self.device_id,
                self.dseq,
                entity.table,
                row_id,
                hlc,
                _CHANGE_JSON.encode(values),
                int(local_only),
            ],
        )
        self._touched.add(entity.table)
        return hlc

    def put_many(
        self,
        entity: E.Entity,
        rows: list[tuple[str, dict[str, Any], bool]],
    ) -> None:
        """Insert many new rows (id, normalized values, local_only) and their change records.

        Two executemany calls, then one statement per index (see ``schema.BULK``).
        """
        if self._depth == 0:
            raise RuntimeError("Store.put_many outside Store.write")
        if not rows:
            return
        self.write_prepared(entity, self.prepare_many(entity, rows))

    def prepare_many(
        self, entity: E.Entity, rows: list[tuple[str, dict[str, Any], bool]]
    ) -> tuple[list[tuple], list[tuple]]:
        """The first half of :meth:`put_many`, all in Python: the table rows and the change
        records (with their sequence numbers and timestamps) that it writes. Inside a write:
        it takes sequence numbers, which a rollback gives back."""
        if self._depth == 0:
            raise RuntimeError("Store.prepare_many outside Store.write")
        names = entity.field_names
        lists = {f.name for f in entity.fields if f.kind == E.LIST}
        dumps = list_text
        change_json = _CHANGE_JSON.encode
        device = self.device_id
        table = entity.table
        tick = self.clock.tick
        stamp = hlc_to_iso(tick())
        insert_rows = []
        change_rows = []
        dseq = self.dseq
        for row_id, values, local_only in rows:
            dseq += 1
            get = values.get
            insert_rows.append(
                (
                    row_id,
                    *[dumps(get(n)) if n in lists else get(n) for n in names],
                    stamp,
                    stamp,
                )
            )
            change_rows.append(
                (
                    device,
                    dseq,
                    table,
                    row_id,
                    tick(),
                    change_json(values),
                    int(local_only),
                )
            )
        self.dseq = dseq
        return insert_rows, change_rows

    def write_prepared(self, entity: E.Entity, prepared: tuple[list[tuple], list[tuple]]) -> None:
        """The second half of :meth:`put_many`, all in SQLite: insert what
        :meth:`prepare_many` made, inside this write."""
        if self._depth == 0:
            raise RuntimeError("Store.write_prepared outside Store.write")
        insert_rows, change_rows = prepared
        self.expect_bulk()
        table = entity.table
        names = entity.field_names
        cols = ", ".join(f"[{c}]" for c in ("id", *names, "created", "modified"))
        marks = ", ".join("?" * (len(names) + 3))
        with bulk_indexing(self.conn, table):
            self.conn.executemany(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", insert_rows)
        self.conn.executemany(
            "INSERT INTO changes (device, dseq, tbl, row_id, hlc, data, local_only) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            change_rows,
        )
        self._touched.add(table)

    # --- reads ------------------------------------------------------------

    def row(self, entity: E.Entity, row_id: str) -> dict[str, Any] | None:
        cur = self.conn.execute(f"SELECT * FROM [{entity.table}] WHERE id = ?", [row_id])
        found = cur.fetchone()
        if found is None:
            return None
        return self.decode(entity, dict(zip([d[0] for d in cur.description], found, strict=True)))

    @staticmethod
    def decode(entity: E.Entity, raw: dict[str, Any]) -> dict[str, Any]:
        """A stored row as the API returns it (lists decoded, no internal rowid)."""
        raw.pop("rid", None)
        for f in entity.fields:
            if f.kind == E.LIST and f.name in raw:
                raw[f.name] = E.from_sql(f, raw[f.name])
        return raw

    def require(self, entity: E.Entity, row_id: str, *, include_deleted: bool = False) -> dict:
        found = self.row(entity, row_id)
        if found is None or (found["deleted"] and not include_deleted):
            raise NotFound(
                _("No %(entity)s with id %(id)s. List them with “fieldkit %(cmd)s list”.")
                % {"entity": _(entity.label).lower(), "id": row_id, "cmd": entity.name}
            )
        return found

    def exists(self, table: str, row_id: str) -> bool:
        return (
            self.conn.execute(
                f"SELECT 1 FROM [{table}] WHERE id = ? AND deleted = 0", [row_id]
            ).fetchone()
            is not None
        )

    def close(self) -> None:
        with contextlib.suppress(*DB_ERRORS):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work that makes many small objects
    which stay alive (it would walk them all again and again; they form no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def new_record_id() -> str:
    return new_id()


def chunked(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
