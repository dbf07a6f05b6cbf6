"""One contact as read from a file, before it is checked: turned into store values by
:func:`finish`, with the warnings to show in the preview or the reason to reject it."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fieldkit.data import entities as E
from fieldkit.errors import ValidationError
from fieldkit.i18n import _
from fieldkit.interop.phones import PhoneNormalizer

NAME_PARTS = ("prefix", "given", "middle", "family", "suffix")
ADDRESS_PARTS = ("street", "extended", "region", "postcode")


class RowRejected(Exception):  # noqa: N818 - a row's fate, carried to the preview
    """A row that cannot be imported; ``reason`` says why (already translated)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Draft:
    """What a reader found for one contact (a CSV row or a vCard)."""

    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    name_parts: dict[str, str] = field(default_factory=dict)
    address_parts: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    birthday: str | None = None
    photo: tuple[bytes, str] | None = None
    problems: list[str] = field(default_factory=list)
    """Why the row cannot be imported (it is rejected)."""
    warnings: list[str] = field(default_factory=list)
    """What the preview should point out about a row that is imported."""

    def set_first(self, name: str, value: str) -> None:
        """Set a field unless an earlier column already did."""
        if value and not self.fields.get(name):
            self.fields[name] = value


def finish(draft: Draft, phones: PhoneNormalizer) -> tuple[dict[str, Any], list[str]]:
    """Store values (normalized) and warnings for ``draft``; raises :class:`RowRejected`."""
    if draft.problems:
        raise RowRejected(" ".join(draft.problems))
    values = {k: v for k, v in draft.fields.items() if v not in (None, "", [])}
    warnings: list[str] = list(draft.warnings)
    notes: list[str] = []
    if not values.get("name") and draft.name_parts:
        parts = [draft.name_parts.get(p, "").strip() for p in NAME_PARTS]
        values["name"] = " ".join(p for p in parts if p) or values.get("organization", "")
    if not values.get("name"):
        if not values.get("organization"):
            raise RowRejected(_("No name: the row has neither a name nor an organisation."))
        values["name"] = values["organization"]
    emails = [e.strip() for e in draft.emails if e.strip()]
    if emails:
        values.setdefault("email", emails[0])
        others = [e for e in emails if e.lower() != str(values["email"]).lower()]
        if others:
            notes.append(_("Other emails: %(list)s") % {"list": ", ".join(others)})
    if values.get("country"):
        code = country_code(str(values["country"]))
        if code is None:
            warnings.append(
                _("Country “%(value)s” is not recognised; it is kept in the address.")
                % {"value": values["country"]}
            )
            draft.address_parts["country_text"] = str(values.pop("country"))
        else:
            values["country"] = code
    if draft.phones or "phone" in values:
        _phones(values, draft.phones, "phone", phones, notes, warnings)
    if draft.faxes or "fax" in values:
        _phones(values, draft.faxes, "fax", phones, notes, warnings)
    if draft.address_parts and not values.get("address"):
        parts = [draft.address_parts.get(p, "").strip() for p in (*ADDRESS_PARTS, "country_text")]
        if any(parts):
            values["address"] = ", ".join(p for p in parts if p)
    if draft.birthday and draft.birthday.strip():
        notes.append(_("Birthday: %(date)s") % {"date": parse_date(draft.birthday)})
    notes.extend(draft.notes)
    if notes:
        values["notes"] = "\n".join([values["notes"], *notes] if values.get("notes") else notes)
    for key in ("phone", "fax"):
        if values.get(key):
            values[f"{key}_e164"] = phones(str(values[key]), values.get("country")).e164
    try:
        # partial: defaults are left to the store, so an update never resets a field
        # the file lacks (the name, the one required field, is there).
        clean = E.normalize(E.CONTACTS, values, partial=True)
    except ValidationError as exc:
        raise RowRejected(" ".join(exc.errors.values())) from None
    return clean, warnings


def _phones(
    values: dict[str, Any],
    typed: list[str],
    key: str,
    normalizer: PhoneNormalizer,
    notes: list[str],
    warnings: list[str],
) -> None:
    if values.get(key):
        typed = [str(values.pop(key)), *typed]
    typed = [t.strip() for t in typed if t and t.strip()]
    for number in typed:
        result = normalizer(number, values.get("country"))
        if result.problem:
            warnings.append(result.problem)
        elif not result.storable:
            warnings.append(
                _(
                    "“%(number)s” has letters or signs a phone number cannot have; it is kept in "
                    "the notes."
                )
                % {"number": result.typed}
            )
        if key not in values and result.storable:
            values[key] = result.typed
        elif result.typed != values.get(key):
            label = _("Other phones") if key == "phone" else _("Other faxes")
            notes.append(_("%(label)s: %(number)s") % {"label": label, "number": result.typed})


_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")


def parse_date(text: str) -> str:
    """A birthday as written by spreadsheets and phones, as YYYY-MM-DD (or --MM-DD).

    Raises :class:`RowRejected` when it is not a date.
    """
    text = text.strip()
    try:
        if re.fullmatch(r"--\d{2}-?\d{2}", text):
            digits = text[2:].replace("-", "")
            _dt.date(2000, int(digits[:2]), int(digits[2:]))
            return f"--{digits[:2]}-{digits[2:]}"
        if re.fullmatch(r"\d{8}", text):
            return _dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", text):
            return _dt.date.fromisoformat(text[:10]).isoformat()
        match = _SLASHED.match(text)
        if match:
            a, b, year = (int(g) for g in match.groups())
            if year < 100:
                year += 1900 if year > _dt.date.today().year % 100 else 2000
            month, day = (b, a) if a > 12 else (a, b)
            return _dt.date(year, month, day).isoformat()
    except ValueError:
        pass
    raise RowRejected(
        _("Birthday “%(value)s” is not a date (use YYYY-MM-DD, e.g. 1980-05-31).") % {"value": text}
    )


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


_ALIASES = {
    "usa": "US",
    "united states of america": "US",
    "u.s.a.": "US",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "russia": "RU",
}


@cache
def _country_names(language: str) -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = dict(_ALIASES)
    for lang in {"en", language}:
        try:
            territories = Locale.parse(lang).territories
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if len(code) == 2:
                names[_fold(name)] = code
    return names


def country_code(value: str) -> str | None:
    """A two-letter code for a code or a country name (English or the UI language)."""
    from fieldkit.i18n import current_language

    text = value.strip()
    if len(text) == 2 and text.upper() in E.country_codes():
        return text.upper()
    return _country_names(current_language()).get(_fold(text))
