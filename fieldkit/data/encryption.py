"""Encryption at rest: SQLCipher for the store and its backups, AES-GCM for attachments.

A profile created with a passphrase keeps its database (and its write-ahead
log) encrypted by SQLCipher 4 through ``sqlcipher3``; the passphrase goes
through SQLCipher's own key derivation (PBKDF2-HMAC-SHA512, 256,000
iterations) with a random salt in the file. Backups are SQLCipher files under
the same passphrase. Attachments are sealed with AES-256-GCM under a random
key kept inside the encrypted database (``meta``), so changing the passphrase
never has to rewrite them.

Wrong passphrases are counted in a small file in the profile folder; after
:data:`MAX_TRIES` failures within :data:`WINDOW_SECONDS` further tries are
refused until the window has passed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Any

import sqlcipher3

from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, ngettext

log = logging.getLogger(__name__)

DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
"""What either SQLite binding raises; catch this rather than ``sqlite3.Error``."""

MIN_LENGTH = 8
CACHE_KIB = 65_536
MAX_TRIES = 5
ERASE_WORD = "ERASE"  # typed to confirm erasing a profile (the command and the app ask for it)
WINDOW_SECONDS = 60
ATTEMPTS_FILE = "unlock-attempts.json"
SQLITE_HEADER = b"SQLite format 3\x00"
BLOB_MAGIC = b"FKA1"
SYNC_FILES = "sync"  # the purpose the files of a profile's sync folders are sealed for


def file_aad(purpose: str) -> str:
    """What a file sealed for ``purpose`` is bound to (see ``Profile.seal_file``)."""
    return f"fieldkit:{purpose}"


BLOB_KEY_META = "attachment_key"
_NONCE = 12


class DamagedFile(FieldKitError):
    """A sealed file (an attachment, a file of the sync folder) that does not open: damaged,
    or sealed by another profile. Its message names the file and says what to do."""


class PassphraseError(FieldKitError):
    """A passphrase problem: missing, wrong, too weak, or too many tries."""


class PassphraseRequired(PassphraseError):
    """The profile is encrypted and no passphrase was given."""


class WrongPassphrase(PassphraseError):
    """The passphrase does not open the profile."""


class TooManyAttempts(PassphraseError):
    """Too many wrong passphrases in the last minute."""


class WeakPassphrase(PassphraseError):
    """A new passphrase that is too short or unusable."""


# --- detecting ---------------------------------------------------------------


def is_encrypted(db_path: Path) -> bool:
    """True when the file exists and does not start with the plain SQLite header."""
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return len(head) > 0 and head != SQLITE_HEADER


def check_can_open(db_path: Path, passphrase: str | None) -> None:
    """Refuse early, with a clear message, a passphrase missing or given for no reason."""
    if not db_path.exists():
        return
    encrypted = is_encrypted(db_path)
    if encrypted and passphrase is None:
        raise PassphraseRequired(
            _(
                "The profile at %(path)s is protected by a passphrase. Enter it "
                "(or set FIELDKIT_PASSPHRASE for scripts)."
            )
            % {"path": db_path.parent}
        )
    if not encrypted and passphrase is not None:
        raise PassphraseError(
            _(
                "The profile at %(path)s is not protected by a passphrase; open it without "
                "one, or protect it with “fieldkit passphrase set”."
            )
            % {"path": db_path.parent}
        )


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is too short or cannot be stored."""
    if "\x00" in passphrase:
        raise WeakPassphrase(_("A passphrase cannot contain a NUL character."))
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase(
            ngettext(
                "The passphrase must be at least %(n)d character long.",
                "The passphrase must be at least %(n)d characters long.",
                MIN_LENGTH,
            )
            % {"n": MIN_LENGTH}
        )


def _quote(passphrase: str) -> str:
    # PRAGMA key takes no bound parameters: quote it as an SQL string literal.
    if "\x00" in passphrase:
        raise WrongPassphrase(_("The passphrase is not correct."))
    return "'" + _nfc(passphrase).replace("'", "''") + "'"


def _nfc(passphrase: str) -> str:
    # "é" typed on one system may arrive decomposed on another: the same passphrase.
    return unicodedata.normalize("NFC", passphrase)


# --- connections ---------------------------------------------------------------


def connect_encrypted(path: Path, passphrase: str, *, readonly: bool = False) -> Any:
    """An SQLCipher connection keyed with ``passphrase`` (the key pragma comes first).

    The key is not checked here: the first read of an existing file fails with
    "file is not a database" when it is wrong. Use :func:`unlock` to check.
    """
    if readonly:
        conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=10)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


def connect_any(path: Path, passphrase: str | None, *, readonly: bool = False) -> Any:
    """A plain ``sqlite3`` connection, or an SQLCipher one when there is a passphrase."""
    if passphrase is not None:
        return connect_encrypted(path, passphrase, readonly=readonly)
    if readonly:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite3.connect(str(path), check_same_thread=False, timeout=10)


