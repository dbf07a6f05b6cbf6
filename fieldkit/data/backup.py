"""Backups with SQLite's online backup API, kept in rotation."""

from __future__ import annotations

import datetime as _dt
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldkit.data.encryption import DB_ERRORS, connect_any
from fieldkit.errors import NotFound, StoreError
from fieldkit.i18n import N_, _

log = logging.getLogger(__name__)

KEEP = 10
_NAME = re.compile(r"^fieldkit-(\d{8}T\d{6}\d{6})-([a-z-]+)\.sqlite$")


def backup_database(
    conn: sqlite3.Connection,
    folder: Path,
    reason: str,
    passphrase: str | None = None,
    protect: Path | None = None,
) -> Path:
    """Copy the open database to ``folder`` (consistent even while in use); keep the last 10.

    The backup of an encrypted profile is encrypted under the same passphrase.
    """
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    reason = re.sub(r"[^a-z-]", "-", reason.lower()) or "manual"
    target = folder / f"fieldkit-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = connect_any(partial, passphrase)
    except (OSError, *DB_ERRORS) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(
            _(
                "No backup could be written in %(folder)s, so nothing was changed. Check that "
                "FieldKit may write in that folder and that the disk has free space."
            )
            % {"folder": folder}
        ) from exc
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    except DB_ERRORS as exc:
        dest.close()
        partial.unlink(missing_ok=True)
        raise StoreError(
            _("The backup could not be written (%(error)s). Check the free space.") % {"error": exc}
        ) from exc
    dest.close()
    partial.replace(target)
    log.info("backup written (%s)", reason)
    rotate(folder, protect=protect)
    return target


def list_backups(folder: Path) -> list[Path]:
    """Backups, newest first."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _NAME.match(p.name)), reverse=True)


REASONS: dict[str, str] = {
    "manual": N_("Made by hand"),
    "before-migration": N_("Before an update of the profile's format"),
    "before-import": N_("Before an import"),
    "before-restore": N_("Before a restore"),
    "before-sync": N_("Before a sync"),
    "before-passphrase-change": N_("Before a passphrase change"),
}
"""Why a backup was made (the end of its file name), and how that is said (translated
when shown)."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup as a person picks it: when (UTC), why (a :data:`REASONS` code) and its
    size in bytes."""

    path: Path
    made: _dt.datetime
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        """Why it was made, in the UI language (the code itself when FieldKit has no words
        for it)."""
        label = REASONS.get(self.reason)
        return _(label) if label else self.reason


def describe_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first, with when and why each was made and its
    size (one that disappears meanwhile, rotated away by another program, is left out)."""
    out = []
    for path in list_backups(folder):
        match = _NAME.match(path.name)
        try:
            size = path.stat().st_size
            made = _dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f")
        except (OSError, ValueError):
            continue
        out.append(BackupInfo(path, made.replace(tzinfo=_dt.UTC), match.group(2), size))
    return out


def rotate(folder: Path, keep: int = KEEP, protect: Path | None = None) -> None:
    """Delete all but the newest ``keep`` backups (never ``protect``, a backup being restored)."""
    for old in list_backups(folder)[keep:]:
        if protect is not None and old.resolve() == protect.resolve():
            continue
        old.unlink(missing_ok=True)


def check_backup(path: Path, passphrase: str | None = None) -> None:
    """Refuse a file that is not a sound FieldKit database."""
    if not path.is_file():
        raise NotFound(_("There is no backup at %(path)s.") % {"path": path})
    try:
        src = connect_any(path, passphrase, readonly=True)
        try:
            ok = src.execute("PRAGMA quick_check").fetchone()[0]
            has_changes = src.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'changes'"
            ).fetchone()
        finally:
            src.close()
    except DB_ERRORS:
        ok, has_changes = "error", None
    if ok != "ok" or not has_changes:
        raise StoreError(
            _("%(path)s is not a usable FieldKit backup; choose another one.") % {"path": path}
        )


def restore_into(
    conn: sqlite3.Connection,
    path: Path,
    passphrase: str | None = None,
    *,
    adjust: Callable[[sqlite3.Connection], None] | None = None,
    scratch: Path | None = None,
) -> None:
    """Replace the open database's content with the backup at ``path``.

    ``adjust`` changes the backup's content before it replaces the database's, in a copy
    made in the folder ``scratch``: the database takes the adjusted content in one step,
    never the backup's as it is."""
    check_backup(path, passphrase)
    src = connect_any(path, passphrase, readonly=True)
    try:
        if adjust is None:
            src.backup(conn)
        else:
            _adjusted_into(src, conn, passphrase, adjust, scratch or path.parent)
    finally:
        src.close()
    log.info("restored from a backup")


def _adjusted_into(
    src: sqlite3.Connection,
    conn: sqlite3.Connection,
    passphrase: str | None,
    adjust: Callable[[sqlite3.Connection], None],
    scratch: Path,
) -> None:
    scratch.mkdir(parents=True, exist_ok=True)
    copy = scratch / f".restore-{_dt.datetime.now(_dt.UTC).strftime('%Y%m%dT%H%M%S%f')}.partial"
    work = connect_any(copy, passphrase)
    try:
        src.backup(work)
        adjust(work)
        work.backup(conn)
    except DB_ERRORS as exc:
        from fieldkit.data.store import explain_sqlite_error

        db_file = conn.execute("PRAGMA database_list").fetchone()[2]
        raise explain_sqlite_error(exc, Path(db_file)) from exc
    finally:
        work.close()
        copy.unlink(missing_ok=True)
