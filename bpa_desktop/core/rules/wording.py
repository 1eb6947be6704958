"""Norwegian wording of findings: hours, dates and clock times as the messages write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.rules.limits import Limits


_MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)
_WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def fmt_hours(hours: float) -> str:
    """9 -> "9", 9.5 -> "9,5", 8.25 -> "8,25" (Norwegian decimal comma)."""
    text = f"{round(hours, 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fmt_date(day: date, year: bool = False) -> str:
    text = f"{day.day}. {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def fmt_dates(first: date, second: date) -> str:
    """"2. og 3. mars", "28. februar og 1. mars"."""
    if first.month == second.month and first.year == second.year:
        return f"{first.day}. og {fmt_date(second)}"
    return f"{fmt_date(first)} og {fmt_date(second)}"


def fmt_range(first: date, last: date) -> str:
    """"2.–15. mars", "28. februar–3. mars", or one date."""
    if first == last:
        return fmt_date(first)
    if first.month == last.month and first.year == last.year:
        return f"{first.day}.–{fmt_date(last)}"
    return f"{fmt_date(first)}–{fmt_date(last)}"


def _local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, cal.OSLO)


def _day(ts: float) -> date:
    return _local(ts).date()


def _clock(ts: float) -> str:
    return _local(ts).strftime("%H:%M")


def _hours_allowed(normal: float, preset: float, law: float, limits: Limits) -> str:
    """Normal working time and the highest the law (or the preset's agreement) allows."""
    who = "loven" if preset == law else limits.label
    return f"normal arbeidstid er {fmt_hours(normal)} t, og {who} tillater høyst {fmt_hours(preset)} t"


def _week_label(monday: date) -> str:
    return f"uke {monday.isocalendar()[1]} ({fmt_range(monday, monday + timedelta(days=6))})"
