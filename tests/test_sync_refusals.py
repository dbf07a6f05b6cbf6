"""Bad bundles are refused with a clear message, and the store stays byte-for-byte the same."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from test_sync_helpers import db_hash, make_org

from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.errors import BundleRefused, SyncError
from fieldkit.sync.exchange import export_changes, import_bytes, protect
from fieldkit.sync.keys import SigningKey


@pytest.fixture
def setup(tmp_path):
    hq, (delhi, patna) = make_org(tmp_path, "delhi", "patna")
    delhi.contacts.add({"name": "Inspector Rao", "phone": "+91 11 2345 6789"})
    hq.contacts.add({"name": "HQ contact"})
    yield tmp_path, hq, delhi, patna
    for p in (hq, delhi, patna):
        p.close()


def refused_unchanged(profile: Profile, data: bytes, match: str, passphrase=None) -> str:
    """Import into a closed-and-reopened profile; assert the refusal and an identical file."""
    path = profile.path
    profile.close()
    before = db_hash(path)
    reopened = Profile.open(path)
    try:
        with pytest.raises(SyncError, match=match) as info:
            import_bytes(reopened, data, passphrase=passphrase)
    finally:
        reopened.close()
    assert db_hash(path) == before
    profile.__init__(path, Profile.open(path).store)
    return str(info.value)


def rebuild(data: bytes, *, key: SigningKey, **manifest_changes) -> bytes:
    """The same bundle with manifest fields changed, signed by ``key``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(src.read("manifest.json"))
    manifest.update(manifest_changes)
    raw = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            if info.filename == "manifest.json":
                zf.writestr(info.filename, raw)
            elif info.filename == "manifest.sig":
                zf.writestr(info.filename, key.sign(raw))
            else:
                zf.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def test_tampered_bytes(setup):
    _tmp, hq, delhi, _patna = setup
    data = bytearray(export_changes(delhi))
    start = data.index(b"changes.jsonl") + 20
    data[start + 5] ^= 0xFF
    message = refused_unchanged(hq, bytes(data), "damaged or incomplete")
    assert "Copy it again" in message


def test_tampered_content_with_a_valid_archive(setup):
    _tmp, hq, delhi, _patna = setup
    data = export_changes(delhi)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "changes.jsonl":
                body = body.replace(b"Inspector Rao", b"Inspector Bad")
            zf.writestr(info.filename, body)
    refused_unchanged(hq, out.getvalue(), "damaged or incomplete")


def test_wrong_signature(setup):
    _tmp, hq, delhi, _patna = setup
    forged = rebuild(export_changes(delhi), key=SigningKey.generate(), device_name="forged")
    message = refused_unchanged(hq, forged, "signature does not match")
    assert "altered or forged" in message


def test_unknown_device_of_another_organisation(tmp_path, setup):
    _tmp, hq, _delhi, _patna = setup
    other_hq, (stranger,) = make_org(tmp_path / "other", "stranger")
    stranger.contacts.add({"name": "Stranger"})
    refused_unchanged(hq, export_changes(stranger), "another organisation")
    other_hq.close()
    stranger.close()


def test_unknown_device_with_a_self_made_certificate(setup):
    _tmp, hq, delhi, _patna = setup
    key = SigningKey.generate()
    org = O.current_org(hq)
    cert = O.make_cert(key, org, "intruder", "intruder", "hq", key.public_text)
    forged = rebuild(
        export_changes(delhi), key=key, cert=cert, public_key=key.public_text, device="intruder"
    )
    message = refused_unchanged(hq, forged, "has not enrolled")
    assert "intruder" in message


def test_revoked_device_is_refused_everywhere(setup):
    _tmp, hq, delhi, patna = setup
    O.revoke(hq, delhi.device_id)
    message = refused_unchanged(hq, export_changes(delhi), "revoked")
    assert "delhi" in message
    # The revocation travels in headquarters' next bundle; then Patna refuses Delhi too.
    assert import_bytes(patna, export_changes(hq)).merge.applied == 1
    assert delhi.device_id in O.revoked_devices(patna)
    refused_unchanged(patna, export_changes(delhi), "revoked")
    # Delhi itself learns it and stops exporting.
    import_bytes(delhi, export_changes(hq))
    with pytest.raises(SyncError, match="revoked this device"):
        export_changes(delhi)


def test_wrong_passphrase(setup):
    _tmp, hq, delhi, _patna = setup
    data = protect(delhi, export_changes(delhi), to_hq=False, passphrase="correct horse")
    refused_unchanged(hq, data, "passphrase is wrong", passphrase="battery staple")
    refused_unchanged(hq, data, "protected by a passphrase")
    assert import_bytes(hq, data, passphrase="correct horse").merge.applied == 1


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.95])
def test_truncated_file(setup, keep):
    _tmp, hq, delhi, _patna = setup
    data = export_changes(delhi)
    refused_unchanged(hq, data[: int(len(data) * keep)], "damaged or incomplete")


def test_truncated_encrypted_file(setup):
    _tmp, hq, delhi, _patna = setup
    data = protect(delhi, export_changes(delhi), to_hq=True, passphrase=None)
    refused_unchanged(hq, data[: len(data) - 40], "another key, or it is damaged")


def test_newer_format_version(setup):
    _tmp, hq, delhi, _patna = setup
    newer = rebuild(export_changes(delhi), key=O.device_key(delhi), format=2)
    message = refused_unchanged(hq, newer, "newer version of FieldKit")
    assert "format 2" in message


def test_not_a_bundle_at_all(setup):
    _tmp, hq, _delhi, _patna = setup
    refused_unchanged(hq, b"name,phone\nRao,123\n", "damaged or incomplete")


def test_refusals_are_bundle_refused(setup):
    _tmp, hq, delhi, _patna = setup
    with pytest.raises(BundleRefused):
        import_bytes(hq, b"")


def test_archives_zipfile_cannot_read_are_refused_as_damaged():
    """Entries that claim encryption, an unknown method or a newer zip version."""
    import io
    import struct
    import zipfile

    from fieldkit.errors import FieldKitError
    from fieldkit.sync.bundle import read_unverified

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("manifest.sig", b"x")
    plain = buffer.getvalue()
    for offset, value in ((6, 1), (8, 99), (4, 84)):  # flags, method, version needed
        data = bytearray(plain)
        for header in (0, plain.index(b"PK\x01\x02") + 2):  # local and central headers
            struct.pack_into("<H", data, header + offset, value)
        try:
            read_unverified(bytes(data))
        except FieldKitError:
            continue
        raise AssertionError(f"accepted a header with field {offset} = {value}")
