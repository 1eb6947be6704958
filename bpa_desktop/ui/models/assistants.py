"""Table model of an arrangement's assistants (the Assistenter page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from bpa_desktop.core.model import Assistant
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.labels import assistant_kind_labels
from bpa_desktop.ui.models.table_base import RecordTableModel


class AssistantTableModel(RecordTableModel):
    COLUMNS = ("name", "employee_no", "percent", "kind", "start", "end", "status")
    NUMERIC = frozenset({"percent"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Name"), self.tr("Employee no."), self.tr("Position %"), self.tr("Kind"),
            self.tr("Start"), self.tr("End"), self.tr("Status"),
        )
        self._today = date.today()

    def set_assistants(self, assistants: list[Assistant], today: date | None = None) -> None:
        self._today = today or date.today()
        self._reset_rows(assistants)

    def assistant(self, row: int) -> Assistant:
        return self.record(row)

    def assistants(self) -> list[Assistant]:
        return self.records()

    def is_active(self, assistant: Assistant) -> bool:
        return assistant.end_date is None or assistant.end_date >= self._today

    def styled(self, assistant: Assistant, column: str, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and not self.is_active(assistant):
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def text(self, assistant: Assistant, column: str) -> str:
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
