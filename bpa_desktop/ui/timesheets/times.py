"""Wall-clock times typed in a form -> aware instants (Europe/Oslo), and time edits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QTimeEdit, QWidget

from bpa_desktop.core.calendar import OSLO, local_instant


class TimeEdit(QTimeEdit):
    """Tab leaves the field instead of walking its hour and minute sections: typing "1630"
    fills both, so a time takes four keys and Tab goes on to the next field."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, forward)


def make_time_edit(parent: QWidget | None = None) -> QTimeEdit:
    edit = TimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def hhmm(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


def set_time(edit: QTimeEdit, moment: datetime) -> None:
    local = moment.astimezone(OSLO)
    edit.setTime(QTime(local.hour, local.minute))


def on_day(day: date, text: str) -> datetime:
    """``text`` (HH:MM) on ``day``; ValueError (Norwegian message) in the spring-forward gap."""
    return local_instant(day, text)


def after(anchor: datetime, text: str, *, inclusive: bool = False) -> datetime:
    """The first wall-clock ``text`` after ``anchor`` (at it too when ``inclusive``): an end
    time earlier than the start means the next day."""
    day = anchor.astimezone(OSLO).date()
    for offset in range(3):
        moment = on_day(day + timedelta(days=offset), text)
        if moment.timestamp() > anchor.timestamp() or (inclusive and moment.timestamp() == anchor.timestamp()):
            return moment
    raise ValueError(text)  # unreachable: a later day always has the time
