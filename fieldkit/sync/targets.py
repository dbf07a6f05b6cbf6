"""Sync targets: the places this device syncs with (a folder, a USB stick, a WebDAV
server), kept in ``sync_targets``, their secrets in the keyring or encrypted storage."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.sync import credentials
from fieldkit.sync.errors import SyncError
from fieldkit.sync.transports import Transport
from fieldkit.sync.transports.folder import FolderTransport
from fieldkit.sync.transports.webdav import WebDAVTransport

FOLDER, WEBDAV = "folder", "webdav"
AUTO_CHOICES = ("off", "background", "ask")


@dataclass
class Target:
    """A configured place to sync with."""

    name: str
    kind: str
    location: str
    username: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    auto: str = "off"
    last_sync: str | None = None
    last_result: str | None = None

    @property
    def encrypt_to_hq(self) -> bool:
        return bool(self.options.get("encrypt_to_hq"))

    @property
    def outside(self) -> bool:
        """The target is outside the organisation (a partner NGO, a lawyer): what this device
        sends there is redacted (see :mod:`fieldkit.sync.outside`), and it relays nothing."""
        return bool(self.options.get("outside"))

    @property
    def include_restricted(self) -> bool:
        """For an outside target: the user chose to send restricted fields too."""
        return self.outside and bool(self.options.get("include_restricted"))


def target_from_location(location: str, name: str | None = None) -> Target:
    """An unsaved target for a folder path or an http(s) URL."""
    kind = WEBDAV if location.startswith(("http://", "https://")) else FOLDER
    if kind == FOLDER:
        location = str(Path(location).expanduser().resolve())
    return Target(name or location, kind, location)


def save_target(
    profile: Profile,
    target: Target,
    *,
    password: str | None = None,
    passphrase: str | None = None,
) -> None:
    """Remember a target; its password and passphrase go to the keyring or encrypted storage."""
    if target.auto not in AUTO_CHOICES:
        raise SyncError(
            _("“%(value)s” is not a choice (use one of: %(choices)s).")
            % {"value": target.auto, "choices": ", ".join(AUTO_CHOICES)}
        )
    with profile.store.write():
        profile.store.conn.execute(
            "INSERT INTO sync_targets(name, kind, location, username, options, auto) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, "
            "location = excluded.location, username = excluded.username, "
            "options = excluded.options, auto = excluded.auto",
            [
                target.name,
                target.kind,
                target.location,
                target.username,
                json.dumps(target.options),
                target.auto,
            ],
        )
    if password is not None:
        credentials.save_secret(profile, target.name, password)
    if passphrase is not None:
        credentials.save_secret(profile, f"{target.name}#passphrase", passphrase)


def targets(profile: Profile) -> list[Target]:
    cur = profile.store.conn.execute(
        "SELECT name, kind, location, username, options, auto, last_sync, last_result "
        "FROM sync_targets ORDER BY name"
    )
    return [
        Target(n, k, loc, u, json.loads(o or "{}"), a, ls, lr) for n, k, loc, u, o, a, ls, lr in cur
    ]


def get_target(profile: Profile, name_or_location: str) -> Target:
    """A saved target by name, else an unsaved one for a path or URL."""
    for target in targets(profile):
        if target.name == name_or_location:
            return target
    if name_or_location.startswith(("http://", "https://")) or Path(name_or_location).is_dir():
        return target_from_location(name_or_location)
    raise SyncError(
        _(
            "“%(target)s” is neither a saved sync target nor a folder or WebDAV address. "
            "List targets with “fieldkit sync --list”."
        )
        % {"target": name_or_location}
    )


def remove_target(profile: Profile, name: str) -> None:
    with profile.store.write():
        profile.store.conn.execute("DELETE FROM sync_targets WHERE name = ?", [name])
        profile.store.conn.execute("DELETE FROM sync_state WHERE target = ?", [name])
    credentials.forget_secret(profile, name)
    credentials.forget_secret(profile, f"{name}#passphrase")


def forget_all_targets(profile: Profile) -> int:
    """Remove every saved target with its password and passphrase (kept in the system keyring,
    outside the profile): what erasing a profile does first. Returns the number of targets."""
    names = [target.name for target in targets(profile)]
    for name in names:
        remove_target(profile, name)
    return len(names)


def transport_for(profile: Profile, target: Target, password: str | None = None) -> Transport:
    if target.kind == WEBDAV:
        secret = password if password is not None else credentials.load_secret(profile, target.name)
        return WebDAVTransport(target.location, target.username, secret)
    return FolderTransport(target.location)
