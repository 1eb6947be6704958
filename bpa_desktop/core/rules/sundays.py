"""Sunday and holiday work: the windows (18:00 the day before, 15:00 on Christmas, Easter and
Whitsun Eve, to 22:00 on the last day) and how many of them an assistant works."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import windows as win
from bpa_desktop.core.rules.facts import WEEK, _Collector, _Person, _runs
from bpa_desktop.core.rules.limits import Limits
from bpa_desktop.core.rules.wording import _day, fmt_date, fmt_hours, fmt_range, weekday
from bpa_desktop.i18n import get_language, t


@dataclass(frozen=True)
class _HolidayPeriod:
    start: float  # free from (18:00 or 15:00 the day before)
    end: float  # 22:00 on the last day
    first: date
    last: date

    @property
    def label(self) -> str:
        if self.first == self.last:
            name = cal.holiday_name(self.first, get_language()) or weekday(self.first)
            return t("findings.holiday_label", holiday=name.lower() if get_language() == "nb" else name,
                     day=fmt_date(self.first))
        return f"{fmt_range(self.first, self.last)}"


@lru_cache(maxsize=256)
def _holiday_periods(first_day: date, last_day: date) -> tuple[_HolidayPeriod, ...]:
    """Every Sunday/holiday period whose days fall in [first_day, last_day]. Kept: the live
    check asks again for the same spans after every edit (the calendar never changes)."""
    periods = []
    day = first_day
    while day <= last_day:
        if not cal.is_public_holiday(day):
            day += timedelta(days=1)
            continue
        first = day
        while cal.is_public_holiday(day + timedelta(days=1)):
            day += timedelta(days=1)
        eve = first - timedelta(days=1)
        free_from = "15:00" if cal.is_christmas_easter_or_whitsun_eve(eve) else "18:00"
        periods.append(
            _HolidayPeriod(win.wall_point(eve, free_from), win.wall_point(day, "22:00"), first, day)
        )
        day += timedelta(days=1)
    return tuple(periods)


def _sunday_work(person: _Person, limits: Limits, out: _Collector, periods) -> None:
    block_starts = [b[0] for b in person.blocks]

    def worked(period: _HolidayPeriod) -> bool:
        index = bisect_left(block_starts, period.end) - 1
        return index >= 0 and person.blocks[index][1] > period.start

    flags = [worked(p) for p in periods]
    reference = "aml § 10-8 (4), § 10-10 (2)"
    for i in range(1, len(periods)):
        if flags[i - 1] and flags[i]:
            a, b = periods[i - 1], periods[i]
            severity = "warning" if limits.sunday_agreement else "error"
            extra = t("findings.sunday_preset_opens", preset=limits.label) if limits.sunday_agreement else ""
            out.add(
                "sunday-work", severity, person.id, a.start, b.end,
                t("findings.sunday_next", name=person.name, first=a.label, second=b.label, extra=extra),
                reference,
            )
    if not limits.sunday_agreement:
        return
    # At most every other one on average over 26 weeks.
    failing = []
    period_starts = [p.start for p in periods]
    worked_before = [0]  # prefix sums of worked periods
    for flag in flags:
        worked_before.append(worked_before[-1] + flag)
    for i, period in enumerate(periods):
        j = bisect_right(period_starts, period.start + 26 * WEEK)
        total, count = j - i, worked_before[j] - worked_before[i]
        if flags[i] and count > math.ceil(total / 2):
            failing.append((period.start, periods[j - 1].end, count / total))
    for start, end, worst in _runs(failing):
        out.add(
            "sunday-work", "error", person.id, start, end,
            t("findings.sunday_share", name=person.name, percent=fmt_hours(worst * 100), day=fmt_date(_day(start))),
            reference + f"; {limits.basis}",
        )
    # Fewer than 1 in 4 off: four in a row worked.
    run_start = None
    for i, flag in enumerate(flags + [False]):
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if i - run_start >= 4:
                a, b = periods[run_start], periods[i - 1]
                out.add(
                    "sunday-work", "error", person.id, a.start, b.end,
                    t("findings.sunday_row", name=person.name, count=i - run_start, first=a.label, last=b.label),
                    reference + f"; {limits.basis}",
                )
            run_start = None


def sunday_windows(first_day: date, last_day: date) -> list[tuple[float, float]]:
    """(start, end) in POSIX seconds of every Sunday/holiday window whose days fall in
    ``first_day``..``last_day``: the same windows ``sunday-work`` judges."""
    return [(period.start, period.end) for period in _holiday_periods(first_day, last_day)]
