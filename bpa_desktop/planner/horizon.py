"""The roll-out period as facts the model is built on: every template on every day.

Each (day, template) is an ``Occurrence`` with its real instants (``core.rota.template_shift``,
so DST nights are 9 or 11 elapsed hours exactly as in the roll-out) and its *key*: the
pattern cell it repeats from, or, on a day when some assistant is unavailable, a key of its
own (those days are planned one by one). Constraints are generated over occurrences and
deduplicated by key, so a year of days costs little more than one cycle.

Sunday/holiday periods follow docs/domain.md (the same reading as ``core.rules``): a run of
consecutive Sundays and public holidays, from 18:00 the day before (15:00 on Christmas,
Easter and Whitsun Eve) to 22:00 on its last day.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import windows as win
from bpa_desktop.core.model import Shift
from bpa_desktop.core.rota import template_shift
from bpa_desktop.planner.problem import PlanProblem

MINUTE = 60.0


@dataclass(frozen=True)
class Occurrence:
    index: int  # position in Horizon.occurrences (sorted by start)
    day_index: int
    day: date
    template: int  # index into problem.templates
    cell: int  # pattern day k = 7 * week + weekday
    key: int  # literal key: cell * T + template, or a per-day key on exception days
    start: float  # POSIX seconds
    end: float
    minutes: int  # elapsed length
    shift: Shift  # the occurrence as rolled out (assistant "")


@dataclass(frozen=True)
class HolidayPeriod:
    start: float
    end: float
    first: date
    last: date
    named: bool  # holds a public holiday other than an ordinary Sunday


class Horizon:
    def __init__(self, problem: PlanProblem) -> None:
        self.problem = problem
        self.templates = problem.templates
        self.T = len(problem.templates)
        self.K = 7 * problem.weeks
        self.days = list(cal.days(problem.start, problem.end))
        anchor = problem.anchor
        self.cell_of_day = [
            7 * (((day - anchor).days // 7) % problem.weeks) + day.weekday() for day in self.days
        ]
        in_period = set(self.days)
        self.exception_days = sorted(
            {i for i, day in enumerate(self.days)
             for a in problem.assistants if day in a.unavailable_dates and day in in_period}
        )
        exception_set = set(self.exception_days)
        self.cell_keys = self.K * self.T
        occurrences = []
        for i, day in enumerate(self.days):
            for t, template in enumerate(self.templates):
                shift = template_shift(template, "", day)
                start, end = shift.start.timestamp(), shift.end.timestamp()
                cell = self.cell_of_day[i]
                key = self.cell_keys + i * self.T + t if i in exception_set else cell * self.T + t
                occurrences.append((start, end, i, t, cell, key, shift))
        occurrences.sort(key=lambda o: (o[0], o[3]))
        self.occurrences = [
            Occurrence(n, i, self.days[i], t, cell, key, start, end, round((end - start) / MINUTE), shift)
            for n, (start, end, i, t, cell, key, shift) in enumerate(occurrences)
        ]
        self.starts = [o.start for o in self.occurrences]
        self.by_day = [[None] * self.T for _ in self.days]
        for o in self.occurrences:
            self.by_day[o.day_index][o.template] = o

    # --- keys --------------------------------------------------------------------------

    def key_cell(self, key: int) -> tuple[int, int]:
        """(pattern day, template) of a key."""
        if key < self.cell_keys:
            return divmod(key, self.T)
        i, t = divmod(key - self.cell_keys, self.T)
        return self.cell_of_day[i], t

    def key_day(self, key: int) -> int | None:
        """The day index of a per-day key, None for a pattern-cell key."""
        return None if key < self.cell_keys else (key - self.cell_keys) // self.T

    # --- searches ----------------------------------------------------------------------

    def starting_in(self, lower: float, upper: float) -> list[Occurrence]:
        """Occurrences that start in [lower, upper)."""
        return self.occurrences[bisect_left(self.starts, lower): bisect_left(self.starts, upper)]

    @cached_property
    def longest(self) -> float:
        return max(o.end - o.start for o in self.occurrences)

    def intersecting(self, lower: float, upper: float) -> list[Occurrence]:
        """Occurrences with any time in the open interval (lower, upper)."""
        return [o for o in self.starting_in(lower - self.longest, upper) if o.end > lower and o.start < upper]

    @cached_property
    def iso_weeks(self) -> list[list[int]]:
        """Day indexes of each ISO week the period touches, in order."""
        weeks: dict[date, list[int]] = {}
        for i, day in enumerate(self.days):
            weeks.setdefault(cal.iso_monday(day), []).append(i)
        return [weeks[m] for m in sorted(weeks)]

    @cached_property
    def period_weeks(self) -> int:
        """ISO weeks the period spans (what ``contract-hours`` averages over)."""
        return len(self.iso_weeks)

    def holiday_periods(self, reach: timedelta) -> list[HolidayPeriod]:
        """Sunday/holiday periods from the day before the period to ``reach`` after its end."""
        periods = []
        day, last_day = self.days[0] - timedelta(days=1), self.days[-1] + reach
        while day <= last_day:
            if not cal.is_public_holiday(day):
                day += timedelta(days=1)
                continue
            first, named = day, cal.is_named_holiday(day)
            while cal.is_public_holiday(day + timedelta(days=1)):
                day += timedelta(days=1)
                named = named or cal.is_named_holiday(day)
            eve = first - timedelta(days=1)
            free_from = "15:00" if cal.is_christmas_easter_or_whitsun_eve(eve) else "18:00"
            periods.append(
                HolidayPeriod(win.wall_point(eve, free_from), win.wall_point(day, "22:00"), first, day, named)
            )
            day += timedelta(days=1)
        return periods
