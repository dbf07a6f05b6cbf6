"""`fieldkit settings` and `fieldkit init --lock-after` on real profiles (click's CliRunner):
what is set on the command line is what the app's lock and Settings page read, and a bad
value is refused with one line, leaving the profile as it was."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli
from fieldkit.profile import Profile
from fieldkit.settings import idle_minutes


def saved(run) -> dict:
    result = run("settings", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_lock_time_set_on_the_command_line_is_what_the_lock_reads(run):
    assert run("init", "--org", "Shakti Vahini", "--country", "IN").exit_code == 0
    with Profile.open(run.folder) as profile:
        assert idle_minutes(profile) == 10  # the default, before anything is set
    result = run("settings", "set", "lock_after_minutes", "5")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Saved. Lock after (minutes without use): 5 minutes"
    with Profile.open(run.folder) as profile:
        assert idle_minutes(profile) == 5
    assert run("settings", "set", "lock-after-minutes", "0").exit_code == 0
    assert "Never" in run("settings", "show").output
    with Profile.open(run.folder) as profile:
        assert idle_minutes(profile) == 0  # 0: never lock when idle


def test_settings_lists_what_the_settings_page_has(run):
    run("init", "--org", "Shakti Vahini", "--device", "Delhi laptop", "--country", "IN")
    assert saved(run) == {
        "organization": "Shakti Vahini",
        "device_name": "Delhi laptop",
        "language": "en",
        "default_country": "IN",
        "lock_after_minutes": 10,
    }
    for args in (("settings",), ("settings", "show")):
        lines = run(*args).output.splitlines()
        assert lines[0].split() == ["Key", "Setting", "Value"]
        rows = {line.split("  ")[0]: line for line in lines[2:]}
        assert list(rows) == [
            "organization",
            "device_name",
            "language",
            "default_country",
            "lock_after_minutes",
        ]
        assert "Organisation" in rows["organization"] and "Shakti Vahini" in rows["organization"]
        assert "English (en)" in rows["language"]
        assert "India (IN)" in rows["default_country"]
        assert "10 minutes" in rows["lock_after_minutes"]
    assert json.loads(run("settings", "show", "--json").output) == saved(run)


def test_set_each_setting_as_the_page_saves_it(run):
    run("init")
    assert run("settings", "set", "organization", "  Shakti Vahini ").exit_code == 0
    assert run("settings", "set", "device_name", "Delhi laptop").exit_code == 0
    assert run("settings", "set", "default_country", "ke").output.strip() == (
        "Saved. Default country: Kenya (KE)"
    )
    assert saved(run)["default_country"] == "KE"
    assert run("settings", "set", "default_country", "").exit_code == 0  # none
    result = run("settings", "set", "language", "fr")
    assert result.output.strip() == "Enregistré. Langue : français (fr)"  # at once in French
    assert saved(run) == {
        "organization": "Shakti Vahini",
        "device_name": "Delhi laptop",
        "language": "fr",
        "default_country": "",
        "lock_after_minutes": 10,
    }


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "lock_after_minutes",
            "-5",
            "“-5” is not a lock time: give a whole number of minutes from 0 (never lock) to 240.",
        ),
        ("lock_after_minutes", "241", "“241” is not a lock time"),
        ("lock_after_minutes", "ten", "“ten” is not a lock time"),
        ("lock_after_minutes", "2.5", "“2.5” is not a lock time"),
        (
            "default_country",
            "ZZ",
            "“ZZ” is not a country code (use two letters such as IN, KE, US).",
        ),
        (
            "language",
            "de",
            "FieldKit does not speak “de”. Choose one of: en, es, fr, pt_BR, ar, hi, sw, ru.",
        ),
        (
            "colour",
            "red",
            "There is no setting “colour”. The settings are: organization, device_name, "
            "language, default_country, lock_after_minutes.",
        ),
    ],
)
def test_bad_values_are_refused_and_change_nothing(run, key, value, message):
    run("init", "--org", "Shakti Vahini", "--country", "IN", "--lock-after", "7")
    before = saved(run)
    with Profile.open(run.folder) as profile:
        changes = profile.stats()["changes"]
    result = run("settings", "set", key, value)
    assert result.exit_code == 1
    assert result.output.startswith("Error: " + message)
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert saved(run) == before
    with Profile.open(run.folder) as profile:
        assert profile.stats()["changes"] == changes


def test_init_lock_after(run, tmp_path):
    result = run("init", "--lock-after", "3")
    assert result.exit_code == 0, result.output
    with Profile.open(run.folder) as profile:
        assert idle_minutes(profile) == 3
    other = tmp_path / "other"
    result = CliRunner().invoke(cli, ["--profile", str(other), "init", "--lock-after", "999"])
    assert result.exit_code == 1 and "“999” is not a lock time" in result.output
    assert not (other / "fieldkit.db").exists()  # no profile was made


def test_settings_needs_a_profile(run):
    result = run("settings")
    assert result.exit_code == 1 and "There is no FieldKit profile" in result.output


@pytest.mark.gui
def test_the_app_locks_after_the_time_set_on_the_command_line(run, open_app):
    pytest.importorskip("PySide6.QtWidgets")
    run("init", "--org", "Shakti Vahini")
    assert run("settings", "set", "lock_after_minutes", "4").exit_code == 0
    session = open_app(run.folder)
    assert session.lock.idle_ms == 4 * 60_000
    page = session.window.show_section("settings")
    assert page.lock_after.value() == 4


@pytest.mark.gui
def test_the_settings_page_refuses_what_the_command_refuses(run, open_app):
    pytest.importorskip("PySide6.QtWidgets")
    run("init", "--country", "IN")
    refused = run("settings", "set", "default_country", "ZZ").output.strip()
    session = open_app(run.folder)
    page = session.window.show_section("settings")
    page.country.setText("ZZ")
    page.save_button.click()
    assert page.error.isVisibleTo(page) and refused == "Error: " + page.error.text()
    with Profile.open(run.folder) as profile:
        assert profile.setting("default_country") == "IN"
