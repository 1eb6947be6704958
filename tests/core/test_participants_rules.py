"""core.participants: PIN rules, proposals as elapsed time (across midnight and DST), what an
assistant's month holds, and when attesting needs the leader's reason."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.core import participants as rules
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, Shift
from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow

# Instants over two years, so both DST changes (spring's 23-hour day, autumn's 25) come by.
instants = st.integers(min_value=0, max_value=2 * 365 * 24 * 60).map(
    lambda m: datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=m))
lengths = st.integers(min_value=1, max_value=16 * 60)
changes = st.integers(min_value=1, max_value=rules.MAX_CHANGE_MINUTES)


@given(instants, lengths, changes)
def test_stayed_longer_adds_exactly_that_many_elapsed_minutes(start_utc, length, minutes):
    start = start_utc.astimezone(OSLO)
    end = (start_utc + timedelta(minutes=length)).astimezone(OSLO)
    new_start, new_end = rules.proposed_times(start, end, "stayed_longer", minutes)
    assert new_start == start and new_start.tzinfo is OSLO and new_end.tzinfo is OSLO
    assert rules.elapsed_minutes(new_start, new_end) == length + minutes


@given(instants, lengths, changes, st.sampled_from(["late_start", "left_early"]))
def test_late_start_and_left_early_take_elapsed_minutes_or_refuse(start_utc, length, minutes, change):
    start = start_utc.astimezone(OSLO)
    end = (start_utc + timedelta(minutes=length)).astimezone(OSLO)
    if minutes >= length:
        with pytest.raises(rules.ProposalError):
            rules.proposed_times(start, end, change, minutes)
        return
    new_start, new_end = rules.proposed_times(start, end, change, minutes)
    assert rules.elapsed_minutes(new_start, new_end) == length - minutes
    assert (new_end == end) if change == "late_start" else (new_start == start)


def test_stayed_longer_over_the_autumn_change_ends_at_the_wall_clock_an_hour_on():
    start = datetime(2026, 10, 24, 22, 0, tzinfo=OSLO)
    end = datetime(2026, 10, 25, 8, 0, tzinfo=OSLO)  # 11 hours: the clock went back at 03:00
    assert rules.elapsed_minutes(start, end) == 11 * 60
    _, new_end = rules.proposed_times(start, end, "stayed_longer", 60)
    assert (new_end.hour, new_end.minute) == (9, 0) and rules.elapsed_minutes(start, new_end) == 12 * 60
    spring_start = datetime(2026, 3, 28, 22, 0, tzinfo=OSLO)
    _, spring_end = rules.proposed_times(spring_start, datetime(2026, 3, 29, 1, 30, tzinfo=OSLO), "stayed_longer", 60)
    assert (spring_end.hour, spring_end.minute) == (3, 30)  # 02:00–03:00 does not exist that night


@pytest.mark.parametrize("pin, ok", [("1234", True), ("12345678", True), ("0000", True), ("123", False),
                                     ("123456789", False), ("12 4", False), ("١٢٣٤", False), ("abcd", False)])
def test_pin_format(pin, ok):
    assert (rules.pin_problem(pin) is None) is ok


def test_pin_hash_is_scrypt_with_the_salt():
    salt = b"s" * rules.SALT_BYTES
    stored = rules.hash_pin("2468", salt)
    assert rules.pin_matches("2468", salt, stored) and not rules.pin_matches("2469", salt, stored)
    assert stored != rules.hash_pin("2468", b"t" * rules.SALT_BYTES) and len(stored) == 64
    assert [rules.tries_left(n) for n in range(7)] == [5, 4, 3, 2, 1, 0, 0]


def test_display_name_is_the_short_name_or_the_first_word():
    assert rules.display_name("Kari Nordmann") == "Kari"
    assert rules.display_name("Kari Nordmann", "  KN ") == "KN"
    assert rules.display_name("   ") == "?"


@pytest.mark.parametrize("kwargs, key", [
    (dict(change="stayed_longer", minutes=0, has_shift=True), "participants.proposal_minutes"),
    (dict(change="stayed_longer", minutes=1501, has_shift=True), "participants.proposal_minutes"),
    (dict(change="sick", minutes=0, has_shift=False), "participants.proposal_shape"),
    (dict(change="extra_shift", minutes=0, has_shift=False), "participants.proposal_shape"),
    (dict(change="nap", minutes=0, has_shift=True), "participants.proposal_change"),
    (dict(change="as_planned", minutes=0, has_shift=True), None),
])
def test_proposal_shapes(kwargs, key):
    assert rules.proposal_problem(starts_at=None, ends_at=None, **kwargs) == key


def _row(day, status, shift=None, planned=None, reason="privat"):
    return TimesheetDayRow(day, status, shift, planned, reason)


def test_month_entries_carry_no_reason_and_only_own_absence():
    day = date(2026, 9, 7)
    planned = Shift("1", datetime(2026, 9, 7, 8, tzinfo=OSLO), datetime(2026, 9, 7, 16, tzinfo=OSLO), id="p7", code="D")
    worked = Shift("1", planned.start, planned.end + timedelta(hours=1), id="w3", code="D")
    other = Shift("1", datetime(2026, 9, 8, 8, tzinfo=OSLO), datetime(2026, 9, 8, 16, tzinfo=OSLO), id="p8", code="D")
    entries = rules.month_entries(
        [_row(day, RowStatus.WORKED, worked, planned), _row(date(2026, 9, 8), RowStatus.ABSENT, None, other)],
        [Absence(1, 1, AbsenceKind.HOLIDAY, date(2026, 9, 8), date(2026, 9, 8), 100, "notat")])
    assert [(e.shift_ref, e.minutes, e.absence) for e in entries] == [("p7", 540, None), ("p8", 0, "ferie")]
    assert not any("privat" in repr(e) or "notat" in repr(e) for e in entries)


def test_only_a_never_confirmed_first_version_needs_a_reason():
    assert rules.needs_unconfirmed_reason(confirmed_through=None, confirmations=0, correction=False)
    assert not rules.needs_unconfirmed_reason(confirmed_through=date(2026, 5, 19), confirmations=0, correction=False)
    assert not rules.needs_unconfirmed_reason(confirmed_through=None, confirmations=1, correction=False)
    assert not rules.needs_unconfirmed_reason(confirmed_through=None, confirmations=0, correction=True)
