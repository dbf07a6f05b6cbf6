"""Helpers the vCard import tests share: import a file whole, write a one-card file, and
make a small photo."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from fieldkit.interop.apply import apply_plan
from fieldkit.interop.plan import REJECT, build_plan
from fieldkit.profile import Profile


def imported(profile: Profile, path: Path) -> dict[str, dict]:
    """Import every card of ``path`` (none may be rejected); the stored contacts by name."""
    plan = build_plan(profile, path)
    assert [r.reason for r in plan.rows if r.action == REJECT] == []
    apply_plan(profile, plan)
    return {c["name"]: c for c in profile.contacts.list()}


def card(tmp_path: Path, version: str, *lines: str) -> Path:
    """A file holding one card for Nadia Benali with ``lines`` (CRLF line ends)."""
    path = tmp_path / "card.vcf"
    body = "".join(f"{line}\r\n" for line in lines)
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:Nadia Benali\r\n{body}END:VCARD\r\n",
        encoding="utf-8",
    )
    return path


def png(red: int) -> bytes:
    """A 1x1 PNG of its own colour: each ``red`` is another file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, 0, 0]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
