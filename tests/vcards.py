"""Helpers the vCard import tests share: import a file whole, and write a one-card file."""

from __future__ import annotations

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
