"""What the store holds: each kind of record and its fields, declared once.

The schema, validation, the CLI's options, full-text search and (later) the
Qt forms are all derived from these declarations, so adding a field is a
one-line change plus a migration.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
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
    extra: dict = field(default_factory=dict)

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

    return frozenset(code for code in Locale("en").territories if len(code) == 2)


@cache
def _known_language(code: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def normalize(entity: Entity, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and convert ``values`` for ``entity``; raise ValidationError listing every problem.

    Strings from a form or the command line are accepted for every kind
    (``"a, b"`` for a list, ``"2014"`` for a year). With ``partial`` only the
    given fields are checked (an edit); otherwise required fields must be there.
    Returns the values as they are stored (lists as Python lists).
    """
    from fieldkit.errors import ValidationError

    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    known = set(entity.field_names)
    for name in values:
        if name not in known:
            errors[name] = _("%(entity)s has no field “%(field)s”.") % {
                "entity": _(entity.label),
                "field": name,
            }
    for f in entity.fields:
        if f.name not in values:
            if not partial and f.required and f.default is None:
                errors[f.name] = _("%(field)s is required.") % {"field": _(f.label)}
            elif not partial and f.default is not None:
                out[f.name] = f.default
            continue
        try:
            out[f.name] = _convert(f, values[f.name])
        except ValueError as exc:
            errors[f.name] = str(exc)
            continue
        if f.required and out[f.name] in (None, "", []):
            errors[f.name] = _("%(field)s is required.") % {"field": _(f.label)}
    if errors:
        raise ValidationError(errors)
    return out


def _convert(f: Field, value: Any) -> Any:  # noqa: C901 - one branch per kind reads best
    label = _(f.label)
    if value is None or (isinstance(value, str) and not value.strip() and f.kind != LIST):
        return None
    if f.kind == LIST:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",")]
        if not isinstance(value, list | tuple):
            raise ValueError(_("%(field)s must be a list.") % {"field": label})
        items = [str(v).strip() for v in value if str(v).strip()]
        if sum(len(v) for v in items) > MAX_LONGTEXT:
            raise ValueError(_("%(field)s is too long.") % {"field": label})
        return items
    if f.kind in (YEAR, INT):
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError(_("%(field)s must be a whole number.") % {"field": label}) from None
        if f.kind == YEAR and not 1800 <= number <= 2200:
            raise ValueError(_("%(field)s must be a year such as 2014.") % {"field": label})
        return number
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    limit = MAX_LONGTEXT if f.kind == LONGTEXT else MAX_TEXT
    if len(value) > limit:
        raise ValueError(
            _("%(field)s is too long (at most %(limit)d characters).")
            % {"field": label, "limit": limit}
        )
    if f.kind == EMAIL and not EMAIL_RE.match(value):
        raise ValueError(
            _("“%(value)s” is not an email address (expected name@example.org).") % {"value": value}
        )
    if f.kind == URL and not URL_RE.match(value):
        raise ValueError(_("“%(value)s” is not a link (expected https://…).") % {"value": value})
    if f.kind == PHONE and not PHONE_RE.match(value):
        raise ValueError(
            _("“%(value)s” is not a phone number (digits, spaces, + ( ) - . only).")
            % {"value": value}
        )
    if f.kind in (COUNTRY, JURISDICTION):
        if f.kind == JURISDICTION and value.lower() == "intl":
            return "intl"
        code = value.upper()
        if code not in country_codes():
            hint = _(" or “intl”") if f.kind == JURISDICTION else ""
            raise ValueError(
                _("“%(value)s” is not a country code (use two letters such as IN, KE, US%(hint)s).")
                % {"value": value, "hint": hint}
            )
        return code
    if f.kind == DATE:
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date (use YYYY-MM-DD, e.g. 2024-03-31).") % {"value": value}
            ) from None
    if f.kind == ENUM and value not in f.choices:
        raise ValueError(
            _("“%(value)s” is not a valid %(field)s (choose one of: %(choices)s).")
            % {"value": value, "field": label.lower(), "choices": ", ".join(f.choices)}
        )
    if f.kind == LANG and not _known_language(value):
        raise ValueError(
            _("“%(value)s” is not a language code (e.g. en, es, ar, hi).") % {"value": value}
        )
    return value


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
