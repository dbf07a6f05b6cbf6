"""The bundle file: a signed manifest, the changes, and attachments by hash.

A bundle is a ZIP archive (see docs/sync-format.md) holding
``manifest.json``, ``manifest.sig`` (the device's Ed25519 signature of the
exact bytes of ``manifest.json``), ``changes.jsonl`` and
``attachments/<sha256>``. It may be wrapped in one or two layers of age
encryption (to headquarters' X25519 key and/or a passphrase). Nothing in a
bundle is trusted before :func:`verify_bundle` has checked all of it.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyrage

from fieldkit.data import entities as E
from fieldkit.i18n import _
from fieldkit.sync.errors import BundleRefused
from fieldkit.sync.keys import SigningKey, verify, verify_object

FORMAT = 1
_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_DECODER = json.JSONDecoder()
MAGIC_AGE = b"age-encryption.org/v1"
CHANGES, SNAPSHOT = "changes", "snapshot"
MAX_MANIFEST = 8 * 1024 * 1024
MAX_SIGNATURE = 4096
# A change as it travels: device, dseq, table, row id, HLC, the fields written
# (JSON text when read from the store; a dict, then its JSON text, once decoded).
Change = tuple[str, int, str, str, int, Any]


@dataclass
class Bundle:
    """A verified (or freshly built) bundle."""

    manifest: dict[str, Any]
    changes: list[Change]
    attachments: dict[str, bytes] = field(default_factory=dict)

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def device(self) -> str:
        return self.manifest["device"]


# --- writing -----------------------------------------------------------------


def encode_changes(changes: Iterable[Change]) -> bytes:
    """``changes.jsonl``: one JSON array per line, the data as a JSON object."""
    out = io.StringIO()
    for device, dseq, tbl, row_id, hlc, data in changes:
        out.write(f"[{json.dumps(device)},{dseq},{json.dumps(tbl)},{json.dumps(row_id)},{hlc},")
        out.write(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False))
        out.write("]\n")
    return out.getvalue().encode()


def write_bundle(
    manifest: dict[str, Any],
    changes: list[Change],
    key: SigningKey,
    attachments: dict[str, bytes] | None = None,
) -> bytes:
    """Sign ``manifest`` (payload hash and counts are filled in) and build the archive."""
    payload = encode_changes(changes)
    attachments = attachments or {}
    counts: dict[str, int] = {}
    for change in changes:
        counts[change[2]] = counts.get(change[2], 0) + 1
    manifest = {
        **manifest,
        "format": FORMAT,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "counts": {"changes": len(changes), "tables": counts},
        "attachments": {sha: len(data) for sha, data in sorted(attachments.items())},
    }
    raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", key.sign(raw))
        zf.writestr("changes.jsonl", payload)
        for sha, data in sorted(attachments.items()):
            zf.writestr(f"attachments/{sha}", data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def encrypt(data: bytes, *, recipient: str | None = None, passphrase: str | None = None) -> bytes:
    """Wrap bundle bytes in age: to an X25519 recipient, then (outer layer) a passphrase."""
    if recipient:
        data = pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)])
    if passphrase:
        data = pyrage.passphrase.encrypt(data, passphrase)
    return data


# --- reading -------------------------------------------------------------------


def passphrase_layer(data: bytes) -> bool:
    """The outer age layer of ``data`` is encrypted to a passphrase (its scrypt stanza is in
    the header), not to a key."""
    return b"-> scrypt " in data[:400]


def _refused(message: str) -> BundleRefused:
    return BundleRefused(message)


def decrypt_layers(
    data: bytes, *, passphrase: str | None, identity: pyrage.x25519.Identity | None
) -> bytes:
    """Remove age layers (passphrase and/or X25519) until the plain content appears."""
    for _layer in range(3):
        if not data.startswith(MAGIC_AGE):
            return data
        if passphrase_layer(data):
            if not passphrase:
                raise _refused(
                    _("This file is protected by a passphrase. Give the passphrase and try again.")
                )
            try:
                data = pyrage.passphrase.decrypt(data, passphrase)
            except pyrage.DecryptError:
                raise _refused(
                    _(
                        "The passphrase is wrong, or the file is damaged. Check the passphrase "
                        "and try again; nothing was changed."
                    )
                ) from None
        else:
            if identity is None:
                raise _refused(
                    _(
                        "This bundle is encrypted to headquarters' key and can only be opened "
                        "at headquarters. Nothing was changed."
                    )
                )
            try:
                data = pyrage.decrypt(data, [identity])
            except pyrage.DecryptError:
                raise _refused(
                    _(
                        "This bundle is encrypted for another key, or it is damaged; "
                        "nothing was changed."
                    )
                ) from None
    return data


def _damaged() -> BundleRefused:
    return _refused(
        _(
            "The bundle is damaged or incomplete (perhaps the copy was interrupted). "
            "Copy it again from its source; nothing was changed."
        )
    )


# What zipfile raises for a damaged or crafted archive: besides BadZipFile, an entry that
# claims encryption (RuntimeError), an unknown method or version (NotImplementedError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    UnicodeDecodeError,
    EOFError,
    OSError,
    ValueError,
    TypeError,
    RuntimeError,
    NotImplementedError,
)


def read_unverified(data: bytes) -> tuple[bytes, str, zipfile.ZipFile]:
    """The manifest bytes, its signature and the open archive, or a clear refusal."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        # Sizes first: reading never goes past the declared size, so a zip bomb stops here.
        if (
            zf.getinfo("manifest.json").file_size > MAX_MANIFEST
            or zf.getinfo("manifest.sig").file_size > MAX_SIGNATURE
        ):
            raise _damaged()
        raw = zf.read("manifest.json")
        sig = zf.read("manifest.sig").decode("ascii")
    except _ZIP_ERRORS:
        raise _damaged() from None
    return raw, sig, zf


def parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
        fmt = int(manifest["format"])
    except (ValueError, KeyError, TypeError):
        raise _damaged() from None
    if fmt > FORMAT:
        raise _refused(
            _(
                "This bundle was written by a newer version of FieldKit (format %(version)d). "
                "Install the latest FieldKit to read it; nothing was changed."
            )
            % {"version": fmt}
        )
    return manifest


@dataclass
class Trust:
    """What the receiving device trusts: its organisation's key and the revoked devices."""

    org_id: str
    org_key: str
    revoked: set[str]


def verify_bundle(data: bytes, trust: Trust) -> tuple[Bundle, list[dict[str, Any]]]:
    """Check everything about a (decrypted) bundle; returns it and its valid revocations."""
    manifest, payload, attachments, revocations = _verified_parts(data, trust)
    changes = decode_changes(payload, manifest)
    return Bundle(manifest, changes, attachments), revocations


def check_intact(data: bytes, trust: Trust) -> dict[str, Any]:
    """Check a (decrypted) bundle as a receiver does, but for reading its changes one by
    one: the manifest's signature, the sender's enrolment, the payload's and attachments'
    hashes. A bundle that passes arrived as it was signed. Returns its manifest."""
    return _verified_parts(data, trust)[0]


def _verified_parts(
    data: bytes, trust: Trust
) -> tuple[dict[str, Any], bytes, dict[str, bytes], list[dict[str, Any]]]:
    """The manifest, payload, attachments and valid revocations of a bundle whose signature,
    sender and hashes check out; a clear refusal otherwise."""
    raw, sig, zf = read_unverified(data)
    manifest = parse_manifest(raw)
    device = str(manifest.get("device", ""))
    if manifest.get("org") != trust.org_id:
        raise _refused(
            _(
                "This bundle comes from another organisation. Only bundles from your "
                "organisation's devices can be imported; nothing was changed."
            )
        )
    revocations = [
        r
        for r in manifest.get("revocations", [])
        if isinstance(r, dict) and r.get("org") == trust.org_id and verify_object(trust.org_key, r)
    ]
    cert = manifest.get("cert") or {}
    if (
        not isinstance(cert, dict)
        or not verify_object(trust.org_key, cert)
        or cert.get("device") != device
        or cert.get("org") != trust.org_id
        or cert.get("public_key") != manifest.get("public_key")
    ):
        raise _refused(
            _(
                "This bundle comes from a device that your organisation has not enrolled "
                "(device %(device)s). Ask headquarters to enrol it; nothing was changed."
            )
            % {"device": device or "?"}
        )
    if device in trust.revoked or any(r["device"] == device for r in revocations):
        raise _refused(
            _(
                "Device %(name)s (%(device)s) has been revoked by headquarters; its bundles "
                "are refused. Nothing was changed."
            )
            % {"name": cert.get("name") or "?", "device": device}
        )
    if not verify(cert["public_key"], raw, sig):
        raise _refused(
            _(
                "The bundle's signature does not match its content: it was altered or forged. "
                "Nothing was changed."
            )
        )
    if manifest.get("kind") == SNAPSHOT and cert.get("role") != "hq":
        raise _refused(_("Only headquarters can send a snapshot; nothing was changed."))
    try:
        payload = zf.read("changes.jsonl")
        attachments = {sha: zf.read(f"attachments/{sha}") for sha in manifest["attachments"]}
    except _ZIP_ERRORS:
        raise _damaged() from None
    if hashlib.sha256(payload).hexdigest() != manifest.get("payload_sha256"):
        raise _damaged()
    for sha, blob in attachments.items():
        if hashlib.sha256(blob).hexdigest() != sha:
            raise _damaged()
    return manifest, payload, attachments, revocations


