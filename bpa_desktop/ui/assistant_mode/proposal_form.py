"""What happened on a shift, as the assistant proposes it: a change kind, minutes, a comment,
and for an extra shift its own day and times (protocol_v2.ChangeKind)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QTimeEdit, QWidget

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.ui.formatting import from_qdate, to_qdate
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named
from bpa_desktop.ui.widgets.date_field import make_date_edit

WITH_MINUTES = ("late_start", "left_early", "stayed_longer")
COMMENT_MAX = 280


class ProposalForm(QGroupBox):
    submitted = Signal(dict)  # keyword arguments for ws.participants.propose (without the shift)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Something else happened: propose a change"), parent)
        self.change = named(QComboBox(), self.tr("What happened"))
        for text, kind in ((self.tr("Stayed longer"), "stayed_longer"), (self.tr("Started later"), "late_start"),
                           (self.tr("Left earlier"), "left_early"), (self.tr("Sick (did not work)"), "sick"),
                           (self.tr("An extra shift not in the plan"), "extra_shift")):
            self.change.addItem(text, kind)
        self.change.currentIndexChanged.connect(lambda _index: self._kind_chosen())
        self.minutes = named(QSpinBox(), self.tr("Minutes"))
        self.minutes.setRange(0, 16 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" min")
        self.day = named(make_date_edit(date.today()), self.tr("Day of the extra shift"))
        self.starts = named(QTimeEdit(QTime(8, 0)), self.tr("Extra shift from"))
        self.ends = named(QTimeEdit(QTime(16, 0)), self.tr("Extra shift to"))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
        self.comment = named(QLineEdit(), self.tr("Comment"))
        self.comment.setMaxLength(COMMENT_MAX)
        self.send_button = button(self.tr("Send p&roposal"))
        self.send_button.clicked.connect(self.submit)
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&What happened"), self.change), self.change)
        form.addRow(buddy_label(self.tr("&Minutes"), self.minutes), self.minutes)
        self.extra_rows = []
        for text, widget in ((self.tr("&Day"), self.day), (self.tr("&From"), self.starts), (self.tr("&To"), self.ends)):
            label = buddy_label(text, widget)
            form.addRow(label, widget)
            self.extra_rows.append((label, widget))
        form.addRow(buddy_label(self.tr("Comm&ent"), self.comment), self.comment)
        form.addRow(self.send_button)
        self._kind_chosen()

    def set_period(self, start: date, end: date) -> None:
        self.day.setDateRange(to_qdate(start), to_qdate(end))

    def kind(self) -> str:
        return self.change.currentData()

    def _kind_chosen(self) -> None:
        kind = self.kind()
        self.minutes.setEnabled(kind in WITH_MINUTES)
        for label, widget in self.extra_rows:
            label.setEnabled(kind == "extra_shift")
            widget.setEnabled(kind == "extra_shift")

    def values(self) -> dict:
        kind = self.kind()
        values = {"change": kind, "minutes": self.minutes.value() if kind in WITH_MINUTES else 0,
                  "comment": self.comment.text().strip()}
        if kind == "extra_shift":
            day = from_qdate(self.day.date())
            starts = datetime.combine(day, time(self.starts.time().hour(), self.starts.time().minute()), OSLO)
            ends = datetime.combine(day, time(self.ends.time().hour(), self.ends.time().minute()), OSLO)
            if ends <= starts:
                ends += timedelta(days=1)  # a night shift ends the next morning
            values.update(starts_at=starts, ends_at=ends)
        return values

    def submit(self) -> None:
        self.submitted.emit(self.values())

    def clear(self) -> None:
        self.comment.clear()
