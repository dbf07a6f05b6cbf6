"""Helpers for the sync tests: an organisation with enrolled devices, file hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fieldkit.profile import DB_NAME, Profile
from fieldkit.sync import org as O


def make_org(root: Path, *names: str) -> tuple[Profile, list[Profile]]:
    """Headquarters plus one enrolled device per name, each a real profile under ``root``."""
    hq = Profile.create(root / "hq", organization="Test NGO", device_name="hq")
    O.create_org(hq, "Test NGO")
    devices = []
    for name in names:
        device = Profile.create(root / name, organization="Test NGO", device_name=name)
        O.join(device, O.issue_enrolment(hq, name))
        devices.append(device)
    return hq, devices


def db_hash(profile_path: Path) -> str:
    return hashlib.sha256((profile_path / DB_NAME).read_bytes()).hexdigest()


def content(profile: Profile) -> dict[str, list[tuple]]:
    """Every synced row's fields (not its local timestamps), table by table."""
    from fieldkit.data import entities as E

    out = {}
    for name, entity in E.ENTITIES.items():
        cols = ", ".join(f"[{c}]" for c in (*entity.field_names, "deleted"))
        rows = profile.store.conn.execute(f"SELECT id, {cols} FROM [{name}] ORDER BY id")
        out[name] = rows.fetchall()
    return out
