"""How dates, clock times, hours and money look to a person, in the current language.

One module for the UI, findings, the CLI, PDFs and the receiver's pages (pure Python, no Qt).
The words and patterns are catalogue entries (``format.*`` in resources/catalogue/format.json):

==============  ==========================  ==========================
                nb                          en
==============  ==========================  ==========================
date            02.11.2026                  2026-11-02
day_month       2. november                 2 November
month           november 2026               November 2026
clock           07:05                       07:05
hours           7,50 (short: 7,5)           7.50 (short: 7.5)
money           kr 1 234,50                 NOK 1,234.50
==============  ==========================  ==========================

Times are shown as Europe/Oslo wall time; a naive datetime is taken to be Oslo time already.
Machine formats (payroll files, the wire) never use this module.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from bpa_desktop.i18n import t, text

OSLO = ZoneInfo("Europe/Oslo")


def _names(key: str, language: str | None = None) -> list[str]:
    return text(key, language).split()


def month_name(month: int, language: str | None = None) -> str:
    """1 -> "januar" / "January"."""
    return _names("format.months", language)[month - 1]


def weekday_name(day: date, short: bool = False) -> str:
    """"mandag" / "Monday"; short: "ma" / "Mon"."""
    return _names("format.weekdays_short" if short else "format.weekdays")[day.weekday()]


def date_text(day: date | None) -> str:
    """02.11.2026 (nb) / 2026-11-02 (en); blank for None."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = local(day).date()
    return t("format.date", day=day.day, month=day.month, year=day.year)


def date_pattern() -> str:
    """The same date as a Qt display format (QDateEdit): "dd.MM.yyyy" / "yyyy-MM-dd"."""
    return date_text(date(2001, 2, 3)).replace("2001", "yyyy").replace("02", "MM").replace("03", "dd")


def day_month(day: date, year: bool = False) -> str:
    """"2. november" / "2 November" (with the year when asked)."""
    if year:
        return t("format.day_month_year", day=day.day, month=month_name(day.month), year=day.year)
    return t("format.day_month", day=day.day, month=month_name(day.month))


def day_month_numeric(day: date) -> str:
    """"2.11" / "2/11": a day in a narrow column."""
    return t("format.day_month_numeric", day=day.day, month=day.month)


def day_month_padded(day: date) -> str:
    """"06.03" / "06/03": a day in a table's first column."""
    return t("format.day_month_padded", day=day.day, month=day.month)


def day_range(first: date, last: date) -> str:
    """"2.–15. mars" / "2–15 March", "28. februar–3. mars", or one day."""
    if first == last:
        return day_month(first)
    if (first.year, first.month) == (last.year, last.month):
        return t("format.days_in_month", first=first.day, last=day_month(last))
    return f"{day_month(first)}–{day_month(last)}"


def date_range(first: date, last: date) -> str:
    """"02.11.2026–08.11.2026" (numeric dates)."""
    return f"{date_text(first)}–{date_text(last)}"


def month_text(year: int, month: int) -> str:
    """"november 2026" / "November 2026"."""
    return t("format.month_year", month=month_name(month), year=year)


def period_text(period: str) -> str:
    """"2026-03" -> "mars 2026"; anything else as it is."""
    try:
        year, month = (int(part) for part in period.split("-"))
        return month_text(year, month)
    except (ValueError, IndexError):
        return period


def local(instant: datetime) -> datetime:
    """An instant as Europe/Oslo wall time; a naive datetime is taken as Oslo wall time."""
    if instant.tzinfo is None:
        return instant.replace(tzinfo=OSLO)
    # Through UTC: astimezone() to the zone a datetime already has returns it unchanged, and
    # wall-clock arithmetic can leave it on a time that does not exist (the spring gap).
    return instant.astimezone(timezone.utc).astimezone(OSLO)


def clock(value: time | datetime | None) -> str:
    """"07:05" (Oslo time for a datetime); blank for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value)
    return f"{value:%H:%M}"


def datetime_text(moment: datetime) -> str:
    """"02.11.2026 kl. 14:05" / "2026-11-02 14:05"."""
    return t("format.date_time", date=date_text(local(moment).date()), time=clock(moment))


def when_text(moment: datetime, now: datetime | None = None) -> str:
    """"kl. 14:05" / "at 14:05" today, "21.05.2026 kl. 14:05" / "2026-05-21 14:05" another day."""
    now = now or datetime.now(timezone.utc)
    if local(moment).date() == local(now).date():
        return t("format.at_time", time=clock(moment))
    return datetime_text(moment)


def moment_text(moment: datetime | None, now: datetime) -> str:
    """Only the clock today, date and clock another day (Oslo time); blank for None."""
    if moment is None:
        return ""
    if local(moment).date() == local(now).date():
        return clock(moment)
    return datetime_text(moment)


def number(value: float, decimals: int = 2, *, grouped: bool = False, blank_zero: bool = False) -> str:
    """7.5 -> "7,50" / "7.50"; grouped: 1234.5 -> "1 234,50" / "1,234.50"."""
    if blank_zero and abs(value) < 0.5 * 10 ** -decimals:
        return ""
    digits = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    mark, thousands = text("format.decimal_mark"), text("format.thousands_mark")
    return digits.replace(",", "\0").replace(".", mark).replace("\0", thousands)


def short_number(value: float, decimals: int = 2) -> str:
    """9 -> "9", 9.5 -> "9,5", 8.25 -> "8,25": at most ``decimals``, trailing zeros dropped."""
    digits = f"{round(value, decimals):.{decimals}f}"
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    if digits == "-0":
        digits = "0"
    return digits.replace(".", text("format.decimal_mark"))


def hours(value: float, blank_zero: bool = False) -> str:
    """Hours in a table: "7,50" / "7.50" (two decimals)."""
    return number(value, 2, blank_zero=blank_zero)


def hours_unit(value: float) -> str:
    """Hours in a sentence: "9,5 t" / "9.5 h"."""
    return t("format.hours", hours=short_number(value))


def money(value: float, decimals: int = 2) -> str:
    """"kr 1 234,50" / "NOK 1,234.50"."""
    return t("format.money", amount=number(value, decimals, grouped=True))


def joined(items: list[str]) -> str:
    """"a, b og c" / "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return t("format.list_and", items=", ".join(items[:-1]), last=items[-1])
