"""Overtime on a timesheet: the stretches of worked shifts that are overtime, and why.

``core.pay`` finds them (with ``core.normal_time``); a timesheet keeps them beside its pay
lines, stores them in its attested content and prints them with their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import PayLine
from bpa_desktop.core.normal_time import Reason
from bpa_desktop.core.pay import ShiftPay


@dataclass(frozen=True)
class OvertimeNote:
    day: date  # the Oslo day the shift starts
    start: datetime
    end: datetime
    reason: Reason

    @property
    def hours(self) -> float:
        return (self.end.timestamp() - self.start.timestamp()) / 3600


@dataclass(frozen=True)
class RowsPay:
    """A timesheet's pay lines, the overtime in them, and the rows with their own lines."""

    lines: tuple[PayLine, ...]
    overtime: tuple[OvertimeNote, ...]
    rows: tuple = ()  # core.timesheet.TimesheetDayRow with ``lines`` filled in


def notes_of(paid: Sequence[ShiftPay]) -> tuple[OvertimeNote, ...]:
    """The overtime of paid shifts, in the order worked."""
    return tuple(
        OvertimeNote(item.shift.start.astimezone(OSLO).date(), datetime.fromtimestamp(p.start, OSLO),
                     datetime.fromtimestamp(p.end, OSLO), p.reason)
        for item in paid
        for p in item.overtime
    )
