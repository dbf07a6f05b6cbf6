"""vCard 2.1, 3.0 and 4.0 in (several contacts per file, photos included), vCard 4.0 out.

Encoded values of older phones (quoted-printable, base64, CHARSET) are decoded by
:mod:`fieldkit.interop.vcard_encoded` before vobject reads a card.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vobject

from fieldkit.data import entities as E
from fieldkit.errors import ValidationError
from fieldkit.i18n import _
from fieldkit.interop.csv_read import _not_text, _open_text, detect_encoding
from fieldkit.interop.draft import Draft
from fieldkit.interop.vcard_encoded import BASE64, BadValue, decode_card

log = logging.getLogger(__name__)

MAX_PHOTO = 10 * 1024 * 1024


def is_vcard(path: Path) -> bool:
    """Whether ``path`` holds vCards (by its name, or by its first line)."""
    if path.suffix.lower() in (".vcf", ".vcard"):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCARD")


def read_cards(path: Path) -> Iterator[tuple[int, str]]:
    """``(first line, text)`` of each card; text outside cards is ignored.

    A card that a new ``BEGIN:VCARD`` interrupts, or that the file ends inside, is
    yielded as it is (without its ``END:VCARD``), for the reader to reject.
    """
    encoding = detect_encoding(path)
    card: list[str] = []
    start = 0
    try:
        with _open_text(path, encoding) as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\r\n").lstrip("\ufeff")
                upper = line.strip().upper()
                if upper == "BEGIN:VCARD":
                    if start:
                        yield start, "\r\n".join(card) + "\r\n"
                    card, start = ["BEGIN:VCARD"], number
                elif start:
                    if upper == "END:VCARD":
                        card.append("END:VCARD")
                        yield start, "\r\n".join(card) + "\r\n"
                        card, start = [], 0
                    else:
                        card.append(line)
    except UnicodeDecodeError:  # e.g. UTF-16 cut in the middle of a character
        raise _not_text(path) from None
    if start:
        yield start, "\r\n".join(card) + "\r\n"


def drafts(path: Path) -> Iterator[Draft]:
    """A :class:`Draft` per card; a card that cannot be read becomes a row with a problem."""
    for line, text in read_cards(path):
        try:
            text = decode_card(text)
        except BadValue as bad:
            draft = Draft(line)
            draft.problems.append(_undecodable(bad, line))
            yield draft
            continue
        try:
            # The photo is read from the raw text; vobject would take ~150x its size.
            card = vobject.readOne(_PHOTO_LINE.sub("", text), validate=False)
        except Exception as exc:  # noqa: BLE001 - vobject raises many kinds for a bad card
            draft = Draft(line)
            draft.problems.append(_unreadable(text, line, exc))
            yield draft
            continue
        draft = to_draft(card, line)
        draft.photo, problem = _raw_photo(text)
        if problem:
            draft.warnings.append(problem)
        yield draft


_PHOTO_LINE = re.compile(r"^PHOTO[;:][^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n", re.M | re.I)


def _unreadable(text: str, line: int, exc: Exception) -> str:
    """Why the card starting on ``line`` cannot be read (``exc`` is what vobject raised)."""
    if not text.endswith("END:VCARD\r\n"):
        return _(
            "The vCard starting on line %(line)d has no END:VCARD line (the file may be cut "
            "short, or another vCard begins inside it). Export it again from the phone."
        ) % {"line": line}
    bad = _bad_line(text)
    if bad:
        return _(
            "The vCard starting on line %(line)d cannot be read: line %(bad)d is not "
            "a property (a folded line may have lost its leading space). Export it "
            "again from the phone or fix that line."
        ) % {"line": line, "bad": line + bad}
    if isinstance(exc, UnicodeError | LookupError | binascii.Error):
        return _(
            "The vCard starting on line %(line)d cannot be read: a value is in a character "
            "set or encoding that does not match its text. Export it again as vCard 3.0 or "
            "4.0 in UTF-8."
        ) % {"line": line}
    return _(
        "The vCard starting on line %(line)d cannot be read. Export it again from the phone "
        "as vCard 3.0 or 4.0."
    ) % {"line": line}


def _undecodable(bad: BadValue, line: int) -> str:
    """Why the card starting on ``line`` cannot be read: one of its values does not decode."""
    where = {"line": line, "property": bad.name, "bad": line + bad.offset}
    if bad.problem == "unknown-charset":
        return _(
            "The vCard starting on line %(line)d cannot be read: the %(property)s value on "
            "line %(bad)d is in a character set FieldKit does not know (%(charset)s). Export "
            "it again from the phone as vCard 3.0 or 4.0 in UTF-8."
        ) % {**where, "charset": bad.charset}
    if bad.problem == "charset":
        return _(
            "The vCard starting on line %(line)d cannot be read: the %(property)s value on "
            "line %(bad)d is not text in its character set (%(charset)s). Export it again "
            "from the phone as vCard 3.0 or 4.0 in UTF-8."
        ) % {**where, "charset": bad.charset}
    return _(
        "The vCard starting on line %(line)d cannot be read: the %(property)s value on "
        "line %(bad)d is not valid %(encoding)s. Export it again from the phone, or fix "
        "that line."
    ) % {**where, "encoding": "base64" if bad.encoding == BASE64 else "quoted-printable"}


def _bad_line(text: str) -> int:
    """The offset of the first line of a card that starts a property vobject cannot read
    (a folded part that lost its space, a line without a name), or 0."""
    lines = text.split("\r\n")
    start = None
    logical: list[str] = []
    for offset, raw in enumerate([*lines, ""]):
        if raw[:1] in (" ", "\t") and start is not None:
            logical.append(raw[1:])
            continue
        if start is not None:
            try:
                vobject.base.parseLine("".join(logical))
            except vobject.base.ParseError:
                return start
        start, logical = (offset, [raw]) if raw else (None, [])
    return 0


def _raw_photo(text: str) -> tuple[tuple[bytes, str] | None, str | None]:
    """The card's first embedded photo (3.0 base64 or 4.0 data: URI), read from the text,
    and what is wrong with it when it cannot be kept."""
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    match = re.search(r"^PHOTO([;:][^\r\n]*)", unfolded, re.MULTILINE | re.IGNORECASE)
    if not match:
        return None, None
    value = match[1].lstrip(";").partition(":")[2].strip()
    encoded = True
    if value.lower().startswith("data:"):
        meta, _sep, value = value[5:].partition(",")
        encoded = meta.lower().endswith(";base64")
    elif value.lower().startswith(("http:", "https:")):
        return None, None  # a link to a photo online: nothing to keep offline
    try:
        if encoded:
            data = base64.b64decode("".join(value.split()), validate=True)
        else:
            data = urllib.parse.unquote_to_bytes(value)
    except (binascii.Error, ValueError):
        data = b""
    if len(data) > MAX_PHOTO:
        return None, _(
            "The photo is larger than %(limit)d MB; the contact is imported without it."
        ) % {"limit": MAX_PHOTO // 2**20}
    kind = _image_kind(data)
    if kind is None:
        return None, _(
            "The photo is not a JPEG, PNG, GIF or WebP image that can be read; the contact "
            "is imported without it."
        )
    return (data, f"photo.{kind}"), None


def _image_kind(data: bytes) -> str | None:
    """The file extension of an image by its first bytes, or None when it is not one."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _types(prop) -> set[str]:
    """A property's types in lower case, however the card writes them.

    vCard 3.0 and 4.0 write ``TYPE=WORK,FAX`` (or ``TYPE="work,fax"``, or ``type=fax;
    type=work``); vCard 2.1 writes the words bare (``TEL;WORK;FAX``), which vobject keeps
    apart as singleton parameters.
    """
    types: set[str] = set()
    for value in [*prop.params.get("TYPE", []), *prop.singletonparams]:
        types.update(t.strip().strip('"').lower() for t in value.split(","))
    types.discard("")
    return types


