"""How findings write hours, dates and clock times (findings.* in the catalogue, in the
current language: bokmål unless asked otherwise, as ``bpa check`` prints it)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bpa_desktop import text_format
from bpa_desktop.core import calendar as cal
from bpa_desktop.core.rules.limits import Limits
from bpa_desktop.i18n import t


def fmt_hours(hours: float) -> str:
    """9 -> "9", 9.5 -> "9,5" (nb) / "9.5" (en): at most two decimals."""
    return text_format.short_number(hours)


def hours(value: float) -> str:
    """"9,5 t" / "9.5 h"."""
    return text_format.hours_unit(value)


def fmt_date(day: date, year: bool = False) -> str:
    """"2. mars" / "2 March"."""
    return text_format.day_month(day, year)


def fmt_dates(first: date, second: date) -> str:
    """"2. og 3. mars", "28. februar og 1. mars" / "2 and 3 March"."""
    if first.month == second.month and first.year == second.year:
        return t("findings.dates_same_month", first=first.day, second=fmt_date(second))
    return t("findings.dates_two", first=fmt_date(first), second=fmt_date(second))


def fmt_range(first: date, last: date) -> str:
    """"2.–15. mars", "28. februar–3. mars", or one date."""
    return text_format.day_range(first, last)


def weekday(day: date) -> str:
    return text_format.weekday_name(day)


def _local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, cal.OSLO)


def _day(ts: float) -> date:
    return _local(ts).date()


def _clock(ts: float) -> str:
    return _local(ts).strftime("%H:%M")


def _hours_allowed(normal: float, preset: float, law: float, limits: Limits) -> str:
    """Normal working time and the highest the law (or the preset's agreement) allows."""
    who = t("findings.the_law") if preset == law else limits.label
    return t("findings.hours_allowed", normal=hours(normal), who=who, most=hours(preset))


def _week_label(monday: date) -> str:
    return t("findings.week_label", week=monday.isocalendar()[1], dates=fmt_range(monday, monday + timedelta(days=6)))
