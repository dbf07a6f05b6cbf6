"""Stored text as shown: control characters and bidi overrides as U+FFFD, in the command
line as in the app (fieldkit/text.py); ``--json`` keeps the stored text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli
from fieldkit.profile import Profile
from fieldkit.text import has_unsafe, one_line, printable


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Asha Rao", "Asha Rao"),
        ("\x1b[2JAsha\x1b]0;owned\x07", "\ufffd[2JAsha\ufffd]0;owned\ufffd"),
        ("nul\x00 del\x7f csi\x9b", "nul\ufffd del\ufffd csi\ufffd"),
        ("\u202e0010 555 1+\u202c", "\ufffd0010 555 1+\ufffd"),
        (
            "\u202a\u202b\u202d \u2066\u2067\u2068\u2069",
            "\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd",
        ),
        ("line one\r\nline two\tend", "line one\nline two\tend"),
        # Right-to-left letters and the marks that cannot reverse text stay as they are.
        ("شقتي \u200fمنظمة\u200e (جمعية)\u061c", "شقتي \u200fمنظمة\u200e (جمعية)\u061c"),
        ("אשה רָאוּ", "אשה רָאוּ"),
    ],
)
def test_printable(stored, shown):
    assert printable(stored) == shown
    assert has_unsafe(stored) == (shown != stored.replace("\r\n", "\n"))


def test_one_line_is_printable_on_one_line():
    assert one_line("  Asha\r\n Rao\t\x1b[2J ") == "Asha Rao \ufffd[2J"


def test_the_command_line_shows_overrides_as_replacement_characters(tmp_path):
    folder = tmp_path / "office"
    with Profile.create(folder) as profile:
        cid = profile.contacts.add({"name": "Asha \u202eoaR", "organization": "Unit\u2066 7"})

    def run(*args: str):
        result = CliRunner().invoke(cli, ["--profile", str(folder), *args])
        assert result.exit_code == 0, result.output
        return result.output

    listed, shown = run("contacts", "list"), run("contacts", "show", cid)
    for output in (listed, shown):
        assert "Asha \ufffdoaR" in output
        assert "Unit\ufffd 7" in output
        assert not set(output) & {"\u202e", "\u2066"}
    [record] = json.loads(run("contacts", "list", "--json"))
    assert record["name"] == "Asha \u202eoaR"
