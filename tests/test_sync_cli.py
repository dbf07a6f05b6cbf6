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
