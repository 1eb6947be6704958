"""The rolled-out plan as a table: rows are assistants, columns are the days shown; the last
row shows hours of the recipient's need that nobody is planned for (coverage gaps)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Assistant, Shift, ShiftKind, ShiftTemplate
from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.plain import tooltip
from bpa_desktop.ui.rota.pattern_model import (
    MARK_ROLE,
    day_name,
    weekend_brush,
)
from bpa_desktop.ui.theme.apply import colour, text_on

DayKey = tuple[int, date]  # (assistant id, day)
KIND_MARKS = {ShiftKind.SWAP: "⇄", ShiftKind.SUBSTITUTE: "↪", ShiftKind.EXTRA: "+", ShiftKind.OVERTIME: "+"}


def local_day(shift: Shift) -> date:
    return cal.to_local(shift.start).date()


class CalendarModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.assistants: list[Assistant] = []
        self.templates: dict[str, ShiftTemplate] = {}
        self.by_cell: dict[DayKey, list[Shift]] = {}
        self.gap_hours: dict[date, float] = {}
        self.marks: dict[DayKey, str] = {}

    def set_plan(self, first: date, last: date, assistants: Sequence[Assistant],
                 templates: Iterable[ShiftTemplate], shifts: Iterable[Shift],
                 gap_hours: Mapping[date, float] | None = None) -> None:
        self.beginResetModel()
        self.days = list(cal.days(first, last))
        shifts = list(shifts)
        working = {int(s.assistant) for s in shifts}
        self.assistants = [a for a in assistants if a.active_on(first) or a.active_on(last) or a.id in working]
        self.templates = {t.code: t for t in templates}
        self.by_cell = {}
        for shift in shifts:
            self.by_cell.setdefault((int(shift.assistant), local_day(shift)), []).append(shift)
        self.gap_hours = dict(gap_hours or {})
        self.marks = {}
        self.endResetModel()

    def set_marks(self, marks: Mapping[DayKey, str]) -> None:
        self.marks = dict(marks)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [MARK_ROLE])

    def is_gap_row(self, row: int) -> bool:
        return row == len(self.assistants)

    def key(self, row: int, column: int) -> DayKey | None:
        if self.is_gap_row(row):
            return None
        return (self.assistants[row].id, self.days[column])

    def shifts_at(self, row: int, column: int) -> list[Shift]:
        key = self.key(row, column)
        return self.by_cell.get(key, []) if key else []

    def index_of(self, key: DayKey) -> QModelIndex:
        rows = [r for r, a in enumerate(self.assistants) if a.id == key[0]]
        if not rows or key[1] not in self.days:
            return QModelIndex()
        return self.index(rows[0], self.days.index(key[1]))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.assistants) + (1 if self.days else 0)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days)

    def _shift_text(self, shift: Shift) -> str:
        mark = KIND_MARKS.get(shift.kind, "")
        return f"{shift.code or '•'}{mark}"

    def describe_shift(self, shift: Shift) -> str:
        start, end = cal.to_local(shift.start), cal.to_local(shift.end)
        kinds = {ShiftKind.SWAP: self.tr("swapped"), ShiftKind.SUBSTITUTE: self.tr("substitute"),
                 ShiftKind.EXTRA: self.tr("extra shift"), ShiftKind.OVERTIME: self.tr("overtime")}
        text = f"{shift.code or ''} {start:%H:%M}–{end:%H:%M}".strip()
        if shift.kind in kinds:
            text += f" ({kinds[shift.kind]})"
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self.days[index.column()]
        weekend = day.weekday() >= 5 or cal.is_public_holiday(day)
        if self.is_gap_row(index.row()):
            hours = self.gap_hours.get(day, 0.0)
            if role == Qt.ItemDataRole.DisplayRole:
                return format_number(hours) if hours else ""
            if role == Qt.ItemDataRole.BackgroundRole and hours:
                return QBrush(colour("gap_background"))
            if role == Qt.ItemDataRole.ForegroundRole and hours:
                return QBrush(colour("gap_text"))
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("%1: %2 hours of need without anyone planned").replace(
                    "%1", day.strftime("%d.%m.%Y")).replace("%2", format_number(hours)) if hours else \
                    self.tr("%1: the need is covered").replace("%1", day.strftime("%d.%m.%Y"))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        key = self.key(index.row(), index.column())
        shifts = self.by_cell.get(key, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "/".join(self._shift_text(s) for s in shifts)
        if role == Qt.ItemDataRole.BackgroundRole:
            if shifts and shifts[0].code in self.templates:
                return QBrush(QColor(self.templates[shifts[0].code].colour))
            return weekend_brush() if weekend else None
        if role == Qt.ItemDataRole.ForegroundRole and shifts and shifts[0].code in self.templates:
            return QBrush(text_on(QColor(self.templates[shifts[0].code].colour)))
        if role == Qt.ItemDataRole.FontRole and shifts:
            font = QFont()
            font.setBold(True)
            font.setItalic(any(s.kind != ShiftKind.PLANNED for s in shifts))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == MARK_ROLE:
            return self.marks.get(key)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            what = ", ".join(self.describe_shift(s) for s in shifts) or self.tr("free")
            text = f"{self.assistants[index.row()].name}, {day_name(day.weekday(), False)} " \
                   f"{day.strftime('%d.%m.%Y')}: {what}"
            return tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if section < len(self.assistants):
                    return self.assistants[section].name
                return self.tr("Not covered (h)")
            return None
        if section >= len(self.days):
            return None
        day = self.days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day_name(day.weekday())}\n{day.day}.{day.month}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            holiday = cal.holiday_name(day)
            return f"{day_name(day.weekday(), False)} {day.strftime('%d.%m.%Y')}" + (f" ({holiday})" if holiday else "")
        if role == Qt.ItemDataRole.FontRole and (day.weekday() >= 5 or cal.is_public_holiday(day)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (day.weekday() == 6 or cal.is_public_holiday(day)):
            return QBrush(colour("holiday_text"))
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def range_for(mode: str, anchor: date) -> tuple[date, date]:
    """The days a calendar mode shows around `anchor`: "week", "4weeks" (from its Monday) or "month"."""
    if mode == "month":
        first = anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    monday = cal.iso_monday(anchor)
    return monday, monday + timedelta(days=(28 if mode == "4weeks" else 7) - 1)


def step(mode: str, anchor: date, forward: bool) -> date:
    sign = 1 if forward else -1
    if mode == "month":
        first = anchor.replace(day=1)
        return (first + timedelta(days=32)).replace(day=1) if forward else (first - timedelta(days=1)).replace(day=1)
    return anchor + timedelta(days=sign * (28 if mode == "4weeks" else 7))
