"""A list page for one entity: search, filters, a lazily fetched table, create/edit/delete."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldkit.data import entities as E
from fieldkit.display import filter_label
from fieldkit.i18n import N_, _, current_language, ngettext
from fieldkit.ui.compat import select_row
from fieldkit.ui.context import AppContext
from fieldkit.ui.languages import UI_LANGUAGES
from fieldkit.ui.models import RecordTableModel
from fieldkit.ui.record_dialog import RecordDialog
from fieldkit.ui.undo import AddCommand, DeleteCommand, EditCommand

FILTER_LABELS = {
    "tag": N_("All tags"),
    "lang": N_("All languages"),
    "country": N_("All countries"),
    "jurisdiction": N_("All jurisdictions"),
    "kind": N_("All kinds"),
    "status": N_("All statuses"),
    "sensitivity": N_("Any sensitivity"),
    "review_status": N_("Any review"),
    "channel": N_("All channels"),
}
REFS = {"contacts", "campaigns"}
COLUMN_WIDTH = 130


class EntityPage(QWidget):
    """The list of one entity's records; subclasses add their own actions."""

    entity_name = ""
    record_changed = Signal(str)  # the current record's id ("" when none)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.entity = E.ENTITIES[self.entity_name]
        self.records = ctx.profile.records(self.entity_name)
        self.setObjectName(f"page_{self.entity_name}")
        resolve = {name: ctx.profile.records(name) for name in REFS}
        self.model = RecordTableModel(self.records, resolve=resolve, parent=self)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filters)
        self.filters: dict[str, QComboBox] = {}
        # The filters get a row of their own: translated labels ("Todas las jurisdicciones")
        # need the room.
        filter_bar = QHBoxLayout()
        for name in self.filter_names():
            combo = QComboBox()
            combo.setObjectName(f"filter_{name}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            combo.currentIndexChanged.connect(self.apply_filters)
            self.filters[name] = combo
            filter_bar.addWidget(combo, 1)

        self.new_button = QPushButton()
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_current)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        actions.addWidget(self.count_label)
        extras = QHBoxLayout()  # a row of its own, so narrow windows still fit
        for button in self.extra_buttons():
            extras.addWidget(button)
        extras.addStretch(1)

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.table.horizontalHeader().resizeSection(0, 2 * COLUMN_WIDTH)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._count)
        self._count_generation = 0

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filter_bar)
        layout.addLayout(actions)
        layout.addLayout(extras)
        self.body = QVBoxLayout()
        self.body.addWidget(self.table, 1)
        layout.addLayout(self.body, 1)

        ctx.ops.changed.connect(self.on_changed)
        self.fill_filters()
        self.retranslate()
        self._count()

    # --- for subclasses --------------------------------------------------------

    def filter_names(self) -> tuple[str, ...]:
        names = self.entity.filters
        if self.entity.has_field("languages") and "lang" not in names:
            names = (*names, "lang")
        return names

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def retranslate(self) -> None:
        plural = _(self.entity.plural)
        # The key as Qt names it in the UI language (कंट्रोल+F in Hindi), as the menu shows it.
        find = QKeySequence(QKeySequence.StandardKey.Find)
        shortcut = find.toString(QKeySequence.SequenceFormat.NativeText)
        self.search.setPlaceholderText(
            # Translators: %(shortcut)s is the key that finds in the list (Ctrl+F).
            _("Search %(entities)s… (%(shortcut)s)")
            % {"entities": plural.lower(), "shortcut": shortcut}
        )
        self.new_button.setText(_("&New"))
        self.edit_button.setText(_("&Edit"))
        self.delete_button.setText(_("&Delete"))
        for name, combo in self.filters.items():
            combo.setItemText(0, _(FILTER_LABELS.get(name, name)))
            for i in range(1, combo.count()):
                combo.setItemText(i, filter_label(name, combo.itemData(i)))
        self.model.retranslate()
        self._update_count()

    def title(self) -> str:
        return _(self.entity.plural)

    # --- filters -------------------------------------------------------------------

    def fill_filters(self) -> None:
        """(Re)fill the filter choices, keeping the current choice."""
        for name, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_(FILTER_LABELS.get(name, name)), "")
            field = self.entity.field(name) if self.entity.has_field(name) else None
            if field is not None and field.kind == E.ENUM:
                values = list(field.choices)
            elif name == "lang":  # a fixed list: scanning every record's languages is slow
                values = list(UI_LANGUAGES)
            else:
                values = self.records.distinct(name)
            for value in values:
                combo.addItem(filter_label(name, value), value)
            if current:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def filter_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: combo.currentData() for name, combo in self.filters.items()}
        values["q"] = self.search.text().strip()
        return values

    def apply_filters(self, *_args: Any) -> None:
        self.model.set_filters(self.filter_values())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- records -----------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.record_id(index.row())

    def select(self, record_id: str) -> bool:
        """Select a record in the list and scroll to it, loading the rows up to it if need
        be; False when the search or the filters hide it."""
        row = self.model.load_through(record_id)
        if row is None:
            return False
        select_row(self.table, row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def new_record(self, preset: dict[str, Any] | None = None) -> RecordDialog:
        dialog = RecordDialog(self.entity, self.ctx.ops, parent=self, preset=preset or None)
        dialog.saved.connect(lambda rid, _before, _after: self.added(rid))
        dialog.open()
        return dialog

    def added(self, record_id: str) -> None:
        """A record was just created from this page: make it undoable and show it."""
        self.ctx.undo.push(AddCommand(self.ctx.ops, self.entity_name, record_id))
        self.show_added(record_id)

    def show_added(self, record_id: str) -> None:
        """Select a record just created and scroll to it.

        The list has already refreshed by then: the worker reports a write's change
        before the job's result. When the search or a filter hides the new record they
        are kept, and nothing is selected, so that Edit and Delete do not act on the
        record that was selected before.
        """
        if not self.select(record_id):
            self.table.selectionModel().clear()

    def edit_record(self, record_id: str) -> RecordDialog:
        record = self.records.get(record_id)
        dialog = RecordDialog(self.entity, self.ctx.ops, record, parent=self)
        dialog.saved.connect(
            lambda rid, before, after: self.ctx.undo.push(
                EditCommand(self.ctx.ops, self.entity_name, rid, before, after)
            )
        )
        dialog.open()
        return dialog

    def edit_current(self) -> RecordDialog | None:
        record_id = self.current_id()
        return self.edit_record(record_id) if record_id else None

    def delete_current(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.ctx.undo.push(DeleteCommand(self.ctx.ops, self.entity_name, record_id))

    def open_record(self, record_id: str) -> None:
        """Show a record found by the global search."""
        self.search.clear()
        for combo in self.filters.values():
            combo.setCurrentIndex(0)
        self.select(record_id)
        self.edit_record(record_id)

    # --- refresh -------------------------------------------------------------------

    def on_changed(self, tables: set[str]) -> None:
        refs = {f.ref for f in self.entity.fields if f.kind == E.REF}
        if self.entity.table in tables or tables & refs:
            current = self.current_id()
            self.model.reload()
            if "tag" in self.filters or any(
                n in self.filters for n in ("country", "jurisdiction", "lang")
            ):
                self.fill_filters()
            if current:
                self.select(current)

    def _current_changed(self, current, _previous) -> None:
        self.record_changed.emit(self.model.record_id(current.row()) if current.isValid() else "")

    def _count(self) -> None:
        """Count the matching records on the worker, so a big list opens at once."""
        self._count_generation += 1
        self._update_count()
        if self.model.total is not None:
            return
        generation, name, filters = self._count_generation, self.entity_name, self.model.filters

        def counted(n: int) -> None:
            if generation == self._count_generation:
                self.model.set_total(n)
                self._update_count()

        self.ctx.ops.run(
            lambda profile, job: profile.records(name).count(filters),
            on_success=counted,
            on_failure=lambda exc: None,  # the list itself still works; only the count is missing
        )

    def _update_count(self) -> None:
        n = self.model.total
        if n is None:
            self.count_label.setText(
                _("%(count)s or more records")
                % {"count": format_decimal(self.model.loaded, locale=current_language())}
            )
            return
        self.count_label.setText(
            ngettext("%(count)s record", "%(count)s records", n)
            % {"count": format_decimal(n, locale=current_language())}
        )
