"""Stored values as people read them, in the UI language (or a leaflet's language).

The store keeps codes (``in_force``, ``IN``, ``hi``, ``2024-03-31``); lists,
forms and prints show them through here: choices translated, dates, numbers,
countries and languages named by babel. No Qt here: the UI, the CLI and the
leaflets share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldkit import i18n
from fieldkit.data import entities as E
from fieldkit.text import one_line


def NP_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - gettext naming
    """Mark a string with a context for extraction; translated later with :func:`pgettext`."""
    return context, message


# Every choice of every enumerated field (the values are unique across fields).
CHOICES: dict[str, tuple[str, str]] = {
    "normal": NP_("sensitivity", "Normal"),
    "restricted": NP_("sensitivity", "Restricted"),
    "local-only": NP_("sensitivity", "Local only"),
    "official": NP_("contact kind", "Official"),
    "ngo": NP_("contact kind", "NGO"),
    "hotline": NP_("contact kind", "Hotline"),
    "shelter": NP_("contact kind", "Shelter"),
    "lawyer": NP_("contact kind", "Lawyer"),
    "journalist": NP_("contact kind", "Journalist"),
    "other": NP_("contact kind", "Other"),
    "planned": NP_("campaign status", "Planned"),
    "active": NP_("campaign status", "Active"),
    "won": NP_("campaign status", "Won"),
    "lost": NP_("campaign status", "Lost"),
    "closed": NP_("campaign status", "Closed"),
    "call": NP_("outreach channel", "Call"),
    "fax": NP_("outreach channel", "Fax"),
    "letter": NP_("outreach channel", "Letter"),
    "email": NP_("outreach channel", "Email"),
    "meeting": NP_("outreach channel", "Meeting"),
    "fact_card": NP_("material kind", "Fact card"),
    "story": NP_("material kind", "Story"),
    "campaign_text": NP_("material kind", "Campaign text"),
    "guide": NP_("material kind", "Guide"),
    "draft": NP_("review status", "Draft"),
    "in_review": NP_("review status", "In review"),
    "approved": NP_("review status", "Approved"),
    "treaty": NP_("law kind", "Treaty"),
    "statute": NP_("law kind", "Statute"),
    "bill": NP_("law kind", "Bill"),
    "resolution": NP_("law kind", "Resolution"),
    "policy": NP_("law kind", "Policy"),
    "proposed": NP_("law status", "Proposed"),
    "pending": NP_("law status", "Pending"),
    "passed": NP_("law status", "Passed"),
    "in_force": NP_("law status", "In force"),
    "adopted": NP_("law status", "Adopted"),
    "amended": NP_("law status", "Amended"),
    "repealed": NP_("law status", "Repealed"),
}


# Every synced record has a ``deleted`` flag beside its fields (a deletion is a tombstone),
# and a sync can find the same record deleted on one device and brought back on another.
DELETED = "deleted"
DELETED_LABEL = NP_("record field", "Deleted")
DELETED_VALUES = {True: NP_("record deleted", "Yes"), False: NP_("record deleted", "No")}


def _pgettext(context: str, message: str, language: str | None) -> str:
    translations = i18n.translator(language) if language else None
    return (translations.pgettext if translations else i18n.pgettext)(context, message)


def choice_label(value: str, language: str | None = None) -> str:
    """``"in_force"`` → “In force” in the UI language (the code itself if unknown)."""
    if value in CHOICES:
        return _pgettext(*CHOICES[value], language)
    return value.replace("_", " ")


def _translated(message: str, language: str | None) -> str:
    translations = i18n.translator(language) if language else None
    return (translations.gettext if translations else i18n._)(message)


def entity_label(entity: str, language: str | None = None) -> str:
    """A kind of record as people read it (``contacts`` → “Contact”), in the UI language;
    for a kind this version does not know, its stored name, safe to show on one line."""
    declared = E.ENTITIES.get(entity)
    return _translated(declared.label, language) if declared else one_line(entity)


def field_label(entity: str, name: str, language: str | None = None) -> str:
    """A field as people read it (``phone_e164`` → “Phone (international)”), in the UI
    language; for a field this version does not know (one that a newer device has), its
    stored name, safe to show on one line. The ``deleted`` flag of a record is “Deleted”."""
    if name == DELETED:
        return _pgettext(*DELETED_LABEL, language)
    declared = E.ENTITIES.get(entity)
    if declared is None or not declared.has_field(name):
        return one_line(name)
    label = declared.field(name).label
    return _translated(label, language) if label else one_line(name)


def filter_label(name: str, value: str, language: str | None = None) -> str:
    """A filter choice: country and language codes named, choices translated, tags as is."""
    if name in ("country", "jurisdiction"):
        return i18n.country_name(value, language)
    if name == "lang":
        return i18n.language_name(value, language)
    if name == "tag":
        return one_line(value)
    return choice_label(value, language)


def format_value(field: E.Field, value: Any, language: str | None = None) -> str:
    """A stored value as shown in a list, a detail view or a print."""
    if value is None or value == "":
        return ""
    kind = field.kind
    if kind == E.LIST:
        if field.name == "languages":
            return ", ".join(i18n.language_name(str(v), language) for v in value)
        return ", ".join(str(v) for v in value)
    if kind == E.ENUM:
        return choice_label(str(value), language)
    if kind == E.DATE:
        return i18n.format_date(value, language=language)
    if kind in (E.COUNTRY, E.JURISDICTION):
        return i18n.country_name(str(value), language)
    if kind == E.LANG:
        return i18n.language_name(str(value), language)
    if kind == E.INT:
        return i18n.format_number(value, language)
    return str(value)


def field_value(entity: str, name: str, value: Any, language: str | None = None) -> str:
    """The value of any field a change can carry, as people read it: a declared field's
    through :func:`format_value`, the ``deleted`` flag as “Yes” or “No”, and a field this
    version does not know as stored (list items joined with commas). Not yet made safe to
    show: pass the result through :func:`fieldkit.text.printable` or ``one_line``."""
    if value is None or value == "":
        return ""
    if name == DELETED:
        return _pgettext(*DELETED_VALUES[value not in (0, "0")], language)
    declared = E.ENTITIES.get(entity)
    if declared is not None and declared.has_field(name):
        try:
            return format_value(declared.field(name), value, language)
        except (TypeError, ValueError, ArithmeticError):  # not of its field's kind: as stored
            pass
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def subtitle(entity: str, values: Sequence[Any], language: str | None = None) -> str:
    """A search hit's subtitle: the values of its subtitle fields shown, joined by “ · ”."""
    declared = E.ENTITIES[entity]
    shown = (
        format_value(declared.field(name), value, language)
        for name, value in zip(declared.subtitle_fields, values, strict=False)
    )
    return " · ".join(text for text in shown if text)
