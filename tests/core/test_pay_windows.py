"""Pay windows (contract) and their invariants."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.model import Interval, Shift
from bpa_desktop.core.pay import window_hours


def test_domain_spring_night(shift):
    night = shift("a1", "2026-03-28T22:00", "2026-03-29T08:00", passive=[("2026-03-29T00:00", "2026-03-29T06:00")])
    assert window_hours(night) == {
        "total": 9.0, "passive": 5.0, "evening": 0.0, "night": 7.0,
        "saturday": 2.0, "sunday": 7.0, "holiday": 0.0,
    }


def test_autumn_night_is_11_hours_and_nominal_is_10(shift):
    night = shift("a1", "2026-10-24T22:00", "2026-10-25T08:00")
    assert window_hours(night)["total"] == 11.0
    assert window_hours(night)["night"] == 9.0
    nominal = window_hours(night, nominal=True)
    assert nominal["total"] == 10.0 and nominal["night"] == 8.0


def test_evening_and_holidays(shift):
    # Good Friday 2026 (3 April) 15:00 - Easter Saturday 01:00.
    hours = window_hours(shift("a1", "2026-04-03T15:00", "2026-04-04T01:00"))
    assert hours["evening"] == 4.0 and hours["night"] == 4.0
    assert hours["holiday"] == 9.0 and hours["saturday"] == 1.0 and hours["sunday"] == 0.0


def test_easter_sunday_is_sunday_and_holiday_may_17_is_holiday(shift):
    easter = window_hours(shift("a1", "2026-04-05T08:00", "2026-04-05T16:00"))
    assert easter["sunday"] == 8.0 and easter["holiday"] == 8.0
    ordinary_sunday = window_hours(shift("a1", "2026-03-08T08:00", "2026-03-08T16:00"))
    assert ordinary_sunday["holiday"] == 0.0
    assert window_hours(shift("a1", "2028-05-17T08:00", "2028-05-17T16:00"))["holiday"] == 8.0


# --- properties -----------------------------------------------------------------------------

UTC = timezone.utc
instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


@st.composite
def shifts(draw):
    start = draw(instants)
    length = draw(st.integers(1, 72 * 60))
    end = start + timedelta(minutes=length)
    passive = ()
    if draw(st.booleans()) and length > 2:
        a = draw(st.integers(0, length - 2))
        b = draw(st.integers(a + 1, length))
        passive = (Interval(start + timedelta(minutes=a), start + timedelta(minutes=b)),)
    return Shift("a1", start, end, passive)


@settings(max_examples=60, deadline=None)
@given(shift=shifts())
def test_windows_never_exceed_the_shift_and_total_is_utc_difference(shift):
    hours = window_hours(shift)
    utc = (shift.end.astimezone(UTC) - shift.start.astimezone(UTC)).total_seconds() / 3600
    assert abs(hours["total"] - utc) < 1e-9
    assert all(0 <= value <= hours["total"] + 1e-9 for value in hours.values())
    assert hours["evening"] + hours["night"] <= hours["total"] + 1e-9  # disjoint windows
    assert hours["saturday"] + hours["sunday"] <= hours["total"] + 1e-9


@settings(max_examples=60, deadline=None)
@given(shift=shifts(), cut=st.floats(0.001, 0.999))
def test_splitting_a_shift_keeps_every_window_total(shift, cut):
    at = shift.start + (shift.end - shift.start) * cut
    halves = []
    for start, end in ((shift.start, at), (at, shift.end)):
        passive = tuple(
            Interval(max(p.start, start), min(p.end, end)) for p in shift.passive
            if max(p.start, start) < min(p.end, end)
        )
        halves.append(Shift("a1", start, end, passive))
    whole = window_hours(shift)
    first, second = (window_hours(h) for h in halves)
    for window, value in whole.items():
        assert abs(first[window] + second[window] - value) < 1e-6, window
