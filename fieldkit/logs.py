"""The log file in the data folder. Record contents are never logged: only ids, counts, kinds."""

from __future__ import annotations

import logging
from pathlib import Path

_configured: Path | None = None


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to ``folder/fieldkit.log`` (rotated, 5 × 1 MB). Returns the file's path."""
    global _configured
    import logging.handlers  # here, not at import: it pulls in socket and pickle

    path = folder / "fieldkit.log"
    if _configured == path:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("fieldkit")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    _configured = path
    return path
