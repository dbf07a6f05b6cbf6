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
    from fieldkit.sync.engine import sync, sync_dir, target_from_location

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


def test_damaged_outbox_and_relay_files_are_named_with_what_to_do(sealed, tmp_path):
    fk, sync_folder = sealed
    assert fk("field", "sync", str(tmp_path / "usb")).exit_code == 0  # headquarters' applied
    [own] = (sync_folder / "outbox").iterdir()
    [passed_on] = (sync_folder / "relay").iterdir()
    _damage(own)
    _damage(passed_on)
    stick = str(tmp_path / "stick")  # both files still to be sent there
    _refused(
        fk("field", "sync", stick),
        f"The file {own.name} in the sync folder ({sync_folder / 'outbox'}), this device's "
        "changes waiting to be sent,",
        "“fieldkit export”",
    )
    own.rename(tmp_path / own.name)  # as the message says
    _refused(
        fk("field", "sync", stick),
        f"The file {passed_on.name} in the sync folder ({sync_folder / 'relay'}), another "
        "device's changes kept to pass on,",
        "Delete it and sync again",
    )
    passed_on.unlink()
    assert fk("field", "sync", stick).exit_code == 0
    assert fk("field", "export", str(tmp_path / "all.fkb")).exit_code == 0
    assert "Changes applied: 1," in fk("hq", "import", str(tmp_path / "all.fkb")).output
    listed = json.loads(fk("hq", "contacts", "list", "--json").output)
    assert {c["name"] for c in listed} == {"Meena Das", "Legal Aid Cell"}


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
