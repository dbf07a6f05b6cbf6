"""The starter content pack in ``resources/starter/``: laws, fact cards, a campaign, hotlines.

Each file is a JSON list. Entries carry a ``key``; record ids are derived
from it (UUID 5), so every device that loads the pack holds the same records
and sync sees one record, not one copy per office. Materials and laws carry
``group`` (the translation group key) and ``lang``. Campaigns name their
targets by contact key and carry a dated ``timeline``.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from fieldkit.profile import Profile

STARTER_DIR = Path(__file__).resolve().parent.parent / "resources" / "starter"
NAMESPACE = uuid.UUID("5b6f1e8a-3c1d-4f7e-9a51-6a0c2f9d7b11")


def starter_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _load(name: str, folder: Path) -> list[dict[str, Any]]:
    path = folder / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def load_starter(profile: Profile, folder: Path = STARTER_DIR) -> dict[str, int]:
    """Load the pack into ``profile`` in one transaction; records already there are skipped."""
    counts = {"contacts": 0, "campaigns": 0, "materials": 0, "laws": 0}
    with profile.store.write():
        for item in _load("contacts", folder):
            counts["contacts"] += _add(profile, "contacts", item)
        for entity in ("materials", "laws"):
            for item in _load(entity, folder):
                item = dict(item)
                key = f"{item.pop('group')}:{item['lang']}"
                item["group_id"] = starter_id(f"group:{entity}:{key.split(':')[0]}")
                counts[entity] += _add(profile, entity, {"key": key, **item})
        for item in _load("campaigns", folder):
            item = dict(item)
            targets = item.pop("targets", [])
            timeline = item.pop("timeline", [])
            if not _add(profile, "campaigns", item):
                continue
            counts["campaigns"] += 1
            campaign_id = starter_id(item["key"])
            for target in targets:
                profile.add_target(
                    campaign_id, starter_id(target["contact"]), target.get("role", "")
                )
            for entry in timeline:
                profile.add_update(campaign_id, entry["date"], entry["text"])
    return counts


def _add(profile: Profile, entity: str, item: dict[str, Any]) -> int:
    item = dict(item)
    row_id = starter_id(item.pop("key"))
    records = profile.records(entity)
    if profile.store.row(records.entity, row_id) is not None:
        return 0
    records.add(item, id=row_id)
    return 1
