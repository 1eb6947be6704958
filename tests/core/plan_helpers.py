"""Week-by-week plans for the overtime and averaging tests (Oslo wall clock, no DST nearby)."""

from __future__ import annotations

from datetime import date, timedelta

from bpa_desktop.core.calendar import local_instant
from bpa_desktop.core.model import Shift, ShiftKind

MONDAY = date(2026, 1, 5)  # ISO week 2; the next clock change is 29 March


def day_shift(day: date, hours: float, start: str = "06:00", assistant: str = "a1",
              kind: ShiftKind = ShiftKind.PLANNED) -> Shift:
    """A shift of ``hours`` (whole minutes) starting at ``start`` on ``day``."""
    minutes = round(hours * 60)
    assert abs(minutes - hours * 60) < 1e-3, f"{hours} h is not whole minutes"
    begin = local_instant(day, start)
    return Shift(assistant=assistant, start=begin, end=begin + timedelta(minutes=minutes), kind=kind)


def weeks_plan(hours_per_week, first: date = MONDAY, assistant: str = "a1") -> list[Shift]:
    """Each week's hours as five equal weekday shifts from 06:00."""
    shifts = []
    for week, hours in enumerate(hours_per_week):
        monday = first + timedelta(weeks=week)
        shifts += [day_shift(monday + timedelta(days=d), hours / 5, assistant=assistant) for d in range(5) if hours]
    return shifts


def saturdays(hours_per_week, first: date = MONDAY, assistant: str = "a1") -> list[Shift]:
    """Extra Saturday shifts from 10:00, one per week (0 = none)."""
    return [
        day_shift(first + timedelta(weeks=week, days=5), hours, start="10:00", assistant=assistant)
        for week, hours in enumerate(hours_per_week)
        if hours
    ]


def spread(total: float, weeks: int, step: float = 0.25) -> list[float]:
    """``total`` hours over ``weeks`` Saturdays in equal parts of ``step``, the rest on the last."""
    each = (total / weeks) // step * step
    return [each] * (weeks - 1) + [round(total - each * (weeks - 1), 6)]
