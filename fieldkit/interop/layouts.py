"""Column layouts: Google Contacts and Outlook exports are recognised from their header;
any other header is guessed from its column names and can be mapped by the user."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fieldkit import formats
from fieldkit.data import entities as E
from fieldkit.i18n import N_, _
from fieldkit.interop.draft import Draft
from fieldkit.interop.errors import ImportFileError

IGNORE = "ignore"
_DIRECT = (
    "name",
    "kind",
    "title",
    "organization",
    "website",
    "address",
    "city",
    "country",
    "languages",
    "tags",
    "notes",
    "sensitivity",
)
ROLE_LABELS: dict[str, str] = {
    **{f.name: f.label for f in E.CONTACTS.fields},
    "prefix": N_("Name prefix"),
    "given": N_("First name"),
    "middle": N_("Middle name"),
    "family": N_("Last name"),
    "suffix": N_("Name suffix"),
    "street": N_("Street"),
    "extended": N_("Address line 2"),
    "region": N_("Region or state"),
    "postcode": N_("Postal code"),
    "department": N_("Department"),
    "birthday": N_("Birthday"),
    IGNORE: N_("(ignore)"),
}
"""Everything a column can be mapped to, with the label shown to people."""

_OUTLOOK_PHONES = {"pager", "callback", "isdn", "telex", "radio phone", "tty/tdd phone"}


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").casefold().split())


_OUTLOOK: dict[str, str] = {
    "title": "prefix",
    "first name": "given",
    "middle name": "middle",
    "last name": "family",
    "suffix": "suffix",
    "company": "organization",
    "department": "department",
    "job title": "title",
    "business street": "street",
    "business street 2": "extended",
    "business city": "city",
    "business state": "region",
    "business postal code": "postcode",
    "business country/region": "country",
    "home street": "street",
    "home city": "city",
    "home state": "region",
    "home postal code": "postcode",
    "home country/region": "country",
    "business fax": "fax",
    "home fax": "fax",
    "other fax": "fax",
    "e-mail address": "email",
    "e-mail 2 address": "email",
    "e-mail 3 address": "email",
    "web page": "website",
    "notes": "notes",
    "birthday": "birthday",
    "categories": "tags",
    "language": "languages",
    "sensitivity": "sensitivity",
}
_GOOGLE: list[tuple[str, str]] = [
    (r"name", "name"),
    (r"(first|given) name", "given"),
    (r"(middle|additional) name", "middle"),
    (r"(last|family) name", "family"),
    (r"name prefix", "prefix"),
    (r"name suffix", "suffix"),
    (r"organi[sz]ation( 1 -)? name", "organization"),
    (r"organi[sz]ation( 1 -)? (job )?title", "title"),
    (r"organi[sz]ation( 1 -)? department", "department"),
    (r"birthday", "birthday"),
    (r"notes", "notes"),
    (r"labels|group membership", "tags"),
    (r"e-mail \d+ - value", "email"),
    (r"phone \d+ - value", "phone"),
    (r"address 1 - formatted", "address"),
    (r"address 1 - street", "street"),
    (r"address 1 - extended address", "extended"),
    (r"address 1 - city", "city"),
    (r"address 1 - region", "region"),
    (r"address 1 - postal code", "postcode"),
    (r"address 1 - country", "country"),
    (r"website 1 - value", "website"),
]
_GENERIC: dict[str, str] = {
    "full name": "name",
    "display name": "name",
    "contact": "name",
    "organisation": "organization",
    "organization": "organization",
    "company": "organization",
    "org": "organization",
    "job title": "title",
    "position": "title",
    "fax": "fax",
    "fax number": "fax",
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "e-mail address": "email",
    "mail": "email",
    "web": "website",
    "url": "website",
    "web page": "website",
    "street": "street",
    "town": "city",
    "country/region": "country",
    "note": "notes",
    "comments": "notes",
    "labels": "tags",
    "groups": "tags",
    "categories": "tags",
    "language": "languages",
    "first name": "given",
    "given name": "given",
    "last name": "family",
    "surname": "family",
    "family name": "family",
    "date of birth": "birthday",
    "dob": "birthday",
    "postal code": "postcode",
    "zip": "postcode",
    "state": "region",
}


@dataclass
class Layout:
    """How the columns of one header map to contact fields."""

    name: str
    """Which layout: one of :data:`fieldkit.formats.LAYOUTS`."""
    header: list[str]
    columns: dict[int, str] = field(default_factory=dict)
    labels: dict[int, int] = field(default_factory=dict)
    """Google: the column holding the type ("Work Fax") of a value column."""
    list_separator: str = r" ::: |[;,]"
    """Between the items of a list cell (tags, languages)."""

    def __post_init__(self) -> None:
        # The code goes into the plan and the audit log, which name it from fieldkit.formats.
        if self.name not in formats.LAYOUTS:
            raise ValueError(f"{self.name!r} is not a layout of fieldkit.formats.LAYOUTS")

    def role_of(self, column: str) -> str:
        index = self.index(column)
        return self.columns.get(index, IGNORE)

    def index(self, column: str) -> int:
        """A column by its header text (any case) or its number counting from 1."""
        wanted = _fold(column)
        for i, name in enumerate(self.header):
            if _fold(name) == wanted:
                return i
        if column.isdecimal() and 1 <= int(column) <= len(self.header):
            return int(column) - 1
        raise ImportFileError(
            _("The file has no column “%(column)s”; its columns are: %(columns)s.")
            % {"column": column, "columns": ", ".join(self.header)}
        )


def detect(header: list[str]) -> Layout:
    """The layout of ``header``: Google, Outlook, FieldKit (our own export) or guessed
    (:data:`fieldkit.formats.CUSTOM`)."""
    folded = [_fold(h) for h in header]
    names = set(folded)
    raw = [h.strip().lower() for h in header]
    if "name" in raw and set(raw) <= set(E.CONTACTS.field_names):
        return Layout(
            formats.FIELDKIT, header, {i: h for i, h in enumerate(raw)}, list_separator=";"
        )
    if any(re.fullmatch(r"(e-mail|phone) 1 - value", h) for h in folded):
        layout = Layout(formats.GOOGLE, header)
        for i, h in enumerate(folded):
            for pattern, role in _GOOGLE:
                if re.fullmatch(pattern, h):
                    layout.columns[i] = role
                    break
            kind = re.fullmatch(r"(phone|e-mail) (\d+) - value", h)
            if kind:
                for j, other in enumerate(folded):
                    if re.fullmatch(rf"{kind[1]} {kind[2]} - (label|type)", other):
                        layout.labels[i] = j
        return layout
    if {"first name", "last name"} <= names and names & {"e-mail address", "business phone"}:
        layout = Layout(formats.OUTLOOK, header)
        for i, h in enumerate(folded):
            is_phone = h.endswith(("phone", "phone 2")) or h in _OUTLOOK_PHONES
            role = _OUTLOOK.get(h) or ("phone" if is_phone else None)
            if role:
                layout.columns[i] = role
        return layout
    return Layout(formats.CUSTOM, header, {i: r for i, h in enumerate(folded) if (r := guess(h))})


def guess(column: str) -> str | None:
    """A role for a column name of an unknown layout, or None."""
    text = _fold(column)
    if text in ROLE_LABELS:
        return text
    for name, label in ROLE_LABELS.items():
        if _fold(label) == text:
            return name
    if text in _GENERIC:
        return _GENERIC[text]
    if "fax" in text:
        return "fax"
    if any(word in text for word in ("phone", "mobile", "tel")):
        return "phone"
    return None


def parse_mapping(text: str) -> dict[str, str]:
    """``"Col A=name, 3=phone"`` as a dict; an error names a bad pair or an unknown field."""
    mapping: dict[str, str] = {}
    for pair in (p for p in text.split(",") if p.strip()):
        column, sep, role = pair.partition("=")
        role = role.strip().lower()
        if not sep or not column.strip():
            raise ImportFileError(
                _("“%(pair)s” is not a mapping; write COLUMN=FIELD, e.g. “Mobile=phone”.")
                % {"pair": pair.strip()}
            )
        if role not in ROLE_LABELS:
            raise ImportFileError(
                _("“%(field)s” is not a field to import into; choose one of: %(fields)s.")
                % {"field": role, "fields": ", ".join(ROLE_LABELS)}
            )
        mapping[column.strip()] = role
    return mapping


def apply_mapping(layout: Layout, mapping: dict[str, str]) -> Layout:
    """The layout with the user's choices for some columns (``{column: role}``)."""
    for column, role in mapping.items():
        index = layout.index(column)
        layout.labels.pop(index, None)
        if role == IGNORE:
            layout.columns.pop(index, None)
        else:
            layout.columns[index] = role
    return layout


