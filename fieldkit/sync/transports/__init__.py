"""Where bundles travel: a folder (USB stick, share, Syncthing/Nextcloud) or a WebDAV server.

Both look the same to the engine: every device writes its bundle files only
under its own sub-folder (named by its device id) and reads everyone else's.
A file appears under its final name only once it is complete (written under
a ``.partial`` name, then renamed or MOVEd).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

BUNDLE_SUFFIXES = (".fkb", ".fkb.age")


def is_bundle_name(name: str) -> bool:
    return name.endswith(BUNDLE_SUFFIXES) and not name.startswith(".")


@dataclass(frozen=True)
class Entry:
    """A complete bundle file on a target: the sub-folder it is in, and its name."""

    folder: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.name}"


class Transport(Protocol):
    """What the sync engine needs from a target."""

    def reachable(self) -> bool:
        """True when the folder or server can be used right now (cheap)."""

    def list(self) -> list[Entry]:
        """Every complete bundle file, in every device's sub-folder."""

    def get(self, entry: Entry) -> bytes:
        """The bytes of one file."""

    def put(self, folder: str, name: str, data: bytes) -> None:
        """Write a file under ``folder`` (this device's own); complete or not at all."""
