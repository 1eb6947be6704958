"""The calendar answers for every year it lets in (1900–2199), and refuses the rest."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import windows as win


def _gregorian_easter(year: int) -> date:
    """Meeus/Jones/Butcher, an oracle independent of the holidays package."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def test_every_year_in_range_has_its_holidays_and_eves():
    for year in range(cal.FIRST_YEAR, cal.LAST_YEAR + 1):
        easter = _gregorian_easter(year)
        assert cal.easter_sunday(year) == easter, year
        assert cal.whit_sunday(year) == easter + timedelta(days=49)
        assert cal.is_named_holiday(easter - timedelta(days=2))  # Good Friday
        assert cal.is_named_holiday(date(year, 12, 25)) and cal.is_named_holiday(date(year, 1, 1))
        assert cal.eve_name(easter - timedelta(days=1)) == cal.EASTER_SATURDAY
        assert cal.is_noon_eve(date(year, 12, 31))
        # 1 and 17 May are holidays by the 1947 act.
        assert ("Grunnlovsdag" in (cal.holiday_name(date(year, 5, 17)) or "")) == (year >= 1947)


def test_years_outside_the_range_are_refused_in_words():
    for year in (cal.FIRST_YEAR - 2, cal.LAST_YEAR + 2, 1, 9999):
        with pytest.raises(cal.OutOfRangeError, match=f"året {year} er utenfor 1900–2199"):
            cal.holiday_name(date(year, 6, 1))
    with pytest.raises(cal.OutOfRangeError):
        cal.parse_wall_time("9999-12-31T23:00+14:00")
    # One year of margin each way: a time converted across zones may cross New Year.
    assert cal.holiday_name(date(1899, 12, 25)) and cal.holiday_name(date(2200, 1, 1))


def test_oslo_clock_changes_are_weeks_apart_in_the_whole_range():
    """``core.pay._shape`` relies on this: days whose midnights are n x 24 h apart hold no
    clock change, as long as changes are more than the 9 days a shift's windows touch."""
    changes, previous = [], None
    day = date(cal.FIRST_YEAR - 1, 1, 1)
    while day.year <= cal.LAST_YEAR + 1:
        offset = cal.day_start(day).utcoffset()
        if offset != previous:
            changes.append(day)
            previous = offset
        day += timedelta(days=1)
    gaps = [(b - a).days for a, b in zip(changes[1:], changes[2:])]
    assert len(changes) > 400 and min(gaps) > 10


def test_day_signature_decides_every_day_selector():
    """Days with one signature match the same selectors (``windows.day_signature``)."""
    by_signature: dict = {}
    day = date(1995, 1, 1)
    while day.year < 2035:
        matches = tuple(name for name, select in win.DAY_SELECTORS.items() if select(day))
        assert by_signature.setdefault(win.day_signature(day), matches) == matches, day
        day += timedelta(days=1)
    assert len(by_signature) > 7  # holidays and eves make their own signatures


def test_parse_wall_time_still_finds_the_gap_and_the_repeat():
    with pytest.raises(cal.NonexistentTimeError):
        cal.parse_wall_time("2026-03-29T02:30")
    first = cal.parse_wall_time("2026-10-25T02:30")
    assert first.utcoffset() == timedelta(hours=2)
    assert cal.parse_wall_time("2026-10-25T02:30+01:00").astimezone(timezone.utc) == datetime(
        2026, 10, 25, 1, 30, tzinfo=timezone.utc
    )