_SENSITIVITY = {"private": "restricted", "confidential": "restricted", "personal": "restricted"}
_MULTI = {"phone": "phones", "fax": "faxes", "email": "emails"}
_NOT_TAGS = ("mycontacts", "starred")


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _multi(draft: Draft, role: str, value: str, layout: Layout, cells: list[str], i: int) -> None:
    values = [v.strip() for v in value.split(" ::: ")] if " ::: " in value else [value]
    label = layout.labels.get(i)
    # A short row may end before its label column.
    if role == "phone" and label is not None and "fax" in _cell(cells, label).casefold():
        role = "fax"
    getattr(draft, _MULTI[role]).extend(v for v in values if v)


def _list(draft: Draft, role: str, value: str, layout: Layout, cells: list[str], i: int) -> None:
    items = [t.strip().removeprefix("* ") for t in re.split(layout.list_separator, value)]
    items = [t for t in items if t and t.casefold() not in _NOT_TAGS]
    draft.fields.setdefault(role, []).extend(items)


def _choice(draft: Draft, role: str, value: str, *_args) -> None:
    folded = value.casefold()
    draft.set_first(role, _SENSITIVITY.get(folded, folded))


def _name_part(draft: Draft, role: str, value: str, *_args) -> None:
    draft.name_parts.setdefault(role, value)


