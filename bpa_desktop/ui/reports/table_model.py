"""A read-only table of texts (what is shown is exactly what a CSV export writes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from bpa_desktop.ui.plain import tooltip

Index = QModelIndex | QPersistentModelIndex


class TextTableModel(QAbstractTableModel):
    """Rows of display texts; `numeric` columns are right-aligned; each row may carry an
    object (`row_object`) and be shown in bold (`strong`) or greyed out (`muted`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.objects: list[object] = []
        self.numeric: set[int] = set()
        self.strong: set[int] = set()
        self.muted: set[int] = set()

    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Sequence[int] = (),
                  objects: Sequence[object] | None = None, strong: Sequence[int] = (),
                  muted: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.objects = list(objects) if objects is not None else [None] * len(self.rows)
        self.numeric = set(numeric)
        self.strong = set(strong)
        self.muted = set(muted)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def row_object(self, row: int) -> object:
        return self.objects[row] if 0 <= row < len(self.objects) else None

    def text(self, row: int, column: int) -> str:
        return self.rows[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.rows[row][column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in self.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row in self.strong:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row in self.muted:
            from PySide6.QtWidgets import QApplication

            return QBrush(QApplication.palette().placeholderText().color())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


def read_only_table(model: QAbstractTableModel, name: str, parent=None):
    """A table view for reading: whole rows selected, Tab leaves it, columns fit their text."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table
