"""Pay periods tile the calendar (calendar month or the employer's own start day), a shift
belongs to the period of the day it starts, and the canonical content hash is stable."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, PayLine, Shift
from bpa_desktop.core.pay_period import PayPeriod, parse_period, pay_period, period_for_month, periods_between
from bpa_desktop.core.timesheet import RowStatus, build_rows, settled_rows
from bpa_desktop.core.timesheet_content import canonical_json, content_document, content_hash, parse_content

start_days = st.integers(min_value=1, max_value=28)
days = st.dates(min_value=date(1999, 1, 1), max_value=date(2101, 12, 31))


@settings(max_examples=200)
@given(day=days, start_day=start_days)
def test_the_period_of_a_day_holds_it_and_starts_on_the_start_day(day, start_day):
    period = pay_period(day, start_day)
    assert period.contains(day)
    assert period.start.day == start_day
    assert (period.end + timedelta(days=1)).day == start_day
    assert 28 <= period.days <= 31
    assert pay_period(period.start, start_day) == period == pay_period(period.end, start_day)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(min_value=2000, max_value=2100), start_day=start_days)
def test_periods_tile_a_year_without_gaps_or_overlaps(year, start_day):
    periods = periods_between(date(year, 1, 1), date(year, 12, 31), start_day)
    assert periods[0].contains(date(year, 1, 1)) and periods[-1].contains(date(year, 12, 31))
    for earlier, later in zip(periods, periods[1:]):
        assert later.start == earlier.end + timedelta(days=1)
    # twelve periods are named after the twelve months, in order
    named = [period_for_month(year, month, start_day) for month in range(1, 13)]
    assert [p.month for p in named] == [(year, m) for m in range(1, 13)]
    assert all(p in periods or p.start > date(year, 12, 31) for p in named)


def test_calendar_month_and_leap_february():
    assert pay_period(date(2028, 2, 29)) == PayPeriod(date(2028, 2, 1), date(2028, 2, 29))
    assert pay_period(date(2028, 3, 20), 21) == PayPeriod(date(2028, 2, 21), date(2028, 3, 20))
    assert pay_period(date(2026, 12, 25), 21) == PayPeriod(date(2026, 12, 21), date(2027, 1, 20))
    assert parse_period("2026-03").label() == "mars 2026"
    assert parse_period("2026-03", 21).label() == "mars 2026 (21.02.2026–20.03.2026)"
    assert parse_period("2026-03", 21).label("en") == "March 2026 (2026-02-21–2026-03-20)"  # ISO dates in English
    assert parse_period("2026-03-25", 21) == PayPeriod(date(2026, 3, 21), date(2026, 4, 20))
    for bad in ("2026-13", "mars", "2026-3-1x"):
        with pytest.raises(ValueError, match="ikke en periode"):
            parse_period(bad)
    with pytest.raises(ValueError):
        pay_period(date(2026, 1, 1), 29)


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), start_day=start_days,
       hour=st.integers(min_value=18, max_value=23))
def test_a_shift_belongs_to_the_period_of_the_day_it_starts(day, start_day, hour):
    start = datetime(day.year, day.month, day.day, hour, tzinfo=OSLO)
    shift = Shift("1", start, start + timedelta(hours=10), id="p1")
    period = pay_period(day, start_day)
    following = pay_period(period.end + timedelta(days=1), start_day)
    assert [r.day for r in build_rows(period, [shift], [], [], [])] == [day]
    assert build_rows(following, [shift], [], [], []) == []  # even when it ends in there


def _sample(reverse: bool = False):
    period = PayPeriod(date(2026, 10, 1), date(2026, 10, 31))
    start = datetime(2026, 10, 24, 22, tzinfo=OSLO)
    shifts = [
        Shift("7", start, datetime(2026, 10, 25, 8, tzinfo=OSLO), id="p1"),  # 11 h: DST ends
        Shift("7", datetime(2026, 10, 5, 8, tzinfo=OSLO), datetime(2026, 10, 5, 16, tzinfo=OSLO), id="p2"),
    ]
    absences = [
        Absence(3, 7, AbsenceKind.HOLIDAY, date(2026, 10, 12), date(2026, 10, 13)),
        Absence(4, 7, AbsenceKind.SICK_NOTE, date(2026, 10, 19), date(2026, 10, 20), 50, "gradert"),
    ]
    lines = [PayLine("7", "1000", "ordinary", "Timelønn", 19.0, 245.0)]
    if reverse:
        shifts, absences = shifts[::-1], absences[::-1]
    rows = settled_rows(build_rows(period, shifts, [], [], absences))
    return period, rows, absences, lines


def test_canonical_content_is_order_free_and_round_trips():
    period, rows, absences, lines = _sample()
    text = canonical_json(content_document(7, period, rows, absences, lines, profile_name="ks"))
    _, rows_r, absences_r, _ = _sample(reverse=True)
    again = canonical_json(content_document(7, period, rows_r, absences_r, lines, profile_name="ks"))
    assert text == again and content_hash(text) == content_hash(again)
    assert len(content_hash(text)) == 64
    stored = parse_content(text)
    assert [r.status for r in stored.rows] == [RowStatus.WORKED, RowStatus.WORKED]
    assert [r.hours for r in stored.rows] == pytest.approx([8, 11])
    assert stored.pay_lines == tuple(lines) and stored.period == period
    assert {(a.kind, a.percent) for a in stored.absences} == {(AbsenceKind.HOLIDAY, 100), (AbsenceKind.SICK_NOTE, 50)}
    changed = content_document(7, period, rows[:1], absences, lines, profile_name="ks")
    assert content_hash(canonical_json(changed)) != content_hash(text)
    with pytest.raises(ValueError):
        content_document(7, period, build_rows(period, [rows[0].shift], [], [], []), [], [], profile_name="ks")
