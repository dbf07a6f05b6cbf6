"""The `fieldkit` program speaks the user's system language until a profile is open.

Run as a user runs it, in a process of its own with the locale variables set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fieldkit import i18n

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "FIELDKIT_LANGUAGE")


def fieldkit(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the `fieldkit` program with only the given locale variables set."""
    environ = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", "from fieldkit.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )


def test_help_in_french_from_lang():
    result = fieldkit("--help", LANG="fr_FR.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Utilisation : fieldkit")
    assert "FieldKit : contacts, campagnes, supports et résumés de lois, hors ligne." in (
        result.stdout
    )
    assert "Exemple :" in result.stdout


def test_language_lists_languages_in_order():
    result = fieldkit("--help", LANGUAGE="sw:fr", LANG="fr_FR.UTF-8")
    assert result.stdout.startswith("Matumizi: fieldkit")
    result = fieldkit("--help", LANGUAGE="de:fr")  # the first language FieldKit speaks
    assert result.stdout.startswith("Utilisation : fieldkit")


@pytest.mark.parametrize("value", ["C", "C.UTF-8", "POSIX", "de_DE.UTF-8", "xx"])
def test_c_and_unknown_languages_stay_english(value):
    result = fieldkit("--help", LANG=value)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: fieldkit")
    assert "FieldKit: contacts, campaigns, materials and law summaries, offline." in result.stdout


def test_fieldkit_language_wins():
    result = fieldkit("--help", FIELDKIT_LANGUAGE="ru", LANG="fr_FR.UTF-8")
    assert result.stdout.startswith("Использование: fieldkit")


def test_messages_before_a_profile_is_open_speak_the_system_language(tmp_path):
    missing = tmp_path / "nowhere"
    result = fieldkit("--profile", str(missing), "stats", LANG="hi_IN")
    expected = i18n.translator("hi").gettext(
        "There is no FieldKit profile at %(path)s. Create one with "
        "“fieldkit init” or pick another with --profile."
    ) % {"path": missing}
    assert result.returncode == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_profile_language_takes_over(tmp_path):
    folder = str(tmp_path / "office")
    assert fieldkit("--profile", folder, "init", "--language", "es").returncode == 0
    result = fieldkit("--profile", folder, "search", "nada", LANG="fr_FR.UTF-8")
    assert result.stdout.strip() == "Nada coincide con «nada»."


def test_a_new_profile_speaks_the_language_the_command_speaks(tmp_path):
    folder = str(tmp_path / "bureau")
    created = fieldkit("--profile", folder, "init", LANG="fr_FR.UTF-8")
    assert created.returncode == 0 and created.stdout.startswith("Profil créé")
    shown = fieldkit("--profile", folder, "search", "rien", LANG="C.UTF-8")
    assert shown.stdout.strip() == "Aucun résultat pour « rien »."
    chosen = fieldkit(
        "--profile", str(tmp_path / "ofisi"), "init", "--language", "sw", LANG="fr_FR"
    )
    assert chosen.returncode == 0 and not chosen.stdout.startswith("Profil créé")


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "hi_IN"}, "hi"),
        ({"LANG": "pt_BR.UTF-8"}, "pt_BR"),
        ({"LANG": "pt_PT.UTF-8"}, "pt_BR"),  # the Portuguese FieldKit has
        ({"LANG": "ar_EG.UTF-8@latn"}, "ar"),
        ({"LANG": "sw-KE"}, "sw"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
        ({"LANGUAGE": "", "LANG": "ru_RU.UTF-8"}, "ru"),  # an empty variable does not count
        ({"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "hi_IN"}, "es"),
        ({"LC_MESSAGES": "fr_FR", "LANG": "hi_IN"}, "fr"),
        ({"LANGUAGE": "xx:ar", "LC_ALL": "fr_FR.UTF-8"}, "ar"),
    ],
)
def test_system_language_follows_gettext(environ, language):
    assert i18n.system_language(environ) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"FIELDKIT_LANGUAGE": "ru", "LANG": "fr_FR.UTF-8"}, "ru"),
        ({"FIELDKIT_LANGUAGE": "fr_FR.UTF-8"}, "fr"),
        ({"FIELDKIT_LANGUAGE": "pt"}, "pt_BR"),
        ({"FIELDKIT_LANGUAGE": "xx", "LANG": "fr_FR.UTF-8"}, "en"),  # it still wins
        ({"FIELDKIT_LANGUAGE": "", "LANG": "hi_IN"}, "hi"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_environment_language_is_one_fieldkit_speaks(environ, language):
    assert i18n.environment_language(environ) == language


@pytest.mark.parametrize(("value", "saved"), [("xx", "en"), ("fr_FR.UTF-8", "fr")])
def test_init_saves_a_language_fieldkit_speaks(tmp_path, value, saved):
    folder = str(tmp_path / "office")
    assert fieldkit("--profile", folder, "init", FIELDKIT_LANGUAGE=value).returncode == 0
    shown = fieldkit("--profile", folder, "settings", "--json", LANG="C.UTF-8")
    assert json.loads(shown.stdout)["language"] == saved
