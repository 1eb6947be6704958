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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None  # a narrowed heading reads whole
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


def fit_columns(table, wrapping: tuple[int, ...], width: int | None = None) -> None:
    """Fit `table`'s columns into `width` (its viewport's by default) without cutting any text:
    every column gets its content's width; when they do not all fit, the `wrapping` columns
    (free text) share what is left and their text wraps onto more lines (the rows grow), so
    dates and numbers always show whole and no column hides behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QHeaderView

    header = table.horizontalHeader()
    model = table.model()
    if model is None or model.columnCount() == 0:
        return
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    count = model.columnCount()
    wanted = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]

    if width is None:  # the room beside a vertical scroll bar, shown or not (no refit loop)
        width = table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
    room = width
    shrinkable = [c for c in wrapping if c < count]
    fixed = sum(w for c, w in enumerate(wanted) if c not in shrinkable)
    widths = list(wanted)
    if sum(wanted) > room and shrinkable:
        floor = table.fontMetrics().averageCharWidth() * 7
        share = max(room - fixed, 0)
        total = sum(wanted[c] for c in shrinkable) or 1
        for c in shrinkable:
            widths[c] = max(min(wanted[c], share * wanted[c] // total), min(wanted[c], floor))
        if sum(widths) > room:  # not even a few characters each: share strictly (headings elide)
            for c in shrinkable:
                widths[c] = max(min(wanted[c], share * wanted[c] // total), 1)
    spare = room - sum(widths)
    if spare > 0:
        widths[-1] += spare  # the last column takes up the rest, as a stretched last section did
    for c, w in enumerate(widths):
        header.resizeSection(c, w)
    table.setWordWrap(any(widths[c] < wanted[c] for c in shrinkable))
    table.resizeRowsToContents()


def keep_fitted(table, wrapping: tuple[int, ...]) -> None:
    """`fit_columns` now, whenever the table is resized, and whenever its model is reset."""
    from PySide6.QtCore import QEvent, QObject

    class _Fitter(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Resize:
                fit_columns(table, wrapping)
            return False

    fitter = _Fitter(table)
    table.installEventFilter(fitter)
    table.model().modelReset.connect(lambda: fit_columns(table, wrapping))
    table._fitter = fitter  # lives with the table
    fit_columns(table, wrapping)
