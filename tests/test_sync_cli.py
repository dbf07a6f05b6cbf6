"""``fieldkit org|sync|export|import|conflicts`` as a coordinator would run them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli


@pytest.fixture
def fk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(profile: str, *args: str, ok: bool = True):
        result = runner.invoke(cli, ["--profile", str(tmp_path / profile), *args])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    for name in ("hq", "delhi", "patna"):
        invoke(name, "init", "--org", "Test NGO", "--device", name)
    invoke("hq", "org", "create", "Test NGO")
    for name in ("delhi", "patna"):
        invoke("hq", "org", "issue", name, "--out", f"{name}.enrol")
        invoke(name, "org", "join", f"{name}.enrol")
    return invoke


def test_org_devices_and_revocation(fk):
    devices = json.loads(fk("hq", "org", "devices", "--json").output)
    assert sorted(d["name"] for d in devices) == ["delhi", "hq", "patna"]
    delhi = next(d["device"] for d in devices if d["name"] == "delhi")
    listed = fk("hq", "org", "devices").output
    assert "Revoked" in listed and "Headquarters" in listed and "Office device" in listed
    fk("delhi", "contacts", "add", "--name", "Rao")
    fk("delhi", "export", "delhi.fkb")
    fk("hq", "org", "revoke", delhi[:12])
    refused = fk("hq", "import", "delhi.fkb", ok=False)
    assert refused.exit_code == 1 and "revoked" in refused.output
    assert "Traceback" not in refused.output


def test_export_import_and_passphrase(fk):
    fk("delhi", "contacts", "add", "--name", "Shelter Home", "--phone", "+91 11 2345 6789")
    out = fk("delhi", "export", "stick.fkb", "--passphrase", "blue river stone").output
    assert "stick.fkb" in out
    wrong = fk("hq", "import", "stick.fkb", "--passphrase", "red", ok=False)
    assert "passphrase is wrong" in wrong.output
    done = fk("hq", "import", "stick.fkb", "--passphrase", "blue river stone")
    assert "Applied the bundle from delhi. Changes applied: 1," in done.output
    again = fk("hq", "import", "stick.fkb", "--passphrase", "blue river stone")
    assert "already applied" in again.output
    listed = json.loads(fk("hq", "contacts", "list", "--json").output)
    assert [c["name"] for c in listed] == ["Shelter Home"]


def test_sync_folder_with_saved_target_and_conflicts(fk, tmp_path):
    (tmp_path / "usb").mkdir()
    fk("delhi", "contacts", "add", "--name", "Inspector", "--phone", "111")
    report = json.loads(fk("delhi", "sync", "usb", "--save", "stick", "--json").output)
    assert (report["exported"], report["uploaded"]) == (1, 1)
    targets = fk("delhi", "sync", "--list").output
    assert "stick" in targets and "Folder" in targets and "Off" in targets
    out = fk("patna", "sync", str(tmp_path / "usb")).output
    assert "Files applied: 1 (changes: 1)." in out
    contact = json.loads(fk("patna", "contacts", "list", "--json").output)[0]["id"]
    fk("delhi", "contacts", "edit", contact, "--phone", "222")
    fk("patna", "contacts", "edit", contact, "--phone", "333")
    fk("delhi", "sync", "stick")
    fk("patna", "sync", "usb")
    fk("delhi", "sync", "stick")
    conflicts = json.loads(fk("delhi", "conflicts", "list", "--json").output)
    assert len(conflicts) == 1 and {conflicts[0]["kept_value"], conflicts[0]["lost_value"]} == {
        "222",
        "333",
    }
    table = fk("delhi", "conflicts", "list").output
    assert "Other value" in table and "Contact" in table and "Phone" in table
    fk("delhi", "conflicts", "keep", conflicts[0]["id"][:8], "--other")
    shown = json.loads(fk("delhi", "contacts", "show", contact, "--json").output)
    assert shown["phone"] == conflicts[0]["lost_value"]
    assert json.loads(fk("delhi", "conflicts", "list", "--json").output) == []


def test_conflicts_list_names_fields_in_the_profile_language(fk, tmp_path):
    from fieldkit.profile import Profile

    fk("delhi", "contacts", "add", "--name", "Inspector", "--phone-e164", "+911100000000")
    contact = json.loads(fk("delhi", "contacts", "list", "--json").output)[0]["id"]
    fk("delhi", "export", "first.fkb")
    fk("patna", "import", "first.fkb")
    fk("delhi", "contacts", "edit", contact, "--phone-e164", "+911122222222", "--tags", "police")
    fk("patna", "contacts", "edit", contact, "--phone-e164", "+911133333333", "--tags", "court")
    fk("patna", "export", "second.fkb")
    fk("delhi", "import", "second.fkb")
    # One more on a field that only a newer version has, held as it was recorded.
    delhi = Profile.open(tmp_path / "delhi")
    with delhi.store.write():
        delhi.store.conn.execute(
            "INSERT INTO conflicts (id, tbl, row_id, field, kept_value, kept_hlc, kept_device, "
            "lost_value, lost_hlc, lost_device, detected) "
            "VALUES ('c1', 'contacts', ?, 'pronouns\x1b[2J', '\"she/her\"', 2, 'a', "
            "'\"they\"', 1, 'b', '2024-05-01T10:00:00+00:00')",
            [contact],
        )
    delhi.close()
    english = fk("delhi", "conflicts", "list").output
    assert "Phone (international)" in english and "Tags" in english
    assert "phone_e164" not in english and "pronouns\ufffd[2J" in english
    fk("delhi", "settings", "set", "language", "fr")
    french = fk("delhi", "conflicts", "list").output
    assert "Champ" in french and "Téléphone (international)" in french
    assert "Étiquettes" in french and "Tags" not in french
    assert "phone_e164" not in french and "pronouns\ufffd[2J" in french
    assert "\x1b" not in french
    stored = {c["field"] for c in json.loads(fk("delhi", "conflicts", "list", "--json").output)}
    assert stored == {"phone_e164", "tags", "pronouns\x1b[2J"}  # scripts get the stored names


def test_snapshot_from_headquarters(fk, tmp_path):
    fk("hq", "contacts", "add", "--name", "National hotline", "--phone", "1098")
    fk("hq", "export", "snap.fkb", "--snapshot")
    fk("patna", "import", "snap.fkb")
    listed = json.loads(fk("patna", "contacts", "list", "--json").output)
    assert [c["name"] for c in listed] == ["National hotline"]


def test_clear_errors_without_an_organisation_or_target(tmp_path):
    runner = CliRunner()
    base = ["--profile", str(tmp_path / "lonely")]
    runner.invoke(cli, [*base, "init"])
    result = runner.invoke(cli, [*base, "export", str(tmp_path / "x.fkb")])
    assert result.exit_code == 1 and "fieldkit org join" in result.output
    result = runner.invoke(cli, [*base, "sync", "nowhere-at-all"])
    assert result.exit_code == 1 and "neither a saved sync target" in result.output


# --- damaged files in an encrypted profile's sync folder -------------------------------

PASS = "correct horse battery"


def _damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture
def sealed(tmp_path):
    """An encrypted office profile stopped in the middle of a sync: its own bundle sent to
    ``usb`` (kept in its outbox), headquarters' bundle fetched into its inbox, not applied."""
    from fieldkit.data.store import Cancelled
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.engine import sync
    from fieldkit.sync.files import sync_dir
    from fieldkit.sync.targets import target_from_location

    hq = Profile.create(tmp_path / "hq", organization="Safe House", device_name="hq")
    O.create_org(hq, "Safe House")
    field = Profile.create(tmp_path / "field", device_name="field", passphrase=PASS)
    O.join(field, O.issue_enrolment(hq, "field"))
    for folder in ("usb", "stick"):
        (tmp_path / folder).mkdir()
    usb = target_from_location(str(tmp_path / "usb"))
    hq.contacts.add({"name": "Legal Aid Cell"})
    assert sync(hq, usb).uploaded == 1
    field.contacts.add({"name": "Meena Das"})
    inbox = sync_dir(field, "inbox")
    with pytest.raises(Cancelled):
        sync(field, usb, cancelled=lambda: any(inbox.iterdir()))
    hq.close()
    field.close()
    runner = CliRunner()

    def invoke(profile: str, *args: str):
        env = {"FIELDKIT_PASSPHRASE": PASS} if profile == "field" else {}
        return runner.invoke(cli, ["--profile", str(tmp_path / profile), *args], env=env)

    return invoke, tmp_path / "field" / "sync"


