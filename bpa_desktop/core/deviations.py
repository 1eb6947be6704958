"""A deviation from the plan in one assistant's timesheet, as a value (always with a reason).

The Timelister page builds one from its form; ``ws.timesheets.register_deviation`` stores it
in one transaction. Shifts are as the timesheet shows them (``TimesheetDayRow.shift`` or
``.planned``), with their ids (``"p<n>"`` planned, ``"w<n>"`` worked).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bpa_desktop.core.model import Absence, Interval, Shift, ShiftKind


@dataclass(frozen=True)
class Absent:
    """Egenmelding, sykmelding (graded too), ferie, permisjon, sykt barn."""

    absence: Absence


@dataclass(frozen=True)
class ChangedTimes:
    shift: Shift
    start: datetime
    end: datetime
    reason: str


@dataclass(frozen=True)
class ExtraWork:
    """An extra shift, or overtime (``kind`` ShiftKind.EXTRA or ShiftKind.OVERTIME)."""

    assistant_id: int
    start: datetime
    end: datetime
    reason: str
    kind: ShiftKind = ShiftKind.EXTRA


@dataclass(frozen=True)
class SubstituteCovers:
    """A vikar worked a planned shift (the same change as "give to substitute" in Turnus)."""

    planned: Shift
    substitute_id: int
    reason: str


@dataclass(frozen=True)
class TakenOver:
    """Another assistant of the arrangement took the planned shift (a swap)."""

    planned: Shift
    assistant_id: int
    reason: str


@dataclass(frozen=True)
class PassiveBecameActive:
    shift: Shift
    start: datetime
    end: datetime
    reason: str


@dataclass(frozen=True)
class NotWorked:
    """A planned shift registered as not worked (cancelled, or ill and nobody covered)."""

    planned: Shift
    reason: str


Deviation = Absent | ChangedTimes | ExtraWork | SubstituteCovers | TakenOver | PassiveBecameActive | NotWorked


def with_times(shift: Shift, start: datetime, end: datetime) -> Shift:
    """``shift`` moved to [start, end); its passive time is cut to fit inside."""
    passive = []
    for interval in shift.passive:
        a = max(interval.start, start, key=lambda m: m.timestamp())
        b = min(interval.end, end, key=lambda m: m.timestamp())
        if a.timestamp() < b.timestamp():
            passive.append(Interval(a, b))
    return replace(shift, start=start, end=end, passive=tuple(passive))
