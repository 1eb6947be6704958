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
class SickCovered:
    """X is sick (egenmelding or sykmelding) and the vikar covers X's shifts on those days:
    the absence and the covers together. ``shift_ids`` limits it to those planned shifts;
    None gives the vikar every open planned shift of the absence's days."""

    absence: Absence
    substitute_id: int
    reason: str
    shift_ids: tuple[str, ...] | None = None


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


Deviation = (Absent | ChangedTimes | ExtraWork | SubstituteCovers | SickCovered | TakenOver | PassiveBecameActive
             | NotWorked)


def with_times(shift: Shift, start: datetime, end: datetime) -> Shift:
    """``shift`` moved to [start, end); its passive time is cut to fit inside."""
    passive = []
    for interval in shift.passive:
        a = max(interval.start, start, key=lambda m: m.timestamp())
        b = min(interval.end, end, key=lambda m: m.timestamp())
        if a.timestamp() < b.timestamp():
            passive.append(Interval(a, b))
    return replace(shift, start=start, end=end, passive=tuple(passive))
def activate_passive(shift: Shift, start: datetime, end: datetime) -> Shift:
    """``shift`` with [start, end) taken out of its passive time (passive time that became
    active work). Raises ValueError when [start, end) is not inside one passive interval."""
    a, b = start.timestamp(), end.timestamp()
    if b <= a:
        raise ValueError("end must be after start")
    passive: list[Interval] = []
    found = False
    for interval in shift.passive:
        p_start, p_end = interval.start.timestamp(), interval.end.timestamp()
        if not found and p_start <= a and b <= p_end:
            found = True
            if p_start < a:
                passive.append(Interval(interval.start, start))
            if b < p_end:
                passive.append(Interval(end, interval.end))
        else:
            passive.append(interval)
    if not found:
        raise ValueError("the time is not inside the shift's passive time")
    return replace(shift, passive=tuple(passive))
