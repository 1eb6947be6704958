"""Formats shared by every export: Europe/Oslo wall time, Norwegian dates and numbers.

Norwegian for people (decimal comma, dd.mm.yyyy); machine formats (payroll files) choose
their own and do not use these.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bpa_desktop import atomic_write
from bpa_desktop.core import calendar
from bpa_desktop.core.calendar import OSLO

WEEKDAYS_SHORT = ("ma", "ti", "on", "to", "fr", "lø", "sø")


def fmt_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def fmt_day_month(day: date) -> str:
    return f"{day.day}.{day.month}"


def fmt_number(value: float, blank_zero: bool = False) -> str:
    """Hours or kr for people: 7.5 -> "7,50"; blank for zero when asked (quiet columns)."""
    if blank_zero and abs(value) < 0.005:
        return ""
    return f"{value:.2f}".replace(".", ",")


def fmt_clock(value: time | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%H:%M}"


def local(instant: datetime) -> datetime:
    """An instant as Europe/Oslo wall time; a naive datetime is taken as Oslo wall time."""
    if instant.tzinfo is None:
        return instant.replace(tzinfo=OSLO)
    # Through UTC: astimezone() to the zone a datetime already has returns it unchanged, and
    # wall-clock arithmetic can leave it on a time that does not exist (the spring gap).
    return instant.astimezone(timezone.utc).astimezone(OSLO)


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