NOT_PREFERRED = 101
"""The rank of a value no ``PREF`` marks (4.0's ``PREF=1`` to ``PREF=100``, 1 first)."""


def _rank(prop) -> int:
    """How much the card prefers ``prop`` among its kind: 1 most, :data:`NOT_PREFERRED` not.

    ``PREF=n`` (4.0) ranks it ``n``; ``TYPE=PREF`` (3.0) or a bare ``PREF`` (2.1) ranks
    it first, as does a ``PREF`` that is not a number.
    """
    rank = 1 if "pref" in _types(prop) else NOT_PREFERRED
    for value in prop.params.get("PREF", []):
        text = value.strip().strip('"')
        number = int(text) if text.isdecimal() and len(text) <= 3 else 1
        rank = min(rank, max(1, min(number, 100)))
    return rank


def _plain(value: Any) -> str:
    """A property value as text (a base64-encoded text value arrives as bytes)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value or "")


def _text(prop) -> str:
    return _joined(prop.value)


def to_draft(card: Any, line: int) -> Draft:
    """The contact a parsed vCard describes."""
    draft = Draft(line)
    contents = card.contents
    for prop in contents.get("fn", []):
        draft.set_first("name", _text(prop))
    for prop in contents.get("n", []):
        n = prop.value
        if hasattr(n, "family"):
            for part, attr in (
                ("prefix", "prefix"),
                ("given", "given"),
                ("middle", "additional"),
                ("family", "family"),
                ("suffix", "suffix"),
            ):
                value = _joined(getattr(n, attr), " ")
                if value:
                    draft.name_parts[part] = value
    for prop in contents.get("org", []):
        units = prop.value if isinstance(prop.value, list) else [prop.value]
        units = [unit for unit in map(_joined, units) if unit]
        if units:
            draft.set_first("organization", units[0])
            for unit in units[1:]:
                draft.notes.append(_("Department: %(name)s") % {"name": unit})
    for key, field in (("title", "title"), ("url", "website"), ("note", "notes")):
        for prop in contents.get(key, []):
            draft.set_first(field, _text(prop))
    for key, field in (("x-fieldkit-kind", "kind"), ("x-fieldkit-sensitivity", "sensitivity")):
        for prop in contents.get(key, []):
            draft.set_first(field, _text(prop).lower())
    # Every number in the card's order: the first is the phone (or fax), the others go to
    # the notes, whatever its other types (work, cell, home, voice, pref).
    for prop in contents.get("tel", []):
        number = _text(prop).removeprefix("tel:")
        (draft.faxes if "fax" in _types(prop) else draft.phones).append(number)
    _emails(draft, [_text(p) for p in sorted(contents.get("email", []), key=_rank)])
    for prop in contents.get("adr", [])[:1]:
        adr = prop.value
        if hasattr(adr, "street"):
            for part, attr in (("street", "street"), ("extended", "extended")):
                _address_part(draft, part, getattr(adr, attr))
            _address_part(draft, "region", adr.region)
            _address_part(draft, "postcode", adr.code)
            draft.set_first("city", _joined(adr.city))
            draft.set_first("country", _joined(adr.country))
    tags = [t.strip() for p in contents.get("categories", []) for t in _as_list(p.value)]
    if tags:
        draft.fields["tags"] = [t for t in tags if t]
    languages = [_text(p) for p in contents.get("lang", [])]
    if languages:
        draft.fields["languages"] = [lang for lang in languages if lang]
    for prop in contents.get("bday", [])[:1]:
        draft.birthday = _text(prop)
    return draft


def _as_list(value: Any) -> list[str]:
    return [_plain(v) for v in value] if isinstance(value, list) else _plain(value).split(",")


def _joined(value: Any, separator: str = ", ") -> str:
    """A value that may be a list (items a bare comma separates in 3.0 and 4.0) as text:
    its items trimmed and joined, the empty ones left out."""
    if not isinstance(value, list):
        return _plain(value).strip()
    return separator.join(item for item in (_plain(v).strip() for v in value) if item)


def _emails(draft: Draft, emails: list[str]) -> None:
    """Give ``draft`` the card's emails, most preferred first (``emails`` is in that order).

    The first valid one is the contact's email; the others, valid or not, are kept in the
    notes, and the preview says which are not addresses. When none is valid, the first
    stays first, for the row to be rejected with the reason.
    """
    emails = [part for e in emails for part in _addresses(e)]
    valid = [_is_email(e) for e in emails]
    if not any(valid):
        draft.emails.extend(emails)
        return
    best = valid.index(True)
    draft.emails.extend([emails[best], *emails[:best], *emails[best + 1 :]])
    for email, ok in zip(emails, valid, strict=True):
        if not ok:
            draft.warnings.append(
                _("“%(value)s” is not an email address; it is kept in the notes.")
                % {"value": email}
            )


def _addresses(value: str) -> list[str]:
    """The addresses in one EMAIL value: itself, or, when it is not an address but a list
    some phones write there (``a@x.org, b@y.org``), each of its items."""
    value = value.strip()
    if not value:
        return []
    # Most values hold no separator: they are not checked here, only by the caller.
    if not _LIST_SEPARATOR.search(value) or _is_email(value):
        return [value]
    return [item for item in (i.strip() for i in _LIST_SEPARATOR.split(value)) if item]


_LIST_SEPARATOR = re.compile(r"[,;]")


def _is_email(text: str) -> bool:
    """Whether the store takes ``text`` as a contact's email."""
    try:
        E.normalize(E.CONTACTS, {"email": text}, partial=True)
    except ValidationError:
        return False
    return True


