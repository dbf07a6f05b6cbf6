"""The starter content pack in ``resources/starter/``: laws, fact cards, a campaign, hotlines.

Each file (``contacts.json``, ``materials.json``, ``laws.json``,
``campaigns.json``) is a JSON list of records whose fields are those of
:mod:`fieldkit.data.entities`, plus:

- ``key`` on contacts and campaigns: the record id is derived from it (UUID 5),
  so every device that loads the pack holds the same records and sync sees one
  record, not one copy per office;
- ``group`` and ``lang`` on materials and laws: the entries of one group are
  translations of each other; the id comes from ``<entity>:<group>:<lang>``
  and the translation group id from ``<entity>:<group>``;
- ``targets`` (``[{"contact": key, "role": ...}]``) and ``timeline``
  (``[{"date": "YYYY-MM-DD", "text": ...}]``) on campaigns; their ids too are
  derived, from the campaign key and the contact key or the entry's date and text.

Loading is idempotent: records already in the profile (deleted ones included,
so a deletion is respected) are left as they are.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.i18n import _
from fieldkit.profile import Profile

log = logging.getLogger(__name__)

STARTER_DIR = Path(__file__).resolve().parent.parent / "resources" / "starter"
NAMESPACE = uuid.UUID("5b6f1e8a-3c1d-4f7e-9a51-6a0c2f9d7b11")
FILES = ("contacts", "materials", "laws", "campaigns")


def starter_id(key: str) -> str:
    """The record id of a pack entry: the same on every device."""
    return str(uuid.uuid5(NAMESPACE, key))


def read_pack(folder: Path = STARTER_DIR) -> dict[str, list[dict[str, Any]]]:
    """The pack's entries by file name (a missing file is an empty list)."""
    pack: dict[str, list[dict[str, Any]]] = {}
    for name in FILES:
        path = folder / f"{name}.json"
        if not path.exists():
            pack[name] = []
            continue
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FieldKitError(
                _("Cannot read the starter pack file %(path)s (%(error)s); nothing was loaded.")
                % {"path": path, "error": exc}
            ) from exc
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise FieldKitError(
                _("The starter pack file %(path)s must hold a list of records.") % {"path": path}
            )
        pack[name] = entries
    return pack


def load_starter(profile: Profile, folder: Path = STARTER_DIR) -> dict[str, int]:
    """Load the pack into ``profile`` in one transaction (all or nothing).

    Returns how many contacts, campaigns, materials and laws were added;
    records already there are skipped, so a second load adds nothing.
    """
    pack = read_pack(folder)
    counts = {"contacts": 0, "campaigns": 0, "materials": 0, "laws": 0}
    with profile.store.write():
        for index, item in enumerate(pack["contacts"], 1):
            item = dict(item)
            key = _pop(item, "key", "contacts", index)
            counts["contacts"] += _add(profile, "contacts", starter_id(key), item, index)
        for entity in ("materials", "laws"):
            for index, item in enumerate(pack[entity], 1):
                item = dict(item)
                group = _pop(item, "group", entity, index)
                item["group_id"] = starter_id(f"{entity}:{group}")
                row_id = starter_id(f"{entity}:{group}:{item.get('lang', '')}")
                counts[entity] += _add(profile, entity, row_id, item, index)
        for index, item in enumerate(pack["campaigns"], 1):
            item = dict(item)
            key = _pop(item, "key", "campaigns", index)
            targets = item.pop("targets", [])
            timeline = item.pop("timeline", [])
            campaign_id = starter_id(key)
            counts["campaigns"] += _add(profile, "campaigns", campaign_id, item, index)
            for target in targets:
                values = {
                    "campaign_id": campaign_id,
                    "contact_id": starter_id(target["contact"]),
                    "role": target.get("role", ""),
                }
                row_id = starter_id(f"{key}:target:{target['contact']}")
                _add(profile, "campaign_targets", row_id, values, index)
            for entry in timeline:
                values = {"campaign_id": campaign_id, "date": entry["date"], "text": entry["text"]}
                row_id = starter_id(f"{key}:update:{entry['date']}:{entry['text']}")
                _add(profile, "campaign_updates", row_id, values, index)
    log.info("starter pack loaded: %s", counts)
    return counts


def _pop(item: dict[str, Any], name: str, entity: str, index: int) -> str:
    value = item.pop(name, None)
    if not isinstance(value, str) or not value:
        raise ValidationError(
            {f"{entity} {index}": _("The starter pack entry has no “%(field)s”.") % {"field": name}}
        )
    return value


def _add(profile: Profile, entity: str, row_id: str, values: dict[str, Any], index: int) -> int:
    """Add one record unless a record with that id exists; 1 if added, else 0."""
    records = profile.records(entity)
    if profile.store.row(records.entity, row_id) is not None:
        return 0
    try:
        records.add(values, id=row_id)
    except ValidationError as exc:
        raise ValidationError(
            {f"{entity} {index} {field}": msg for field, msg in exc.errors.items()}
        ) from None
    return 1