def unlock(db_path: Path, passphrase: str) -> Any:
    """Open the encrypted store at ``db_path``, checking the passphrase and the try limit."""
    attempts = Attempts(db_path.parent)
    attempts.check()
    conn = connect_encrypted(db_path, passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" not in str(exc).lower():
            raise
        attempts.failed()
        log.info("wrong passphrase for a profile")
        raise WrongPassphrase(
            _(
                "The passphrase is not correct. Check the keyboard layout and Caps Lock, "
                "then try again."
            )
        ) from None
    attempts.clear()
    # Every page read from the file is decrypted and authenticated: a larger page
    # cache keeps the pages that searches touch decrypted in memory.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # Temporary files (sorts, index builds) would be encrypted too: keep them in memory.
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


class Attempts:
    """Wrong-passphrase tries, remembered in a small file in the profile folder."""

    def __init__(self, folder: Path, *, now=time.time):
        self.path = Path(folder) / ATTEMPTS_FILE
        self._now = now

    def _recent(self) -> list[float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            stamps = [float(t) for t in data.get("failures", [])]
        except (OSError, ValueError, TypeError, AttributeError):
            return []
        cutoff = self._now() - WINDOW_SECONDS
        return [t for t in stamps if t > cutoff]

    def wait_seconds(self) -> int:
        """Seconds until another try is allowed (0: allowed now)."""
        recent = self._recent()
        if len(recent) < MAX_TRIES:
            return 0
        return max(1, int(sorted(recent)[-MAX_TRIES] + WINDOW_SECONDS - self._now()) + 1)

    def check(self) -> None:
        wait = self.wait_seconds()
        if wait:
            raise TooManyAttempts(
                ngettext(
                    "Too many wrong passphrases. Wait %(n)d second before trying again.",
                    "Too many wrong passphrases. Wait %(n)d seconds before trying again.",
                    wait,
                )
                % {"n": wait}
            )

    def failed(self) -> None:
        stamps = [*self._recent(), self._now()]
        self._write({"failures": stamps[-MAX_TRIES * 2 :]})

    def clear(self) -> None:
        if self.path.exists():
            self.path.unlink(missing_ok=True)

    def _write(self, data: dict) -> None:
        partial = self.path.with_suffix(".partial")
        try:
            partial.write_text(json.dumps(data), encoding="utf-8")
            partial.replace(self.path)
        except OSError:
            log.warning("cannot record a wrong passphrase try")


# --- changing the passphrase --------------------------------------------------------


def rekey(conn: Any, new_passphrase: str) -> None:
    """Re-encrypt the open SQLCipher database under ``new_passphrase``."""
    conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")


def rekey_file(path: Path, old: str, new: str) -> bool:
    """Re-encrypt a closed file (a backup); False when ``old`` does not open it."""
    conn = connect_encrypted(path, old)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        rekey(conn, new)
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def encrypt_copy(plain_path: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the plain SQLite file ``plain_path`` to ``target``."""
    conn = sqlcipher3.connect(str(plain_path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"ATTACH DATABASE ? AS enc KEY {_quote(passphrase)}", [str(target)])
        conn.execute("SELECT sqlcipher_export('enc')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()


# --- attachments ------------------------------------------------------------------


def blob_key(store: Any) -> bytes:
    """The attachment key kept in the encrypted store's local ``meta`` (made on first use)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    value = store.meta(BLOB_KEY_META)
    if not value:
        value = AESGCM.generate_key(bit_length=256).hex()
        with store.write():
            store.set_meta(BLOB_KEY_META, value)
    return bytes.fromhex(value)


def seal(key: bytes, data: bytes, aad: str) -> bytes:
    """Encrypt a file; ``aad`` (an attachment's content hash, or :func:`file_aad`) is bound
    to it as associated data."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE)
    return BLOB_MAGIC + nonce + AESGCM(key).encrypt(nonce, data, aad.encode())


def unseal(key: bytes, blob: bytes, aad: str, damaged: str) -> bytes:
    """Decrypt a file sealed by :func:`seal` for ``aad`` (an attachment's hash, or
    :func:`file_aad`). When it was tampered with, damaged or sealed by another profile,
    :class:`DamagedFile` says ``damaged``: a message that names the file and what to do."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not blob.startswith(BLOB_MAGIC) and hashlib.sha256(blob).hexdigest() == aad:
        return blob  # an attachment left plain by an interrupted "passphrase set": same content
    if not blob.startswith(BLOB_MAGIC) or len(blob) < len(BLOB_MAGIC) + _NONCE + 16:
        raise DamagedFile(damaged)
    nonce = blob[len(BLOB_MAGIC) : len(BLOB_MAGIC) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(BLOB_MAGIC) + _NONCE :], aad.encode())
    except InvalidTag:
        raise DamagedFile(damaged) from None


# --- profile-level operations ------------------------------------------------------


def verify_passphrase(profile: Any, passphrase: str, message: str | None = None) -> None:
    """Check a passphrase against the open profile's (to unlock the app), with the try limit.

    A profile without a passphrase accepts anything.
    """
    expected = profile.store.passphrase
    if expected is None:
        return
    attempts = Attempts(profile.path)
    attempts.check()
    if not hmac.compare_digest(_nfc(passphrase).encode(), _nfc(expected).encode()):
        attempts.failed()
        log.info("wrong passphrase to unlock")
        raise WrongPassphrase(message or _("The passphrase is not correct."))
    attempts.clear()


def change_passphrase(profile: Any, old: str, new: str) -> int:
    """Change the passphrase of an open encrypted profile; returns how many backups followed.

    A backup is taken first; then the store is re-encrypted (``PRAGMA rekey``)
    and so is every backup, so the old passphrase opens nothing any more.
    """
    from fieldkit import audit

    store = profile.store
    if store.passphrase is None:
        raise PassphraseError(
            _(
                "This profile is not protected by a passphrase yet; protect it with "
                "“fieldkit passphrase set”."
            )
        )
    verify_passphrase(
        profile, old, _("The current passphrase is not correct; nothing was changed.")
    )
    check_new_passphrase(new)
    profile.backup("before-passphrase-change")
    try:
        rekey(store.conn, new)
    except DB_ERRORS as exc:
        from fieldkit.data.store import explain_sqlite_error

        raise explain_sqlite_error(exc, store.path) from exc
    store.passphrase = new
    moved = sum(rekey_file(b, old, new) for b in profile.backups())
    audit.record(store, "passphrase-change", backups=moved)
    log.info("passphrase changed; %d backup(s) re-encrypted", moved)
    return moved


def protect(folder: Path, db_name: str, passphrase: str) -> None:
    """Encrypt a closed, unencrypted profile in place: its store, attachments, backups and
    the bundles waiting in its sync folders.

    Each file is replaced atomically by its encrypted copy, so an interruption
    leaves every file either plain or encrypted, and running it again finishes.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from fieldkit.data.backup import list_backups

    check_new_passphrase(passphrase)
    db_path = folder / db_name
    if is_encrypted(db_path):
        raise PassphraseError(_("This profile is already protected by a passphrase."))
    plain = sqlite3.connect(str(db_path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    for path in [*list_backups(folder / "backups"), db_path]:
        if is_encrypted(path):
            continue
        partial = path.with_name(path.name + ".encrypting")
        partial.unlink(missing_ok=True)
        encrypt_copy(path, partial, passphrase)
        partial.replace(path)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    conn = unlock(db_path, passphrase)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [BLOB_KEY_META]).fetchone()
        key = bytes.fromhex(row[0]) if row else AESGCM.generate_key(bit_length=256)
        if not row:
            with conn:
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?)", [BLOB_KEY_META, key.hex()]
                )
    finally:
        conn.close()
    blobs = folder / "attachments"
    if blobs.is_dir():
        for blob in blobs.glob("*/*"):
            if blob.suffix or not blob.is_file():
                continue
            data = blob.read_bytes()
            if data.startswith(BLOB_MAGIC):
                continue
            partial = blob.with_suffix(".partial")
            partial.write_bytes(seal(key, data, blob.name))
            partial.replace(blob)
    for path in sorted((folder / "sync").glob("*/*")):  # bundles waiting to be synced
        if path.name.startswith(".") or not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(BLOB_MAGIC):
            continue
        partial = path.with_name(f".{path.name}.partial")
        partial.write_bytes(seal(key, data, file_aad(SYNC_FILES)))
        partial.replace(path)


def erase_profile(folder: Path) -> int:
    """Remove a profile folder: store, keys, attachments, backups, logs. Returns files removed.

    Files are overwritten with zeros before they are removed; on flash storage
    that is not a guarantee (see docs/security.md), which is why encryption
    matters more than erasure.
    """
    removed = 0
    if not folder.exists():
        return 0
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            if path.is_file() and not path.is_symlink():
                size = path.stat().st_size
                with open(path, "r+b") as fh:
                    remaining = size
                    while remaining > 0:
                        chunk = min(remaining, 1 << 20)
                        fh.write(b"\0" * chunk)
                        remaining -= chunk
                    fh.flush()
                    os.fsync(fh.fileno())
                path.unlink()
                removed += 1
            elif path.is_symlink():
                path.unlink()
            elif path.is_dir():
                path.rmdir()
        except OSError as exc:
            raise FieldKitError(
                _("Could not remove %(path)s (%(error)s); close FieldKit and try again.")
                % {"path": path, "error": exc.strerror}
            ) from exc
    folder.rmdir()
    log.info("profile erased: %d file(s)", removed)
    return removed
