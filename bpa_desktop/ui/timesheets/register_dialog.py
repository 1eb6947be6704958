"""Registrer vakten: today's shifts at the home computer, confirmed with Enter or adjusted in a
few keystrokes (Tab to the times, type, Enter). Last night's shifts that end today are shown too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow
from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.formatting import format_date, format_day
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, read_only_table
from bpa_desktop.ui.timesheets.labels import row_status_label
from bpa_desktop.ui.timesheets.rows import span_text
from bpa_desktop.core.deviations import with_times
from bpa_desktop.ui.timesheets.times import after, hhmm, make_time_edit, on_day, set_time
from bpa_desktop.ui.widgets.form import ValidatedForm


def registration_text(names: dict[int, str], item: Registration) -> str:
    """What Undo will say: "Kari's shift 03.11 registered"."""
    shift = item.row.shift or item.row.planned
    return QCoreApplication.translate("RegisterShiftDialog", "%1's shift %2 registered").replace(
        "%1", names.get(int(shift.assistant), "")).replace("%2", format_day(item.row.day))


def rows_to_register(ws, arrangement_id: int, day: date) -> list[TimesheetDayRow]:
    """The day's rows, after last night's planned shifts that run into the day."""
    yesterday = [
        r for r in ws.timesheets.shifts_to_register(arrangement_id, day - timedelta(days=1))
        if r.status is RowStatus.PLANNED and r.planned.end.date() >= day
    ]
    return yesterday + ws.timesheets.shifts_to_register(arrangement_id, day)


@dataclass(frozen=True)
class Registration:
    row: TimesheetDayRow
    start_text: str
    end_text: str
    reason: str


def register(ws, arrangement_id: int, item: Registration):
    """Record the row as worked: as planned when the times are unchanged, else adjusted. Returns
    the receipt (``ws.undoable``), or None when it was already registered like this."""
    row = item.row
    base = row.shift if row.status is RowStatus.WORKED else row.planned
    start = on_day(row.day, item.start_text)
    end = after(start, item.end_text)
    if (start.timestamp(), end.timestamp()) == (base.start.timestamp(), base.end.timestamp()):
        if row.status is RowStatus.WORKED:
            return None  # already registered like this
        return ws.undoable.record_worked_shift(arrangement_id, row.planned)
    # "p<n>" records the plan as worked (linked), "w<n>" changes the registered shift
    return ws.undoable.record_worked_shift(arrangement_id, with_times(base, start, end), item.reason)


class TimesForm(ValidatedForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = self.add_field("start", self.tr("&Start"), make_time_edit())
        self.end = self.add_field("end", self.tr("&End"), make_time_edit(),
                                  self.tr("An end before the start means the next day"))
        self.reason = self.add_field("reason", self.tr("Reas&on for a change"), QLineEdit(),
                                     self.tr("Needed only when the times differ from the plan"))


class RegisterShiftDialog(QDialog):
    """`registered` fires after each stored registration; the dialog closes when none is left.
    `runner` reads the day's shifts; `writer` (an `OpRunner`) stores each registration as a write
    operation with its undo step."""

    registered = Signal(object)
    loaded = Signal()

    def __init__(self, ws, arrangement_id: int, day: date, names: dict[int, str], runner, writer=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.arrangement_id, self.day, self.names, self.runner = ws, arrangement_id, day, names, runner
        self.writer = writer or runner
        self.rows: list[TimesheetDayRow] = []
        self.count = 0
        self.is_loaded = False
        self.result_value = None
        title = self.tr("Register today's shift")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.intro = paragraph(self.tr("Shifts on %1. Enter registers the chosen shift as planned; to adjust, "
                                       "Tab to the times, type the real ones and a reason, then Enter.").replace(
            "%1", format_date(day)))
        self.intro.setAccessibleName(self.intro.text())
        self.model = TextTableModel(self)
        self.table = read_only_table(self.model, self.tr("Shifts to register"))
        self.form = TimesForm()
        self.message = paragraph()
        buttons = QDialogButtonBox(self)
        self.register_button = buttons.addButton(self.tr("&Register"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button.setAccessibleName(self.tr("Register"))
        self.register_button.setDefault(True)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close"))
        buttons.accepted.connect(self.register_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._row_chosen(current.row()))
        self.register_button.setEnabled(False)
        self.reload()

    def reload(self, keep_from: int = 0) -> None:
        self.runner.submit(rows_to_register, self.ws, self.arrangement_id, self.day,
                           on_done=lambda rows: self._show(rows, keep_from), on_error=self._failed, owner=self)

    def _show(self, rows: list[TimesheetDayRow], keep_from: int) -> None:
        self.rows = rows
        texts = []
        for row in rows:
            shift = row.shift if row.counted else None
            texts.append([self.names.get(int((row.shift or row.planned).assistant), ""), format_date(row.day),
                          span_text(row.planned), row_status_label(row.status),
                          span_text(shift) if row.status is RowStatus.WORKED else ""])
        self.model.set_table([self.tr("Assistant"), self.tr("Day"), self.tr("Planned"), self.tr("Status"),
                              self.tr("Registered")], texts)
        waiting = [i for i, r in enumerate(rows) if r.status is RowStatus.PLANNED]
        self.register_button.setEnabled(bool(rows))
        if not rows:
            self._say(self.tr("No shifts are planned on this day."))
        elif keep_from and not waiting:
            self.result_value = self.count
            self.accept()  # everything registered
            return
        chosen = next((i for i in waiting if i >= keep_from), waiting[0] if waiting else 0)
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(chosen, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.is_loaded = True
        self.loaded.emit()

    def _row_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        shift = row.shift if row.status is RowStatus.WORKED else row.planned
        set_time(self.form.start, shift.start)
        set_time(self.form.end, shift.end)
        self.form.reason.clear()
        self.form.clear_errors()

    def selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def register_selected(self) -> None:
        index = self.selected()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        if row.status in (RowStatus.CANCELLED, RowStatus.ABSENT):
            self._say(self.tr("This shift is registered as not worked. Use “Register deviation” on the "
                              "Timesheets page to change it."))
            return
        item = Registration(row, hhmm(self.form.start), hhmm(self.form.end), self.form.reason.text().strip())
        base = row.shift if row.status is RowStatus.WORKED else row.planned
        try:
            start = on_day(row.day, item.start_text)
            end = after(start, item.end_text)
        except ValueError as error:
            self.form.show_errors({"start": str(error)})
            return
        changed = (start.timestamp(), end.timestamp()) != (base.start.timestamp(), base.end.timestamp())
        if changed and not item.reason:
            self.form.show_errors({"reason": self.tr("Say why the times differ from the plan.")})
            return
        self.register_button.setEnabled(False)
        self.writer.submit(register, self.ws, self.arrangement_id, item,
                           on_done=lambda shift: self._registered(shift, index), on_error=self._failed, owner=self)

    def _registered(self, shift, index: int) -> None:
        self.count += 1
        self.registered.emit(shift)
        self._say(self.tr("Registered."))
        self.reload(keep_from=index + 1 if index + 1 < len(self.rows) else 1)

    def _failed(self, error: BaseException) -> None:
        self.register_button.setEnabled(bool(self.rows))
        errors = validation_errors(error)
        self.form.show_errors(errors or {}, general=None if errors is not None else user_message(error))
        self.is_loaded = True
        self.loaded.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
