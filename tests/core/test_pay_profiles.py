"""Pay-code profiles: KS stacking and eves, Virke passive time, overtime, totals."""

import pytest

from bpa_desktop.core.model import ShiftKind
from bpa_desktop.core.pay import (
    ProfileError, line_hours, list_profiles, load_profile, pay_lines, profile_from_dict, shift_codes,
)


def test_shipped_profiles():
    assert {"ks", "virke-bpa"} <= set(list_profiles())
    with pytest.raises(ProfileError):
        load_profile("finnes-ikke")


def test_ks_weekend_and_evening_stack_but_weekend_and_holiday_do_not(ks, shift):
    # Easter Sunday 2026 14:00-23:00: holiday all 9 h, no weekend line, evening/night 6 h.
    lines = line_hours(shift("a1", "2026-04-05T14:00", "2026-04-05T23:00"), ks)
    assert lines == {"ordinary": 9.0, "evening-night": 6.0, "holiday": 9.0}
    saturday = line_hours(shift("a1", "2026-03-07T14:00", "2026-03-07T23:00"), ks)
    assert saturday == {"ordinary": 9.0, "evening-night": 6.0, "weekend": 9.0}


def test_ks_easter_saturday_is_holiday_all_day(ks, shift):
    assert line_hours(shift("a1", "2026-04-04T08:00", "2026-04-04T16:00"), ks)["holiday"] == 8.0


def test_ks_eves_are_holiday_from_noon(ks, shift):
    for day in ("2026-12-24", "2026-12-31", "2026-05-23", "2026-04-01"):
        lines = line_hours(shift("a1", f"{day}T08:00", f"{day}T16:00"), ks)
        assert lines["holiday"] == 4.0, day
    ordinary = line_hours(shift("a1", "2026-12-23T08:00", "2026-12-23T16:00"), ks)
    assert "holiday" not in ordinary


def test_ks_overtime_split_50_and_100(ks, shift):
    overtime = shift("a1", "2026-03-04T15:00", "2026-03-04T23:00", kind=ShiftKind.OVERTIME)
    lines = line_hours(overtime, ks)
    assert lines["overtime-50"] == 6.0 and lines["overtime-100"] == 2.0
    assert "ordinary" not in lines
    assert "overtime-50" not in line_hours(shift("a1", "2026-03-04T15:00", "2026-03-04T23:00"), ks)


def test_virke_passive_at_one_third(virke, shift):
    night = shift("a1", "2026-03-03T22:00", "2026-03-04T08:00", passive=[("2026-03-04T00:00", "2026-03-04T06:00")])
    lines = line_hours(night, virke)
    assert lines["ordinary"] == pytest.approx(4 + 6 / 3)
    assert lines["passive"] == 6.0
    assert lines["night"] == pytest.approx(2 + 6 / 3)  # 22-24 active, 00-06 passive


def test_virke_each_switch_into_active_work_adds_30_minutes(virke, shift):
    night = shift("a1", "2026-03-03T22:00", "2026-03-04T08:00",
                  passive=[("2026-03-04T00:00", "2026-03-04T02:00"), ("2026-03-04T03:00", "2026-03-04T06:00")])
    # Active inside the passive period 1 h of 6 h (< 1/3): 5 h at 1/3, 5 h active, one switch.
    assert line_hours(night, virke)["ordinary"] == pytest.approx(5 + 5 / 3 + 0.5)


def test_virke_active_third_of_passive_period_pays_all_active(virke, shift):
    night = shift("a1", "2026-03-03T22:00", "2026-03-04T08:00",
                  passive=[("2026-03-04T00:00", "2026-03-04T02:00"), ("2026-03-04T04:00", "2026-03-04T06:00")])
    assert line_hours(night, virke)["ordinary"] == pytest.approx(10.0)


def test_codes_are_the_editable_pay_codes(ks, shift):
    codes = shift_codes(shift("a1", "2026-03-07T14:00", "2026-03-07T23:00"), ks)
    by_id = {line.id: line.pay_code for line in ks.lines}
    assert codes == {by_id["ordinary"]: 9.0, by_id["evening-night"]: 6.0, by_id["weekend"]: 9.0}


def test_pay_lines_total_per_assistant_with_rates(ks, shift):
    shifts = [shift("a1", "2026-03-04T08:00", "2026-03-04T16:00"),
              shift("a1", "2026-03-05T08:00", "2026-03-05T16:00"),
              shift("a2", "2026-03-07T08:00", "2026-03-07T12:00")]
    lines = pay_lines(shifts, ks, rates={"ordinary": 250.0})
    assert [(l.assistant, l.kind, l.hours, l.rate) for l in lines] == [
        ("a1", "ordinary", 16.0, 250.0),
        ("a2", "ordinary", 4.0, 250.0),
        ("a2", "weekend", 4.0, None),
    ]


def test_nominal_clock_hours_option(ks, shift):
    night = shift("a1", "2026-03-28T22:00", "2026-03-29T08:00")
    assert line_hours(night, ks)["ordinary"] == 9.0
    assert line_hours(night, ks, nominal=True)["ordinary"] == 10.0


def test_profile_with_unknown_window_is_rejected():
    with pytest.raises(ProfileError):
        profile_from_dict({"format": "bpa-pay-profile/1", "name": "x",
                           "lines": [{"id": "a", "pay_code": "1", "description": "A", "window": "nope"}]})
