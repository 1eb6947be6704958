"""Pay periods: the calendar month by default, or e.g. the 21st to the 20th.

A period starts on ``start_day`` (1-28) of a month and ends the day before ``start_day`` of
the next month, so the periods of one employer tile the calendar without gaps or overlaps.
A period is named after the month it ends in ("mars 2026" is 21 Feb - 20 Mar when the
employer uses the 21st): that is the month it is paid in. A shift belongs to the period of
the day it starts (docs/domain.md: a shift over midnight is attributed to the day it starts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop import i18n, text_format

_MONTH_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class PayPeriod:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_calendar_month(self) -> bool:
        return self.start.day == 1 and (self.end + timedelta(days=1)).day == 1

    @property
    def month(self) -> tuple[int, int]:
        """(year, month) the period is named after: the month it ends in."""
        return self.end.year, self.end.month

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self, language: str | None = None) -> str:
        """ "mars 2026", or "mars 2026 (21.02.2026–20.03.2026)" for a shifted period; in
        ``language``, else the current one."""
        with i18n.language(language):
            name = text_format.month_text(self.end.year, self.end.month)
            if self.is_calendar_month:
                return name
            return f"{name} ({text_format.date_range(self.start, self.end)})"

    def key(self) -> str:
        """ "2026-03": the month the period is named after (what ``--period`` takes)."""
        return f"{self.end.year:04d}-{self.end.month:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def pay_period(day: date, start_day: int = 1) -> PayPeriod:
    """The period that holds ``day``."""
    if not 1 <= start_day <= 28:
        raise ValueError(f"start_day must be 1-28, not {start_day}")
    year, month = day.year, day.month
    if day.day < start_day:
        year, month = _add_months(year, month, -1)
    start = date(year, month, start_day)
    next_year, next_month = _add_months(year, month, 1)
    return PayPeriod(start, date(next_year, next_month, start_day) - timedelta(days=1))


def period_for_month(year: int, month: int, start_day: int = 1) -> PayPeriod:
    """The period named after ``month`` (the one that ends in it)."""
    return pay_period(date(year, month, 1), start_day)


def parse_period(text: str, start_day: int = 1) -> PayPeriod:
    """ "2026-03" (the period named after March) or a day "2026-03-21" (its period).

    Raises ValueError with a message in the current language for anything else.
    """
    text = text.strip()
    match = _MONTH_TEXT.match(text)
    try:
        if match:
            return period_for_month(int(match.group(1)), int(match.group(2)), start_day)
        return pay_period(date.fromisoformat(text), start_day)
    except ValueError:
        raise ValueError(i18n.t("core.period.invalid", text=text)) from None


def periods_between(first: date, last: date, start_day: int = 1) -> list[PayPeriod]:
    """Every period that holds a day in ``first``..``last``, in order."""
    periods = []
    day = first
    while day <= last:
        period = pay_period(day, start_day)
        periods.append(period)
        day = period.end + timedelta(days=1)
    return periods
