"""What every page gets: the reading profile, the operations queue and the undo stack."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from fieldkit.profile import Profile
from fieldkit.ui.ops import Operations


@dataclass
class AppContext:
    """``profile`` is the UI thread's reading profile: never write through it, use ``ops``."""

    profile: Profile
    ops: Operations
    undo: QUndoStack
