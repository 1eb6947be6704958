"""Rota roll-out (DST-correct) and overrides of single occurrences."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import ShiftKind, ShiftTemplate
from bpa_desktop.core.rota import (
    Cancel, ChangeTimes, ExtraShift, OverrideError, RotaPattern, Substitute, Swap, apply_overrides, roll_out,
)

TEMPLATES = {
    "D": ShiftTemplate("D", "Dag", "08:00", "16:00"),
    "N": ShiftTemplate("N", "Natt", "22:00", "08:00", "00:00", "06:00"),
}


def test_roll_out_two_week_pattern_with_ids_and_anchor():
    pattern = RotaPattern(2, {("a1", 0, 0): "D", ("a2", 1, 0): "D"})
    shifts = roll_out(pattern, TEMPLATES, date(2026, 3, 2), date(2026, 3, 22))
    assert [s.id for s in shifts] == ["a1:2026-03-02:D", "a2:2026-03-09:D", "a1:2026-03-16:D"]
    anchored = roll_out(pattern, TEMPLATES, date(2026, 3, 2), date(2026, 3, 15), anchor=date(2026, 3, 9))
    assert [s.assistant for s in anchored] == ["a2", "a1"]


def test_night_over_the_spring_change_keeps_wall_times_and_is_9_hours():
    [night] = roll_out(RotaPattern(1, {("a1", 0, 5): "N"}), TEMPLATES, date(2026, 3, 28), date(2026, 3, 28))
    assert night.hours == 9.0 and night.passive[0].hours == 5.0
    assert night.end.astimezone(OSLO).hour == 8 and night.code == "N"


def test_unknown_template_code():
    with pytest.raises(KeyError):
        roll_out(RotaPattern(1, {("a1", 0, 0): "X"}), TEMPLATES, date(2026, 3, 2), date(2026, 3, 8))


def test_cell_outside_pattern():
    with pytest.raises(ValueError):
        RotaPattern(1, {("a1", 1, 0): "D"})


@settings(max_examples=30, deadline=None)
@given(
    first=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 1)),
    shift_days=st.integers(0, 40),
    start=st.sampled_from(["06:00", "07:30", "15:00", "21:00", "22:00", "23:30"]),
    end=st.sampled_from(["08:00", "14:00", "16:00", "23:00", "07:00"]),
)
def test_moving_a_rota_across_dst_keeps_wall_times(first, shift_days, start, end):
    templates = {"T": ShiftTemplate("T", "T", start, end)}
    pattern = RotaPattern(1, {("a1", 0, d): "T" for d in range(7)})
    moved = first + timedelta(days=shift_days)
    for shift in roll_out(pattern, templates, moved, moved + timedelta(days=13)):
        assert shift.start.astimezone(OSLO).strftime("%H:%M") == start
        assert shift.end.astimezone(OSLO).strftime("%H:%M") == end
        assert 0 < shift.hours <= 25


@pytest.fixture
def week():
    pattern = RotaPattern(1, {("a1", 0, 0): "D", ("a2", 0, 1): "N"})
    return roll_out(pattern, TEMPLATES, date(2026, 3, 2), date(2026, 3, 8))


def test_swap_substitute_cancel(week):
    first, second = (s.id for s in week)
    swapped = apply_overrides(week, [Swap(first_shift_id=first, second_shift_id=second, reason="bytte")])
    assert [(s.assistant, s.kind) for s in swapped] == [("a2", ShiftKind.SWAP), ("a1", ShiftKind.SWAP)]
    given_away = apply_overrides(week, [Substitute(shift_id=first, assistant="v1", reason="syk")])
    assert (given_away[0].assistant, given_away[0].kind) == ("v1", ShiftKind.SUBSTITUTE)
    assert [s.id for s in apply_overrides(week, [Cancel(shift_id=first, reason="innlagt")])] == [second]


def test_extra_shift_and_changed_times(week, shift):
    extra = shift("a3", "2026-03-04T10:00", "2026-03-04T14:00")
    result = apply_overrides(week, [ExtraShift(shift=extra, reason="tur")])
    added = [s for s in result if s.assistant == "a3"]
    assert added[0].kind == ShiftKind.EXTRA and added[0].id
    night = week[1]
    new_end = night.end - timedelta(hours=3)
    [changed] = [s for s in apply_overrides(week, [ChangeTimes(shift_id=night.id, start=night.start, end=new_end,
                                                               reason="kortere")]) if s.id == night.id]
    assert changed.hours == 7.0 and changed.passive[0].hours == 5.0  # passive 00-05 kept inside


def test_unknown_shift_in_override(week):
    with pytest.raises(OverrideError):
        apply_overrides(week, [Cancel(shift_id="nope", reason="")])
