"""Paying each shape once (core.pay._shape) gives exactly what paying every shift gives."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import pay
from bpa_desktop.core.model import Agreement, Interval, Shift, ShiftKind

# Start days around clock changes, Easter, Whitsun, Christmas and New Year, and ordinary ones.
DAYS = [date(2026, 3, 27), date(2026, 3, 28), date(2026, 3, 29), date(2026, 4, 1), date(2026, 4, 4),
        date(2026, 5, 16), date(2026, 5, 23), date(2026, 10, 24), date(2026, 10, 25), date(2026, 12, 23),
        date(2026, 12, 24), date(2026, 12, 31), date(2027, 1, 4), date(2027, 6, 9)]


@st.composite
def shifts(draw):
    day = draw(st.sampled_from(DAYS)) + timedelta(weeks=draw(st.integers(0, 3)))
    minute = draw(st.integers(0, 24 * 60 - 1))
    start = cal.local_instant(day, f"{minute // 60:02d}:{minute % 60:02d}", strict=False)
    length = draw(st.integers(30, 36 * 60))  # minutes
    end = datetime.fromtimestamp(start.timestamp() + length * 60, cal.OSLO)
    passive = ()
    if draw(st.booleans()) and length > 120:
        a = draw(st.integers(1, length - 61))
        b = draw(st.integers(a + 30, length - 1))
        passive = (Interval(datetime.fromtimestamp(start.timestamp() + a * 60, cal.OSLO),
                            datetime.fromtimestamp(start.timestamp() + b * 60, cal.OSLO)),)
    kind = draw(st.sampled_from([ShiftKind.PLANNED, ShiftKind.OVERTIME, ShiftKind.EXTRA]))
    return Shift(draw(st.sampled_from(["a1", "a2"])), start, end, passive, kind=kind)


def _weekly_copies(shift: Shift, weeks: int) -> list[Shift]:
    """The same wall-clock shift in later weeks: the repeats a rota makes."""
    def moved(instant: datetime, days: int) -> datetime:
        local = instant.astimezone(cal.OSLO)
        wall = datetime(local.year, local.month, local.day, local.hour, local.minute) + timedelta(days=days)
        return cal.local_instant(wall.date(), f"{wall:%H:%M}", strict=False)
    return [
        Shift(shift.assistant, moved(shift.start, 7 * w), moved(shift.end, 7 * w),
              tuple(Interval(moved(p.start, 7 * w), moved(p.end, 7 * w)) for p in shift.passive),
              kind=shift.kind)
        for w in range(weeks)
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(shifts(), min_size=1, max_size=4), st.sampled_from(["ks", "virke-bpa"]),
       st.booleans(), st.sampled_from([Agreement.AML, Agreement.INDIVIDUAL]))
def test_shapes_paid_once_equal_every_shift_paid(originals, profile_name, nominal, agreement):
    profile = pay.load_profile(profile_name)
    record = sorted((s for shift in originals for s in _weekly_copies(shift, 6)), key=lambda s: s.start.timestamp())
    paid = pay.record_line_hours(record, profile, agreement=agreement, nominal=nominal, windows=True)
    for item in paid:
        overtime = [(p.start, p.end) for p in item.overtime]
        assert dict(item.lines) == pay.line_hours(item.shift, profile, nominal=nominal, overtime=overtime)
        assert dict(item.windows) == pay.window_hours(item.shift, nominal=nominal)


def test_a_weekly_shift_is_paid_once_and_the_clock_change_week_on_its_own():
    first = Shift("a1", cal.local_instant(date(2026, 3, 7), "22:00"), cal.local_instant(date(2026, 3, 8), "06:00"))
    record = _weekly_copies(first, 4)  # the last one is the night the clocks go forward
    paid = pay.record_line_hours(record, pay.load_profile("ks"), windows=True)
    assert [round(p.windows["total"], 4) for p in paid] == [8.0, 8.0, 8.0, 7.0]
    assert paid[0].lines is paid[1].lines is paid[2].lines and paid[3].lines is not paid[0].lines
