"""Stored text made safe to show, for the command line and the app alike.

A record can hold any character that a file brought in: a hostile CSV can put terminal
escape sequences (ESC, the C0 and C1 control characters) or Unicode bidi overrides into a
name. Printed or drawn as they are, the first can clear or retitle a terminal, and the
second can show a name or a phone number reversed (after U+202E RIGHT-TO-LEFT OVERRIDE,
a stored "+1 555 0100" reads "0010 555 1+"). Where stored text is shown to be read (tables, lists,
read-only views, window titles, the command line's record views) it goes through
:func:`printable` or :func:`one_line`, which show each such character as U+FFFD, so that
something odd is seen rather than acted on. The store, ``--json``, exports and the app's edit
fields keep the text as it is, so nothing is lost.

Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as U+FFFD
too: Arabic, Hebrew or mixed text needs none of them to display right (the Unicode bidi
algorithm orders it by the letters themselves), while an override reorders what people read.
The marks U+200E, U+200F and U+061C, which cannot reverse text, are kept.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and isolates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters and bidi overrides shown as U+FFFD, so that showing it
    is harmless. Tab and newline are kept, and a Windows line end is a newline."""
    return _UNSAFE.sub(REPLACEMENT, text.replace("\r\n", "\n"))


def has_unsafe(text: str) -> bool:
    """Whether :func:`printable` shows a character of ``text`` as U+FFFD."""
    return _UNSAFE.search(text.replace("\r\n", "\n")) is not None


def one_line(text: str) -> str:
    """``text`` for a cell, a list item or a title: :func:`printable`, on one line (every run
    of white space, line breaks included, shown as one space)."""
    return printable(" ".join(text.split()))
