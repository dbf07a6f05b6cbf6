"""Export contacts (all, a filter, or a campaign's targets) to CSV or vCard 4.0.

Fields marked ``personal`` are left out for ``restricted`` contacts unless asked for;
``local-only`` contacts are left out unless the caller confirms they may leave the device.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldkit import audit, formats
from fieldkit.data import entities as E
from fieldkit.data.redact import is_restricted, redact, shareable
from fieldkit.i18n import _, ngettext
from fieldkit.interop.errors import ExportError
from fieldkit.interop.vcard import contact_card

if TYPE_CHECKING:
    from fieldkit.profile import Profile

log = logging.getLogger(__name__)

FORMATS = formats.EXPORTS
"""The formats :func:`export_contacts` writes."""
CSV_COLUMNS = E.CONTACTS.field_names


@dataclass
class ExportResult:
    """How many contacts were written, and how many were held back or redacted."""

    written: int
    local_only_left_out: int
    restricted_redacted: int

    def summary(self) -> str:
        lines = [
            ngettext("Exported %(n)d contact.", "Exported %(n)d contacts.", self.written)
            % {"n": self.written}
        ]
        if self.local_only_left_out:
            lines.append(
                ngettext(
                    "%(n)d local-only contact was left out; add --include-local-only to export it.",
                    "%(n)d local-only contacts were left out; add --include-local-only to "
                    "export them.",
                    self.local_only_left_out,
                )
                % {"n": self.local_only_left_out}
            )
        if self.restricted_redacted:
            lines.append(
                ngettext(
                    "%(n)d restricted contact was exported without its personal fields "
                    "(phone, email, address, notes); add --include-restricted to include them.",
                    "%(n)d restricted contacts were exported without their personal fields "
                    "(phone, email, address, notes); add --include-restricted to include them.",
                    self.restricted_redacted,
                )
                % {"n": self.restricted_redacted}
            )
        return "\n".join(lines)


def select_contacts(
    profile: Profile,
    *,
    filters: dict[str, Any] | None = None,
    campaign_id: str | None = None,
) -> list[dict[str, Any]]:
    """All contacts, those matching ``filters``, or a campaign's targets (in that order)."""
    if campaign_id:
        targets = profile.targets(campaign_id)
        wanted = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        if not wanted:
            return targets
        keep = {c["id"] for c in profile.contacts.list(wanted)}
        return [t for t in targets if t["id"] in keep]
    return profile.contacts.list(filters)


def prepare(
    contacts: list[dict[str, Any]], *, include_restricted: bool, include_local_only: bool
) -> tuple[list[dict[str, Any]], ExportResult]:
    """The contacts as they may leave the device, and what was held back."""
    out = []
    left_out = redacted = 0
    for contact in contacts:
        if not shareable(E.CONTACTS, contact) and not include_local_only:
            left_out += 1
            continue
        if is_restricted(E.CONTACTS, contact) and not include_restricted:
            contact = {**redact(E.CONTACTS, contact), "_redacted": True}
            redacted += 1
        out.append(contact)
    return out, ExportResult(len(out), left_out, redacted)


def write_csv(contacts: list[dict[str, Any]], out: TextIO) -> None:
    """FieldKit's own CSV layout (one column per field, list items separated by "; "),
    which the importer recognises."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for contact in contacts:
        writer.writerow(
            [
                "; ".join(v)
                if isinstance(v := contact.get(name), list)
                else ("" if v is None else v)
                for name in CSV_COLUMNS
            ]
        )


def _photo(profile: Profile, contact_id: str) -> tuple[bytes, str] | None:
    for attachment in profile.attachments.list({"owner_id": contact_id}, order_by="created"):
        if (attachment.get("mime") or "").startswith("image/"):
            try:
                return profile.attachment_bytes(attachment["id"]), attachment["mime"]
            except Exception:  # noqa: BLE001 - a missing blob only loses the photo
                log.info("photo of contact %s missing on this device", contact_id)
    return None


def write_vcards(profile: Profile, contacts: list[dict[str, Any]], out: TextIO) -> None:
    """vCard 4.0, one card per contact, with the contact's photo when it has one."""
    for contact in contacts:
        photo = None if contact.get("_redacted") else _photo(profile, contact["id"])
        out.write(contact_card(contact, photo))


def export_contacts(
    profile: Profile,
    fmt: str,
    out: Path | str | TextIO,
    *,
    filters: dict[str, Any] | None = None,
    campaign_id: str | None = None,
    include_restricted: bool = False,
    include_local_only: bool = False,
) -> ExportResult:
    """Write the selected contacts to ``out`` (a path or an open text stream)."""
    if fmt not in FORMATS:
        raise ExportError(
            _("“%(format)s” is not an export format; use one of: %(formats)s.")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )
    contacts, result = prepare(
        select_contacts(profile, filters=filters, campaign_id=campaign_id),
        include_restricted=include_restricted,
        include_local_only=include_local_only,
    )
    buffer = io.StringIO()
    if fmt == formats.CSV:
        write_csv(contacts, buffer)
    else:
        write_vcards(profile, contacts, buffer)
    if isinstance(out, str | Path):
        path = Path(out)
        encoding = "utf-8-sig" if fmt == formats.CSV else "utf-8"  # a BOM tells Excel it is UTF-8
        try:
            partial = path.with_name(path.name + ".partial")
            partial.write_text(buffer.getvalue(), encoding=encoding, newline="")
            partial.replace(path)
        except OSError as exc:
            raise ExportError(
                _("Cannot write %(path)s (%(error)s). Choose another folder.")
                % {"path": path, "error": exc.strerror}
            ) from exc
    else:
        out.write(buffer.getvalue())
    log.info("exported %d contacts as %s", result.written, fmt)
    audit.record(
        profile.store,
        "export",
        entity="contacts",
        format=fmt,
        rows=result.written,
        redacted=result.restricted_redacted,
        included_restricted=include_restricted,
    )
    return result