def decode_changes(payload: bytes, manifest: dict[str, Any]) -> list[Change]:
    """Parse ``changes.jsonl`` and check each change against the manifest and the schema."""
    out: list[Change] = []
    own = manifest.get("kind") != SNAPSHOT
    device = manifest["device"]
    first, last = manifest.get("first", 0), manifest.get("last", 0)
    fields = {name: frozenset({*e.field_names, "deleted"}) for name, e in E.ENTITIES.items()}
    read = _DECODER.raw_decode  # one line at a time, without json.loads' per-call work
    try:
        text = payload.decode("utf-8")
        pos, size = 0, len(text)
        while pos < size:
            change, end = read(text, pos)
            if end < size and text[end] != "\n":
                raise ValueError
            dev, dseq, tbl, row_id, hlc, data = change
            if not isinstance(data, dict) or not fields[tbl].issuperset(data):
                raise ValueError
            if own and (dev != device or not first <= dseq <= last):
                raise ValueError
            if not (isinstance(dseq, int) and isinstance(hlc, int)):
                raise ValueError
            if not (_ID.match(dev) and _ID.match(row_id)):
                raise ValueError
            # A line shorter than the limit cannot hold a longer value (escapes only add).
            if end - pos > E.MAX_LONGTEXT and _oversized(data):
                raise _refused(
                    _(
                        "The bundle holds a value longer than FieldKit accepts (%(limit)d "
                        "characters); it was refused and nothing was changed."
                    )
                    % {"limit": E.MAX_LONGTEXT}
                )
            # Ids hold no "{", so the data object's text starts at the line's first "{".
            data_text = text[text.index("{", pos, end) : text.rindex("]", pos, end)]
            out.append((dev, dseq, tbl, row_id, hlc, data, data_text))
            pos = end + 1
    except (ValueError, KeyError, TypeError):
        raise _refused(
            _(
                "The bundle holds records this version of FieldKit does not know. Install the "
                "latest FieldKit and try again; nothing was changed."
            )
        ) from None
    if manifest.get("counts", {}).get("changes") != len(out):
        raise _damaged()
    return out


def _oversized(data: dict[str, Any]) -> bool:
    """A value no FieldKit writes: a text (or a list's texts) over the longest a field holds."""
    for value in data.values():
        if isinstance(value, list):
            value = "".join(str(v) for v in value)
        if isinstance(value, str) and len(value) > E.MAX_LONGTEXT:
            return True
    return False


def peek_manifest(data: bytes) -> dict[str, Any]:
    """The manifest of a plain bundle, unverified (for display only)."""
    raw, _sig, _zf = read_unverified(data)
    return parse_manifest(raw)
