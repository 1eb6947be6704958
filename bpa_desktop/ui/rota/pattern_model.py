"""The rota pattern as a table: rows are assistants, columns are the pattern's days (week x 7).

A cell holds a vaktkode (template code) or nothing. Edits typed into a cell go through the
undo stack (`SetCellsCommand`), so every change can be undone. Findings from the live check
mark cells (`MARK_ROLE`: "error" | "warning"). Cells the leader locked (`LOCK_ROLE`) keep
what they hold, a code or a free day, when the planner makes a proposal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from bpa_desktop.core.live_plan import CellKey
from bpa_desktop.core.model import Assistant, ShiftTemplate
from bpa_desktop.ui.plain import tooltip
from bpa_desktop.ui.rota.commands import SetCellsCommand
from bpa_desktop.ui.theme.apply import colour, text_on

MARK_ROLE = Qt.ItemDataRole.UserRole + 1
LOCK_ROLE = Qt.ItemDataRole.UserRole + 2


def day_name(weekday: int, short: bool = True) -> str:
    """The UI locale's name of a weekday (0 = Monday)."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(weekday + 1, form).rstrip(".")


def weekend_brush() -> QBrush:
    return QBrush(colour("weekend_background"))


def template_label(template: ShiftTemplate) -> str:
    passive = f", {template.passive_start}–{template.passive_end}" if template.passive_start else ""
    return f"{template.code} {template.name} {template.start}–{template.end}{passive}"


