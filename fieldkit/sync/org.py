"""The organisation, its devices, enrolment files and revocations.

Headquarters holds the organisation's signing key. It issues each device a
*certificate* (the device id, name, role and Ed25519 public key, signed by
the organisation) inside an *enrolment file*, which also carries the
device's private key. A revocation is a statement signed by the
organisation; it travels in every bundle, so it reaches every device.
Keys are kept in the profile's local ``meta`` table, which never syncs.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
from dataclasses import dataclass
from typing import Any

import pyrage

from fieldkit.data.clock import new_id
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.sync.errors import SyncError
from fieldkit.sync.keys import SigningKey, verify_object

log = logging.getLogger(__name__)

ENROLMENT_FORMAT = "fieldkit-enrolment"
ENROLMENT_VERSION = 1
HQ, DEVICE = "hq", "device"


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Org:
    """The public part of an organisation, known to every member device."""

    id: str
    name: str
    public_key: str
    age_recipient: str

    def as_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "public_key": self.public_key,
            "age_recipient": self.age_recipient,
        }


def current_org(profile: Profile) -> Org | None:
    raw = profile.store.meta("sync.org")
    return Org(**json.loads(raw)) if raw else None


def require_org(profile: Profile) -> Org:
    org = current_org(profile)
    if org is None:
        raise SyncError(
            _(
                "This profile does not belong to an organisation yet. Join one with "
                "“fieldkit org join FILE” (an enrolment file from headquarters), or create "
                "one with “fieldkit org create”."
            )
        )
    return org


def device_key(profile: Profile) -> SigningKey:
    require_org(profile)
    return SigningKey.from_text(profile.store.meta("sync.device_key") or "")


def device_cert(profile: Profile) -> dict[str, Any]:
    require_org(profile)
    return json.loads(profile.store.meta("sync.cert") or "{}")


def is_hq(profile: Profile) -> bool:
    return profile.store.meta("sync.org_key") is not None


def age_identity(profile: Profile) -> pyrage.x25519.Identity | None:
    """Headquarters' decryption identity (None on other devices)."""
    text = profile.store.meta("sync.age_identity")
    return pyrage.x25519.Identity.from_str(text) if text else None


def _org_key(profile: Profile) -> SigningKey:
    text = profile.store.meta("sync.org_key")
    if text is None:
        raise SyncError(
            _("Only headquarters can do this: this device does not hold the organisation's key.")
        )
    return SigningKey.from_text(text)


def make_cert(org_key: SigningKey, org: Org, device: str, name: str, role: str, public: str):
    return org_key.sign_object(
        {
            "org": org.id,
            "device": device,
            "name": name,
            "role": role,
            "public_key": public,
            "issued": now_iso(),
        }
    )


def remember_device(profile: Profile, cert: dict[str, Any]) -> None:
    profile.store.conn.execute(
        "INSERT INTO sync_devices(device, name, role, public_key, cert) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(device) DO UPDATE SET name = excluded.name, role = excluded.role, "
        "public_key = excluded.public_key, cert = excluded.cert",
        [cert["device"], cert["name"], cert["role"], cert["public_key"], json.dumps(cert)],
    )


def _check_no_org(profile: Profile) -> None:
    org = current_org(profile)
    if org is not None:
        raise SyncError(
            _("This profile already belongs to the organisation “%(name)s”; nothing was changed.")
            % {"name": org.name}
        )


def create_org(profile: Profile, name: str) -> Org:
    """Make this device headquarters of a new organisation."""
    _check_no_org(profile)
    org_key = SigningKey.generate()
    identity = pyrage.x25519.Identity.generate()
    org = Org(new_id(), name, org_key.public_text, str(identity.to_public()))
    key = SigningKey.generate()
    device_name = profile.setting("device_name") or ""
    cert = make_cert(org_key, org, profile.device_id, device_name, HQ, key.public_text)
    store = profile.store
    with store.write():
        store.set_meta("sync.org", json.dumps(org.as_dict()))
        store.set_meta("sync.org_key", org_key.to_text())
        store.set_meta("sync.age_identity", str(identity))
        store.set_meta("sync.device_key", key.to_text())
        store.set_meta("sync.cert", json.dumps(cert))
        remember_device(profile, cert)
    log.info("organisation created")
    return org


