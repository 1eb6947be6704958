"""The vedtak hour account: granted, planned, worked, remaining and a year-end forecast.

Definitions (docs/domain.md "The vedtak and the hour account"):

* ``granted`` for a calendar year = for every vedtak, weekly hours x the number of its days
  that fall in the year / 7 (a vedtak without an end runs to the end of the year). A change
  mid-year is simply two vedtak with their own periods.
* ``start_balance`` = hours of this year's grant already used before this account's records
  begin (e.g. worked with the previous provider when the arrangement moved). A negative value
  gives hours back.
* ``worked`` = hours of the worked (registered) shifts that start in the year.
* ``planned`` = hours of planned shifts that start in the year on or after ``today``: the
  shifts not yet worked. Planned shifts before ``today`` are replaced by the worked record.
* ``unregistered`` = hours of planned shifts before ``today`` that no record settles yet
  (neither worked nor not worked): they will most likely count as worked at attestation, so
  they are used, but shown on their own so someone registers them.
* ``remaining`` = granted - start_balance - worked - unregistered - planned: hours still free
  to plan.
* ``forecast`` = the hours expected to be *used* by 31 December: start_balance + worked +
  unregistered + planned, plus the days after the last planned day (and after today) at the
  pace used so far (or the vedtak pace when less than a week has been used). Compare it with
  ``granted``.

An arrangement's account may begin mid-year (``AccountStart``): shifts before its start day
are not counted, and its opening hours are that year's ``start_balance``.

Passive hours count 1:1 unless ``passive_factor`` says otherwise (the arrangement's choice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Shift, Vedtak


@dataclass(frozen=True)
class HourAccount:
    year: int
    granted: float
    planned: float
    worked: float
    remaining: float
    forecast: float
    start_balance: float = 0.0
    unregistered: float = 0.0

    @property
    def forecast_remaining(self) -> float:
        """Hours left unused at year end if the forecast holds (negative: over the grant)."""
        return self.granted - self.forecast


@dataclass(frozen=True)
class AccountStart:
    """Where an arrangement's hour account begins: its records start on ``start_date``, and
    ``opening_hours`` of that calendar year's grant were used before (negative gives back)."""

    arrangement_id: int
    start_date: date
    opening_hours: float = 0.0

    def balance_for(self, year: int) -> float:
        return self.opening_hours if year == self.start_date.year else 0.0


def _period_in_year(vedtak: Vedtak, year: int) -> tuple[date, date] | None:
    first = max(vedtak.valid_from, date(year, 1, 1))
    last = min(vedtak.valid_to or date(year, 12, 31), date(year, 12, 31))
    return (first, last) if first <= last else None


def granted_hours(vedtak_list: Sequence[Vedtak], year: int) -> float:
    """Hours granted for a calendar year: weekly hours x days in the year / 7, per vedtak."""
    total = 0.0
    for vedtak in vedtak_list:
        period = _period_in_year(vedtak, year)
        if period:
            total += vedtak.hours_per_week * ((period[1] - period[0]).days + 1) / 7
    return total


def granted_on(vedtak_list: Sequence[Vedtak], day: date) -> float:
    """Hours granted per day on ``day`` (the vedtak pace), 0 outside every vedtak."""
    return sum(
        v.hours_per_week / 7
        for v in vedtak_list
        if v.valid_from <= day and (v.valid_to is None or day <= v.valid_to)
    )


def shift_hours(shift: Shift, passive_factor: float = 1.0) -> float:
    """Hours a shift uses of the vedtak (passive hours times ``passive_factor``)."""
    passive = sum(p.hours for p in shift.passive)
    return shift.hours - passive + passive_factor * passive


def _start_day(shift: Shift) -> date:
    return cal.to_local(shift.start).date()


def hour_account(
    vedtak_list: Sequence[Vedtak],
    year: int,
    planned: Sequence[Shift],
    worked: Sequence[Shift],
    today: date,
    start_balance: float = 0.0,
    *,
    passive_factor: float = 1.0,
    unregistered: Sequence[Shift] = (),
    start: AccountStart | None = None,
) -> HourAccount:
    """The account for one calendar year as seen on ``today`` (definitions in the module doc).
    With ``start``, its opening hours are the start balance and earlier shifts do not count."""
    if start is not None:
        start_balance = start.balance_for(year)

    def counts(shift: Shift) -> bool:
        day = _start_day(shift)
        return day.year == year and (start is None or day >= start.start_date)

    granted = granted_hours(vedtak_list, year)
    worked_hours = sum(shift_hours(s, passive_factor) for s in worked if counts(s))
    future = [s for s in planned if counts(s) and _start_day(s) >= today]
    planned_hours = sum(shift_hours(s, passive_factor) for s in future)
    open_hours = sum(shift_hours(s, passive_factor) for s in unregistered if counts(s) and _start_day(s) < today)
    worked_hours_and_open = worked_hours + open_hours
    used = start_balance + worked_hours_and_open + planned_hours

    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    covered_until = max([today - timedelta(days=1)] + [_start_day(s) for s in future])
    covered_until = min(max(covered_until, year_start - timedelta(days=1)), year_end)
    granted_days = [d for d in cal.days(year_start, year_end) if granted_on(vedtak_list, d) > 0]
    covered = [d for d in granted_days if d <= covered_until]
    uncovered = [d for d in granted_days if d > covered_until]
    if len(covered) >= 7:
        pace = (worked_hours_and_open + planned_hours + start_balance) / len(covered)
        projected = pace * len(uncovered)
    else:
        projected = sum(granted_on(vedtak_list, d) for d in uncovered)
    return HourAccount(
        year=year,
        granted=granted,
        planned=planned_hours,
        worked=worked_hours,
        remaining=granted - used,
        forecast=used + projected,
        start_balance=start_balance,
        unregistered=open_hours,
    )


def expiring_vedtak(
    vedtak_list: Sequence[Vedtak], today: date, within_days: int = 60
) -> list[Vedtak]:
    """Vedtak that end within ``within_days`` of ``today`` with no later vedtak to take over,
    so the UI can warn before the grant runs out."""
    result = []
    for vedtak in vedtak_list:
        if vedtak.valid_to is None or not today <= vedtak.valid_to <= today + timedelta(within_days):
            continue
        next_day = vedtak.valid_to + timedelta(days=1)
        if granted_on(vedtak_list, next_day) == 0:
            result.append(vedtak)
    return sorted(result, key=lambda v: v.valid_to)
