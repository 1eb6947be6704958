"""A timesheet's content: the rows of one assistant's pay period, and its canonical form.

A timesheet starts as the planned shifts; the worked record adds deviations on top. Each
planned or worked shift of the period becomes one row:

* ``worked``    registered as worked (as planned, or a deviation with its reason);
* ``planned``   planned and not yet registered: it counts as worked until someone changes it;
* ``cancelled`` planned, registered as not worked, with a reason;
* ``absent``    planned on a day of full absence (egenmelding, ferie ...): not worked;
* ``covered``   planned for this assistant on a day of absence and worked by someone else (a
                vikar): the row says who (``covered_by``), the vikar's row says for whom
                (``covers``), and the absence is paid on it as on an absent row.

Attesting turns ``planned`` rows into worked records and ``absent`` rows into cancellations
(``settled_rows``), so the stored worked record and the attested content say the same thing.
How rows are paid, absence included, is ``core.timesheet_pay``.

The canonical content that attesting stores and hashes is ``core.timesheet_content``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import AbsencePay
from bpa_desktop.core.model import Absence, AbsenceKind, PayLine, Shift, ShiftKind, Timesheet
from bpa_desktop.core.overtime_notes import OvertimeNote
from bpa_desktop.core.pay import window_hours
from bpa_desktop.core.pay_period import PayPeriod

ABSENCE_LABELS = {
    AbsenceKind.SELF_CERTIFIED: "Egenmelding",
    AbsenceKind.SICK_NOTE: "Sykmelding",
    AbsenceKind.HOLIDAY: "Ferie",
    AbsenceKind.LEAVE: "Permisjon",
    AbsenceKind.CHILD_SICK: "Sykt barn",
}

class RowStatus(str, enum.Enum):
    WORKED = "worked"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    ABSENT = "absent"
    COVERED = "covered"


@dataclass(frozen=True)
class WorkedRecord:
    """A stored worked shift with its reason and the planned shift it replaces, if any."""

    shift: Shift
    reason: str = ""
    planned: Shift | None = None


@dataclass(frozen=True)
class NotWorked:
    """A planned shift registered as not worked."""

    planned: Shift
    reason: str = ""


@dataclass(frozen=True)
class Cover:
    """A shift worked for an absent colleague: who, and the kind of their absence."""

    assistant_id: int
    absence: AbsenceKind


@dataclass(frozen=True)
class CoveredShift:
    """One of this assistant's planned shifts that someone else works on a day of absence."""

    planned: Shift  # as planned for this assistant (its ``assistant`` is this one's id)
    by: int  # the assistant who covers it
    reason: str = ""


@dataclass(frozen=True)
class TimesheetDayRow:
    day: date  # the Oslo day the shift starts
    status: RowStatus
    shift: Shift | None  # what counts (worked or planned-as-worked); None when not worked
    planned: Shift | None = None
    reason: str = ""
    windows: Mapping[str, float] = field(default_factory=dict)  # docs/domain.md pay windows
    covered_by: int | None = None  # a covered row: the assistant who worked it
    covers: Cover | None = None  # a shift worked for an absent colleague
    absence_pay: AbsencePay | None = None  # how the day's absence is paid on this row
    lines: Mapping[str, float] = field(default_factory=dict)  # paid hours by profile line id

    @property
    def counted(self) -> bool:
        return self.status in (RowStatus.WORKED, RowStatus.PLANNED)

    @property
    def hours(self) -> float:
        return self.windows.get("total", 0.0) if self.counted else 0.0

    @property
    def passive_hours(self) -> float:
        return self.windows.get("passive", 0.0) if self.counted else 0.0

    @property
    def deviations(self) -> tuple[str, ...]:
        """How this row differs from the plan (words for them: bpa_desktop.words.deviation_label)."""
        if self.status is RowStatus.CANCELLED:
            return ("not_worked",)
        if self.status is RowStatus.ABSENT:
            return ("absence",)
        if self.status is RowStatus.COVERED:
            return ("absence", "covered")
        if self.status is RowStatus.PLANNED or self.shift is None:
            return ()
        found = []
        kind = ShiftKind(self.shift.kind)
        if kind is not ShiftKind.PLANNED:
            found.append(kind.value)
        elif self.planned is None:
            found.append("extra")
        if self.planned is not None:
            if (self.shift.start.timestamp(), self.shift.end.timestamp()) != (
                self.planned.start.timestamp(),
                self.planned.end.timestamp(),
            ):
                found.append("changed_times")
            if _passive_hours(self.shift) + 1e-9 < _passive_hours(self.planned):
                found.append("passive_active")
        return tuple(found)

    @property
    def start_key(self) -> float:
        shift = self.shift or self.planned
        return shift.start.timestamp() if shift else 0.0


