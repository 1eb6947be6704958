"""What every export shares: Europe/Oslo wall time, dates and numbers for people in the
current language (bpa_desktop/text_format.py), writing a rendered file, rounding money.

Machine formats (payroll files) choose their own and do not use the people's formats.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bpa_desktop import atomic_write, text_format
from bpa_desktop.core import calendar

# People's formats live in bpa_desktop/text_format.py (one module for every language); these
# names stay for the renderers.
fmt_date = text_format.date_text
fmt_day_month = text_format.day_month_numeric
fmt_clock = text_format.clock


def fmt_number(value: float, blank_zero: bool = False) -> str:
    """Hours or kr for people: 7.5 -> "7,50" (nb) / "7.50" (en); blank for zero when asked."""
    return text_format.number(value, 2, blank_zero=blank_zero)


def weekday_short(day: date) -> str:
    return text_format.weekday_name(day, short=True)


local = text_format.local
OSLO = text_format.OSLO


def days(start: date, end: date) -> list[date]:
    """Every day from start to end, both included."""
    return list(calendar.days(start, end))


def write_if_asked(data: bytes, path: str | Path | None) -> bytes:
    """``data``, also written to ``path`` (atomically) when given."""
    if path is not None:
        atomic_write.write_bytes(path, data)
    return data


CENT = Decimal("0.01")


def to_decimal(value: float, places: Decimal = CENT) -> Decimal:
    """A float rounded half-up as people do it (2.675 -> 2.68), via its shortest repr."""
    return Decimal(repr(float(value))).quantize(places, rounding=ROUND_HALF_UP)


def line_amount(hours: float, rate: float) -> Decimal:
    """kr for a pay line: the rounded hours times the rounded rate, so a reader who multiplies
    the two printed numbers gets the printed amount."""
    return (to_decimal(hours) * to_decimal(rate)).quantize(CENT, rounding=ROUND_HALF_UP)
