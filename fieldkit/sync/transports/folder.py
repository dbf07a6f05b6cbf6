"""A folder target: a USB stick, a network share, a Syncthing or Nextcloud folder."""

from __future__ import annotations

import os
from pathlib import Path

from fieldkit.i18n import _
from fieldkit.sync.errors import TargetUnreachable
from fieldkit.sync.transports import Entry, is_bundle_name

ROOT = "fieldkit-sync"


class FolderTransport:
    """Bundles under ``<folder>/fieldkit-sync/<device id>/``."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.root = self.folder / ROOT

    def reachable(self) -> bool:
        return self.folder.is_dir() and os.access(self.folder, os.R_OK | os.X_OK)

    def _check(self) -> None:
        if not self.reachable():
            raise TargetUnreachable(
                _(
                    "The folder %(path)s is not there. Plug in the USB stick or connect the "
                    "share, then sync again."
                )
                % {"path": self.folder}
            )

    def list(self) -> list[Entry]:
        self._check()
        if not self.root.is_dir():
            return []
        out = []
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and not sub.name.startswith("."):
                out += [
                    Entry(sub.name, f.name) for f in sorted(sub.iterdir()) if is_bundle_name(f.name)
                ]
        return out

    def get(self, entry: Entry) -> bytes:
        self._check()
        try:
            return (self.root / entry.folder / entry.name).read_bytes()
        except OSError as exc:
            raise TargetUnreachable(
                _("Cannot read %(path)s (%(error)s).")
                % {"path": self.root / entry.key, "error": exc.strerror}
            ) from exc

    def put(self, folder: str, name: str, data: bytes) -> None:
        self._check()
        target = self.root / folder / name
        partial = target.with_name(f".{name}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise TargetUnreachable(
                _("Cannot write to %(path)s (%(error)s). Check the free space and try again.")
                % {"path": target.parent, "error": exc.strerror}
            ) from exc
