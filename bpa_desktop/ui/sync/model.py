"""Table model of the outbox (the Synk page): one row per submitted timesheet version."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from bpa_desktop.i18n import message
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.models.table_base import RecordTableModel
from bpa_desktop.ui.plain import tooltip
from bpa_desktop.ui.sync.wording import (
    clock_text,
    period_label,
    received_at,
    state_labels,
)


class SubmissionTableModel(RecordTableModel):
    COLUMNS = ("assistant", "period", "version", "state", "message", "received", "decision", "reason")
    NUMERIC = frozenset({"version"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Assistant"), self.tr("Period"), self.tr("Version"), self.tr("Status"),
            self.tr("Last error"), self.tr("Received"), self.tr("Decision"), self.tr("Reason"),
        )
        self._names: dict[str, str] = {}
        self._now = datetime.now(timezone.utc)

    def set_submissions(self, submissions: list, names: dict[str, str], now: datetime | None = None) -> None:
        self._names = dict(names)
        self._now = now or datetime.now(timezone.utc)
        # SubmissionInfo, newest first
        self._reset_rows(sorted(submissions, key=lambda s: (s.created_at, s.version), reverse=True))

    def submission(self, row: int):
        return self.record(row)

    def submissions(self) -> list:
        return self.records()

    def styled(self, info, column: str, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column in ("message", "reason"):
            return tooltip(self.text(info, column)) or None
        if role == Qt.ItemDataRole.ForegroundRole and info.state == "superseded":
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def text(self, info, column: str) -> str:
        if column == "assistant":
            name = self._names.get(info.employee_no)
            return f"{name} ({info.employee_no})" if name else info.employee_no
        if column == "period":
            return period_label(info.period)
        if column == "version":
            return str(info.version)
        if column == "state":
            label = state_labels().get(info.state, info.state)
            if info.stuck:
                label += " – " + self.tr("not received after 24 hours")
            if getattr(info, "paper_at", None) is not None:
                label += " – " + message("ui_paper_state", day=format_date(info.paper_at.date()))
            return label
        if column == "message":
            return info.last_error_text or ""
        if column == "received":
            return clock_text(received_at(info), self._now)
        if column == "decision":
            if info.decision is None:
                return ""
            word = state_labels().get(info.decision, info.decision)
            when = clock_text(info.decided_at, self._now)
            return f"{word} {when}".strip()
        return info.decision_reason or ""
