"""Qt table models over the core's Records API, fetched lazily a page at a time.

The model keeps only the shown columns of the rows fetched so far (tuples,
not full records) and asks the core for the next page with ``Records.list(limit=..., after=<last
id>)`` (by key; by offset for a column that may be empty) when the view
scrolls near the end
(``canFetchMore``/``fetchMore``). It does not count up front: a page that
comes back short ends the list, and the page that owns the model may supply
the exact count later (:meth:`set_total`, counted on the worker). A profile
of 100k contacts opens with one page loaded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fieldkit.data import entities as E
from fieldkit.data.records import Records
from fieldkit.display import format_value
from fieldkit.errors import NotFound
from fieldkit.i18n import _
from fieldkit.text import one_line

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def display(field: E.Field, value: Any) -> str:
    """A stored value as shown in a list cell, in the UI language (dates, countries, choices),
    on one line, with control characters and bidi overrides shown as U+FFFD."""
    return one_line(format_value(field, value))


class RecordTableModel(QAbstractTableModel):
    """The records of one entity, filtered and sorted, loaded page by page."""

    def __init__(
        self,
        records: Records,
        columns: tuple[str, ...] | None = None,
        *,
        resolve: dict[str, Records] | None = None,
        page: int = PAGE,
        parent=None,
    ):
        super().__init__(parent)
        self.records = records
        self.entity = records.entity
        self.columns = columns or self.entity.list_fields
        self._fields = [self.entity.field(c) for c in self.columns]
        self._resolve = resolve or {}  # where to look up REF columns, by table
        self._names: dict[str, str] = {}
        self.page = page
        self.filters: dict[str, Any] = {}
        self.order_by = self.entity.title_field
        self.descending = False
        self._ids: list[str] = []
        self._rows: list[tuple[str, ...]] = []
        self._total: int | None = None
        self._more = True
        self.reload()

    # --- what the pages call -------------------------------------------------

    def set_filters(self, filters: dict[str, Any], *, force: bool = False) -> None:
        """Apply filters (empty values are ignored); reloads when they change or ``force``."""
        clean = {k: v for k, v in filters.items() if v not in (None, "")}
        if force or clean != self.filters:
            self.filters = clean
            self.reload()

    def set_order(self, order_by: str, descending: bool = False) -> None:
        if (order_by, descending) == (self.order_by, self.descending) and self._rows:
            return  # the view announcing the order it already has: nothing to fetch again
        self.order_by, self.descending = order_by, descending
        self.reload()

    def reload(self) -> None:
        """Drop what is loaded and fetch the first page again (after a change or a filter)."""
        self.beginResetModel()
        self._names.clear()
        self._total, self._more = None, True
        self._ids, self._rows = [], []
        self._load(self.page)
        self.endResetModel()

    @property
    def total(self) -> int | None:
        """How many records match, loaded or not; None while unknown."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    def set_total(self, total: int) -> None:
        """The exact count, from a count run elsewhere (ignored once the end is reached)."""
        if self._more:
            self._total = total

    def record_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, record_id: str) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def load_through(self, record_id: str) -> int | None:
        """The row of a record, fetching the rows up to it if they are not loaded yet;
        None when the filters leave it out (or it is deleted)."""
        row = self.row_of(record_id)
        if row is not None or not self._more:
            return row
        position = self.records.position(
            record_id, self.filters, order_by=self.order_by, descending=self.descending
        )
        if position is None or position < len(self._rows):
            return None
        pages = (position - len(self._rows)) // self.page + 1
        self._append(pages * self.page)  # in one go: no row-by-row repaint on the way
        return self.row_of(record_id)

    # --- Qt model API ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self._fields[section].label)
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more:
            return
        self._append(self.page)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.set_order(self.columns[column], order == Qt.SortOrder.DescendingOrder)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    # --- loading --------------------------------------------------------------------

    def _append(self, count: int) -> None:
        """Fetch the next ``count`` rows and insert them at the end, telling the views."""
        start = len(self._rows)
        ids, rows = self._fetch(count)
        if rows:
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._ids += ids
            self._rows += rows
            self.endInsertRows()

    def _load(self, count: int) -> None:
        ids, rows = self._fetch(count)
        self._ids += ids
        self._rows += rows

    def _fetch(self, count: int) -> tuple[list[str], list[tuple[str, ...]]]:
        """The next ``count`` rows; a short page means the end of the list."""
        paging: dict[str, Any] = {"offset": len(self._rows)}
        if self._ids and self.records.can_page_after(self.order_by):
            paging = {"after": self._ids[-1]}  # by key: the last page is as quick as the first
        records = self.records.list(
            self.filters,
            order_by=self.order_by,
            descending=self.descending,
            limit=count,
            **paging,
        )
        ids = [r["id"] for r in records]
        rows = [tuple(self._cell(f, r.get(f.name)) for f in self._fields) for r in records]
        if len(records) < count:
            self._more = False
            self._total = len(self._rows) + len(records)
        return ids, rows

    def _cell(self, field: E.Field, value: Any) -> str:
        if field.kind == E.REF and value:
            return self._name(field, value)
        return display(field, value)

    def _name(self, field: E.Field, record_id: str) -> str:
        if record_id not in self._names:
            records = self._resolve.get(field.ref or "")
            title = ""
            if records is not None:
                try:
                    title = records.get(record_id, include_deleted=True)[records.entity.title_field]
                except NotFound:
                    title = ""
            self._names[record_id] = one_line(title) or record_id[:8]
        return self._names[record_id]
