"""The contact file formats and CSV layouts, as people read them: one table for all.

The import and export (:mod:`fieldkit.interop`) write a code for what they read
or wrote, in an import plan (``plan.layout``) and in the audit log (the
``format`` detail): ``google``, ``outlook``, ``fieldkit``, ``custom`` (columns
matched by name) and ``vcard`` for an import, ``csv`` and ``vcard`` for an
export. The audit log (in the app and in ``fieldkit audit``) and the import
preview of ``fieldkit contacts import`` take their words from here.
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


FORMATS: dict[str, ContactFormat] = {
    "google": ContactFormat(N_("Google Contacts layout"), N_("Google Contacts")),
    "outlook": ContactFormat(N_("Outlook layout"), N_("Outlook")),
    "fieldkit": ContactFormat(N_("FieldKit layout"), N_("FieldKit")),
    "custom": ContactFormat(N_("columns matched by name"), N_("columns matched by name")),
    "vcard": ContactFormat(N_("vCard file"), N_("vCard")),
    "csv": ContactFormat(N_("CSV file")),
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
