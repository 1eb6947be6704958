"""Table model of an arrangement's vedtak history (the Vedtak page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from bpa_desktop.core.model import Vedtak
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.models.table_base import RecordTableModel


def vedtak_status(vedtak: Vedtak, today: date) -> str:
    """"current", "future" or "ended" relative to `today`."""
    if vedtak.valid_from > today:
        return "future"
    if vedtak.valid_to is not None and vedtak.valid_to < today:
        return "ended"
    return "current"


class VedtakTableModel(RecordTableModel):
    COLUMNS = ("from", "to", "hours", "reference", "services", "status")
    NUMERIC = frozenset({"hours"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("From"), self.tr("To"), self.tr("Hours per week"), self.tr("Reference"),
            self.tr("Services"), self.tr("Status"),
        )
        self._today = date.today()

    def set_vedtak(self, rows: list[Vedtak], today: date | None = None) -> None:
        self._today = today or date.today()
        self._reset_rows(rows)

    def vedtak(self, row: int) -> Vedtak:
        return self.record(row)

    def status_text(self, vedtak: Vedtak) -> str:
        status = vedtak_status(vedtak, self._today)
        if status == "current":
            return self.tr("Current")
        if status == "future":
            return self.tr("Future")
        return self.tr("Ended")

    def text(self, vedtak: Vedtak, column: str) -> str:
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

    def styled(self, vedtak: Vedtak, column: str, role: int):
        if role == Qt.ItemDataRole.FontRole and vedtak_status(vedtak, self._today) == "current":
            font = QFont()
            font.setBold(True)
            return font
        return None
