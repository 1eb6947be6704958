"""Table model of an arrangement's vedtak history (the Vedtak page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from bpa_desktop.core.model import Vedtak
from bpa_desktop.ui.formatting import format_date, format_number

ROW_ROLE = Qt.ItemDataRole.UserRole


def vedtak_status(vedtak: Vedtak, today: date) -> str:
    """"current", "future" or "ended" relative to `today`."""
    if vedtak.valid_from > today:
        return "future"
    if vedtak.valid_to is not None and vedtak.valid_to < today:
        return "ended"
    return "current"


class VedtakTableModel(QAbstractTableModel):
    COLUMNS = ("from", "to", "hours", "reference", "services", "status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Vedtak] = []
        self._today = date.today()
        self._headers = (
            self.tr("From"), self.tr("To"), self.tr("Hours per week"), self.tr("Reference"),
            self.tr("Services"), self.tr("Status"),
        )

    def set_vedtak(self, rows: list[Vedtak], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or date.today()
        self.endResetModel()

    def vedtak(self, row: int) -> Vedtak:
        return self._rows[row]

    def row_of(self, vedtak_id: int | None) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == vedtak_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def status_text(self, vedtak: Vedtak) -> str:
        status = vedtak_status(vedtak, self._today)
        if status == "current":
            return self.tr("Current")
        if status == "future":
            return self.tr("Future")
        return self.tr("Ended")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        vedtak = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "from":
                return format_date(vedtak.valid_from)
            if column == "to":
                return format_date(vedtak.valid_to) if vedtak.valid_to else self.tr("open-ended")
            if column == "hours":
                return format_number(vedtak.hours_per_week)
            if column == "reference":
                return vedtak.reference
            if column == "services":
                return vedtak.services
            return self.status_text(vedtak)
        if role == ROW_ROLE:
            return vedtak
        if role == Qt.ItemDataRole.FontRole and vedtak_status(vedtak, self._today) == "current":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "hours":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
