"""Encryption at rest: store, WAL, backups and attachments unreadable without the passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit import audit
from fieldkit.data import encryption
from fieldkit.data.encryption import (
    MAX_TRIES,
    Attempts,
    PassphraseRequired,
    TooManyAttempts,
    WeakPassphrase,
    WrongPassphrase,
)
from fieldkit.errors import FieldKitError
from fieldkit.profile import Profile

SECRET_NAME = "Sunita Quarrington"
SECRET_PHONE = "+91 98100 12345"
PASS = "correct horse battery"


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def secret_profile(tmp_path):
    p = Profile.create(tmp_path / "enc", organization="Safe House", passphrase=PASS)
    p.contacts.add({"name": SECRET_NAME, "phone": SECRET_PHONE, "notes": "survivor contact"})
    yield p
    p.close()


def test_store_wal_and_backups_hold_no_clear_text(secret_profile):
    secret_profile.attach_bytes(b"a scanned statement by " + SECRET_NAME.encode(), "st.txt")
    backup = secret_profile.backup()
    folder = secret_profile.path
    # While open: the database and its write-ahead log; after close: everything.
    assert encryption.is_encrypted(secret_profile.db_path)
    assert encryption.is_encrypted(backup)
    data = _all_bytes(folder)
    secret_profile.close()
    data += _all_bytes(folder)
    for needle in (SECRET_NAME.encode(), b"98100", b"survivor", b"SQLite format 3"):
        assert needle not in data


def test_reopen_needs_the_passphrase(secret_profile):
    path = secret_profile.path
    secret_profile.close()
    with pytest.raises(PassphraseRequired, match="protected by a passphrase"):
        Profile.open(path)
    with pytest.raises(WrongPassphrase, match="not correct"):
        Profile.open(path, passphrase="wrong horse battery")
    with Profile.open(path, passphrase=PASS) as again:
        assert [c["name"] for c in again.contacts.list()] == [SECRET_NAME]


def test_limited_tries_per_minute(secret_profile):
    path = secret_profile.path
    secret_profile.close()
    for _ in range(MAX_TRIES):
        with pytest.raises(WrongPassphrase):
            Profile.open(path, passphrase="nope nope nope")
    # Even the right passphrase waits once the limit is reached.
    with pytest.raises(TooManyAttempts, match=r"Wait \d+ seconds"):
        Profile.open(path, passphrase=PASS)
    # A minute later the tries are forgotten (the clock is passed in, the file is real).
    later = Attempts(path, now=lambda: __import__("time").time() + 61)
    assert later.wait_seconds() == 0


def test_right_passphrase_clears_the_count(secret_profile):
    path = secret_profile.path
    secret_profile.close()
    for _ in range(MAX_TRIES - 1):
        with pytest.raises(WrongPassphrase):
            Profile.open(path, passphrase="nope nope nope")
    Profile.open(path, passphrase=PASS).close()
    assert Attempts(path).wait_seconds() == 0
    assert not (path / encryption.ATTEMPTS_FILE).exists()


def test_weak_passphrase_creates_nothing(tmp_path):
    with pytest.raises(WeakPassphrase, match="at least 8"):
        Profile.create(tmp_path / "weak", passphrase="short")
    assert not (tmp_path / "weak" / "fieldkit.db").exists()


def test_passphrase_on_a_plain_profile_is_refused_clearly(profile):
    path = profile.path
    profile.close()
    with pytest.raises(FieldKitError, match="not protected by a passphrase"):
        Profile.open(path, passphrase=PASS)


def test_attachments_sealed_and_tamper_evident(secret_profile):
    content = b"%PDF-1.4 witness statement " + SECRET_NAME.encode()
    att = secret_profile.attach_bytes(content, "statement.pdf")
    row = secret_profile.attachments.get(att)
    blob = secret_profile.blob_path(row["sha256"])
    assert SECRET_NAME.encode() not in blob.read_bytes()
    assert secret_profile.attachment_bytes(att) == content
    damaged = bytearray(blob.read_bytes())
    damaged[-1] ^= 0x01
    blob.write_bytes(bytes(damaged))
    with pytest.raises(FieldKitError, match="damaged"):
        secret_profile.attachment_bytes(att)


def test_encrypted_backup_restores(secret_profile):
    secret_profile.backup("manual")
    secret_profile.contacts.add({"name": "Added after the backup"})
    secret_profile.restore()
    assert [c["name"] for c in secret_profile.contacts.list()] == [SECRET_NAME]
    assert [e["action"] for e in audit.entries(secret_profile.store)] == ["restore"]


def test_change_passphrase(secret_profile):
    att = secret_profile.attach_bytes(b"logo bytes", "logo.png")
    secret_profile.backup("manual")
    moved = encryption.change_passphrase(secret_profile, PASS, "a new long passphrase")
    backups = secret_profile.backups()
    assert moved == len(backups) == 2
    assert any("before-passphrase-change" in b.name for b in backups)
    assert secret_profile.attachment_bytes(att) == b"logo bytes"
    entry = audit.entries(secret_profile.store)[0]
    assert entry["action"] == "passphrase-change" and entry["details"] == {"backups": 2}
    path = secret_profile.path
    secret_profile.close()
    with pytest.raises(WrongPassphrase):
        Profile.open(path, passphrase=PASS)
    with Profile.open(path, passphrase="a new long passphrase") as again:
        assert again.contacts.count() == 1
        again.restore(backups[-1])  # an old backup opens under the new passphrase
        assert again.contacts.count() == 1


def test_change_passphrase_checks_the_current_one(secret_profile):
    with pytest.raises(WrongPassphrase, match="nothing was changed"):
        encryption.change_passphrase(secret_profile, "not the one", "a new long passphrase")
    with pytest.raises(WeakPassphrase):
        encryption.change_passphrase(secret_profile, PASS, "short")
    assert secret_profile.backups() == []


def test_protect_an_existing_profile(profile):
    profile.contacts.add({"name": SECRET_NAME, "phone": SECRET_PHONE})
    att = profile.attach_bytes(b"photo of " + SECRET_NAME.encode(), "photo.jpg")
    profile.backup("manual")
    path = profile.path
    profile.close()
    encryption.protect(path, "fieldkit.db", PASS)
    assert SECRET_NAME.encode() not in _all_bytes(path)
    with Profile.open(path, passphrase=PASS) as again:
        assert again.contacts.list()[0]["phone"] == SECRET_PHONE
        assert again.attachment_bytes(att) == b"photo of " + SECRET_NAME.encode()
        again.restore()
        assert again.contacts.count() == 1


def test_quotes_and_accents_in_a_passphrase(tmp_path):
    composed = "l'été à Köln, 1 o'clock"
    decomposed = __import__("unicodedata").normalize("NFD", composed)
    Profile.create(tmp_path / "q", passphrase=composed).close()
    with Profile.open(tmp_path / "q", passphrase=decomposed) as again:
        again.backup()
        encryption.verify_passphrase(again, composed)


def test_sync_between_encrypted_profiles_keeps_attachments_sealed(tmp_path):
    from fieldkit.sync import org as O
    from fieldkit.sync.exchange import export_changes, import_bytes

    hq = Profile.create(tmp_path / "hq", organization="NGO", passphrase=PASS)
    O.create_org(hq, "NGO")
    office = Profile.create(tmp_path / "office", organization="NGO", passphrase="office passphrase")
    O.join(office, O.issue_enrolment(hq, "office"))
    photo = b"JPEG photo of " + SECRET_NAME.encode()
    att = office.attach_bytes(photo, "photo.jpg")
    import_bytes(hq, export_changes(office))
    assert hq.attachment_bytes(att) == photo
    for folder in (hq.path, office.path):
        assert SECRET_NAME.encode() not in _all_bytes(folder / "attachments")
    hq.close()
    office.close()


def test_sync_files_kept_in_an_encrypted_profile_are_encrypted(tmp_path):
    from fieldkit.sync import org as O
    from fieldkit.sync.engine import sync
    from fieldkit.sync.files import sync_dir
    from fieldkit.sync.targets import target_from_location

    hq = Profile.create(tmp_path / "hq", organization="Safe House", device_name="hq")
    O.create_org(hq, "Safe House")
    field = Profile.create(tmp_path / "field", device_name="field", passphrase=PASS)
    O.join(field, O.issue_enrolment(hq, "field"))
    (tmp_path / "usb").mkdir()
    usb = target_from_location(str(tmp_path / "usb"))
    field.contacts.add({"name": "Meena Das", "phone": "+91 98100 11111"})
    hq.contacts.add({"name": "Legal Aid Cell"})
    assert sync(hq, usb).uploaded == 1
    report = sync(field, usb)
    assert (report.uploaded, report.applied) == (1, 1)
    kept = [p for part in ("outbox", "relay") for p in sync_dir(field, part).iterdir()]
    assert len(kept) == 2  # its own bundle, and headquarters' one to pass on
    for path in kept:
        data = path.read_bytes()
        assert data.startswith(encryption.BLOB_MAGIC) and b"PK" not in data[:8]
        assert field.open_file(data, "sync", "damaged")[:2] == b"PK"  # a bundle (zip) inside
    # What left the device is a bundle headquarters reads; what came in was applied.
    assert sync(hq, usb).changes == 1
    assert {c["name"] for c in hq.contacts.list()} == {"Meena Das", "Legal Aid Cell"}
    assert {c["name"] for c in field.contacts.list()} == {"Meena Das", "Legal Aid Cell"}
    # A file sealed for sync does not open as anything else.
    with pytest.raises(encryption.DamagedFile, match="^not for attachments$"):
        field.open_file(kept[0].read_bytes(), "attachment", "not for attachments")
    for p in (hq, field):
        p.close()


def test_setting_a_passphrase_encrypts_the_bundles_waiting_to_be_synced(tmp_path):
    from fieldkit.sync import org as O
    from fieldkit.sync.engine import sync
    from fieldkit.sync.files import sync_dir
    from fieldkit.sync.targets import target_from_location

    hq = Profile.create(tmp_path / "hq", organization="Safe House", device_name="hq")
    O.create_org(hq, "Safe House")
    field = Profile.create(tmp_path / "field", device_name="field")
    O.join(field, O.issue_enrolment(hq, "field"))
    field.contacts.add({"name": "Meena Das"})
    (tmp_path / "usb").mkdir()
    assert sync(field, target_from_location(str(tmp_path / "usb"))).uploaded == 1
    [waiting] = sync_dir(field, "outbox").iterdir()
    assert waiting.read_bytes()[:2] == b"PK"  # a plain bundle, in a plain profile
    field.close()
    encryption.protect(tmp_path / "field", "fieldkit.db", PASS)
    assert waiting.read_bytes().startswith(encryption.BLOB_MAGIC)
    with Profile.open(tmp_path / "field", passphrase=PASS) as again:
        (tmp_path / "share").mkdir()  # a new target still gets the bundle, readable
        assert sync(again, target_from_location(str(tmp_path / "share"))).uploaded == 1
    assert sync(hq, target_from_location(str(tmp_path / "share"))).changes == 1
    hq.close()
