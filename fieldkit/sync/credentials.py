"""Passwords of sync targets: the system keyring where one works, otherwise encrypted.

Without a usable keyring the secret is encrypted (Fernet, from the
``cryptography`` package) with a key kept in a file readable only by the
user in the FieldKit data folder, outside the profile: a copied profile
database does not reveal the password. Never stored in plain text.
"""

from __future__ import annotations

import logging
import os

from cryptography.fernet import Fernet, InvalidToken

from fieldkit.profile import Profile, data_dir

log = logging.getLogger(__name__)

SERVICE = "FieldKit sync"
_KEYRING, _FERNET = "keyring", "fernet:"


# Backends below this priority are keyring's last resorts, such as keyrings.alt's files that
# hold passwords in plain text or under a fixed key: the encrypted fallback below is better.
_MIN_PRIORITY = 1


def _keyring():
    """The keyring module when a system keyring is available, else None."""
    if os.environ.get("FIELDKIT_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < _MIN_PRIORITY:
            return None
        return keyring
    except Exception:  # noqa: BLE001 - any keyring trouble means "no keyring"
        return None


def _fernet() -> Fernet:
    path = data_dir() / "keys" / "credentials.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def _account(profile: Profile, name: str) -> str:
    return f"{profile.device_id}:{name}"


def save_secret(profile: Profile, name: str, secret: str) -> str:
    """Keep ``secret`` for target ``name``; returns where ("keyring" or "encrypted")."""
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, _account(profile, name), secret)
            profile.store.set_meta(f"sync.secret.{name}", _KEYRING)
            return "keyring"
        except Exception:  # noqa: BLE001
            log.info("keyring refused the secret; keeping it encrypted in the profile")
    token = _fernet().encrypt(secret.encode()).decode()
    profile.store.set_meta(f"sync.secret.{name}", _FERNET + token)
    return "encrypted"


def load_secret(profile: Profile, name: str) -> str | None:
    stored = profile.store.meta(f"sync.secret.{name}")
    if stored is None:
        return None
    if stored == _KEYRING:
        ring = _keyring()
        return ring.get_password(SERVICE, _account(profile, name)) if ring else None
    try:
        return _fernet().decrypt(stored.removeprefix(_FERNET).encode()).decode()
    except (InvalidToken, OSError, ValueError):
        log.info("stored secret for a target cannot be decrypted on this machine")
        return None


def forget_secret(profile: Profile, name: str) -> None:
    stored = profile.store.meta(f"sync.secret.{name}")
    if stored == _KEYRING and (ring := _keyring()) is not None:
        try:
            ring.delete_password(SERVICE, _account(profile, name))
        except Exception:  # noqa: BLE001
            log.info("keyring could not delete a secret")
    profile.store.set_meta(f"sync.secret.{name}", None)
