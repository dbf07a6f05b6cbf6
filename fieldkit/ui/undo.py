"""Undo for deletes and cheap edits: commands on a QUndoStack that write through the worker.

A delete is a tombstone, so undoing it is ``restore``; undoing a creation
deletes (a tombstone again); undoing an edit writes the previous values back.
Jobs run on the one worker in the order they were pushed, so undo and redo
never overtake each other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from fieldkit.data import entities as E
from fieldkit.i18n import _
from fieldkit.ui.ops import Operations


class _RecordCommand(QUndoCommand):
    def __init__(self, ops: Operations, entity: str, record_id: str, text: str, *, done: bool):
        super().__init__(text)
        self.ops = ops
        self.entity = entity
        self.record_id = record_id
        self._skip_redo = done  # the change is already made when the command is pushed

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.apply_redo()

    def _run(self, method: str, *args: Any) -> None:
        name, record_id = self.entity, self.record_id
        self.ops.run(lambda profile, job: getattr(profile.records(name), method)(record_id, *args))

    def apply_redo(self) -> None:
        raise NotImplementedError


class DeleteCommand(_RecordCommand):
    """Delete a record now; undo restores it."""

    def __init__(self, ops: Operations, entity: str, record_id: str):
        label = _(E.ENTITIES[entity].label).lower()
        super().__init__(
            ops, entity, record_id, _("Delete %(entity)s") % {"entity": label}, done=False
        )

    def apply_redo(self) -> None:
        self._run("delete")

    def undo(self) -> None:
        self._run("restore")


class AddCommand(_RecordCommand):
    """A record already created; undo deletes it, redo brings it back."""

    def __init__(self, ops: Operations, entity: str, record_id: str):
        label = _(E.ENTITIES[entity].label).lower()
        super().__init__(ops, entity, record_id, _("New %(entity)s") % {"entity": label}, done=True)

    def apply_redo(self) -> None:
        self._run("restore")

    def undo(self) -> None:
        self._run("delete")


class EditCommand(_RecordCommand):
    """An edit already saved; undo writes the previous values back."""

    def __init__(self, ops: Operations, entity: str, record_id: str, before: dict, after: dict):
        label = _(E.ENTITIES[entity].label).lower()
        super().__init__(
            ops, entity, record_id, _("Edit %(entity)s") % {"entity": label}, done=True
        )
        self.before = before
        self.after = after

    def apply_redo(self) -> None:
        self._run("update", dict(self.after))

    def undo(self) -> None:
        self._run("update", dict(self.before))
