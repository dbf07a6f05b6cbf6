"""The `fieldkit` command, driven as a script would drive it (click's CliRunner)."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import click
import pytest
from click.testing import CliRunner

from fieldkit.cli import cli


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from all_commands(command, path)


def test_every_command_has_help_with_an_example():
    missing = [
        " ".join(path)
        for path, command in all_commands(cli)
        if "Example:" not in (command.help or "")
    ]
    assert missing == []
    assert "Example:" in cli.help


def test_help_examples_print_line_by_line_as_written():
    lines = [
        line.strip() for line in CliRunner().invoke(cli, ["export", "--help"]).output.splitlines()
    ]
    assert "fieldkit export hq-snapshot.fkb --snapshot" in lines  # not run into the line above
    assert 'fieldkit export for-lawyer.fkb --snapshot --outside --passphrase "long words"' in lines
    help_text = CliRunner().invoke(cli, ["contacts", "add", "--help"]).output
    assert "--country IN --tags police,delhi" in help_text  # one line, ready to copy


def test_init_add_list_show_edit_delete_restore(run):
    result = run("init", "--org", "Shakti", "--device", "Delhi laptop", "--country", "IN")
    assert result.exit_code == 0, result.output
    result = run("contacts", "add", "--name", "Asha Rao", "--kind", "official", "--country", "in")
    assert result.exit_code == 0, result.output
    cid = result.output.strip()
    listed = run("contacts", "list", "--json")
    assert [c["name"] for c in json.loads(listed.output)] == ["Asha Rao"]
    table = run("contacts", "list", "--country", "IN")
    assert "Asha Rao" in table.output and "Official" in table.output and "India" in table.output
    assert run("contacts", "edit", cid, "--title", "Deputy Secretary").output.strip() == "Saved."
    shown = json.loads(run("contacts", "show", cid, "--json").output)
    assert shown["title"] == "Deputy Secretary"
    assert "restore" in run("contacts", "delete", cid).output
    assert "No contacts found." in run("contacts", "list").output
    assert run("contacts", "restore", cid).exit_code == 0
    assert "Asha Rao" in run("contacts", "show", cid).output


def test_campaign_with_targets_timeline_and_outreach(run):
    run("init")
    cid = run("contacts", "add", "--name", "Senator Ortiz", "--phone", "+1 202 555 0101")
    cid = cid.output.strip()
    camp = run("campaigns", "add", "--title", "Pass the bill", "--asks", "Vote yes, Co-sponsor")
    camp = camp.output.strip()
    assert run("campaigns", "add-target", camp, cid, "--role", "Chair").exit_code == 0
    run("campaigns", "add-update", camp, "--date", "2018-03-21", "--text", "Passed 97-2")
    shown = run("campaigns", "show", camp)
    assert "Senator Ortiz (Chair)" in shown.output and "Mar 21, 2018 Passed 97-2" in shown.output
    logged = run(
        "outreach", "add", "--contact-id", cid, "--campaign-id", camp, "--channel", "call",
        "--date", "2018-03-01", "--follow-up", "2018-03-15",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    due = run("outreach", "due", "--until", "2018-03-31")
    assert "Senator Ortiz" in due.output and "Mar 15, 2018" in due.output and "Call" in due.output
    assert json.loads(run("outreach", "due", "--json").output)[0]["follow_up"] == "2018-03-15"


def test_search_and_stats(run):
    run("demo")
    found = json.loads(run("search", "paler", "--entity", "laws", "--json").output)
    assert found, "the Palermo Protocol is found by a prefix"
    shown = json.loads(run("laws", "show", found[0]["id"], "--json").output)
    assert "Palermo" in shown["short_title"] + shown["title"]
    assert found[0]["subtitle"] == "intl · treaty · in_force"  # scripts get the stored codes
    assert "Law" in run("search", "paler", "--entity", "laws").output.splitlines()[2]
    assert "International · Treaty · In force" in run("search", "paler").output
    assert "Nothing matches" in run("search", "zzzzqqq").output
    stats = json.loads(run("stats", "--json").output)
    assert stats["counts"]["laws"] > 0
    assert stats["changes"] > 0


def test_backup_and_restore_from_the_command_line(run):
    run("init")
    cid = run("contacts", "add", "--name", "Before").output.strip()
    assert "Backup written" in run("backup").output
    run("contacts", "edit", cid, "--name", "After")
    name = run("backup", "--list").output.splitlines()[0]
    restored = run("restore", name, "--yes")
    assert restored.exit_code == 0, restored.output
    assert json.loads(run("contacts", "show", cid, "--json").output)["name"] == "Before"


def db_hash(folder):
    return hashlib.sha256((folder / "fieldkit.db").read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("contacts", "show", "no-such-id"), "No contact with id no-such-id"),
        (("contacts", "edit", "no-such-id", "--name", "X"), "No contact with id no-such-id"),
        (("contacts", "add", "--title", "no name"), "Name is required"),
        (("contacts", "add", "--name", "X", "--email", "asha@"), "not an email address"),
        (("contacts", "add", "--name", "X", "--country", "Narnia"), "not a country code"),
        (
            ("outreach", "add", "--contact-id", "x", "--channel", "call", "--date", "31/12/24"),
            "not a date",
        ),
        (("contacts", "list", "--sort", "password"), "Cannot sort by"),
    ],
)
def test_bad_input_gives_one_clear_line_and_changes_nothing(run, args, message):
    run("init")
    run("contacts", "add", "--name", "Existing")
    before = db_hash(run.folder)
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert db_hash(run.folder) == before


def test_missing_profile_corrupt_file_and_newer_schema(run, tmp_path):
    result = run("stats")
    assert result.exit_code == 1 and "fieldkit init" in result.output
    run("init")
    conn = sqlite3.connect(run.folder / "fieldkit.db")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('fieldkit', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    result = run("contacts", "list")
    assert result.exit_code == 1 and "newer version of FieldKit" in result.output
    (run.folder / "fieldkit.db").write_bytes(b"SQLite format 3\x00" + b"\x00\xff" * 3000)
    for name in ("fieldkit.db-wal", "fieldkit.db-shm"):
        (run.folder / name).unlink(missing_ok=True)
    result = run("contacts", "list")
    assert result.exit_code == 1
    assert "damaged" in result.output and "fieldkit restore" in result.output
    assert "Traceback" not in result.output


def test_init_refuses_a_language_fieldkit_does_not_speak(run, tmp_path):
    result = run("init", "--language", "xx")
    assert result.exit_code == 2 and "--language" in result.output and "pt_BR" in result.output
    assert "Traceback" not in result.output
    assert run("stats").exit_code != 0  # no profile was made


def test_init_refuses_to_overwrite(run):
    run("init")
    result = run("init")
    assert result.exit_code == 1 and "already exists" in result.output


def test_tables_speak_the_profile_language_and_json_stays_raw(run):
    assert run("init", "--language", "es").output.startswith("Se creó un perfil en ")
    run("contacts", "add", "--name", "Asha Rao", "--kind", "official", "--country", "US")
    run("campaigns", "add", "--title", "Fondos", "--start-date", "2026-01-05", "--country", "BR")
    contacts = run("contacts", "list").output
    assert contacts.split()[:3] == ["ID", "Nombre", "Tipo"]
    assert "Autoridad" in contacts and "Estados Unidos" in contacts
    assert "official" not in contacts and " US " not in contacts
    campaigns = run("campaigns", "list").output
    assert "Activa" in campaigns and "Brasil" in campaigns and "5 ene 2026" in campaigns
    assert "2026-01-05" not in campaigns
    camp = json.loads(run("campaigns", "list", "--json").output)[0]
    assert (camp["status"], camp["country"], camp["start_date"]) == ("active", "BR", "2026-01-05")
    shown = run("campaigns", "show", camp["id"]).output
    parts = (line.partition("  ") for line in shown.splitlines())
    fields = {label: value.strip() for label, _sep, value in parts}
    assert fields["Fecha de inicio"] == "5 ene 2026" and fields["País"] == "Brasil"
    contact = json.loads(run("contacts", "list", "--json").output)[0]
    assert (contact["kind"], contact["country"]) == ("official", "US")
    assert run("laws", "list").output.strip() == "No se encontraron leyes."
