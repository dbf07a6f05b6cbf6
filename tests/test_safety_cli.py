"""The passphrase, erase and audit commands, and a full disk, from the command line."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli
from fieldkit.data import encryption, store
from fieldkit.profile import Profile

PASS = "correct horse battery"


def run(args, env=None, input=None):
    return CliRunner().invoke(cli, args, env=env or {}, input=input, catch_exceptions=False)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "office"
    assert run(["--profile", str(path), "init", "--org", "Office"]).exit_code == 0
    assert run(["--profile", str(path), "contacts", "add", "--name", "Ravi Prakash"]).exit_code == 0
    return path


def test_passphrase_set_then_commands_need_it(folder):
    result = run(["--profile", str(folder), "passphrase", "set"], input=f"{PASS}\n{PASS}\n")
    assert result.exit_code == 0, result.output
    assert "now encrypted" in result.output
    assert encryption.is_encrypted(folder / "fieldkit.db")

    listing = run(["--profile", str(folder), "contacts", "list"], env={"FIELDKIT_PASSPHRASE": PASS})
    assert listing.exit_code == 0 and "Ravi Prakash" in listing.output

    wrong = run(["--profile", str(folder), "contacts", "list"], input="not it at all\n")
    assert wrong.exit_code == 1
    assert "passphrase is not correct" in wrong.output
    assert "Traceback" not in wrong.output

    log = run(["--profile", str(folder), "audit", "--json"], env={"FIELDKIT_PASSPHRASE": PASS})
    assert [e["action"] for e in json.loads(log.output)] == ["encrypt"]


def test_passphrase_change_from_the_command_line(folder):
    run(["--profile", str(folder), "passphrase", "set"], env={"FIELDKIT_NEW_PASSPHRASE": PASS})
    result = run(
        ["--profile", str(folder), "passphrase", "change"],
        env={"FIELDKIT_PASSPHRASE": PASS},
        input="another passphrase\nanother passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert "Passphrase changed" in result.output
    old = run(["--profile", str(folder), "stats"], env={"FIELDKIT_PASSPHRASE": PASS})
    assert old.exit_code == 1 and "not correct" in old.output
    new = run(
        ["--profile", str(folder), "audit"], env={"FIELDKIT_PASSPHRASE": "another passphrase"}
    )
    assert new.exit_code == 0 and "Passphrase changed" in new.output


def test_weak_new_passphrase_is_refused(folder):
    result = run(["--profile", str(folder), "passphrase", "set"], input="short\nshort\n")
    assert result.exit_code == 1 and "at least 8 characters" in result.output
    assert not encryption.is_encrypted(folder / "fieldkit.db")


def test_erase_needs_the_flag_and_the_typed_word(folder):
    refused = run(["--profile", str(folder), "erase"])
    assert refused.exit_code == 1 and "Nothing was erased" in refused.output
    mistyped = run(["--profile", str(folder), "erase", "--yes-erase-this-device"], input="erase\n")
    assert mistyped.exit_code == 1 and "did not match" in mistyped.output
    assert (folder / "fieldkit.db").exists()
    done = run(["--profile", str(folder), "erase", "--yes-erase-this-device"], input="ERASE\n")
    assert done.exit_code == 0, done.output
    assert not folder.exists()


def test_erase_removes_backups_and_attachments(tmp_path):
    p = Profile.create(tmp_path / "gone", passphrase=PASS)
    p.attach_bytes(b"photo", "p.jpg")
    p.backup()
    p.close()
    removed = encryption.erase_profile(tmp_path / "gone")
    assert removed >= 3
    assert not (tmp_path / "gone").exists()


def test_audit_empty_and_filtered(folder):
    assert "empty" in run(["--profile", str(folder), "audit"]).output
    run(["--profile", str(folder), "backup"])
    assert run(["--profile", str(folder), "restore", "--yes"]).exit_code == 0
    shown = run(["--profile", str(folder), "audit", "--action", "restore"])
    assert "Restore" in shown.output


def test_audit_in_spanish_local_time_and_raw_json(tmp_path, dated_audit):
    """`fieldkit audit` words each entry in the profile's language, in local time;
    --json keeps the stored values (UTC time, codes and counts)."""
    path = tmp_path / "oficina"
    assert (
        run(["--profile", str(path), "init", "--org", "Oficina", "--language", "es"]).exit_code == 0
    )
    with Profile.open(path) as p:
        dated_audit(p.store, "export", entity="contacts", format="csv", rows=1250, redacted=2)
    env = {"TZ": "Asia/Kolkata"}  # UTC+5:30
    shown = run(["--profile", str(path), "audit"], env=env)
    assert shown.exit_code == 0, shown.output
    line = shown.output.splitlines()[-1]
    assert "31 mar 2024, 19:35:09" in line and "Exportación" in line
    assert line.endswith(
        "Exportación de contactos: 1.250 filas y 2 contactos restringidos sin datos personales "
        "(archivo CSV)"
    )
    assert "rows=" not in shown.output and "entity" not in shown.output
    raw = json.loads(run(["--profile", str(path), "audit", "--json"], env=env).output)
    assert raw[0]["at"] == "2024-03-31T14:05:09.123+00:00"
    assert raw[0]["details"] == {"entity": "contacts", "format": "csv", "rows": 1250, "redacted": 2}


def test_full_disk_through_the_cli(folder, monkeypatch):
    """A write that finds no space: one clear line, nothing half-written."""
    real_connect = store.connect

    def small_disk(path, passphrase=None):
        conn = real_connect(path, passphrase)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(store, "connect", small_disk)
    result = run(
        ["--profile", str(folder), "contacts", "add", "--name", "Big", "--notes", "x" * 150_000]
    )
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "The disk is full: nothing was saved" in result.output
    assert "Traceback" not in result.output
    conn = sqlite3.connect(folder / "fieldkit.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM changes WHERE tbl = 'contacts'").fetchone()[0] == 1
    conn.close()


def test_erase_forgets_sync_passwords(folder, tmp_path):
    from fieldkit.sync import credentials
    from fieldkit.sync import targets as sync_targets

    with Profile.open(folder) as p:
        target = sync_targets.target_from_location(str(tmp_path / "usb"), name="usb")
        sync_targets.save_target(p, target, password="webdav secret")
        assert credentials.load_secret(p, "usb") == "webdav secret"
    done = run(["--profile", str(folder), "erase", "--yes-erase-this-device"], input="ERASE\n")
    assert done.exit_code == 0, done.output
    assert "Forgot the password of 1 sync target." in done.output
    assert not folder.exists()


def test_init_with_encryption(tmp_path):
    path = tmp_path / "new"
    result = run(
        ["--profile", str(path), "init", "--org", "Office", "--encrypt"], input=f"{PASS}\n{PASS}\n"
    )
    assert result.exit_code == 0, result.output
    assert encryption.is_encrypted(path / "fieldkit.db")
    shown = run(["--profile", str(path), "stats"], env={"FIELDKIT_PASSPHRASE": PASS})
    assert "Office" in shown.output


def test_erase_an_encrypted_profile_without_its_passphrase(tmp_path):
    Profile.create(tmp_path / "enc", passphrase=PASS).close()
    done = run(
        ["--profile", str(tmp_path / "enc"), "erase", "--yes-erase-this-device"],
        input="ERASE\nI forgot it\n",
    )
    assert done.exit_code == 0, done.output
    assert "erased anyway" in done.output
    assert not (tmp_path / "enc").exists()


def test_printing_letters_is_audited_and_redacted(folder, tmp_path):
    from pypdf import PdfReader

    from fieldkit import audit

    with Profile.open(folder) as p:
        campaign = p.campaigns.add({"title": "Pass the bill"})
        official = p.contacts.add(
            {"name": "Officer Rao", "address": "9 Quiet Lane", "sensitivity": "restricted"}
        )
        p.add_target(campaign, official)
    out = tmp_path / "letters.pdf"
    for extra, shown in (([], False), (["--include-restricted"], True)):
        result = run(
            ["--profile", str(folder), "leaflet", "letters", campaign, "--out", str(out), *extra]
        )
        assert result.exit_code == 0, result.output
        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
        assert ("Quiet Lane" in text) is shown
        assert ("address was left out" in result.output) is not shown
    with Profile.open(folder) as p:
        printed = [e["details"] for e in audit.entries(p.store, action="print")]
    assert printed[0]["template"] == "letter" and printed[0]["included_restricted"] is True
    assert printed[1]["included_restricted"] is False and printed[1]["pages"] == 1
