"""Europe/Oslo wall clock, elapsed time and Norwegian public holidays."""

from datetime import date, timedelta, timezone

import pytest

from bpa_desktop.core import calendar as cal


def test_spring_gap_is_an_input_error():
    with pytest.raises(cal.NonexistentTimeError):
        cal.local_instant(date(2026, 3, 29), "02:30")
    with pytest.raises(ValueError):  # NonexistentTimeError is a ValueError
        cal.parse_wall_time("2026-03-29T02:00")


def test_spring_gap_moves_forward_when_not_strict():
    moved = cal.local_instant(date(2026, 3, 29), "02:30", strict=False)
    assert (moved.hour, moved.minute, moved.utcoffset()) == (3, 30, timedelta(hours=2))


def test_autumn_repeat_means_first_occurrence_unless_offset_given():
    first = cal.parse_wall_time("2026-10-25T02:30")
    assert first.utcoffset() == timedelta(hours=2)
    second = cal.parse_wall_time("2026-10-25T02:30+01:00")
    assert second.utcoffset() == timedelta(hours=1)
    assert cal.elapsed_hours(first, second) == 1.0


def test_domain_nights_are_9_and_11_elapsed_hours():
    spring = cal.elapsed_hours(cal.parse_wall_time("2026-03-28T22:00"), cal.parse_wall_time("2026-03-29T08:00"))
    autumn = cal.elapsed_hours(cal.parse_wall_time("2026-10-24T22:00"), cal.parse_wall_time("2026-10-25T08:00"))
    assert (spring, autumn) == (9.0, 11.0)


def test_offset_times_are_converted_to_oslo():
    instant = cal.parse_wall_time("2026-06-01T10:00Z")
    assert instant.tzinfo == cal.OSLO and instant.hour == 12
    assert instant.astimezone(timezone.utc).hour == 10


def test_not_a_time():
    with pytest.raises(ValueError):
        cal.parse_wall_time("i morgen")


def test_holidays_2026():
    assert cal.holiday_name(date(2026, 4, 2)) == "Skjærtorsdag"
    assert cal.is_named_holiday(date(2026, 5, 14))  # Ascension Day = Easter + 39
    assert cal.is_named_holiday(date(2026, 5, 1)) and cal.is_named_holiday(date(2026, 5, 17))
    assert not cal.is_named_holiday(date(2026, 12, 24))
    assert cal.easter_sunday(2026) == date(2026, 4, 5)


def test_sundays_are_public_holidays_without_a_name():
    sunday = date(2026, 3, 8)
    assert cal.is_public_holiday(sunday) and not cal.is_named_holiday(sunday)
    assert cal.holiday_name(sunday) is None
    assert not cal.is_public_holiday(date(2026, 3, 7))


def test_whit_monday_is_17_may_in_2027_once():
    day = date(2027, 5, 17)
    assert cal.is_named_holiday(day)
    assert "Andre pinsedag" in cal.holiday_name(day) and "Grunnlovsdag" in cal.holiday_name(day)


def test_eves():
    assert cal.eve_name(date(2026, 4, 4)) == cal.EASTER_SATURDAY
    assert cal.eve_name(date(2026, 5, 23)) == cal.WHITSUN_EVE
    assert cal.eve_name(date(2026, 4, 1)) == cal.WEDNESDAY_BEFORE_MAUNDY_THURSDAY
    assert cal.is_christmas_easter_or_whitsun_eve(date(2026, 12, 24))
    assert not cal.is_christmas_easter_or_whitsun_eve(date(2026, 12, 31))
    assert cal.is_noon_eve(date(2026, 12, 31)) and not cal.is_noon_eve(date(2026, 4, 4))
    assert cal.eve_name(date(2026, 4, 3)) is None
