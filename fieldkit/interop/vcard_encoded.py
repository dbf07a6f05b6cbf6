"""Encoded values in vCards from older phones, decoded before vobject reads the card.

vCard 2.1 (and some 3.0 writers) encode a property's value: quoted-printable
(``ENCODING=QUOTED-PRINTABLE`` or a bare ``QUOTED-PRINTABLE``, lines joined by soft
line breaks, a ``=`` at the end of a line) or base64 (``ENCODING=BASE64``,
``ENCODING=B`` or a bare ``BASE64``), in the character set its ``CHARSET`` names
(UTF-8 when it names none). vobject decodes a few of these for text properties
such as FN and NOTE, but neither soft line breaks nor structured properties (N, ORG,
ADR): :func:`decode_card` rewrites every encoded property of a card as plain text,
escaped as vCard 3.0 escapes it, so that vobject reads them all alike.

vCard 2.1 has no comma escaping: a comma is a letter (``Plot 21, Jasola``), where 3.0
and 4.0 write a literal comma ``\\,`` and a bare one separates the items of a list.
vobject reads every card as 3.0, so :func:`decode_card` also escapes the commas (and
the backslashes) of the plain text properties of a 2.1 card.

In 3.0 and 4.0 a bare comma in a single-valued text property (FN, TITLE, NOTE, EMAIL,
TEL…) is invalid, but many writers leave it there, and vobject would keep only the text
before it. :func:`decode_card` escapes those bare commas too, so the value is kept
whole; the properties whose commas do separate items (:data:`SEPARATED`) keep them.

Binary properties (PHOTO, LOGO, SOUND, KEY) are left as they are: the photo is read
from the raw text.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from dataclasses import dataclass

QUOTED_PRINTABLE = "quoted-printable"
BASE64 = "base64"

BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
"""Properties whose encoded value is data, not text."""

LISTS = frozenset({"CATEGORIES"})
"""Properties whose commas separate items in vCard 2.1 as in 3.0 (``CATEGORIES:a,b``)."""

SEPARATED = frozenset({"N", "ADR", "ORG", "CATEGORIES", "NICKNAME"})
"""Properties whose bare commas separate items in vCard 3.0 and 4.0 (a name's given
names, an address's streets, a list of tags)."""

AS_WRITTEN = frozenset({"GEO"})
"""Properties vobject keeps as written, without undoing escapes (``geo:37.4,-122.1``)."""

_NOT_TEXT = BINARY | LISTS | AS_WRITTEN | {"BEGIN", "END", "VERSION"}
"""Properties of a 2.1 card whose plain value is left as written."""

_NOT_SINGLE_TEXT = _NOT_TEXT | SEPARATED
"""Properties of a 3.0 or 4.0 card whose plain value is left as written."""

_BARE_COMMAS_KEPT = SEPARATED | AS_WRITTEN
"""Properties of a 3.0 or 4.0 card whose decoded value keeps its bare commas."""

_NAME = re.compile(r"(?:[A-Za-z0-9-]{1,64}\.)?([A-Za-z0-9-]{1,64})")
_HEAD = re.compile(r'((?:[^":]|"[^"]*")*):')
"""A property's name and parameters, up to the first colon outside double quotes."""
_BAD_ESCAPE = re.compile(r"=(?![0-9A-Fa-f]{2})")
_ESCAPE_OR_COMMA = re.compile(r"\\.|,", re.S)
"""An escape (``\\,``, ``\\\\``, ``\\n``), or a bare comma."""
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CHARSET_SHOWN = 40
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})
"""Text codecs Python knows that are escapes or transfer forms, not character sets."""


@dataclass
class BadValue(Exception):  # noqa: N818 - a card's fate, told to the reader
    """A property whose value does not decode: where it is, and what is wrong."""

    offset: int
    """Its first line, counting from the card's BEGIN:VCARD line (0)."""
    name: str
    """The property's name (“N”, “ORG”)."""
    encoding: str
    """:data:`QUOTED_PRINTABLE` or :data:`BASE64`."""
    charset: str
    problem: str
    """``"encoding"`` (not valid in its encoding), ``"charset"`` (the bytes are not text
    in its character set) or ``"unknown-charset"``."""


