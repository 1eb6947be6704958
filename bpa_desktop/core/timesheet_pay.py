"""A timesheet's pay: each row's paid hours per profile line, and the pay lines they add up to.

* Worked rows (``worked``, and ``planned`` rows, which count as worked) are paid by
  ``core.pay`` over the worked record, with the overtime ``core.normal_time`` finds.
* Absence rows are paid the profile's absence lines for the shift the assistant would have
  worked, times the grade, when the profile pays that absence on that day
  (``employer_period.AbsencePay.paid``): ``absent`` and ``covered`` rows, ``cancelled`` rows
  on a day of absence, and the planned shift of a row on a day of graded absence.

The pay lines are the rows' lines summed in profile order, so a timesheet's day columns add up
to its pay lines by construction. An attested sheet's lines are stored; ``stored_rows_pay``
works each row's lines out again from the stored rows and overtime, for the paper copy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from bpa_desktop.core.employer_period import AbsenceRules, absence_pay_on
from bpa_desktop.core.model import Absence, Agreement, PayLine, Shift
from bpa_desktop.core.overtime_notes import OvertimeNote, RowsPay, notes_of
from bpa_desktop.core.pay import PayProfile, ShiftPay, absence_line_hours, line_hours, record_line_hours, sum_pay_lines
from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow, counted_shifts

NOT_WORKED = (RowStatus.ABSENT, RowStatus.COVERED, RowStatus.CANCELLED)


def absence_basis(row: TimesheetDayRow) -> Shift | None:
    """The shift the assistant would have worked, when the row's day of absence pays on it."""
    if row.status in NOT_WORKED:
        return row.planned
    pay = row.absence_pay
    if pay is not None and pay.percent < 100 and row.counted:
        return row.planned  # graded: the planned shift's share is absence, the rest is worked
    return None


def with_absence_pay(rows: Sequence[TimesheetDayRow], absences: Sequence[Absence], rules: AbsenceRules,
                     employer_days: Mapping[date, int]) -> list[TimesheetDayRow]:
    """The rows with how their day's absence is paid (``absence_pay``): rows not worked on a
    day of absence, and planned shifts on days of graded absence. A shift worked in full on a
    day of full absence gets none."""
    result = []
    for row in rows:
        pay = absence_pay_on(row.day, absences, rules, employer_days)
        if pay is not None and row.counted and (pay.percent >= 100 or row.planned is None):
            pay = None
        result.append(replace(row, absence_pay=pay) if pay is not None else row)
    return result


def absence_lines(row: TimesheetDayRow, profile: PayProfile) -> dict[str, float]:
    """The row's paid absence hours per absence line (empty when the profile pays none)."""
    pay, basis = row.absence_pay, absence_basis(row)
    if pay is None or basis is None or not pay.paid:
        return {}
    share = pay.percent / 100
    return {line: hours * share for line, hours in absence_line_hours(basis, profile, pay.kind).items()}


def _total(rows: Sequence[TimesheetDayRow], profile: PayProfile, rates) -> list[PayLine]:
    paid = [ShiftPay(row.shift or row.planned, row.lines, ()) for row in rows if row.lines]
    return sum_pay_lines(paid, profile, rates)


def rows_pay(
    rows: Sequence[TimesheetDayRow],
    profile: PayProfile,
    rates: Mapping[str, float] | None = None,
    *,
    agreement: Agreement | str = Agreement.AML,
    context: Sequence[Shift] = (),
    anchor: date | None = None,
) -> RowsPay:
    """The rows with their lines, the pay lines they sum to and the overtime in them.
    ``context``: the assistant's earlier worked shifts in the same week or averaging window
    (they use up normal time; they are paid in their own period); ``anchor``: the Monday
    averaging windows count from."""
    paid = record_line_hours(counted_shifts(rows), profile, agreement=agreement, context=context, anchor=anchor)
    worked = iter(paid)
    with_lines = []
    for row in rows:
        lines = dict(next(worked).lines) if row.counted and row.shift is not None else {}
        lines.update(absence_lines(row, profile))
        with_lines.append(replace(row, lines=lines))
    return RowsPay(tuple(_total(with_lines, profile, rates)), notes_of(paid), tuple(with_lines))


def stored_rows_pay(rows: Sequence[TimesheetDayRow], profile: PayProfile, overtime: Sequence[OvertimeNote],
                    *, nominal: bool = False) -> tuple[TimesheetDayRow, ...]:
    """Stored rows with their lines worked out again: each worked shift paid with the stored
    overtime stretches that lie in it, each absence row with its stored absence pay."""
    result = []
    for row in rows:
        lines: dict[str, float] = {}
        if row.counted and row.shift is not None:
            start, end = row.shift.start.timestamp(), row.shift.end.timestamp()
            stretches = [(n.start.timestamp(), n.end.timestamp()) for n in overtime
                         if start <= n.start.timestamp() and n.end.timestamp() <= end]
            lines.update(line_hours(row.shift, profile, nominal=nominal, overtime=stretches))
        lines.update(absence_lines(row, profile))
        result.append(replace(row, lines=lines))
    return tuple(result)


def line_totals(rows: Sequence[TimesheetDayRow]) -> dict[str, float]:
    """Hours per line id summed over the rows (what the day columns add up to)."""
    totals: dict[str, float] = {}
    for row in rows:
        for line, hours in row.lines.items():
            totals[line] = totals.get(line, 0.0) + hours
    return totals


def reconciles(rows: Sequence[TimesheetDayRow], pay_lines: Sequence[PayLine], tolerance: float = 0.005) -> bool:
    """Whether the rows' lines add up to the pay lines (an attested sheet read back with
    today's profile can differ if the profile's windows changed since)."""
    totals = line_totals(rows)
    stored = {}
    for line in pay_lines:
        stored[line.kind] = stored.get(line.kind, 0.0) + line.hours
    keys = set(totals) | set(stored)
    return all(abs(totals.get(k, 0.0) - stored.get(k, 0.0)) <= tolerance for k in keys)
