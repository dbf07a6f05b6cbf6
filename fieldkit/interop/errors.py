"""Errors of importing and exporting contacts: each message says what is wrong and what to do."""

from __future__ import annotations

from fieldkit.errors import FieldKitError


class ImportFileError(FieldKitError):
    """The file as a whole cannot be imported (empty, not text, too large, unreadable)."""


class ImportCancelled(FieldKitError):
    """The user cancelled the import; nothing was written."""


class ExportError(FieldKitError):
    """The export could not be written, or needs a confirmation it did not get."""


class ImportWriteError(FieldKitError):
    """The import could not be written (the disk is full, a folder cannot be written);
    nothing was changed."""
