"""Redaction: what leaves the organisation leaves without the personal fields of restricted records.

Exports, prints and bundles to targets outside the organisation pass each
record through :func:`redact`. For a record whose sensitivity is
``restricted``, every field declared ``personal=True`` in
:mod:`fieldkit.data.entities` (phones, email, address, notes…) is left out
unless the user explicitly asked to include it. ``local-only`` records never
leave the device at all: :func:`shareable` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fieldkit.data import entities as E

RESTRICTED = "restricted"
LOCAL_ONLY = "local-only"


def restricted_fields(entity: E.Entity) -> tuple[str, ...]:
    """The fields left out of a restricted record of ``entity``."""
    return tuple(f.name for f in entity.fields if f.personal)


def is_restricted(entity: E.Entity, record: dict[str, Any]) -> bool:
    return entity.has_sensitivity and record.get("sensitivity") == RESTRICTED


def shareable(entity: E.Entity, record: dict[str, Any]) -> bool:
    """False for a ``local-only`` record, which never leaves this device."""
    return not (entity.has_sensitivity and record.get("sensitivity") == LOCAL_ONLY)


def redact(
    entity: E.Entity, record: dict[str, Any], include_restricted: bool = False
) -> dict[str, Any]:
    """A copy of ``record`` without the personal fields when it is restricted.

    The fields are *left out* (not blanked), so a receiver never mistakes a
    redaction for a deletion; a CSV writer fills the missing columns with "".
    """
    if include_restricted or not is_restricted(entity, record):
        return dict(record)
    hidden = set(restricted_fields(entity))
    return {k: v for k, v in record.items() if k not in hidden}


def redact_all(
    entity: E.Entity, records: Iterable[dict[str, Any]], include_restricted: bool = False
) -> Iterator[dict[str, Any]]:
    """Shareable records, each redacted: what an export to outside the organisation holds."""
    for record in records:
        if shareable(entity, record):
            yield redact(entity, record, include_restricted)