def issue_enrolment(
    profile: Profile, device_name: str, *, role: str = DEVICE, passphrase: str | None = None
) -> bytes:
    """Headquarters: an enrolment file for a new device (optionally passphrase-protected)."""
    org = require_org(profile)
    org_key = _org_key(profile)
    key = SigningKey.generate()
    device = new_id()
    cert = make_cert(org_key, org, device, device_name, role, key.public_text)
    with profile.store.write():
        remember_device(profile, cert)
    body = {
        "format": ENROLMENT_FORMAT,
        "version": ENROLMENT_VERSION,
        "org": org.as_dict(),
        "cert": cert,
        "device_key": key.to_text(),
    }
    data = json.dumps(body, indent=2).encode()
    log.info("enrolment issued for device %s", device)
    return pyrage.passphrase.encrypt(data, passphrase) if passphrase else data


def read_enrolment(data: bytes, passphrase: str | None = None) -> dict[str, Any]:
    """Decrypt (if needed) and check an enrolment file."""
    from fieldkit.sync.bundle import decrypt_layers

    data = decrypt_layers(data, passphrase=passphrase, identity=None)
    try:
        body = json.loads(data)
        if body.get("format") != ENROLMENT_FORMAT:
            raise ValueError
        org = Org(**body["org"])
        cert = body["cert"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise SyncError(
            _("This is not a FieldKit enrolment file, or it is damaged. Ask headquarters again.")
        ) from None
    if body.get("version", 0) > ENROLMENT_VERSION:
        raise SyncError(
            _("This enrolment file needs a newer FieldKit. Install the latest version.")
        )
    key = SigningKey.from_text(body["device_key"])
    if (
        not verify_object(org.public_key, cert)
        or cert.get("public_key") != key.public_text
        or cert.get("org") != org.id
    ):
        raise SyncError(
            _("This enrolment file is not signed by its organisation. Ask headquarters again.")
        )
    return body


def join(profile: Profile, data: bytes, passphrase: str | None = None) -> Org:
    """Join the organisation of an enrolment file; this device takes the enrolled identity.

    Changes already made on this device are relabelled with the new device id,
    so they sync as this device's own.
    """
    _check_no_org(profile)
    body = read_enrolment(data, passphrase)
    org, cert = Org(**body["org"]), body["cert"]
    store = profile.store
    with store.write():
        old = store.device_id
        new = cert["device"]
        if old != new:
            store.conn.execute("UPDATE changes SET device = ? WHERE device = ?", [new, old])
            store.set_meta("device_id", new)
        store.set_meta("sync.org", json.dumps(org.as_dict()))
        store.set_meta("sync.device_key", body["device_key"])
        store.set_meta("sync.cert", json.dumps(cert))
        remember_device(profile, cert)
    store.device_id = cert["device"]
    if cert.get("name"):
        profile.set_settings(device_name=cert["name"])
    log.info("joined organisation as device %s", store.device_id)
    return org


def revoke(profile: Profile, device: str) -> dict[str, Any]:
    """Headquarters: revoke a device; the statement travels in every later bundle."""
    org = require_org(profile)
    org_key = _org_key(profile)
    if device == profile.device_id:
        raise SyncError(_("Headquarters cannot revoke itself."))
    statement = org_key.sign_object({"org": org.id, "device": device, "revoked": now_iso()})
    with profile.store.write():
        store_revocation(profile, statement)
    log.info("device %s revoked", device)
    return statement


def store_revocation(profile: Profile, statement: dict[str, Any]) -> None:
    """Record a (verified) revocation; must run inside a write."""
    profile.store.conn.execute(
        "INSERT INTO sync_devices(device, name, role, public_key, cert, revoked, revocation) "
        "VALUES (?, '', ?, '', '{}', ?, ?) ON CONFLICT(device) DO UPDATE SET "
        "revoked = excluded.revoked, revocation = excluded.revocation",
        [statement["device"], DEVICE, statement["revoked"], json.dumps(statement)],
    )


def revocations(profile: Profile) -> list[dict[str, Any]]:
    rows = profile.store.conn.execute(
        "SELECT revocation FROM sync_devices WHERE revocation IS NOT NULL ORDER BY device"
    )
    return [json.loads(r[0]) for r in rows]


def revoked_devices(profile: Profile) -> set[str]:
    rows = profile.store.conn.execute("SELECT device FROM sync_devices WHERE revoked IS NOT NULL")
    return {r[0] for r in rows}


def devices(profile: Profile) -> list[dict[str, Any]]:
    """Devices this profile knows of: enrolled, seen in bundles, or revoked."""
    cur = profile.store.conn.execute(
        "SELECT device, name, role, revoked FROM sync_devices ORDER BY role DESC, name, device"
    )
    return [dict(zip(("device", "name", "role", "revoked"), r, strict=True)) for r in cur]
