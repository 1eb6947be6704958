"""Night work: regular night work above 8 h per working day on average over 4 weeks."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.rules.facts import HOUR, _Collector, _Person, _runs
from bpa_desktop.core.rules.limits import LAW, Limits
from bpa_desktop.core.rules.wording import _day, fmt_range, hours
from bpa_desktop.i18n import t


def _has_night_work(clock: float, length: float, night_start: float) -> bool:
    """Whether work starting at local ``clock`` (seconds after midnight) and lasting
    ``length`` seconds reaches the night (``night_start``..06:00). Clocks change only at
    night, so a shift within the day has elapsed = wall-clock length."""
    return clock < 6 * HOUR or clock + length > night_start


def _night_work(person: _Person, limits: Limits, out: _Collector) -> None:
    night_days: dict[date, tuple[float, float, float]] = {}
    hour, minute = cal.parse_hhmm(limits.night_start)
    night_start = hour * HOUR + minute * 60
    for start, end, day, clock in zip(person.starts, person.ends, person.days, person.clocks):
        if _has_night_work(clock, end - start, night_start):
            so_far, first, last = night_days.get(day, (0.0, start, end))
            night_days[day] = (so_far + (end - start) / HOUR, min(first, start), max(last, end))
    days_sorted = sorted(night_days)
    failing = []
    for i, day in enumerate(days_sorted):
        j = bisect_left(days_sorted, day + timedelta(weeks=4))
        window = days_sorted[i:j]
        average = sum(night_days[d][0] for d in window) / len(window)
        if len(window) >= LAW.regular_night_days and average > LAW.night_hours + 1e-9:
            failing.append((night_days[day][1], max(night_days[d][2] for d in window), average))
    for start, end, worst in _runs(failing):
        out.add(
            "night-work", "warning", person.id, start, end,
            t("findings.night_work", name=person.name, start=limits.night_start, hours=hours(worst),
              dates=fmt_range(_day(start), _day(end)), limit=hours(LAW.night_hours)),
            "aml § 10-11",
        )
