"""Time and calendar for the engine: Europe/Oslo wall clock, elapsed time, public holidays.

Rules of thumb the rest of the engine relies on:

* Instants are aware datetimes. Lengths are *elapsed* time, so never subtract two aware
  datetimes directly: Python subtracts wall-clock values when both carry the same tzinfo.
  Use :func:`elapsed_hours` (or POSIX timestamps).
* A wall-clock time in the spring-forward gap does not exist: :func:`local_instant` raises
  :class:`NonexistentTimeError`. A time in the autumn repeat means the first occurrence
  (summer time) unless an offset is given.
* Public holidays come from the ``holidays`` package (Norwegian names). Sundays are public
  holidays in Norway (``is_public_holiday``), but ``holiday_name`` only names the named days.
* The named eves (Christmas Eve, New Year's Eve, Easter Saturday, Whitsun Eve) are ordinary
  days in law; tariffs and the Sunday-work window use them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from bpa_desktop.i18n import t

OSLO = ZoneInfo("Europe/Oslo")

_HHMM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


#: The years the calendar answers for (holidays, eves) and input may name. Every input
#: boundary refuses a date outside them; the calendar itself answers one year further each
#: way, because a time converted between zones can cross New Year.
FIRST_YEAR = 1900
LAST_YEAR = 2199


class NonexistentTimeError(ValueError):
    """A wall-clock time that the clock skips (the spring-forward gap)."""


class OutOfRangeError(ValueError):
    """A date outside the years the calendar supports (FIRST_YEAR..LAST_YEAR)."""


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRangeError(t("core.calendar.year_outside", year=year, first=FIRST_YEAR, last=LAST_YEAR))


def parse_hhmm(hhmm: str) -> tuple[int, int]:
    """``"08:30"`` -> ``(8, 30)``; ``"24:00"`` is allowed and means the end of the day."""
    match = _HHMM.match(hhmm)
    if not match or (match.group(1) == "24" and match.group(2) != "00"):
        raise ValueError(t("core.calendar.bad_clock", text=hhmm))
    return int(match.group(1)), int(match.group(2))


def exists(wall: datetime) -> bool:
    """True when an aware wall-clock datetime is a real instant in its zone (not in a gap).

    zoneinfo gives a gap time the offset from before the change with fold=0 and the one from
    after with fold=1; in a gap the clock jumps forward, so the first offset is the smaller.
    """
    return wall.replace(fold=0).utcoffset() >= wall.replace(fold=1).utcoffset()


def local_instant(day: date, hhmm: str, tz: ZoneInfo = OSLO, *, strict: bool = True) -> datetime:
    """The instant at wall-clock ``hhmm`` on ``day`` in ``tz`` (first occurrence if repeated).

    With ``strict`` (the default) a time in the spring gap raises NonexistentTimeError; with
    ``strict=False`` it moves forward by the length of the gap (02:30 -> 03:30), which is what a
    rolled-out rota does on the night the clocks change.
    """
    hour, minute = parse_hhmm(hhmm)
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    wall = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz, fold=0)
    if exists(wall):
        return wall
    if strict:
        raise NonexistentTimeError(t("core.calendar.time_gap", day=day.isoformat(), time=hhmm, zone=tz.key))
    # fold=0 in a gap uses the offset from before the change; normalising moves it forward.
    return wall.astimezone(timezone.utc).astimezone(tz)


def parse_wall_time(text: str, tz: ZoneInfo = OSLO) -> datetime:
    """``"2026-03-28T22:00"`` (wall clock in ``tz``) or with an offset -> aware datetime in ``tz``.

    Raises ValueError for text that is not an ISO date-time, OutOfRangeError for a year
    outside FIRST_YEAR..LAST_YEAR and NonexistentTimeError for a wall-clock time in the
    spring gap.
    """
    try:
        parsed = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(t("core.calendar.bad_time", text=text)) from None
    check_year(parsed.year)
    if parsed.tzinfo is not None:
        return parsed.astimezone(tz)
    # The constructor, not replace(): a shift file has 400,000 of these, and replace() is
    # three times slower. A gap time gets the earlier offset with fold=0 and the later one
    # with fold=1 (see ``exists``).
    fields = (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second, parsed.microsecond)
    wall = datetime(*fields, tzinfo=tz)
    if wall.utcoffset() < datetime(*fields, tzinfo=tz, fold=1).utcoffset():
        raise NonexistentTimeError(t("core.calendar.moment_gap", text=text, zone=tz.key))
    return wall


def elapsed_hours(start: datetime, end: datetime) -> float:
    """Elapsed hours between two aware instants (DST-correct)."""
    return (end.timestamp() - start.timestamp()) / 3600


def to_local(instant: datetime, tz: ZoneInfo = OSLO) -> datetime:
    return instant.astimezone(tz)


def day_start(day: date, tz: ZoneInfo = OSLO) -> datetime:
    """Local midnight at the start of ``day`` (never in a gap in Europe/Oslo)."""
    return datetime.combine(day, time(0), tzinfo=tz)


def iso_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- public holidays --------------------------------------------------------------------

# Norwegian names as the holidays package gives them (language "no").
EASTER_SUNDAY = "Første påskedag"
WHIT_SUNDAY = "Første pinsedag"

CHRISTMAS_EVE = "Julaften"
NEW_YEARS_EVE = "Nyttårsaften"
EASTER_SATURDAY = "Påskeaften"
WHITSUN_EVE = "Pinseaften"
WEDNESDAY_BEFORE_MAUNDY_THURSDAY = "Onsdag før skjærtorsdag"


@lru_cache(maxsize=1)
def _norway():
    """The holidays package's Norway, for every year we support.

    The package stops at 2100 by default (and gives an empty year after it: any shift in
    2101 had no Easter, and ``easter_sunday`` raised KeyError). Its Norwegian rules are
    computed (Easter by dateutil's algorithm, the 1947 act for 1 and 17 May), so they hold
    for any year; only the range is widened, one year past ours each way."""
    from holidays.countries.norway import (
        Norway as PackageNorway,  # slow to load: on first use
    )

    class Norway(PackageNorway):
        start_year = FIRST_YEAR - 1
        end_year = LAST_YEAR + 1

    return Norway


@lru_cache(maxsize=64)
def _named_holidays(year: int) -> dict[date, str]:
    if not FIRST_YEAR - 1 <= year <= LAST_YEAR + 1:
        raise OutOfRangeError(t("core.calendar.year_outside", year=year, first=FIRST_YEAR, last=LAST_YEAR))
    return dict(_norway()(years=year, language="no").items())


@lru_cache(maxsize=64)
def _holiday_dates(year: int) -> dict[str, date]:
    """Name -> date for one year (a day with two names appears under both)."""
    by_name: dict[str, date] = {}
    for day, names in _named_holidays(year).items():
        for name in names.split("; "):
            by_name[name] = day
    return by_name


def easter_sunday(year: int) -> date:
    return _holiday_dates(year)[EASTER_SUNDAY]


def whit_sunday(year: int) -> date:
    return _holiday_dates(year)[WHIT_SUNDAY]


def holiday_name(day: date, language: str = "nb") -> str | None:
    """The name of a named public holiday (not ordinary Sundays), else None: Norwegian, or
    English (the holidays package's own translation) for ``language="en"``."""
    if language == "en":
        return _english_holidays(day.year).get(day)
    return _named_holidays(day.year).get(day)


@lru_cache(maxsize=16)
def _english_holidays(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.Norway(years=year, language="en_US").items())


def is_named_holiday(day: date) -> bool:
    """A public holiday other than an ordinary Sunday (the pay window ``holiday``)."""
    return day in _named_holidays(day.year)


def is_public_holiday(day: date) -> bool:
    """Every Sunday and every named public holiday (søn- og helgedag)."""
    return day.weekday() == 6 or is_named_holiday(day)


@lru_cache(maxsize=64)
def _eves(year: int) -> dict[date, str]:
    easter = easter_sunday(year)
    return {
        easter - timedelta(days=4): WEDNESDAY_BEFORE_MAUNDY_THURSDAY,
        easter - timedelta(days=1): EASTER_SATURDAY,
        whit_sunday(year) - timedelta(days=1): WHITSUN_EVE,
        date(year, 12, 24): CHRISTMAS_EVE,
        date(year, 12, 31): NEW_YEARS_EVE,
    }


def eve_name(day: date) -> str | None:
    """Name of a tariff eve on ``day``: Christmas/New Year's/Easter/Whitsun Eve, or the
    Wednesday before Maundy Thursday (KS pays from 12:00 on it). None otherwise."""
    return _eves(day.year).get(day)


def is_christmas_easter_or_whitsun_eve(day: date) -> bool:
    """The three eves when the Sunday-work window starts at 15:00 (AML §10-10(1))."""
    return eve_name(day) in (CHRISTMAS_EVE, EASTER_SATURDAY, WHITSUN_EVE)


def is_easter_saturday(day: date) -> bool:
    return eve_name(day) == EASTER_SATURDAY


def is_noon_eve(day: date) -> bool:
    """Days whose afternoon (12:00-24:00) KS pays as holiday: the Wednesday before Maundy
    Thursday, Whitsun Eve, Christmas Eve and New Year's Eve."""
    return eve_name(day) in (
        WEDNESDAY_BEFORE_MAUNDY_THURSDAY,
        WHITSUN_EVE,
        CHRISTMAS_EVE,
        NEW_YEARS_EVE,
    )


def days(first: date, last: date):
    """Every date from ``first`` to ``last`` inclusive."""
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)
