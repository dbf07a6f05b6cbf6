"""Fast reads of contact keys for duplicate detection at scale (one pass, no per-row query)."""

from __future__ import annotations

from collections.abc import Iterator

from fieldkit.data.store import Store


def contact_keys(
    store: Store,
) -> Iterator[tuple[str, str | None, str | None, str | None, str | None, str | None]]:
    """``(id, phone_e164, fax_e164, email, name, organization)`` of every live contact."""
    yield from store.conn.execute(
        "SELECT id, phone_e164, fax_e164, email, name, organization FROM contacts WHERE deleted = 0"
    )
