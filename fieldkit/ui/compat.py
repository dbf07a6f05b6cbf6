"""Work-arounds for bugs in the Qt bindings FieldKit runs on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


def keep_none_alive() -> None:
    """Shield ``None``, ``True``, ``False`` and small ints from PySide6 6.12's lost references.

    PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method
    that returns nothing (``setText``, ``setVisible``…), and to ``True`` or
    ``False`` from some that return a flag: about 260 for one language switch
    with every section built. On Python 3.11 the process aborts ("Fatal Python
    error: none_dealloc") once such a count reaches zero, in a long session or
    at exit. Python 3.12 made these objects immortal (PEP 683); this gives them
    the same protection here by raising their counts far beyond anything a
    session can drop. It changes nothing else.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if hasattr(sys, "getobjects"):  # a Py_TRACE_REFS build lays objects out differently
        return
    import ctypes

    for shared in (None, True, False, Ellipsis, NotImplemented, *range(-5, 257)):
        count = ctypes.c_ssize_t.from_address(id(shared))
        if count.value < 1 << 40:
            count.value += 1 << 40


def select_row(view: QAbstractItemView, row: int) -> None:
    """Make ``row`` of a table the current and only selected row, in either layout direction.

    ``QTableView.selectRow`` (Qt 6.12) takes the row's column from the header at
    the viewport's right edge when laid out right to left, a point past the last
    column, so it finds no column and selects nothing: in Arabic a list kept no
    selection after adding, finding or refreshing a record. Selecting through the
    selection model does not depend on the layout.
    """
    model = view.model()
    index = model.index(row, 0) if model is not None else None
    if index is None or not index.isValid():
        return
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(index, flags)
