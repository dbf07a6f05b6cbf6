"""Choose one contact among many: type to narrow, pick from the matches."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.text import one_line

PICK_LIMIT = 50


class ContactPicker(QWidget):
    """A search box over a list of at most :data:`PICK_LIMIT` matching contacts.

    ``first`` (e.g. a campaign's targets) is listed before the matches while
    nothing is typed.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self.first: list[dict[str, Any]] = []
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.combo = QComboBox()
        self.combo.setObjectName("field_contact_id")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.combo)
        self.search.textChanged.connect(self.fill)
        self.retranslate()
        self.fill("")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Type to find a contact"))

    def set_first(self, rows: list[dict[str, Any]]) -> None:
        self.first = rows
        self.fill(self.search.text())

    def current_id(self) -> str | None:
        return self.combo.currentData() or None

    def fill(self, text: str) -> None:
        current = self.combo.currentData()
        self.combo.clear()
        seen: set[str] = set()
        if not text:
            for row in self.first:
                self._add(row, seen)
        for row in self.profile.contacts.list({"q": text} if text else None, limit=PICK_LIMIT):
            self._add(row, seen)
        if current and not text:
            self.select(current)

    def select(self, contact_id: str) -> None:
        index = self.combo.findData(contact_id)
        if index < 0:
            self._add(self.profile.contacts.get(contact_id), set())
            index = self.combo.findData(contact_id)
        self.combo.setCurrentIndex(index)

    def _add(self, row: dict[str, Any], seen: set[str]) -> None:
        if row["id"] in seen:
            return
        seen.add(row["id"])
        name = one_line(row["name"])
        extra = one_line(row.get("organization") or row.get("title") or "")
        self.combo.addItem(f"{name} — {extra}" if extra else name, row["id"])
