"""Overtime found in pay from the worked record: the profile's 50 % / 100 % windows, the
marked shift never paid twice, averaging presets, earlier shifts as context, DST, passive time."""

from datetime import timedelta

import pytest

from bpa_desktop.core.model import Agreement, ShiftKind
from bpa_desktop.core.normal_time import Why
from bpa_desktop.core.overtime_text import reason_text
from bpa_desktop.core.pay import ProfileError, pay_lines, profile_from_dict, record_line_hours
from bpa_desktop.i18n import get_language, set_language
from tests.core.plan_helpers import MONDAY, day_shift, saturdays, weeks_plan


def totals(shifts, profile, **options):
    return {line.kind: round(line.hours, 6) for line in pay_lines(shifts, profile, **options)}


def test_two_hours_past_a_9_hour_day_are_overtime(ks, shift):
    [paid] = record_line_hours([shift("a1", "2026-03-04T08:00", "2026-03-04T19:00")], ks)
    assert paid.lines == {"ordinary": 9.0, "evening-night": 2.0, "overtime-50": 2.0}
    [piece] = paid.overtime
    assert piece.reason.why is Why.DAY and reason_text(piece.reason) == "over 9 t denne dagen"


def test_at_9_hours_there_is_no_overtime(ks, shift):
    assert totals([shift("a1", "2026-03-04T08:00", "2026-03-04T17:00")], ks) == {"ordinary": 9.0}


def test_overtime_after_21_is_paid_at_100_percent(ks, shift):
    lines = totals([shift("a1", "2026-03-04T12:00", "2026-03-04T23:00")], ks)
    assert lines["ordinary"] == 9.0 and lines["overtime-100"] == 2.0 and "overtime-50" not in lines


def test_an_extra_shift_past_40_hours_in_the_week(ks):
    plan = weeks_plan([40]) + saturdays([4])  # Saturday is a 100 % window under KS
    paid = record_line_hours(plan, ks)
    assert totals(plan, ks)["overtime-100"] == 4.0 and totals(plan, ks)["ordinary"] == 40.0
    [piece] = paid[-1].overtime
    assert reason_text(piece.reason) == "over 40 t i uke 2"
    assert totals(weeks_plan([40]), ks) == {"ordinary": 40.0}


def test_a_marked_shift_is_overtime_once(ks):
    marked = day_shift(MONDAY + timedelta(days=5), 4, start="10:00", kind=ShiftKind.OVERTIME)
    assert totals(weeks_plan([40]) + [marked], ks) == {"ordinary": 40.0, "weekend": 4.0, "overtime-100": 4.0}
    # The marked hours are overtime already: they do not push the others past 40 h.
    early = day_shift(MONDAY, 4, start="06:00", kind=ShiftKind.OVERTIME)
    rest = [day_shift(MONDAY + timedelta(days=d), 9, start="08:00") for d in range(1, 5)]
    lines = totals([early, *rest, *saturdays([4])], ks)
    assert lines["ordinary"] == 40.0 and lines["overtime-50"] + lines.get("overtime-100", 0) == 4.0
    # A long marked shift has no separate day overtime.
    long_marked = day_shift(MONDAY, 11, start="08:00", kind=ShiftKind.OVERTIME)
    assert totals([long_marked], ks) == {"evening-night": 2.0, "overtime-50": 11.0}


def test_under_averaging_a_long_week_is_normal_until_the_window_is_full(ks):
    plan = weeks_plan([48] * 4 + [32] * 4)  # 320 h in 8 weeks
    assert totals(plan, ks, agreement=Agreement.INDIVIDUAL) == {"ordinary": 320.0}
    extra = saturdays([0] * 7 + [3])
    paid = record_line_hours(plan + extra, ks, agreement="individual")
    assert paid[-1].lines == {"weekend": 3.0, "overtime-100": 3.0}
    [piece] = paid[-1].overtime
    assert reason_text(piece.reason) == "snittet over 8 uker (uke 2–9) er over 40 t per uke"
    # The same week under the Act has day and week overtime.
    assert totals(weeks_plan([48]), ks)["overtime-50"] == pytest.approx(8)


def test_earlier_shifts_of_the_week_use_up_normal_time_but_are_not_paid(ks):
    plan = weeks_plan([40]) + saturdays([4])
    before, after = plan[:3], plan[3:]  # a pay period that starts on Thursday
    lines = totals(after, ks, context=before)
    assert lines["ordinary"] == 16.0 and lines["overtime-100"] == 4.0


def test_the_autumn_night_is_11_hours_and_has_2_hours_overtime(ks, shift):
    night = shift("a1", "2026-10-24T22:00", "2026-10-25T08:00")
    [paid] = record_line_hours([night], ks)
    # Saturday 22:00 to Sunday 08:00: the last 2 h are overtime, on a Sunday: 100 %.
    assert paid.lines["ordinary"] == 9.0 and paid.lines["overtime-100"] == 2.0
    spring = shift("a1", "2026-03-28T22:00", "2026-03-29T08:00")  # 9 h
    assert "overtime-50" not in record_line_hours([spring], ks)[0].lines
    # Paid on nominal clock hours the autumn night is 10 h; the overtime is still its last 2 h.
    [nominal] = record_line_hours([night], ks, nominal=True)
    assert nominal.lines["ordinary"] == 8.0 and nominal.lines["overtime-100"] == 2.0


def test_overtime_in_passive_time_is_paid_at_the_passive_factor(virke, shift):
    night = shift("a1", "2026-03-03T20:00", "2026-03-04T08:00", passive=[("2026-03-04T00:00", "2026-03-04T08:00")])
    [paid] = record_line_hours([night], virke)  # 12 h: the last 3 h (05-08) are overtime, passive
    assert paid.lines["overtime-100"] == pytest.approx(1 / 3)  # 05-06 at 1/3
    assert paid.lines["overtime-50"] == pytest.approx(2 / 3)  # 06-08 at 1/3
    assert paid.lines["ordinary"] == pytest.approx(4 + 5 / 3)


def test_reasons_in_english(ks, shift):
    [paid] = record_line_hours([shift("a1", "2026-03-04T08:00", "2026-03-04T19:00")], ks)
    before = get_language()
    set_language("en")
    try:
        assert reason_text(paid.overtime[0].reason) == "over 9 h this day"
    finally:
        set_language(before)


def test_a_profile_line_can_count_only_inside_windows():
    with pytest.raises(ProfileError, match="ukjent vindu"):
        profile_from_dict({"format": "bpa-pay-profile/1", "name": "x", "lines": [
            {"id": "a", "pay_code": "1", "description": "A", "window": "overtime", "within": ["nope"]}]})


def test_an_old_profile_that_pays_marked_shifts_by_kind_still_does(shift):
    old = profile_from_dict({"format": "bpa-pay-profile/1", "name": "old", "lines": [
        {"id": "ordinary", "pay_code": "1", "description": "T", "window": "total", "exclude_kinds": ["overtime"]},
        {"id": "overtime", "pay_code": "2", "description": "O", "window": "total", "kinds": ["overtime"]}]})
    marked = shift("a1", "2026-03-04T08:00", "2026-03-04T12:00", kind=ShiftKind.OVERTIME)
    assert totals([marked], old) == {"overtime": 4.0}