def decode_card(text: str) -> str:
    """``text`` (one card, lines ending in CRLF) with every encoded text property decoded,
    in a vCard 2.1 every text property escaped as vCard 3.0 escapes it, and in a 3.0 or
    4.0 the bare commas of every single-valued text property escaped.

    A property that spanned several lines is written on one, followed by as many empty
    lines as it lost, so every other line keeps its number. Raises :class:`BadValue`.
    """
    lines = text.split("\r\n")
    version = _version(lines)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line[:1] in (" ", "\t"):
            # A folded part of a property left as written (a photo's thousands of lines):
            # a property that is rewritten takes its own folded parts below.
            out.append(line)
            index += 1
            continue
        property_ = _encoded(line)
        if property_ is None:
            property_ = _plain(line, _NOT_TEXT if version == "2.1" else _NOT_SINGLE_TEXT)
            if property_ is None:
                out.append(line)
                index += 1
                continue
        name, kept, encoding, charset, value = property_
        start = index
        pieces = [value]
        index += 1
        while index < len(lines):
            following = lines[index]
            if (
                encoding == QUOTED_PRINTABLE
                and pieces[-1].endswith("=")
                and following.strip().upper() != "END:VCARD"
            ):
                pieces[-1] = pieces[-1][:-1]  # a soft line break
                pieces.append(following)
            elif following[:1] in (" ", "\t"):
                pieces.append(following[1:])  # a folded line
            else:
                break
            index += 1
        try:
            decoded = _decode("".join(pieces), encoding, charset) if encoding else "".join(pieces)
        except BadValue as bad:
            bad.offset, bad.name = start, name
            raise
        out.append(f"{kept}:{_escaped(decoded, version, name)}")
        out.extend("" for _ in range(index - start - 1))
    return "\r\n".join(out)


def _version(lines: list[str]) -> str:
    for line in lines:
        head, _sep, value = line.partition(":")
        if head.strip().upper() == "VERSION":
            return value.strip()
    return ""


def _encoded(line: str) -> tuple[str, str, str, str, str] | None:
    """For a line that starts an encoded text property: its name, its name and the
    parameters to keep, its encoding, its character set and the start of its value."""
    head, colon, value = line.partition(":")
    if not colon:
        return None
    group_name, *params = head.split(";")
    match = _NAME.fullmatch(group_name)
    if not match or match[1].upper() in BINARY or not params:
        return None
    encoding = None
    charset = "utf-8"
    kept = [group_name]
    for param in params:
        key, equals, given = param.partition("=")
        key = key.strip().upper()
        given = given.strip().strip('"')
        if not equals and key == "QUOTED-PRINTABLE":
            encoding = QUOTED_PRINTABLE
        elif not equals and key == "BASE64":
            encoding = BASE64
        elif equals and key == "ENCODING" and given.upper() == "QUOTED-PRINTABLE":
            encoding = QUOTED_PRINTABLE
        elif equals and key == "ENCODING" and given.upper() in ("BASE64", "B"):
            encoding = BASE64
        elif equals and key == "CHARSET":
            charset = given or charset
        else:
            kept.append(param)
    if encoding is None:
        return None
    return match[1].upper(), ";".join(kept), encoding, charset, value


def _plain(line: str, left: frozenset[str]) -> tuple[str, str, str, str, str] | None:
    """For a line that starts a plain (unencoded) text property not named in ``left``: its
    name, the line up to the colon before its value, no encoding, no character set and
    the start of its value."""
    head = _HEAD.match(line)
    if head is None:
        return None
    match = _NAME.fullmatch(head[1].split(";")[0])
    if not match or match[1].upper() in left:
        return None
    return match[1].upper(), head[1], "", "", line[head.end() :]


def _decode(value: str, encoding: str, charset: str) -> str:
    def bad(problem: str) -> BadValue:
        return BadValue(0, "", encoding, charset[:_CHARSET_SHOWN], problem)

    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise bad("unknown-charset") from None
    # "zlib" or "hex" are codecs too, but not character sets.
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_CHARSETS:
        raise bad("unknown-charset")
    if encoding == QUOTED_PRINTABLE:
        value = value.removesuffix("=")
        if _BAD_ESCAPE.search(value):
            raise bad("encoding")
        try:
            # Letters a phone left unencoded are in the property's character set.
            raw = value.encode("ascii" if value.isascii() else codec.name)
        except UnicodeEncodeError:
            raise bad("charset") from None
        data = binascii.a2b_qp(raw)
    else:
        packed = "".join(value.split())
        if not packed.isascii():
            raise bad("encoding")
        try:
            data = base64.b64decode(packed + "=" * (-len(packed) % 4), validate=True)
        except binascii.Error:
            raise bad("encoding") from None
    try:
        return data.decode(codec.name).removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise bad("charset") from None


def _escaped(value: str, version: str, name: str) -> str:
    """A decoded value as vCard 3.0 writes it: the escapes a 2.1 value lacks (commas,
    backslashes) added, except in a list (:data:`LISTS`); in 3.0 and 4.0, bare commas
    escaped, except where they separate items (:data:`SEPARATED`); line breaks as
    ``\\n``."""
    if version == "2.1":
        if name not in LISTS:
            # In 2.1 only “\;” is an escape; a comma or another backslash is a letter.
            value = re.sub(r"\\(?!;)", r"\\\\", value).replace(",", "\\,")
    elif name not in _BARE_COMMAS_KEPT and "," in value:
        value = _ESCAPE_OR_COMMA.sub(_comma_escaped, value)
    return _NEWLINE.sub(r"\\n", value)


def _comma_escaped(match: re.Match[str]) -> str:
    """A bare comma escaped; an escape as it is."""
    return "\\," if match[0] == "," else match[0]
