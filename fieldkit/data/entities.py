"""What the store holds: each kind of record and its fields, declared once.

The schema, validation, the CLI's options, full-text search and (later) the
Qt forms are all derived from these declarations, so adding a field is a
one-line change plus a migration.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldkit.i18n import N_, _

SENSITIVITY = ("normal", "restricted", "local-only")

# Field kinds and the Python type a value of that kind holds.
TEXT, LONGTEXT, EMAIL, URL, PHONE, COUNTRY, JURISDICTION, DATE, YEAR, INT, ENUM, LIST, REF, LANG = (
    "text",
    "longtext",
    "email",
    "url",
    "phone",
    "country",
    "jurisdiction",
    "date",
    "year",
    "int",
    "enum",
    "list",
    "ref",
    "lang",
)

MAX_TEXT = 2_000
MAX_LONGTEXT = 200_000
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
URL_RE = re.compile(r"^(https?|tel|mailto):\S+$", re.IGNORECASE)
PHONE_RE = re.compile(r"^[0-9+()\-. /]{3,40}(\s*(ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """One field of a record."""

    name: str
    kind: str = TEXT
    label: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    search: bool = False
    default: Any = None
    # Left out of exports and prints of a `restricted` record unless asked for.
    personal: bool = False

    @property
    def sql_type(self) -> str:
        return "INTEGER" if self.kind in (YEAR, INT) else "TEXT"


@dataclass(frozen=True)
class Entity:
    """A kind of synced record: one table, one FTS index when it has searchable fields."""

    name: str
    label: str
    plural: str
    fields: tuple[Field, ...]
    title_field: str
    subtitle_fields: tuple[str, ...] = ()
    has_sensitivity: bool = False
    translatable: bool = False
    list_fields: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return self.name

    @property
    def fts_table(self) -> str:
        return f"{self.name}_fts"

    @property
    def search_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.search)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)


def _sensitivity() -> Field:
    return Field(
        "sensitivity",
        ENUM,
        N_("Sensitivity"),
        choices=SENSITIVITY,
        default="normal",
    )


def _translation_fields() -> tuple[Field, ...]:
    return (
        Field("group_id", TEXT, N_("Translation group")),
        Field("lang", LANG, N_("Language"), required=True, default="en"),
    )


CONTACT_KINDS = ("official", "ngo", "hotline", "shelter", "lawyer", "journalist", "other")
CAMPAIGN_STATUS = ("planned", "active", "won", "lost", "closed")
CHANNELS = ("call", "fax", "letter", "email", "meeting")
MATERIAL_KINDS = ("fact_card", "story", "campaign_text", "guide")
REVIEW_STATUS = ("draft", "in_review", "approved")
LAW_KINDS = ("treaty", "statute", "bill", "resolution", "policy")
LAW_STATUS = ("proposed", "pending", "passed", "in_force", "adopted", "amended", "repealed")

CONTACTS = Entity(
    "contacts",
    N_("Contact"),
    N_("Contacts"),
    (
        Field("name", TEXT, N_("Name"), required=True, search=True),
        Field("kind", ENUM, N_("Kind"), choices=CONTACT_KINDS, default="other"),
        Field("title", TEXT, N_("Title"), search=True),
        Field("organization", TEXT, N_("Organisation"), search=True),
        Field("phone", PHONE, N_("Phone"), personal=True),
        Field("phone_e164", TEXT, N_("Phone (international)"), personal=True),
        Field("fax", PHONE, N_("Fax"), personal=True),
        Field("fax_e164", TEXT, N_("Fax (international)"), personal=True),
        Field("email", EMAIL, N_("Email"), personal=True),
        Field("website", URL, N_("Website")),
        Field("address", LONGTEXT, N_("Address"), personal=True),
        Field("city", TEXT, N_("City"), search=True),
        Field("country", COUNTRY, N_("Country")),
        Field("languages", LIST, N_("Languages spoken")),
        Field("tags", LIST, N_("Tags"), search=True),
        Field("notes", LONGTEXT, N_("Notes"), personal=True),
        _sensitivity(),
    ),
    title_field="name",
    subtitle_fields=("title", "organization"),
    has_sensitivity=True,
    list_fields=("name", "kind", "organization", "country", "phone"),
    filters=("kind", "country", "tag", "sensitivity"),
)

CAMPAIGNS = Entity(
    "campaigns",
    N_("Campaign"),
    N_("Campaigns"),
    (
        Field("title", TEXT, N_("Title"), required=True, search=True),
        Field("summary", LONGTEXT, N_("Summary"), search=True),
        Field("asks", LIST, N_("Asks"), search=True),
        Field("status", ENUM, N_("Status"), choices=CAMPAIGN_STATUS, default="active"),
        Field("start_date", DATE, N_("Start date")),
        Field("end_date", DATE, N_("End date")),
        Field("country", JURISDICTION, N_("Country")),
        Field("lang", LANG, N_("Language"), default="en"),
        Field("tags", LIST, N_("Tags"), search=True),
    ),
    title_field="title",
    subtitle_fields=("status",),
    list_fields=("title", "status", "country", "start_date"),
    filters=("status", "country", "tag", "lang"),
)

CAMPAIGN_TARGETS = Entity(
    "campaign_targets",
    N_("Campaign target"),
    N_("Campaign targets"),
    (
        Field("campaign_id", REF, N_("Campaign"), required=True, ref="campaigns"),
        Field("contact_id", REF, N_("Contact"), required=True, ref="contacts"),
        Field("role", TEXT, N_("Role")),
    ),
    title_field="role",
)

CAMPAIGN_UPDATES = Entity(
    "campaign_updates",
    N_("Timeline entry"),
    N_("Timeline"),
    (
        Field("campaign_id", REF, N_("Campaign"), required=True, ref="campaigns"),
        Field("date", DATE, N_("Date"), required=True),
        Field("text", LONGTEXT, N_("Update"), required=True),
    ),
    title_field="text",
)

OUTREACH = Entity(
    "outreach",
    N_("Outreach"),
    N_("Outreach"),
    (
        Field("contact_id", REF, N_("Contact"), required=True, ref="contacts"),
        Field("campaign_id", REF, N_("Campaign"), ref="campaigns"),
        Field("channel", ENUM, N_("Channel"), required=True, choices=CHANNELS),
        Field("date", DATE, N_("Date"), required=True),
        Field("outcome", LONGTEXT, N_("Outcome")),
        Field("follow_up", DATE, N_("Follow-up date")),
        Field("notes", LONGTEXT, N_("Notes"), personal=True),
        _sensitivity(),
    ),
    title_field="channel",
    subtitle_fields=("date", "outcome"),
    has_sensitivity=True,
    list_fields=("date", "channel", "contact_id", "campaign_id", "outcome", "follow_up"),
    filters=("channel", "sensitivity"),
)

MATERIALS = Entity(
    "materials",
    N_("Material"),
    N_("Materials"),
    (
        *_translation_fields(),
        Field("kind", ENUM, N_("Kind"), required=True, choices=MATERIAL_KINDS, default="fact_card"),
        Field("title", TEXT, N_("Title"), required=True, search=True),
        Field("body", LONGTEXT, N_("Text"), search=True),
        Field("figure", TEXT, N_("Figure")),
        Field("source", TEXT, N_("Source"), search=True),
        Field("year", YEAR, N_("Year")),
        Field("source_url", URL, N_("Source link")),
        Field("country", JURISDICTION, N_("Country")),
        Field("review_status", ENUM, N_("Review"), choices=REVIEW_STATUS, default="draft"),
        Field("tags", LIST, N_("Tags"), search=True),
    ),
    title_field="title",
    subtitle_fields=("kind", "source", "year"),
    translatable=True,
    list_fields=("title", "kind", "lang", "source", "year", "review_status"),
    filters=("kind", "lang", "country", "tag", "review_status"),
)

LAWS = Entity(
    "laws",
    N_("Law"),
    N_("Laws"),
    (
        *_translation_fields(),
        Field("title", TEXT, N_("Title"), required=True, search=True),
        Field("short_title", TEXT, N_("Short title"), search=True),
        Field("jurisdiction", JURISDICTION, N_("Jurisdiction"), required=True),
        Field("kind", ENUM, N_("Kind"), required=True, choices=LAW_KINDS),
        Field("status", ENUM, N_("Status"), choices=LAW_STATUS, default="in_force"),
        Field("adopted_date", DATE, N_("Adopted")),
        Field("effective_date", DATE, N_("In force since")),
        Field("summary", LONGTEXT, N_("Summary"), search=True),
        Field("key_provisions", LIST, N_("Key provisions"), search=True),
        Field("citation", TEXT, N_("Citation"), search=True),
        Field("url", URL, N_("Link")),
        Field("last_reviewed", DATE, N_("Last reviewed")),
        Field("tags", LIST, N_("Tags"), search=True),
    ),
    title_field="title",
    subtitle_fields=("jurisdiction", "kind", "status"),
    translatable=True,
    list_fields=("title", "jurisdiction", "kind", "status", "lang", "adopted_date"),
    filters=("jurisdiction", "kind", "status", "lang", "tag"),
)

ATTACHMENTS = Entity(
    "attachments",
    N_("Attachment"),
    N_("Attachments"),
    (
        Field("sha256", TEXT, N_("Content hash"), required=True),
        Field("name", TEXT, N_("File name"), required=True, search=False),
        Field("mime", TEXT, N_("Type")),
        Field("size", INT, N_("Size")),
        Field("owner_id", TEXT, N_("Attached to")),
    ),
    title_field="name",
)

ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        CONTACTS,
        CAMPAIGNS,
        CAMPAIGN_TARGETS,
        CAMPAIGN_UPDATES,
        OUTREACH,
        MATERIALS,
        LAWS,
        ATTACHMENTS,
    )
}
SEARCHABLE = ("contacts", "campaigns", "materials", "laws")


# --- validation ---------------------------------------------------------


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from babel's CLDR data."""
    from babel import Locale

    not_countries = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"}  # CLDR groupings, pseudo-regions
    return frozenset(
        code for code in Locale("en").territories if len(code) == 2 and code not in not_countries
    )


