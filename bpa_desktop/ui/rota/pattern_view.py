"""The pattern grid: type a code and Enter, Delete clears, Ctrl+C / Ctrl+V copy blocks,
drag a selected block to move it (Ctrl while dropping copies), Ctrl+L locks or unlocks the
selected cells for the planner. Every edit is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView,
)

from bpa_desktop.ui.rota.commands import (
    LockCommand, SetCellsCommand, block_text, clear_changes, move_changes, parse_block, paste_changes,
)
from bpa_desktop.ui.rota.pattern_model import LOCK_ROLE, MARK_ROLE, PatternModel
from bpa_desktop.ui.theme.apply import colour



class MarkDelegate(QStyledItemDelegate):
    """Paints the cell, then a frame and a corner flag when a finding concerns it, a small
    padlock in the lower left corner of a locked cell; a thin line before each Monday
    separates the weeks."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        rect = option.rect
        if index.column() % 7 == 0 and index.column() > 0:
            painter.save()
            painter.setPen(QPen(option.palette.text().color(), 1))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.restore()
        if index.data(LOCK_ROLE):
            paint_lock(painter, rect, option.palette.text().color())
        mark = index.data(MARK_ROLE)
        if mark:
            # Shape as well as colour: an error is a solid frame and a filled flag, a warning a
            # dashed frame and an open flag.
            error = mark == "error"
            mark_colour = colour("mark_error" if error else "mark_warning")
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(mark_colour, 2.5 if error else 2, Qt.PenStyle.SolidLine if error else Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            size = max(6, rect.height() // 3)
            if error:
                painter.setBrush(mark_colour)
                painter.setPen(Qt.PenStyle.NoPen)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(mark_colour, 1.5))
            painter.drawPolygon([rect.topRight() + QPoint(-size, 0), rect.topRight(), rect.topRight() + QPoint(0, size)])
            painter.restore()


def paint_lock(painter: QPainter, rect, pen_colour: QColor) -> None:
    """A padlock: a shackle over a filled body, a third of the cell high."""
    size = max(7, rect.height() // 3)
    left, bottom = rect.left() + 3, rect.bottom() - 3
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(pen_colour, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(left + size // 5, bottom - size, size * 3 // 5, size * 4 // 5, 0, 180 * 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen_colour)
    painter.drawRect(left, bottom - size * 3 // 5, size, size * 3 // 5)
    painter.restore()


class PatternView(QTableView):
    """`message(text)` reports what a keyboard or mouse action could not do."""

    message = Signal(str)

    def __init__(self, model: PatternModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.pattern = model
        self.setItemDelegate(MarkDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setDragEnabled(False)  # our own block drag below: one undo step, no Qt drag pixmaps
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("MM") + 14)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("M") + 6)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        self._drag_origin: QModelIndex | None = None
        self._dragging = False
        self._drop_target: QModelIndex | None = None
        self.setAccessibleName(self.tr("Rota pattern"))
        self.setAccessibleDescription(self.tr(
            "Rows are assistants, columns are the days of the pattern. Type a shift code and press Enter; "
            "Delete clears; Ctrl+C and Ctrl+V copy; drag a selection to move it; "
            "Ctrl+L locks or unlocks the selected cells for proposals."))

    def fitting_height(self) -> int:
        """Height that shows every row without scrolling (the splitter gives the rest to findings)."""
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        return (rows + self.horizontalHeader().height() + self.horizontalScrollBar().sizeHint().height()
                + 2 * self.frameWidth() + 4)

    # --- selection helpers ------------------------------------------------------------------
    def selected_cells(self) -> list[tuple[int, int]]:
        cells = sorted({(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def select_cells(self, cells: list[tuple[int, int]]) -> None:
        selection = QItemSelection()
        for row, column in cells:
            index = self.model().index(row, column)
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if cells:
            first = self.model().index(*cells[0])
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
        self.selectionModel().select(selection, flags)

    # --- keyboard ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.copy()
            self.clear_selection()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selection()
        elif event.key() == Qt.Key.Key_L and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.toggle_locks()
        else:
            super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        """After Enter the next day becomes current, so a week is typed as D Enter D Enter …"""
        submitted = hint == QStyledItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, hint)
        current = self.currentIndex()
        if submitted and current.isValid() and current.column() + 1 < self.model().columnCount():
            self.setCurrentIndex(self.model().index(current.row(), current.column() + 1))

    def copy(self) -> None:
        QApplication.clipboard().setText(block_text(self.pattern, self.selected_cells()))

    def paste(self) -> None:
        block = parse_block(QApplication.clipboard().text())
        current = self.currentIndex()
        if not block or not current.isValid():
            return
        cells = self.selected_cells()
        top = min(r for r, _ in cells) if cells else current.row()
        left = min(c for _, c in cells) if cells else current.column()
        changes, unknown = paste_changes(self.pattern, top, left, block)
        if unknown:
            self.message.emit(self.tr("Not shift codes, left out: %1").replace("%1", ", ".join(sorted(set(unknown)))))
        self._push(changes, self.tr("paste"))

    def clear_selection(self) -> None:
        self._push(clear_changes(self.pattern, self.selected_cells()), self.tr("clear"))

    def toggle_locks(self) -> None:
        """Lock the selected cells, or unlock them when all of them are locked already."""
        keys = [self.pattern.key(r, c) for r, c in self.selected_cells()]
        if not keys:
            return
        lock = not all(k in self.pattern.locked for k in keys)
        self.pattern.undo_stack.push(LockCommand(self.pattern, keys, lock, self.tr("lock") if lock else self.tr("unlock")))
        count = str(len(keys))
        self.message.emit((self.tr("Locked %1 cells for proposals.") if lock
                           else self.tr("Unlocked %1 cells.")).replace("%1", count))

    def _push(self, changes, text: str) -> None:
        changed = {k: v for k, v in changes.items() if self.pattern.cells.get(k) != v}
        if changed:
            self.pattern.undo_stack.push(SetCellsCommand(self.pattern, changed, text))

    # --- dragging a block -------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if (event.button() == Qt.MouseButton.LeftButton and index.isValid()
                and self.selectionModel().isSelected(index)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._drag_origin = index
            self._dragging = False
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag_origin is not None:
            index = self.indexAt(event.position().toPoint())
            if index.isValid() and index != self._drag_origin:
                self._dragging = True
                self._drop_target = index
                self.viewport().update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag_origin is None:
            super().mouseReleaseEvent(event)
            return
        origin, self._drag_origin = self._drag_origin, None
        target = self.indexAt(event.position().toPoint())
        if self._dragging and target.isValid():
            rows, columns = target.row() - origin.row(), target.column() - origin.column()
            cells = self.selected_cells()
            copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            changes = move_changes(self.pattern, cells, rows, columns, copy=copy)
            self._push(changes, self.tr("copy") if copy else self.tr("move"))
            moved = [(r + rows, c + columns) for r, c in cells
                     if 0 <= r + rows < self.model().rowCount() and 0 <= c + columns < self.model().columnCount()]
            self.select_cells(moved)
        else:  # a plain click on a selected cell selects just that cell
            self.selectionModel().setCurrentIndex(origin, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._dragging = False
        self._drop_target = None
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._dragging and self._drop_target is not None:
            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
            painter.drawRect(self.visualRect(self._drop_target).adjusted(1, 1, -1, -1))
            painter.end()
