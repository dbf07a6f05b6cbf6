"""The global search (Ctrl+K): searches as you type across contacts, campaigns, materials, laws."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from fieldkit.data import entities as E
from fieldkit.display import subtitle
from fieldkit.i18n import _
from fieldkit.profile import Profile
from fieldkit.text import one_line

MIN_CHARS = 2
LIMIT = 50
RANK_CAP = 500  # rank at most this many matches per kind while typing


class SearchDialog(QDialog):
    """Emits ``chosen(entity, id)`` when a result is picked (Enter or double-click)."""

    chosen = Signal(str, str)

    def __init__(self, profile: Profile, parent=None):
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.profile = profile
        self.query = QLineEdit()
        self.query.setObjectName("globalSearch")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.status = QLabel()
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.pick_current)
        self.results.itemActivated.connect(self.pick)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(620, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Search everything"))
        self.query.setPlaceholderText(_("Type a name, a title, a word… (at least two letters)"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - arrows move in the results
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(self.results.count() - 1, row)))
            return
        super().keyPressEvent(event)

    def refresh(self, text: str) -> None:
        """Show the best matches for ``text``; fewer than two letters shows nothing."""
        self.results.clear()
        if len(text.strip()) < MIN_CHARS:
            self.status.setText("")
            return
        hits = self.profile.search(text, limit=LIMIT, cap=RANK_CAP)
        for hit in hits:
            kind = _(E.ENTITIES[hit.entity].label)
            details = one_line(subtitle(hit.entity, hit.details))
            label = f"{one_line(hit.title)}  —  {kind}" + (f" · {details}" if details else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (hit.entity, hit.id))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.status.setText(_("Nothing matches “%(text)s”.") % {"text": text} if not hits else "")

    def pick_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.pick(item)

    def pick(self, item: QListWidgetItem) -> None:
        entity, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(entity, record_id)
        self.accept()
