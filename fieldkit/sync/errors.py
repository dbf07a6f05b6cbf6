"""Errors of sync, each with a message that says what is wrong and what to do."""

from __future__ import annotations

from fieldkit.errors import FieldKitError


class SyncError(FieldKitError):
    """Sync cannot go on (no organisation, a target that cannot be reached…)."""


class BundleRefused(SyncError):
    """A bundle that is damaged, forged, from an untrusted device, or unreadable."""


class TargetUnreachable(SyncError):
    """The folder or server of a sync target cannot be reached right now."""