@cache
def _known_language(code: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


class _Invalid(ValueError):
    """A value a converter refuses; the message is built (and translated) only when shown."""

    def __init__(self, template: str, **params: Any):
        super().__init__(template)
        self.template = template
        self.params = params

    def message(self, f: Field) -> str:
        params = {"field": _(f.label), "value": "", **self.params}
        if f.choices:
            params.setdefault("choices", ", ".join(f.choices))
        return _(self.template) % params


def _text(limit: int):
    def convert(value: Any) -> str:
        text = (value if isinstance(value, str) else str(value)).strip()
        if len(text) > limit:
            raise _Invalid(N_("%(field)s is too long (at most %(limit)d characters)."), limit=limit)
        return text

    return convert


def _pattern(regex: re.Pattern, template: str):
    plain = _text(MAX_TEXT)

    def convert(value: Any) -> str:
        text = plain(value)
        if not regex.match(text):
            raise _Invalid(template, value=text)
        return text

    return convert


def _number(year: bool):
    def convert(value: Any) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise _Invalid(N_("%(field)s must be a whole number.")) from None
        if year and not 1800 <= number <= 2200:
            raise _Invalid(N_("%(field)s must be a year such as 2014."))
        return number

    return convert


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        raise _Invalid(N_("%(field)s must be a list."))
    items = [str(v).strip() for v in value]
    items = [v for v in items if v]
    if sum(len(v) for v in items) > MAX_LONGTEXT:
        raise _Invalid(N_("%(field)s is too long."))
    return items


def _country(jurisdiction: bool):
    plain = _text(MAX_TEXT)

    def convert(value: Any) -> str:
        text = plain(value)
        if jurisdiction and text.lower() == "intl":
            return "intl"
        code = text.upper()
        if code not in country_codes():
            if jurisdiction:
                raise _Invalid(
                    N_(
                        "“%(value)s” is not a country code (two letters such as IN, KE, US) "
                        "or “intl”."
                    ),
                    value=text,
                )
            raise _Invalid(
                N_("“%(value)s” is not a country code (use two letters such as IN, KE, US)."),
                value=text,
            )
        return code

    return convert


def _date(value: Any) -> str:
    text = str(value).strip()
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise _Invalid(
            N_("“%(value)s” is not a date (use YYYY-MM-DD, e.g. 2024-03-31)."), value=text
        ) from None


def _enum(choices: tuple[str, ...]):
    allowed = frozenset(choices)

    def convert(value: Any) -> str:
        text = str(value).strip()
        if text not in allowed:
            raise _Invalid(
                N_("“%(value)s” is not a valid %(field)s (choose one of: %(choices)s)."),
                value=text,
            )
        return text

    return convert


def _lang(value: Any) -> str:
    text = str(value).strip()
    if not _known_language(text):
        raise _Invalid(N_("“%(value)s” is not a language code (e.g. en, es, ar, hi)."), value=text)
    return text


def _converter(f: Field):
    kind = f.kind
    if kind == LIST:
        return _list
    if kind in (YEAR, INT):
        return _number(kind == YEAR)
    if kind == EMAIL:
        return _pattern(
            EMAIL_RE, N_("“%(value)s” is not an email address (expected name@example.org).")
        )
    if kind == URL:
        return _pattern(URL_RE, N_("“%(value)s” is not a link (expected https://…)."))
    if kind == PHONE:
        return _pattern(
            PHONE_RE, N_("“%(value)s” is not a phone number (digits, spaces, + ( ) - . only).")
        )
    if kind in (COUNTRY, JURISDICTION):
        return _country(kind == JURISDICTION)
    if kind == DATE:
        return _date
    if kind == ENUM:
        return _enum(f.choices)
    if kind == LANG:
        return _lang
    return _text(MAX_LONGTEXT if kind == LONGTEXT else MAX_TEXT)


_PLANS: dict[str, tuple[frozenset[str], tuple[tuple[Field, Any], ...]]] = {}


def _plan(entity: Entity) -> tuple[frozenset[str], tuple[tuple[Field, Any], ...]]:
    """The field names and a converter per field (keyed by name: hashing an Entity is slow)."""
    plan = _PLANS.get(entity.name)
    if plan is None:
        plan = (
            frozenset(entity.field_names),
            tuple((f, None if f.kind == TEXT else _converter(f)) for f in entity.fields),
        )
        _PLANS[entity.name] = plan
    return plan


def normalize(entity: Entity, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and convert ``values`` for ``entity``; raise ValidationError listing every problem.

    Strings from a form or the command line are accepted for every kind
    (``"a, b"`` for a list, ``"2014"`` for a year). With ``partial`` only the
    given fields are checked (an edit); otherwise required fields must be there.
    Returns the values as they are stored (lists as Python lists, blanks as None).
    """
    known, plan = _plan(entity)
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name in values.keys() - known:
        if name != "id":
            errors[name] = _("%(entity)s has no field “%(field)s”.") % {
                "entity": _(entity.label),
                "field": name,
            }
    for f, convert in plan:
        name = f.name
        if name not in values:
            if partial:
                continue
            if f.default is not None:
                out[name] = f.default
            elif f.required:
                errors[name] = _("%(field)s is required.") % {"field": _(f.label)}
            continue
        value = values[name]
        if convert is None:  # plain text, the common case: inlined for bulk imports
            if value is not None:
                value = (value if isinstance(value, str) else str(value)).strip() or None
                if value is not None and len(value) > MAX_TEXT:
                    errors[name] = _Invalid(
                        N_("%(field)s is too long (at most %(limit)d characters)."),
                        limit=MAX_TEXT,
                    ).message(f)
                    continue
        elif value is None or (value == "" and f.kind != LIST):
            value = None
        else:
            try:
                value = convert(value)
            except _Invalid as exc:
                errors[name] = exc.message(f)
                continue
            if value == "":
                value = None
        if f.required and value in (None, []):
            errors[name] = _("%(field)s is required.") % {"field": _(f.label)}
        out[name] = value
    if errors:
        from fieldkit.errors import ValidationError

        raise ValidationError(errors)
    return out


def to_sql(f: Field, value: Any) -> Any:
    """A normalized value as stored in its column."""
    if value is None:
        return None
    if f.kind == LIST:
        return json.dumps(value, ensure_ascii=False)
    return value


def from_sql(f: Field, value: Any) -> Any:
    if f.kind == LIST:
        return json.loads(value) if value else []
    return value