def _address_part(draft: Draft, role: str, value: str, *_args) -> None:
    draft.address_parts.setdefault(role, value)


def _department(draft: Draft, role: str, value: str, *_args) -> None:
    draft.notes.append(_("Department: %(name)s") % {"name": value})


def _birthday(draft: Draft, role: str, value: str, *_args) -> None:
    if value not in ("0/0/00", "00/00/0000"):
        draft.birthday = value


def _direct(draft: Draft, role: str, value: str, *_args) -> None:
    if not draft.fields.get(role):
        draft.fields[role] = value


def _nothing(*_args) -> None:
    return None


_HANDLERS = {
    **{role: _multi for role in _MULTI},
    "tags": _list,
    "languages": _list,
    "kind": _choice,
    "sensitivity": _choice,
    **{role: _name_part for role in ("prefix", "given", "middle", "family", "suffix")},
    **{role: _address_part for role in ("street", "extended", "region", "postcode")},
    "department": _department,
    "birthday": _birthday,
    **{
        role: _direct
        for role in _DIRECT
        if role not in ("kind", "sensitivity", "tags", "languages")
    },
}


def assemble(layout: Layout, line: int, cells: list[str]) -> Draft:
    """A :class:`Draft` from one row of cells."""
    draft = Draft(line)
    width = len(layout.header)
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        draft.problems.append(
            _(
                "The row has %(found)d columns but the header has %(expected)d: a value "
                "probably contains an unquoted delimiter. Put quotes around it or fix the row."
            )
            % {"found": len(cells), "expected": width}
        )
        return draft
    count = len(cells)
    for index, role in layout.columns.items():
        if index < count:
            value = cells[index].strip()
            if value:
                _HANDLERS.get(role, _nothing)(draft, role, value, layout, cells, index)
    return draft
