"""The errors FieldKit reports to people.

Every error a user can meet derives from :class:`FieldKitError`; its message is
already translated and says what is wrong and what to do. Anything else that
escapes is a bug: the CLI and the app log it and show a generic message.
"""

from __future__ import annotations


class FieldKitError(Exception):
    """An error with a message meant for the user (already translated)."""


class NotFound(FieldKitError):
    """A record, profile or file that does not exist."""


class ValidationError(FieldKitError):
    """Bad input for a record; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


class StoreError(FieldKitError):
    """The database file cannot be used (read-only, corrupt, locked, full)."""


class SchemaTooNew(StoreError):
    """The profile was written by a newer FieldKit."""