def _refused(result, *words: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "attachment" not in result.output
    for word in words:
        assert word in result.output
    return result.output


def test_a_damaged_inbox_file_is_named_with_what_to_do(sealed, tmp_path):
    fk, sync_folder = sealed
    [fetched] = (sync_folder / "inbox").iterdir()
    _damage(fetched)
    _refused(
        fk("field", "sync", str(tmp_path / "usb")),
        f"The file {fetched.name} in the sync folder ({sync_folder / 'inbox'}), fetched from",
        "Delete it and sync again: it will be fetched again.",
    )
    fetched.unlink()  # as the message says
    done = fk("field", "sync", str(tmp_path / "usb"))
    assert "Files applied: 1 (changes: 1)." in done.output, done.output
    listed = json.loads(fk("field", "contacts", "list", "--json").output)
    assert {c["name"] for c in listed} == {"Meena Das", "Legal Aid Cell"}


def _opens(profile_dir, path) -> bytes:
    """The bundle inside a sealed file of ``profile_dir``'s sync folder."""
    from fieldkit.profile import Profile

    with Profile.open(profile_dir, passphrase=PASS) as profile:
        return profile.open_file(path.read_bytes(), "sync", "damaged")


def test_a_damaged_outbox_file_is_rebuilt_and_headquarters_applies_it(sealed, tmp_path):
    from fieldkit.data.encryption import BLOB_MAGIC

    fk, sync_folder = sealed
    assert fk("field", "sync", str(tmp_path / "usb")).exit_code == 0  # headquarters' applied
    [own] = (sync_folder / "outbox").iterdir()
    _damage(own)
    damaged = own.read_bytes()
    stick = str(tmp_path / "stick")  # the outbox file is still to be sent there
    done = fk("field", "sync", stick)
    assert done.exit_code == 0, done.output
    assert "Files sent: 2" in done.output  # its own bundle, and headquarters' passed on
    assert (
        f"The file {own.name} in the sync folder ({sync_folder / 'outbox'}), this device's "
        "changes waiting to be sent, was damaged or sealed by another device's profile. It "
        "was made again from the same changes, which this device still holds: nothing needs "
        "to be done." in done.output
    )
    assert "fieldkit export" not in done.output and "Traceback" not in done.output
    # The file in the outbox is a sealed bundle again, in the damaged one's place.
    assert own.read_bytes() != damaged and own.read_bytes().startswith(BLOB_MAGIC)
    assert _opens(tmp_path / "field", own)[:2] == b"PK"
    audit = fk("field", "audit").output
    assert "Damaged bundle of changes rebuilt from this device's changes: 1 change" in audit
    # Headquarters gets the office's change from the stick alone, and both hold the same.
    got = fk("hq", "sync", stick)
    assert "Files applied: 1 (changes: 1)." in got.output, got.output
    for profile in ("hq", "field"):
        listed = json.loads(fk(profile, "contacts", "list", "--json").output)
        assert {c["name"] for c in listed} == {"Meena Das", "Legal Aid Cell"}
    # Rebuilt once: another target gets the same file, opened as it is now.
    (tmp_path / "share").mkdir()
    again = fk("field", "sync", str(tmp_path / "share"))
    assert again.exit_code == 0 and "Files sent: 2" in again.output
    assert "made again" not in again.output


def test_a_damaged_outbox_file_is_rebuilt_for_a_target_outside_too(sealed, tmp_path):
    fk, sync_folder = sealed
    [own] = (sync_folder / "outbox").iterdir()
    _damage(own)
    lawyer = tmp_path / "lawyer"
    lawyer.mkdir()
    done = fk("field", "sync", str(lawyer), "--outside", "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["uploaded"] == 1 and [r["file"] for r in report["rebuilt"]] == [own.name]
    assert "It was made again from the same changes" in report["rebuilt"][0]["notice"]
    [sent] = [p.name for p in (lawyer / "fieldkit-sync").rglob("*.fkb")]
    assert sent == own.name.removesuffix(".fkb") + "-outside.fkb"
    assert _opens(tmp_path / "field", own)[:2] == b"PK"


@pytest.mark.parametrize("passphrase", [PASS, None], ids=["encrypted", "unencrypted"])
def test_a_damaged_outbox_file_whose_changes_are_gone_keeps_its_message(tmp_path, passphrase):
    """After a restore of an older backup the store no longer holds what the file held:
    the file is not cut again until those changes are back (found damaged by its seal, or
    in an unencrypted profile by its signature)."""
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.engine import sync
    from fieldkit.sync.files import sync_dir
    from fieldkit.sync.targets import target_from_location

    hq = Profile.create(tmp_path / "hq", organization="Safe House", device_name="hq")
    O.create_org(hq, "Safe House")
    field = Profile.create(tmp_path / "field", device_name="field", passphrase=passphrase)
    O.join(field, O.issue_enrolment(hq, "field"))
    hq.close()
    for folder in ("usb", "stick"):
        (tmp_path / folder).mkdir()
    before = field.backup("manual")
    field.contacts.add({"name": "Meena Das"})
    field.contacts.add({"name": "Ravi Kumar"})
    assert sync(field, target_from_location(str(tmp_path / "usb"))).uploaded == 1
    [own] = sync_dir(field, "outbox").iterdir()
    field.restore(before)  # both changes are gone from this device
    field.close()
    (_damage if passphrase else _flip_in_changes)(own)
    damaged = own.read_bytes()
    runner = CliRunner()

    def sync_stick():
        return runner.invoke(
            cli,
            ["--profile", str(tmp_path / "field"), "sync", str(tmp_path / "stick")],
            env={"FIELDKIT_PASSPHRASE": passphrase} if passphrase else {},
        )

    message = (
        f"The file {own.name} in the sync folder ({own.parent}), this device's changes "
        "waiting to be sent, is damaged"
    )
    _refused(sync_stick(), message, "“fieldkit export”")
    assert own.read_bytes() == damaged
    # New changes are numbered after the lost ones: the file they are cut into does not
    # overlap the damaged one, which is still refused while its changes are not back.
    with Profile.open(tmp_path / "field", passphrase=passphrase) as again:
        for name in ("Asha Rao", "Sunita Devi"):
            again.contacts.add({"name": name})
        device = again.device_id
    _refused(sync_stick(), message, "“fieldkit export”")
    assert own.read_bytes() == damaged
    assert sorted(p.name for p in own.parent.iterdir()) == [
        own.name,
        f"{device}-0000000003-0000000004.fkb",
    ]
    # A sync with usb, where they were sent, brings them back; then the file is made again.
    with Profile.open(tmp_path / "field", passphrase=passphrase) as again:
        assert sync(again, target_from_location(str(tmp_path / "usb"))).changes == 2
        assert {c["name"] for c in again.contacts.list()} == {
            "Meena Das",
            "Ravi Kumar",
            "Asha Rao",
            "Sunita Devi",
        }
    done = sync_stick()
    assert done.exit_code == 0, done.output
    assert "It was made again from the same changes" in done.output
    assert own.read_bytes() != damaged


def test_a_damaged_relay_file_is_named_with_what_to_do(sealed, tmp_path):
    fk, sync_folder = sealed
    assert fk("field", "sync", str(tmp_path / "usb")).exit_code == 0  # headquarters' applied
    [passed_on] = (sync_folder / "relay").iterdir()
    _damage(passed_on)
    stick = str(tmp_path / "stick")  # still to be sent there
    _refused(
        fk("field", "sync", stick),
        f"The file {passed_on.name} in the sync folder ({sync_folder / 'relay'}), another "
        "device's changes kept to pass on,",
        "Delete it and sync again",
    )
    passed_on.unlink()
    assert fk("field", "sync", stick).exit_code == 0
    got = fk("hq", "sync", stick)
    assert "Files applied: 1 (changes: 1)." in got.output, got.output


def test_a_damaged_attachment_is_still_called_an_attachment(sealed, tmp_path):
    from fieldkit.profile import Profile

    fk, _sync_folder = sealed
    with Profile.open(tmp_path / "field", passphrase=PASS) as field:
        contact = field.contacts.list()[0]["id"]
        digest = field.attachments.get(field.attach_bytes(b"JPEG", "photo.jpg", contact))["sha256"]
        _damage(field.blob_path(digest))
    result = fk("field", "export", str(tmp_path / "all.fkb"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "An attachment file is damaged" in result.output
    assert "sync folder" not in result.output


def test_notices_of_a_sync_that_stops_on_a_damaged_relay_file_are_still_shown(sealed, tmp_path):
    """The outbox file is made again and sent, then a later file stops the sync: the user is
    told both, and the rebuilt file is not made again on the next sync."""
    fk, sync_folder = sealed
    assert fk("field", "sync", str(tmp_path / "usb")).exit_code == 0  # headquarters' applied
    [own] = (sync_folder / "outbox").iterdir()
    [passed_on] = (sync_folder / "relay").iterdir()
    _damage(own)
    _damage(passed_on)
    stick = str(tmp_path / "stick")
    output = _refused(
        fk("field", "sync", stick),
        f"The file {passed_on.name} in the sync folder ({sync_folder / 'relay'}), another "
        "device's changes kept to pass on,",
        f"The file {own.name} in the sync folder ({sync_folder / 'outbox'}), this device's "
        "changes waiting to be sent, was damaged or sealed by another device's profile. It "
        "was made again from the same changes, which this device still holds: nothing needs "
        "to be done.",
    )
    assert output.index("It was made again") < output.index("kept to pass on")
    assert _opens(tmp_path / "field", own)[:2] == b"PK"
    audit = fk("field", "audit").output
    assert "Damaged bundle of changes rebuilt from this device's changes: 1 change" in audit
    passed_on.unlink()  # as the message says
    again = fk("field", "sync", stick)
    assert again.exit_code == 0 and "made again" not in again.output, again.output
    got = fk("hq", "sync", stick)
    assert "Files applied: 1 (changes: 1)." in got.output, got.output


# --- damaged outbox files in an unencrypted profile ------------------------------------


def _flip_in_changes(path) -> None:
    """Flip the bits of one byte in the middle of a bundle's compressed changes (a byte
    anywhere may fall where nothing reads it, as the padding after the last deflate block)."""
    import struct
    import zipfile

    with zipfile.ZipFile(path) as zf:
        entry = zf.getinfo("changes.jsonl")
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack(
        "<HH", data[entry.header_offset + 26 : entry.header_offset + 30]
    )
    start = entry.header_offset + 30 + name_len + extra_len
    data[start + entry.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _alter_manifest(path) -> None:
    """Rewrite a bundle with one letter of its manifest changed: a well-formed archive whose
    manifest no longer matches its signature."""
    import io
    import zipfile

    with zipfile.ZipFile(path) as old:
        entries = {name: old.read(name) for name in old.namelist()}
    entries["manifest.json"] = entries["manifest.json"].replace(b'"delhi"', b'"delhj"', 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in entries.items():
            new.writestr(name, data)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize("damage", [_flip_in_changes, _alter_manifest])
def test_a_damaged_outbox_file_of_an_unencrypted_profile_is_rebuilt(fk, tmp_path, damage):
    from fieldkit.profile import Profile
    from fieldkit.sync.exchange import open_bundle

    for folder in ("usb", "stick", "share"):
        (tmp_path / folder).mkdir()
    fk("delhi", "contacts", "add", "--name", "Meena Das", "--phone", "+91 98100 11111")
    fk("delhi", "sync", "usb")  # the stick never reached headquarters
    [own] = (tmp_path / "delhi" / "sync" / "outbox").iterdir()
    damage(own)
    damaged = own.read_bytes()
    # As it is, headquarters would refuse it.
    (tmp_path / "copy.fkb").write_bytes(damaged)
    refused = fk("hq", "import", "copy.fkb", ok=False)
    assert refused.exit_code == 1 and "nothing was changed" in refused.output.lower()
    done = fk("delhi", "sync", "stick")
    assert "Files sent: 1 (changes: 0)." in done.output, done.output
    assert (
        f"The file {own.name} in the sync folder ({own.parent}), this device's changes "
        "waiting to be sent, was damaged or sealed by another device's profile. It was made "
        "again from the same changes, which this device still holds: nothing needs to be "
        "done." in done.output
    )
    audit = fk("delhi", "audit").output
    assert "Damaged bundle of changes rebuilt from this device's changes: 1 change" in audit
    # The file in its place verifies, and it is what the stick got.
    rebuilt = own.read_bytes()
    assert rebuilt != damaged
    [sent] = (tmp_path / "stick" / "fieldkit-sync").rglob("*.fkb")
    assert sent.name == own.name and sent.read_bytes() == rebuilt
    with Profile.open(tmp_path / "hq") as hq:
        bundle, _revocations = open_bundle(hq, rebuilt)
        assert [c[0] for c in bundle.changes] == [bundle.device]
    got = fk("hq", "sync", "stick")
    assert "Files applied: 1 (changes: 1)." in got.output, got.output
    # Both ways from then on, and the rebuilt file is sent as it is now.
    fk("hq", "contacts", "add", "--name", "Legal Aid Cell")
    fk("hq", "sync", "stick")
    assert "Files applied: 1" in fk("delhi", "sync", "stick").output
    for profile in ("hq", "delhi"):
        listed = json.loads(fk(profile, "contacts", "list", "--json").output)
        assert {(c["name"], c["phone"]) for c in listed} == {
            ("Meena Das", "+91 98100 11111"),
            ("Legal Aid Cell", None),
        }
    assert "made again" not in fk("delhi", "sync", "share").output


# --- damaged relay files -------------------------------------------------------------


def _flip_in_age_payload(path) -> None:
    """Flip one byte of an age file's encrypted content (after its header), which no
    longer matches its authentication tag."""
    data = bytearray(path.read_bytes())
    data[data.index(b"\n---") + 80] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("passphrase", [None, "blue river stone"], ids=["plain", "passphrase"])
def test_a_damaged_relay_file_is_held_back_and_fetched_again(fk, tmp_path, passphrase):
    """An unencrypted office relays Patna's file as it was received; damaged, it is not sent
    (every receiver would refuse it), the user is told at each sync, its own files still go,
    and a sync with the stick that holds an intact copy puts that copy in its place."""
    words = ("--passphrase", passphrase) if passphrase else ()
    for folder in ("usb", "stick"):
        (tmp_path / folder).mkdir()
    fk("patna", "contacts", "add", "--name", "Anti-Trafficking Unit, Patna")
    fk("patna", "sync", "usb", *words)
    fk("delhi", "contacts", "add", "--name", "Meena Das")
    assert "Files applied: 1 (changes: 1)." in fk("delhi", "sync", "usb", *words).output
    [passed_on] = (tmp_path / "delhi" / "sync" / "relay").iterdir()
    assert passed_on.name.endswith(".fkb.age" if passphrase else ".fkb")
    (_flip_in_age_payload if passphrase else _flip_in_changes)(passed_on)
    damaged = passed_on.read_bytes()
    fk("delhi", "contacts", "add", "--name", "Shelter Home, Okhla")
    message = (
        f"The file {passed_on.name} in the sync folder ({passed_on.parent}), another device's "
        "changes kept to pass on, is damaged or was sealed by another device's profile. "
        "Delete it and sync again"
    )

    for _sync in range(2):  # told once at each sync while the file is damaged
        done = fk("delhi", "sync", "stick", *words)
        assert done.output.count(message) == 1, done.output
        on_stick = sorted(p.name for p in (tmp_path / "stick").rglob("*.fkb*"))
        assert passed_on.name not in on_stick and len(on_stick) == 2  # Delhi's two files
    got = fk("hq", "sync", "stick", *words)
    assert "Files applied: 2 (changes: 2)." in got.output and "Refused" not in got.output
    assert passed_on.read_bytes() == damaged

    # The usb stick still holds Patna's file as Patna sent it: it is fetched again.
    again = fk("delhi", "sync", "usb", *words)
    assert "Files applied: 0 (changes: 0)." in again.output, again.output
    assert message not in again.output
    [original] = (tmp_path / "usb").rglob(passed_on.name)  # as Patna sent it
    assert passed_on.read_bytes() == original.read_bytes()
    sent = fk("delhi", "sync", "stick", *words)
    assert "Files sent: 1 (changes: 0)." in sent.output and message not in sent.output
    got = fk("hq", "sync", "stick", *words)
    assert "Files applied: 1 (changes: 1)." in got.output, got.output
    listed = json.loads(fk("hq", "contacts", "list", "--json").output)
    assert {c["name"] for c in listed} == {
        "Anti-Trafficking Unit, Patna",
        "Meena Das",
        "Shelter Home, Okhla",
    }


def test_a_relay_file_this_target_cannot_open_is_sent_as_it_is(fk, tmp_path):
    """Patna's file came with a passphrase; the stick is synced without one, so the office
    cannot look inside: it passes the file on unchecked, and headquarters, which has the
    passphrase, applies it."""
    words = ("--passphrase", "blue river stone")
    for folder in ("usb", "stick"):
        (tmp_path / folder).mkdir()
    fk("patna", "contacts", "add", "--name", "Anti-Trafficking Unit, Patna")
    fk("patna", "sync", "usb", *words)
    fk("delhi", "sync", "usb", *words)
    done = fk("delhi", "sync", "stick")
    assert "Files sent: 1 (changes: 0)." in done.output and "damaged" not in done.output
    got = fk("hq", "sync", "stick", *words)
    assert "Files applied: 1 (changes: 1)." in got.output, got.output
