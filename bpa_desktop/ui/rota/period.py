"""The default roll-out period: from the next start of the pattern cycle to the vedtak's end."""

from __future__ import annotations

from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Vedtak

DEFAULT_WEEKS_WITHOUT_END = 52


def default_period(today: date, vedtak: Vedtak | None, weeks: int = 4,
                   previous_start: date | None = None) -> tuple[date, date]:
    """Start on a Monday on or after `today` (and the vedtak start), aligned to the previous
    roll-out's cycle so week 1 stays week 1; end with the vedtak (or after 52 weeks)."""
    earliest = max(today, vedtak.valid_from if vedtak else today)
    start = cal.iso_monday(earliest)
    if start < earliest:
        start += timedelta(weeks=1)
    if previous_start is not None and previous_start <= start:
        cycle = weeks * 7
        start = previous_start + timedelta(days=-(-(start - previous_start).days // cycle) * cycle)
    if vedtak is not None and vedtak.valid_to is not None and vedtak.valid_to > start:
        end = vedtak.valid_to
    else:
        end = start + timedelta(weeks=DEFAULT_WEEKS_WITHOUT_END, days=-1)
    return start, end


def calendar_opening_day(today: date, current_start: date | None, current_end: date | None = None) -> date:
    """The day the Calendar tab opens on: today, or the rolled-out rota's first day when today is
    outside its period (before it starts, or after it ended); not the next roll-out's start."""
    if current_start is None:
        return today
    if today < current_start or (current_end is not None and today > current_end):
        return current_start
    return today