class PatternModel(QAbstractTableModel):
    """`cells_changed(keys)` after any change of codes; `weeks_changed(weeks)` after a resize;
    `code_rejected(text)` when typed text is not one of the arrangement's vaktkoder."""

    cells_changed = Signal(list)
    weeks_changed = Signal(int)
    code_rejected = Signal(str)
    locks_changed = Signal()

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.assistants: list[Assistant] = []
        self.templates: dict[str, ShiftTemplate] = {}
        self.weeks = 4
        self.start = date.today()
        self.cells: dict[CellKey, str] = {}
        self.marks: dict[CellKey, str] = {}
        self.locked: set[CellKey] = set()
        self._row_of: dict[int, int] = {}

    # --- content ------------------------------------------------------------------------
    def set_pattern(self, assistants: Sequence[Assistant], templates: Iterable[ShiftTemplate], weeks: int,
                    cells: Mapping[CellKey, str], start: date) -> None:
        self.beginResetModel()
        self.assistants = list(assistants)
        self._row_of = {a.id: row for row, a in enumerate(self.assistants)}
        self.templates = {t.code: t for t in templates}
        self.weeks = weeks
        self.start = start
        self.cells = {k: v for k, v in cells.items() if k[0] in self._row_of and k[1] < weeks}
        self.marks = {}
        self.locked = set()
        self.endResetModel()
        self.locks_changed.emit()

    def set_templates(self, templates: Iterable[ShiftTemplate]) -> None:
        self.templates = {t.code: t for t in templates}
        self._all_changed()

    def set_start(self, start: date) -> None:
        self.start = start
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))

    def key(self, row: int, column: int) -> CellKey:
        return (self.assistants[row].id, column // 7, column % 7)

    def index_of(self, key: CellKey) -> QModelIndex:
        row = self._row_of.get(key[0])
        if row is None or key[1] >= self.weeks:
            return QModelIndex()
        return self.index(row, key[1] * 7 + key[2])

    def code_at(self, row: int, column: int) -> str | None:
        return self.cells.get(self.key(row, column))

    def normalise_code(self, text: str) -> str | None:
        """The template code `text` names (case-insensitive when unambiguous), else None."""
        text = text.strip()
        if text in self.templates:
            return text
        matches = [code for code in self.templates if code.casefold() == text.casefold()]
        return matches[0] if len(matches) == 1 else None

    def apply(self, changes: Mapping[CellKey, str | None]) -> None:
        """Set codes (None clears); the undo commands call this, nothing else should."""
        rows, columns = [], []
        for key, code in changes.items():
            if code is None:
                self.cells.pop(key, None)
            else:
                self.cells[key] = code
            index = self.index_of(key)
            if index.isValid():
                rows.append(index.row())
                columns.append(index.column())
        if rows:
            self.dataChanged.emit(self.index(min(rows), min(columns)), self.index(max(rows), max(columns)))
        self.cells_changed.emit(list(changes))

    def set_locked(self, keys: Iterable[CellKey], locked: bool) -> None:
        """Lock or unlock cells (the lock command calls this)."""
        keys = [k for k in keys if self.index_of(k).isValid()]
        if locked:
            self.locked.update(keys)
        else:
            self.locked.difference_update(keys)
        for key in keys:
            index = self.index_of(key)
            self.dataChanged.emit(index, index, [LOCK_ROLE, Qt.ItemDataRole.AccessibleTextRole,
                                                 Qt.ItemDataRole.ToolTipRole])
        self.locks_changed.emit()

    def locked_cells(self) -> dict[CellKey, str | None]:
        """The locked cells and what they hold (None: a free day that must stay free)."""
        return {key: self.cells.get(key) for key in sorted(self.locked)}

    def resize(self, weeks: int) -> None:
        """Change the pattern's length; cells beyond it are dropped (the command keeps them)."""
        if weeks == self.weeks:
            return
        old_columns = self.weeks * 7
        if weeks > self.weeks:
            self.beginInsertColumns(QModelIndex(), old_columns, weeks * 7 - 1)
            self.weeks = weeks
            self.endInsertColumns()
        else:
            self.beginRemoveColumns(QModelIndex(), weeks * 7, old_columns - 1)
            self.weeks = weeks
            self.cells = {k: v for k, v in self.cells.items() if k[1] < weeks}
            self.marks = {k: v for k, v in self.marks.items() if k[1] < weeks}
            self.locked = {k for k in self.locked if k[1] < weeks}
            self.endRemoveColumns()
        self.weeks_changed.emit(weeks)

    def set_marks(self, marks: Mapping[CellKey, str]) -> None:
        changed = set(marks.items()) ^ set(self.marks.items())
        self.marks = dict(marks)
        if not changed:
            return
        keys = [k for k, _ in changed]
        indexes = [self.index_of(k) for k in keys]
        indexes = [i for i in indexes if i.isValid()]
        if indexes:
            self.dataChanged.emit(
                self.index(min(i.row() for i in indexes), min(i.column() for i in indexes)),
                self.index(max(i.row() for i in indexes), max(i.column() for i in indexes)),
                [MARK_ROLE, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole],
            )

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.assistants)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.weeks * 7

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def first_date(self, column: int) -> date:
        return self.start + timedelta(days=column)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.key(index.row(), index.column())
        code = self.cells.get(key)
        template = self.templates.get(code) if code else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return code or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if template is not None:
                return QBrush(QColor(template.colour))
            return weekend_brush() if key[2] >= 5 else None
        if role == Qt.ItemDataRole.ForegroundRole and template is not None:
            return QBrush(text_on(QColor(template.colour)))
        if role == Qt.ItemDataRole.FontRole and code:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == MARK_ROLE:
            return self.marks.get(key)
        if role == LOCK_ROLE:
            return key in self.locked
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.describe(index.row(), index.column()))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(index.row(), index.column())
        return None

    def describe(self, row: int, column: int) -> str:
        """What a screen reader says: assistant, week and day (with its first date), code, finding."""
        key = self.key(row, column)
        code = self.cells.get(key)
        when = self.tr("week %1 %2 (first %3)").replace("%1", str(key[1] + 1)).replace(
            "%2", day_name(key[2], short=False)).replace("%3", self.first_date(column).strftime("%d.%m.%Y"))
        if code is None:
            what = self.tr("free")
        elif code in self.templates:
            what = template_label(self.templates[code])
        else:
            what = self.tr("%1 (unknown code)").replace("%1", code)
        text = f"{self.assistants[row].name}, {when}: {what}"
        if key in self.locked:
            text += " – " + self.tr("locked")
        mark = self.marks.get(key)
        if mark == "error":
            text += " – " + self.tr("breaks a working-time rule")
        elif mark == "warning":
            text += " – " + self.tr("has a warning")
        return text

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and section < len(self.assistants):
                return self.assistants[section].name
            return None
        week, weekday = divmod(section, 7)
        if role == Qt.ItemDataRole.DisplayRole:
            week_text = self.tr("W%1").replace("%1", str(week + 1)) if weekday == 0 else ""
            return f"{week_text}\n{day_name(weekday)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("week %1 %2").replace("%1", str(week + 1)).replace("%2", day_name(weekday, short=False))
        if role == Qt.ItemDataRole.FontRole and weekday >= 5:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value or "").strip()
        key = self.key(index.row(), index.column())
        if not text:
            code = None
        else:
            code = self.normalise_code(text)
            if code is None:
                self.code_rejected.emit(text)
                return False
        if self.cells.get(key) == code:
            return True
        self.undo_stack.push(SetCellsCommand(self, {key: code}, self.tr("set a shift")))
        return True