@dataclass(frozen=True)
class TimesheetDetail:
    """Everything one timesheet shows: rows, absences and pay lines, with its versions."""

    assistant_id: int
    period: PayPeriod
    rows: tuple[TimesheetDayRow, ...]
    absences: tuple[Absence, ...]
    pay_lines: tuple[PayLine, ...]
    timesheet: Timesheet | None = None  # None: a preview, nothing stored yet
    versions: tuple[Timesheet, ...] = ()  # every version of this period, oldest first
    stored: bool = False  # True: read from the attested (locked) content
    overtime: tuple[OvertimeNote, ...] = ()  # the overtime in the pay lines, and why

    @property
    def counted_shifts(self) -> list[Shift]:
        return [row.shift for row in self.rows if row.counted and row.shift is not None]

    @property
    def total_hours(self) -> float:
        return sum(row.hours for row in self.rows)

    @property
    def passive_hours(self) -> float:
        return sum(row.passive_hours for row in self.rows)

    def window_totals(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for row in self.rows:
            if row.counted:
                for key, value in row.windows.items():
                    totals[key] = totals.get(key, 0.0) + value
        return totals

    @property
    def replaces_version(self) -> int | None:
        if self.timesheet is None or self.timesheet.supersedes_id is None:
            return None
        for version in self.versions:
            if version.id == self.timesheet.supersedes_id:
                return version.version
        return self.timesheet.version - 1

    def absence_days(self) -> list[tuple[date, Absence]]:
        """(day, absence) for every day of absence inside the period, in day order."""
        days = []
        for absence in self.absences:
            first, last = max(absence.start, self.period.start), min(absence.end, self.period.end)
            for ordinal in range(first.toordinal(), last.toordinal() + 1):
                days.append((date.fromordinal(ordinal), absence))
        return sorted(days, key=lambda item: (item[0], item[1].id or 0))


def start_day(shift: Shift) -> date:
    """The Oslo calendar day a shift starts on: the day it is attributed to."""
    return shift.start.astimezone(OSLO).date()


def _passive_hours(shift: Shift) -> float:
    return sum(p.hours for p in shift.passive)


def absence_label(kind: AbsenceKind | str) -> str:
    try:
        return ABSENCE_LABELS[AbsenceKind(kind)]
    except ValueError:
        return str(kind)


def full_absence_on(absences: Iterable[Absence], day: date) -> Absence | None:
    """The 100 % absence that covers ``day``, if any (graded leave still works part time)."""
    for absence in absences:
        if absence.percent >= 100 and absence.start <= day <= absence.end:
            return absence
    return None


def make_row(status: RowStatus, shift: Shift | None, planned: Shift | None, reason: str, nominal: bool,
         **links) -> TimesheetDayRow:
    """A row with its day and, when it counts, its pay windows."""
    counted = status in (RowStatus.WORKED, RowStatus.PLANNED)
    anchor = shift if shift is not None else planned
    return TimesheetDayRow(
        day=start_day(anchor),
        status=status,
        shift=shift if counted else None,
        planned=planned,
        reason=reason,
        windows=window_hours(shift, nominal=nominal) if counted else {},
        **links,
    )


def build_rows(
    period: PayPeriod,
    planned: Sequence[Shift],
    worked: Sequence[WorkedRecord],
    not_worked: Sequence[NotWorked],
    absences: Sequence[Absence],
    *,
    settled_plan_ids: Iterable[str] = (),
    use_plan: bool = True,
    nominal: bool = False,
    covered: Sequence[CoveredShift] = (),
    covers: Mapping[str, Cover] | None = None,
) -> list[TimesheetDayRow]:
    """The rows of one assistant's period, ordered by start.

    ``planned``, ``worked`` and ``not_worked`` are that assistant's shifts starting in the
    period. ``settled_plan_ids`` are ids of planned shifts that some record (worked by anyone,
    or not worked) already accounts for. Without ``use_plan`` (once a version was attested,
    the worked record is complete) planned shifts add no rows. ``covered``: this assistant's
    shifts someone else works; they are rows on days of absence only. ``covers``: shift id
    (planned or worked) -> the absent colleague that shift is worked for.
    """
    covers = covers or {}
    rows = [
        make_row(RowStatus.WORKED, record.shift, record.planned, record.reason, nominal,
             covers=covers.get(record.shift.id))
        for record in worked
        if period.contains(start_day(record.shift))
    ]
    rows += [
        make_row(RowStatus.CANCELLED, None, item.planned, item.reason, nominal)
        for item in not_worked
        if period.contains(start_day(item.planned))
    ]
    if use_plan:
        settled = set(settled_plan_ids)
        for shift in planned:
            if shift.id in settled or not period.contains(start_day(shift)):
                continue
            absence = full_absence_on(absences, start_day(shift))
            if absence is not None:
                reason = f"Fravær: {absence_label(absence.kind)}"
                rows.append(make_row(RowStatus.ABSENT, None, shift, reason, nominal))
            else:
                rows.append(make_row(RowStatus.PLANNED, shift, shift, "", nominal, covers=covers.get(shift.id)))
    for item in covered:
        day = start_day(item.planned)
        if period.contains(day) and any(a.start <= day <= a.end for a in absences):
            rows.append(make_row(RowStatus.COVERED, None, item.planned, item.reason, nominal, covered_by=item.by))
    return sorted(rows, key=lambda row: (row.start_key, row.status.value))


def settled_rows(rows: Sequence[TimesheetDayRow]) -> list[TimesheetDayRow]:
    """The rows as attesting stores them: planned ones worked, absent ones not worked."""
    settled = []
    for row in rows:
        if row.status is RowStatus.PLANNED:
            row = replace(row, status=RowStatus.WORKED)
        elif row.status is RowStatus.ABSENT:
            row = replace(row, status=RowStatus.CANCELLED)
        settled.append(row)
    return settled


def counted_shifts(rows: Sequence[TimesheetDayRow]) -> list[Shift]:
    return [row.shift for row in rows if row.counted and row.shift is not None]


@dataclass(frozen=True)
class PayrollBatch:
    """What one period's payroll file holds, and who is left out (not attested)."""

    period: PayPeriod
    pay_lines: tuple[PayLine, ...]
    employee_numbers: Mapping[str, str]  # PayLine.assistant -> employee number
    included: tuple[Timesheet, ...]
    not_attested: tuple[int, ...]  # assistant ids with work or a timesheet in the period