def _address_part(draft: Draft, part: str, value: Any) -> None:
    text = _joined(value)
    if text:
        draft.address_parts[part] = text


# --- writing ------------------------------------------------------------------


def _fold(line: str) -> str:
    """Fold a long ASCII line at 75 octets (RFC 6350 3.2)."""
    if len(line) <= 75:
        return line
    parts = [line[:75]] + [line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n ".join(parts)


def contact_card(contact: dict[str, Any], photo: tuple[bytes, str] | None = None) -> str:
    """One contact as a vCard 4.0 (already redacted by the caller when it must be)."""
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("fn").value = contact.get("name") or ""
    card.add("kind").value = (
        "org" if contact.get("kind") in ("ngo", "hotline", "shelter") else ("individual")
    )
    if contact.get("title"):
        card.add("title").value = contact["title"]
    if contact.get("organization"):
        card.add("org").value = [contact["organization"]]
    for key, kind in (("phone", "voice"), ("fax", "fax")):
        if contact.get(key):
            tel = card.add("tel")
            tel.value = contact[key]
            tel.params["TYPE"] = [kind]
            tel.params["VALUE"] = ["text"]
    if contact.get("email"):
        card.add("email").value = contact["email"]
    if contact.get("website"):
        card.add("url").value = contact["website"]
    if any(contact.get(k) for k in ("address", "city", "country")):
        card.add("adr").value = vobject.vcard.Address(
            street=contact.get("address") or "",
            city=contact.get("city") or "",
            country=contact.get("country") or "",
        )
    for language in contact.get("languages") or []:
        card.add("lang").value = language
    if contact.get("tags"):
        card.add("categories").value = list(contact["tags"])
    if contact.get("notes"):
        card.add("note").value = contact["notes"]
    card.add("x-fieldkit-kind").value = contact.get("kind") or "other"
    card.add("x-fieldkit-sensitivity").value = contact.get("sensitivity") or "normal"
    if contact.get("id"):
        card.add("uid").value = f"urn:uuid:{contact['id']}"
    text = card.serialize()
    if photo:
        data, mime = photo
        uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        end = text.rindex("END:VCARD")
        text = text[:end] + _fold(f"PHOTO:{uri}") + "\r\n" + text[end:]
    return text
