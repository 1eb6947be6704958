"""Report figures (Rapporter): cost per month, absence and sick leave, planned vs worked vs vedtak.

Definitions, so the numbers can be explained to a person:

* **Cost** of a month: with rates entered for supplement lines, the sum of pay-line hours x
  rate (method ``lines``); with only the hourly wage, paid hours x hourly rate (``hourly``).
  Social costs (arbeidsgiveravgift, feriepenger, pensjon) are ``social_cost_percent`` of the
  wages. Paid hours count passive time at the profile's factor. The informational
  "herav passiv tid" line (window ``passive``) is never priced.
* **Sick leave %** of an assistant in a month: planned hours lost to their own sickness
  (egenmelding, sykmelding; graded leave by its percentage) / planned hours x 100: the
  working time they were meant to have, as in the usual definition (lost / agreed days).
  Sykt barn is absence, but not the assistant's own sickness.
* **Absence by type**: calendar days (graded by percentage) and lost planned hours per kind.
* **Planned / worked / vedtak** per month: hours of planned shifts, of worked shifts, and the
  hours the vedtak grants for the days of that month (weekly hours / 7 per day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bpa_desktop.core import budget
from bpa_desktop.core.model import Absence, AbsenceKind, PayLine, Shift, Vedtak
from bpa_desktop.core.pay import PayProfile
from bpa_desktop.core.pay_settings import ORDINARY_LINE, PaySettings
from bpa_desktop.core.timesheet import start_day

SICKNESS = (AbsenceKind.SELF_CERTIFIED, AbsenceKind.SICK_NOTE)


def _month_days(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return [date.fromordinal(o) for o in range(first.toordinal(), following.toordinal())]


# --- cost -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyCost:
    year: int
    month: int
    hours: float  # paid hours (passive time at the profile's factor)
    wages: float | None  # None: no rate entered
    social_costs: float
    method: str  # "lines", "hourly" or "none"
    unpriced_hours: float = 0.0  # hours on pay lines with no rate ("lines" method)
    attested: bool = False  # every timesheet behind the month is attested

    @property
    def total(self) -> float | None:
        return None if self.wages is None else self.wages + self.social_costs


def paid_hours(shifts: Sequence[Shift], profile: PayProfile) -> float:
    return sum(budget.shift_hours(s, profile.passive.factor) for s in shifts)


def _informational(profile: PayProfile) -> set[str]:
    return {line.id for line in profile.lines if line.window == "passive"}


def cost_method(profile: PayProfile, settings: PaySettings) -> str:
    """``lines`` when a supplement line has a rate, else ``hourly`` with an hourly wage."""
    skip = _informational(profile) | {ORDINARY_LINE}
    priced = {k for k, v in settings.rates.items() if v is not None} | {
        line.id for line in profile.lines if line.rate is not None
    }
    if priced - skip:
        return "lines"
    return "hourly" if settings.hourly_rate is not None else "none"


def month_cost(
    year: int,
    month: int,
    lines: Sequence[PayLine],
    hours: float,
    profile: PayProfile,
    settings: PaySettings,
    *,
    attested: bool = False,
) -> MonthlyCost:
    """The cost of one month from its pay lines (rates on the lines) and its paid hours."""
    method = cost_method(profile, settings)
    social_share = (settings.social_cost_percent or 0.0) / 100
    wages: float | None = None
    unpriced = 0.0
    if method == "lines":
        skip = _informational(profile)
        wages = 0.0
        for line in lines:
            if line.kind in skip:
                continue
            if line.rate is None:
                unpriced += line.hours
            else:
                wages += line.hours * line.rate
    elif method == "hourly":
        wages = hours * float(settings.hourly_rate)
    social = wages * social_share if wages is not None else 0.0
    return MonthlyCost(year, month, hours, wages, social, method, unpriced, attested)


# --- absence and sick leave ------------------------------------------------------------------


@dataclass(frozen=True)
class AbsenceMonth:
    assistant_id: int
    year: int
    month: int
    planned_hours: float
    sick_hours: float  # planned hours lost to own sickness
    lost_hours: dict[str, float] = field(default_factory=dict)  # by AbsenceKind value
    days: dict[str, float] = field(default_factory=dict)  # calendar days by kind, graded

    @property
    def sick_leave_percent(self) -> float | None:
        """None when nothing was planned (no working time to be absent from)."""
        if self.planned_hours <= 0:
            return None
        return 100 * self.sick_hours / self.planned_hours


def _absence_on(absences: Sequence[Absence], day: date) -> Absence | None:
    covering = [a for a in absences if a.start <= day <= a.end]
    return max(covering, key=lambda a: a.percent) if covering else None


def absence_month(
    assistant_id: int, year: int, month: int, planned: Sequence[Shift], absences: Sequence[Absence]
) -> AbsenceMonth:
    """One assistant's absence in one calendar month (their planned shifts and absences)."""
    days = _month_days(year, month)
    first, last = days[0], days[-1]
    own = [a for a in absences if a.assistant_id == assistant_id and a.start <= last and a.end >= first]
    day_totals: dict[str, float] = {}
    for day in days:
        absence = _absence_on(own, day)
        if absence is not None:
            kind = AbsenceKind(absence.kind).value
            day_totals[kind] = day_totals.get(kind, 0.0) + absence.percent / 100
    planned_hours = 0.0
    lost: dict[str, float] = {}
    sick = 0.0
    for shift in planned:
        day = start_day(shift)
        if shift.assistant != str(assistant_id) or not first <= day <= last:
            continue
        planned_hours += shift.hours
        absence = _absence_on(own, day)
        if absence is None:
            continue
        hours = shift.hours * absence.percent / 100
        kind = AbsenceKind(absence.kind)
        lost[kind.value] = lost.get(kind.value, 0.0) + hours
        if kind in SICKNESS:
            sick += hours
    return AbsenceMonth(assistant_id, year, month, planned_hours, sick, lost, day_totals)


# --- planned vs worked vs vedtak ---------------------------------------------------------------


@dataclass(frozen=True)
class MonthHours:
    year: int
    month: int
    planned: float
    worked: float
    granted: float

    @property
    def worked_minus_granted(self) -> float:
        return self.worked - self.granted


def monthly_hours(
    year: int,
    planned: Sequence[Shift],
    worked: Sequence[Shift],
    vedtak_list: Sequence[Vedtak],
    *,
    passive_factor: float = 1.0,
) -> list[MonthHours]:
    """Twelve months of planned, worked and granted hours (shifts count on their start day)."""
    planned_by: dict[int, float] = {}
    worked_by: dict[int, float] = {}
    for shifts, totals in ((planned, planned_by), (worked, worked_by)):
        for shift in shifts:
            day = start_day(shift)
            if day.year == year:
                totals[day.month] = totals.get(day.month, 0.0) + budget.shift_hours(shift, passive_factor)
    return [
        MonthHours(
            year,
            month,
            planned_by.get(month, 0.0),
            worked_by.get(month, 0.0),
            sum(budget.granted_on(vedtak_list, day) for day in _month_days(year, month)),
        )
        for month in range(1, 13)
    ]
