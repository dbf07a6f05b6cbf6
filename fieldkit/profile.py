"""The open organisation profile: the one object the CLI, the app and the tests use.

A profile is a folder: ``fieldkit.db`` (the store), ``attachments/`` (files by
SHA-256), ``backups/`` and ``logs/``. Profiles live in the platform's data
folder unless a path is given.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import logging
import mimetypes
import os
from pathlib import Path
from typing import Any

import platformdirs

from fieldkit import audit
from fieldkit.data import encryption, sequence
from fieldkit.data import entities as E
from fieldkit.data import search as _search
from fieldkit.data.backup import (
    BackupInfo,
    backup_database,
    describe_backups,
    list_backups,
    restore_into,
)
from fieldkit.data.records import Records
from fieldkit.data.store import Store, read_only_error
from fieldkit.errors import FieldKitError, NotFound, StoreError
from fieldkit.i18n import _

log = logging.getLogger(__name__)

DB_NAME = "fieldkit.db"
APP_NAME = "FieldKit"


def data_dir() -> Path:
    """The platform data folder (``FIELDKIT_DATA_DIR`` overrides it)."""
    override = os.environ.get("FIELDKIT_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_profile_path() -> Path:
    override = os.environ.get("FIELDKIT_PROFILE")
    return Path(override) if override else data_dir() / "profiles" / "default"


class Profile:
    """An open profile. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, store: Store):
        self.path = path
        self.store = store
        self.contacts = Records(store, E.CONTACTS)
        self.campaigns = Records(store, E.CAMPAIGNS)
        self.campaign_targets = Records(store, E.CAMPAIGN_TARGETS)
        self.campaign_updates = Records(store, E.CAMPAIGN_UPDATES)
        self.outreach = Records(store, E.OUTREACH)
        self.materials = Records(store, E.MATERIALS)
        self.laws = Records(store, E.LAWS)
        self.attachments = Records(store, E.ATTACHMENTS)

    # --- opening ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        create: bool = False,
        passphrase: str | None = None,
    ) -> Profile:
        """Open the profile folder at ``path`` (the default profile if None).

        Without ``create``, a folder with no database is an error that says
        how to make one. An encrypted profile needs its ``passphrase``.
        """
        path = Path(path) if path else default_profile_path()
        db_path = path / DB_NAME
        encryption.check_can_open(db_path, passphrase)
        if not db_path.exists():
            if not create:
                raise NotFound(
                    _(
                        "There is no FieldKit profile at %(path)s. Create one with "
                        "“fieldkit init” or pick another with --profile."
                    )
                    % {"path": path}
                )
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    _("Cannot create the profile folder %(path)s (%(error)s).")
                    % {"path": path, "error": exc.strerror}
                ) from exc
        elif not os.access(db_path, os.W_OK) or not os.access(path, os.W_OK):
            # Refused for reading too: opening migrates, and SQLite's WAL mode needs to
            # write beside the file. The message says how to get a copy that works.
            raise read_only_error(path)
        return cls(path, Store(db_path, passphrase))

    @classmethod
    def create(
        cls,
        path: Path | str | None = None,
        *,
        organization: str = "",
        device_name: str = "",
        language: str = "en",
        country: str = "",
        passphrase: str | None = None,
    ) -> Profile:
        """Create a new profile (an error if one is already there).

        With a ``passphrase`` the profile is encrypted at rest (recommended).
        """
        path = Path(path) if path else default_profile_path()
        if (path / DB_NAME).exists():
            raise FieldKitError(
                _("A profile already exists at %(path)s; nothing was changed.") % {"path": path}
            )
        if country:
            E.normalize(E.CONTACTS, {"name": "-", "country": country}, partial=True)
        if passphrase is not None:
            encryption.check_new_passphrase(passphrase)
        profile = cls.open(path, create=True, passphrase=passphrase)
        profile.set_settings(
            organization=organization,
            device_name=device_name or _hostname(),
            language=language,
            default_country=country.upper(),
            created=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        )
        return profile

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- settings (local to this device) ----------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.meta(f"setting.{key}", default)

    def set_settings(self, **values: Any) -> None:
        with self.store.write():
            for key, value in values.items():
                self.store.set_meta(f"setting.{key}", None if value is None else str(value))

    @property
    def device_id(self) -> str:
        return self.store.device_id

    @property
    def db_path(self) -> Path:
        return self.store.path

    def records(self, entity: str) -> Records:
        """The records of an entity by name (``"contacts"``…)."""
        try:
            return getattr(self, E.ENTITIES[entity].name)
        except KeyError:
            raise NotFound(_("Unknown kind of record: %(name)s") % {"name": entity}) from None

    # --- search ---------------------------------------------------------------

    def search(self, text: str, **filters: Any) -> list[_search.Hit]:
        """Ranked matches across contacts, campaigns, materials and laws."""
        return _search.search(self.store.conn, text, **filters)

    # --- campaigns --------------------------------------------------------------

    def add_target(
        self, campaign_id: str, contact_id: str, role: str = "", *, id: str | None = None
    ) -> str:
        return self.campaign_targets.add(
            {"campaign_id": campaign_id, "contact_id": contact_id, "role": role}, id=id
        )

    def targets(self, campaign_id: str) -> list[dict[str, Any]]:
        """The campaign's target contacts (each with ``target_id`` and ``role``)."""
        self.campaigns.get(campaign_id)
        out = []
        for link in self.campaign_targets.list({"campaign_id": campaign_id}, order_by="created"):
            try:
                contact = self.contacts.get(link["contact_id"])
            except NotFound:
                continue
            out.append({**contact, "target_id": link["id"], "role": link["role"]})
        return out

    def timeline(self, campaign_id: str) -> list[dict[str, Any]]:
        self.campaigns.get(campaign_id)
        return self.campaign_updates.list({"campaign_id": campaign_id}, order_by="date")

    def add_update(self, campaign_id: str, date: str, text: str, *, id: str | None = None) -> str:
        return self.campaign_updates.add(
            {"campaign_id": campaign_id, "date": date, "text": text}, id=id
        )

    def follow_ups(self, until: str | None = None) -> list[dict[str, Any]]:
        """Outreach with a follow-up date on or before ``until`` (default: any), soonest first."""
        return self.outreach.list(
            {"follow_up": ("<=", until or "9999-12-31")}, order_by="follow_up"
        )

    def translations(self, entity: str, row_id: str) -> list[dict[str, Any]]:
        """All language versions of a material or law (itself included)."""
        records = self.records(entity)
        row = records.get(row_id)
        if not row.get("group_id"):
            return [row]
        return records.list({"group_id": row["group_id"]}, order_by="lang")

    # --- attachments --------------------------------------------------------------

    @property
    def attachments_dir(self) -> Path:
        return self.path / "attachments"

    def attach(self, source: Path | str, owner_id: str | None = None, name: str = "") -> str:
        """Store a file once by SHA-256 and record it; returns the attachment id."""
        source = Path(source)
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise NotFound(
                _("Cannot read %(path)s (%(error)s).") % {"path": source, "error": exc.strerror}
            ) from exc
        return self.attach_bytes(data, name or source.name, owner_id)

    def attach_bytes(self, data: bytes, name: str, owner_id: str | None = None) -> str:
        digest = self.write_blob(data)
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return self.attachments.add(
            {"sha256": digest, "name": name, "mime": mime, "size": len(data), "owner_id": owner_id}
        )

    def blob_path(self, sha256: str) -> Path:
        """Where a file's content lives (sealed in an encrypted profile: use read_blob)."""
        return self.attachments_dir / sha256[:2] / sha256

    def write_blob(self, data: bytes) -> str:
        """Store file content once by SHA-256 (encrypted in an encrypted profile); its hash.
        Inside a write transaction, a file it adds is taken away again if the
        transaction rolls back (a cancelled import leaves no photo behind).
        """
        digest = hashlib.sha256(data).hexdigest()
        blob = self.blob_path(digest)
        if not blob.exists():
            new_folder = not blob.parent.exists()
            blob.parent.mkdir(parents=True, exist_ok=True)
            partial = blob.with_suffix(".partial")
            key = self._blob_key()
            try:
                partial.write_bytes(encryption.seal(key, data, digest) if key else data)
                partial.replace(blob)
            except OSError:
                partial.unlink(missing_ok=True)
                raise
            self.store.on_rollback(lambda: _remove_blob(blob, new_folder))
        return digest

    def read_blob(self, sha256: str) -> bytes | None:
        """The plain content stored under ``sha256``; None when it is not on this device."""
        try:
            data = self.blob_path(sha256).read_bytes()
        except OSError:
            return None
        key = self._blob_key()
        if not key:
            return data
        damaged = _("An attachment file is damaged or was not written by this profile.")
        return encryption.unseal(key, data, sha256, damaged)

    def attachment_bytes(self, attachment_id: str) -> bytes:
        row = self.attachments.get(attachment_id)
        data = self.read_blob(row["sha256"])
        if data is None:
            raise NotFound(
                _("The file of attachment %(name)s is missing from this device.")
                % {"name": row["name"]}
            )
        return data

    def seal_file(self, data: bytes, purpose: str) -> bytes:
        """``data`` as kept in a file under the profile folder: encrypted (AES-256-GCM, with
        the attachment key) in an encrypted profile, as it is otherwise. ``purpose`` (such
        as ``"sync"``) is bound to it: a file sealed for one use does not open for another."""
        key = self._blob_key()
        return encryption.seal(key, data, encryption.file_aad(purpose)) if key else data

    def open_file(self, data: bytes, purpose: str, damaged: str) -> bytes:
        """The content of a file written with :meth:`seal_file` (a file written before the
        profile was encrypted is read as it is). ``damaged`` is the message of the
        :class:`~fieldkit.data.encryption.DamagedFile` raised when it does not open: it
        names the file and says what to do."""
        key = self._blob_key()
        if key and data.startswith(encryption.BLOB_MAGIC):
            return encryption.unseal(key, data, encryption.file_aad(purpose), damaged)
        return data

    def _blob_key(self) -> bytes | None:
        """The attachment key of an encrypted profile (kept inside the encrypted store)."""
        if self.store.passphrase is None:
            return None
        return encryption.blob_key(self.store)

    # --- backups ------------------------------------------------------------------

    @property
    def backups_dir(self) -> Path:
        return self.path / "backups"

    def backup(self, reason: str = "manual", *, protect: Path | None = None) -> Path:
        return backup_database(
            self.store.conn, self.backups_dir, reason, self.store.passphrase, protect=protect
        )

    def backups(self) -> list[Path]:
        return list_backups(self.backups_dir)

    def backup_details(self) -> list[BackupInfo]:
        """The backups, newest first, with when and why each was made and its size."""
        return describe_backups(self.backups_dir)

    def restore(self, backup: Path | str | None = None) -> Path:
        """Replace the content with a backup (the newest if None); the current state is
        backed up first, so a restore can itself be undone."""
        candidates = self.backups()
        if backup is None:
            if not candidates:
                raise NotFound(
                    _("This profile has no backups yet; make one with “fieldkit backup”.")
                )
            backup = candidates[0]
        backup = Path(backup)
        if not backup.is_absolute() and not backup.exists():
            backup = self.backups_dir / backup
        from fieldkit.data.backup import check_backup

        passphrase = self.store.passphrase
        check_backup(backup, passphrase)
        safety = self.backup("before-restore", protect=backup)
        if safety.resolve() == backup.resolve():
            raise StoreError(_("Cannot restore the backup that was just made."))
        kept = audit.entries(self.store)
        # The restored store numbers its changes after every number used before, and knows
        # which of its changes it no longer holds (see fieldkit.data.sequence): other
        # devices key changes by device and number, and would skip a number used twice.
        before = sequence.reached(self.store.conn)
        restore_into(
            self.store.conn,
            backup,
            passphrase,
            adjust=lambda conn: sequence.carry_over(conn, before),
            scratch=self.backups_dir,
        )
        path, replaced = self.path, self.store
        replaced.close()
        self.__init__(path, Store(path / DB_NAME, passphrase))
        # Whoever listened to the replaced store (the app's lists) hears of this one's
        # writes, and learns that every table changed.
        self.store.adopt_listeners(replaced)
        self._note_restored_epoch()
        audit.keep_after_restore(self.store, kept)
        audit.record(self.store, "restore")
        self.store.notify()
        return backup

    def _note_restored_epoch(self) -> None:
        """What this device has seen, for the changes it makes after a restore: what the
        backup held, not what the replaced store had seen when it made the same numbers'
        changes (those epochs come back with those changes, from the devices holding them)."""
        from fieldkit.sync.merge import record_epoch

        store = self.store
        restored = store.conn.execute(
            "SELECT coalesce(max(dseq), 0) FROM changes WHERE device = ?", [store.device_id]
        ).fetchone()[0]
        with store.write():
            store.conn.execute(
                "DELETE FROM sync_epochs WHERE device = ? AND start > ?",
                [store.device_id, restored],
            )
            record_epoch(store)

    # --- overview -------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts per entity, pending changes, backups and the file size."""
        counts = {name: self.records(name).count() for name in E.ENTITIES}
        conn = self.store.conn
        return {
            "organization": self.setting("organization") or "",
            "device": self.setting("device_name") or "",
            "device_id": self.device_id,
            "counts": counts,
            "deleted": {
                name: self.records(name).count(include_deleted=True) - counts[name]
                for name in E.ENTITIES
            },
            "changes": conn.execute("SELECT count(*) FROM changes").fetchone()[0],
            "conflicts": conn.execute(
                "SELECT count(*) FROM conflicts WHERE resolved IS NULL"
            ).fetchone()[0],
            "backups": len(self.backups()),
            "size_bytes": self.db_path.stat().st_size,
        }


def _remove_blob(blob: Path, with_folder: bool) -> None:
    blob.unlink(missing_ok=True)
    if with_folder:
        with contextlib.suppress(OSError):
            blob.parent.rmdir()  # only when empty: another writer may have used it


def _hostname() -> str:
    import socket

    return socket.gethostname()
