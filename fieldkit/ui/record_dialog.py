"""The detail editor of a record, built from the entity's declared fields.

Validation runs before anything is sent to the worker (``normalize`` is pure
Python); a problem is shown in red under its field and the dialog stays
open. The save itself is one transaction on the worker, so nothing is ever
saved half-way; a reference error found there is shown the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import entities as E
from fieldkit.display import choice_label
from fieldkit.errors import ValidationError
from fieldkit.i18n import _
from fieldkit.text import has_unsafe
from fieldkit.ui.ops import Operations

HIDDEN = {"group_id", "phone_e164", "fax_e164"}
# Lists whose items may hold commas: one item per line.
LINE_LISTS = {"asks", "key_provisions"}
ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #5f6368;"


def editable_fields(entity: E.Entity) -> list[E.Field]:
    return [f for f in entity.fields if f.name not in HIDDEN and f.kind != E.REF]


class FieldEditor:
    """One field's input widget and the error label under it."""

    def __init__(self, field: E.Field):
        self.field = field
        if field.kind == E.ENUM:
            widget: QWidget = QComboBox()
            if not field.required or field.default is None:
                widget.addItem("", "")
            for choice in field.choices:
                widget.addItem(choice_label(choice), choice)
            if field.default is not None:
                widget.setCurrentIndex(widget.findData(field.default))
        elif field.kind == E.LONGTEXT or field.name in LINE_LISTS:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(80)
        else:
            widget = QLineEdit()
            if field.kind == E.DATE:
                widget.setPlaceholderText("YYYY-MM-DD")
            elif field.kind == E.LIST:
                widget.setPlaceholderText(_("comma, separated"))
        widget.setObjectName(f"field_{field.name}")
        self.widget = widget
        self.error = QLabel()
        self.error.setObjectName(f"error_{field.name}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        # Lists show control characters and bidi overrides as U+FFFD; the field shows and
        # keeps the stored text, and this note says why it may look different here.
        self.note = QLabel()
        self.note.setObjectName(f"note_{field.name}")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.note.hide()
        self._stored: tuple[str, Any] | None = None  # the text shown, and the value it shows
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(
            _(
                "This field holds control characters or text direction overrides, which lists "
                "show as �. They are kept as they are: delete them here if they do not belong."
            )
        )

    def _text(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def value(self) -> Any:
        """What the field holds; the stored value itself while its text is left untouched
        (a text box drops carriage returns, and a comma in a list item would split it)."""
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData() or None
        if self._stored is not None and self._text() == self._stored[0]:
            return self._stored[1]
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText()
            if self.field.kind == E.LIST:
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text
        return w.text()

    def set_value(self, value: Any) -> None:
        """Show ``value`` as stored (nothing replaced), with the note if it needs one."""
        w = self.widget
        text = ""
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value or "")))
        elif isinstance(w, QPlainTextEdit):
            text = "\n".join(value) if isinstance(value, list) else value or ""
            w.setPlainText(text)
        else:
            if isinstance(value, list):
                text = ", ".join(value)
            elif value is not None:
                text = str(value)
            w.setText(text)
        self._stored = (self._text(), value) if text else None
        self.note.setVisible(has_unsafe(text))

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class RecordDialog(QDialog):
    """Create (``record`` None) or edit a record; emits ``saved(id, before, after)``."""

    saved = Signal(str, dict, dict)

    def __init__(
        self,
        entity: E.Entity,
        ops: Operations,
        record: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        preset: dict[str, Any] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(f"recordDialog_{entity.name}")
        self.entity = entity
        self.ops = ops
        self.record = record
        self.preset = preset or {}
        self.editors = {f.name: FieldEditor(f) for f in editable_fields(entity)}
        self.general_error = QLabel()
        self.general_error.setObjectName("error_general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        form_widget = QWidget()
        self.form = QFormLayout(form_widget)
        self.labels: dict[str, QLabel] = {}
        for name, editor in self.editors.items():
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(editor.widget)
            lay.addWidget(editor.error)
            lay.addWidget(editor.note)
            label = QLabel()
            label.setBuddy(editor.widget)
            self.labels[name] = label
            self.form.addRow(label, box)
            if record is not None:
                editor.set_value(record.get(name))
            elif name in self.preset:
                editor.set_value(self.preset[name])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)
        self.resize(560, 640)
        self.retranslate()

    def retranslate(self) -> None:
        verb = _("New %(entity)s") if self.record is None else _("Edit %(entity)s")
        self.setWindowTitle(verb % {"entity": _(self.entity.label).lower()})
        for name, label in self.labels.items():
            f = self.entity.field(name)
            text = _(f.label)
            label.setText(text + (" *" if f.required else ""))
            self.editors[name].retranslate()

    def values(self) -> dict[str, Any]:
        values = {name: editor.value() for name, editor in self.editors.items()}
        for name, value in self.preset.items():
            if name not in self.editors:
                values[name] = value
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for name, editor in self.editors.items():
            editor.show_error(errors.get(name))
        for name, message in errors.items():
            if name not in self.editors:
                general.append(message)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        first = next((self.editors[n].widget for n in self.editors if n in errors), None)
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        """Validate; if clean, write on the worker and close when it is done."""
        values = self.values()
        editing = self.record is not None
        try:
            E.normalize(self.entity, values, partial=editing)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.show_errors({})
        self.buttons.setEnabled(False)
        name = self.entity.name
        if editing:
            record_id = self.record["id"]
            before = {k: self.record.get(k) for k in values}

            def write(profile, job):
                profile.records(name).update(record_id, values)
                return record_id
        else:
            before = {}

            def write(profile, job):
                return profile.records(name).add(values)

        self.ops.run(
            write, on_success=lambda rid: self._saved(rid, before, values), on_failure=self._failed
        )

    def _saved(self, record_id: str, before: dict, after: dict) -> None:
        self.saved.emit(record_id, before, after)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from fieldkit.ui.errors import show_failure

        show_failure(self, exc)
