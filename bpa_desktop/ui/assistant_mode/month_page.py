"""The assistant's own month at the table: their shifts with times and their own absence codes,
the total, a proposal for a shift, and the confirmation of what they see."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.ui.assistant_mode.proposal_form import ProposalForm
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.pages.base import heading, paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, read_only_table
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named


def hours(minutes: int) -> str:
    return format_number(round(minutes / 60, 2), 2)


class MonthPage(QWidget):
    period_chosen = Signal(object)  # the start date of a pay period
    propose = Signal(dict)  # keyword arguments for ws.participants.propose
    confirm = Signal()
    switch_person = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = None  # the protocol_v2.MonthView shown (its hash is what a confirmation binds)
        self.title = heading("")
        self.period = named(QComboBox(), self.tr("Month"))
        self.period.activated.connect(self._period_activated)
        self.model = TextTableModel(self)
        self.table = read_only_table(self.model, self.tr("Your shifts"))
        self.total = paragraph()
        self.as_planned_button = button(self.tr("The chosen shift went as &planned"))
        self.as_planned_button.clicked.connect(self.propose_as_planned)
        self.form = ProposalForm()
        self.form.submitted.connect(self._form_submitted)
        self.confirm_button = button(self.tr("&Confirm the month…"), description=self.tr(
            "Confirm that the shifts and hours shown are right"))
        self.confirm_button.clicked.connect(self.confirm.emit)
        self.message = paragraph()
        self.message.hide()
        self.switch_button = button(self.tr("&Switch person"))
        self.switch_button.clicked.connect(self.switch_person.emit)
        self.leave_button = button(self.tr("&Leave assistant mode"))
        self.leave_button.clicked.connect(self.leave.emit)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(buddy_label(self.tr("M&onth"), self.period))
        top.addWidget(self.period)
        actions = QHBoxLayout()
        actions.addWidget(self.as_planned_button)
        actions.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.confirm_button)
        bottom.addStretch(1)
        bottom.addWidget(self.switch_button)
        bottom.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(actions)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def set_periods(self, periods: list, chosen) -> None:
        """`periods`: PayPeriods newest first; `chosen` the one shown."""
        self.period.blockSignals(True)
        self.period.clear()
        for period in periods:
            self.period.addItem(period.label(), period.start.isoformat())
        self.period.setCurrentIndex(max(0, self.period.findData(chosen.start.isoformat())))
        self.period.blockSignals(False)
        self.form.set_period(chosen.start, chosen.end)

    def _period_activated(self, _index: int) -> None:
        chosen = self.period.currentData()
        if chosen is not None:
            self.period_chosen.emit(date.fromisoformat(chosen))

    def show_view(self, view, today: date | None = None) -> None:
        """Show the month; the shift just worked (the last one begun by `today`) is the current row."""
        self.view = view
        self._set(self.title, self.tr("%1 – your month").replace("%1", view.display_name))
        rows = []
        for shift in view.shifts:
            starts, ends = shift.starts_at.astimezone(OSLO), shift.ends_at.astimezone(OSLO)
            next_day = " (+1)" if ends.date() > starts.date() else ""
            rows.append([format_date(starts.date()), f"{starts:%H:%M}–{ends:%H:%M}{next_day}", hours(shift.minutes),
                         shift.code or "", shift.absence or ""])
        self.model.set_table([self.tr("Day"), self.tr("Time"), self.tr("Hours"), self.tr("Shift code"),
                              self.tr("Absence")], rows, numeric=(2,), objects=list(view.shifts))
        self.table.resizeColumnsToContents()
        if rows:
            begun = [i for i, shift in enumerate(view.shifts)
                     if today is not None and shift.starts_at.astimezone(OSLO).date() <= today]
            self.table.selectRow(begun[-1] if begun else 0)
        self._set(self.total, self.tr("%1 shifts, %2 hours in all.").replace("%1", str(len(rows))).replace(
            "%2", hours(view.total_minutes)))
        self.as_planned_button.setEnabled(bool(rows))

    def current_shift(self):
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def propose_as_planned(self) -> None:
        shift = self.current_shift()
        if shift is None:
            self.show_message(self.tr("Choose a shift in the list first."))
            return
        self.propose.emit({"shift_ref": shift.shift_ref, "change": "as_planned", "minutes": 0, "comment": ""})

    def _form_submitted(self, values: dict) -> None:
        if values["change"] == "extra_shift":
            self.propose.emit({"shift_ref": None, **values})
            return
        shift = self.current_shift()
        if shift is None:
            self.show_message(self.tr("Choose the shift in the list first."))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if values["change"] in ("late_start", "left_early", "stayed_longer") and values["minutes"] <= 0:
            self.show_message(self.tr("Say how many minutes."))
            self.form.minutes.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.propose.emit({"shift_ref": shift.shift_ref, **values})

    def focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.view = None
        self.model.set_table([], [])
        self._set(self.title, "")
        self._set(self.total, "")
        self.show_message("")
        self.form.clear()

    def show_message(self, text: str) -> None:
        self._set(self.message, text)

    @staticmethod
    def _set(label, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(bool(text))
