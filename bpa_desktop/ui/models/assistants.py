"""Table model of an arrangement's assistants (the Assistenter page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from bpa_desktop.core.model import Assistant
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.labels import assistant_kind_labels

ROW_ROLE = Qt.ItemDataRole.UserRole


class AssistantTableModel(QAbstractTableModel):
    COLUMNS = ("name", "employee_no", "percent", "kind", "start", "end", "status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Assistant] = []
        self._today = date.today()
        self._headers = (
            self.tr("Name"), self.tr("Employee no."), self.tr("Position %"), self.tr("Kind"),
            self.tr("Start"), self.tr("End"), self.tr("Status"),
        )

    def set_assistants(self, assistants: list[Assistant], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(assistants)
        self._today = today or date.today()
        self.endResetModel()

    def assistant(self, row: int) -> Assistant:
        return self._rows[row]

    def assistants(self) -> list[Assistant]:
        return list(self._rows)

    def row_of(self, assistant_id: int | None) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == assistant_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def is_active(self, assistant: Assistant) -> bool:
        return assistant.end_date is None or assistant.end_date >= self._today

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        assistant = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(assistant, column)
        if role == ROW_ROLE:
            return assistant
        if role == Qt.ItemDataRole.ForegroundRole and not self.is_active(assistant):
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "percent":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, assistant: Assistant, column: str) -> str:
        if column == "name":
            return assistant.name
        if column == "employee_no":
            return assistant.employee_no
        if column == "percent":
            return format_number(assistant.employment_percent)
        if column == "kind":
            return assistant_kind_labels().get(assistant.kind, str(assistant.kind))
        if column == "start":
            return format_date(assistant.start_date)
        if column == "end":
            return format_date(assistant.end_date)
        if assistant.end_date is not None and assistant.end_date >= self._today:
            return self.tr("Ending %1").replace("%1", format_date(assistant.end_date))
        return self.tr("Active") if self.is_active(assistant) else self.tr("Ended")
