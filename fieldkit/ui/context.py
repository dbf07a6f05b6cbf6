"""What every page gets: the reading profile, the operations queue and the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from fieldkit.profile import Profile
from fieldkit.ui.ops import Operations

if TYPE_CHECKING:
    from fieldkit.ui.lock import LockController


@dataclass
class AppContext:
    """``profile`` is the UI thread's reading profile: never write through it, use ``ops``.

    ``lock`` is the running idle lock, and ``erase_profile`` closes the profile and erases
    it from this device (both set by the app's session; None without one).
    """

    profile: Profile
    ops: Operations
    undo: QUndoStack
    lock: LockController | None = None
    erase_profile: Callable[[], None] | None = None
