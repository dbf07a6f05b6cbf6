"""The contact file formats and CSV layouts, as people read them: one table for all.

The import and export (:mod:`fieldkit.interop`) write a code for what they read
or wrote, in an import plan (``plan.layout``) and in the audit log (the
``format`` detail): one of :data:`IMPORTS` for an import, one of :data:`EXPORTS`
for an export. The codes are defined here and nowhere else; the audit log (in the
app and in ``fieldkit audit``) and the import preview of ``fieldkit contacts
import`` take their words from :data:`FORMATS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldkit.i18n import N_, _


@dataclass(frozen=True)
class ContactFormat:
    """The words for one code (marked with ``N_``, translated when shown)."""

    phrase: str
    """Names it on its own: “Google Contacts layout”, “vCard file”."""
    layout: str | None = None
    """An import layout's name, for “%(layout)s layout” sentences: “Google Contacts”."""


GOOGLE = "google"
"""A Google Contacts CSV export."""
OUTLOOK = "outlook"
"""An Outlook CSV export."""
FIELDKIT = "fieldkit"
"""FieldKit's own CSV export."""
CUSTOM = "custom"
"""Any other CSV header: columns matched by their names (and the user's mapping)."""
VCARD = "vcard"
"""A vCard file, read or written."""
CSV = "csv"
"""A CSV file written by the export."""

LAYOUTS: tuple[str, ...] = (GOOGLE, OUTLOOK, FIELDKIT, CUSTOM)
"""The layouts a CSV file is read with (``Layout.name``)."""
IMPORTS: tuple[str, ...] = (*LAYOUTS, VCARD)
"""What an import plan's ``layout`` can be."""
EXPORTS: tuple[str, ...] = (CSV, VCARD)
"""The formats the export writes (``fieldkit contacts export --format``)."""

FORMATS: dict[str, ContactFormat] = {
    GOOGLE: ContactFormat(N_("Google Contacts layout"), N_("Google Contacts")),
    OUTLOOK: ContactFormat(N_("Outlook layout"), N_("Outlook")),
    FIELDKIT: ContactFormat(N_("FieldKit layout"), N_("FieldKit")),
    CUSTOM: ContactFormat(N_("columns matched by name"), N_("columns matched by name")),
    VCARD: ContactFormat(N_("vCard file"), N_("vCard")),
    CSV: ContactFormat(N_("CSV file")),
}


def format_phrase(code: str) -> str:
    """A format or layout code as people read it on its own, in the UI language (a code
    FieldKit does not know, written by a newer version, as it is)."""
    known = FORMATS.get(code)
    return _(known.phrase) if known else code


def layout_name(code: str) -> str:
    """An import layout's name in the UI language, for “%(layout)s layout” sentences (a code
    FieldKit does not know as it is)."""
    known = FORMATS.get(code)
    return _(known.layout) if known and known.layout else code
