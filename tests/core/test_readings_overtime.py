"""docs/domain.md "Readings settled": averaging is not overtime, and normal time under aml.

Each reading fires and does not fire, at the limit and just past it, under each preset it
concerns. Plans start on Monday 5 January 2026 (ISO week 2), far from a clock change.
"""

from datetime import timedelta

import pytest

from bpa_desktop.core.model import Agreement, ShiftKind
from bpa_desktop.core.normal_time import Reason, Why, find_overtime
from bpa_desktop.core.rules import check, check_window
from bpa_desktop.i18n import get_language, set_language
from tests.core.plan_helpers import MONDAY, day_shift, saturdays, spread, weeks_plan

AVERAGING = {
    Agreement.INDIVIDUAL: 8,
    Agreement.TARIFF: 26,
    Agreement.HOME_EMPLOYER: 26,
    Agreement.RELIEF: 26,
}


def overtime(shifts, agreement, **options):
    return [f for f in check(shifts, agreement, rules=["overtime"], **options)]


def pieces(shifts, agreement):
    return [p for found in find_overtime(shifts, agreement) for p in found]


def severities(findings, period=None):
    return [f.severity for f in findings if period is None or period in f.message]


# --- averaging is not overtime ----------------------------------------------------------------


@pytest.mark.parametrize(("agreement", "weeks"), AVERAGING.items())
def test_long_weeks_that_average_40_hours_are_normal_time(agreement, weeks):
    half = weeks // 2
    plan = weeks_plan([48] * half + [32] * half)  # average exactly 40 h
    assert overtime(plan, agreement) == []
    assert pieces(plan, agreement) == []
    # Under the Act the same plan has 8 h overtime a week: 32 h in 4 weeks.
    assert "error" in severities(overtime(plan, Agreement.AML))


@pytest.mark.parametrize(("agreement", "weeks"), AVERAGING.items())
def test_an_hour_past_the_windows_average_is_overtime(agreement, weeks):
    half = weeks // 2
    plan = weeks_plan([48] * half + [32] * half)
    extra = day_shift(MONDAY + timedelta(weeks=weeks - 1, days=5), 1, start="10:00")
    [piece] = pieces(plan + [extra], agreement)
    assert piece.hours == pytest.approx(1)
    assert piece.end == extra.end.timestamp()  # the last hour worked in the window
    assert piece.reason == Reason(Why.AVERAGE, MONDAY, 40.0, weeks)
    # 1 h spread over the window is far below every limit.
    assert overtime(plan + [extra], agreement) == []


@pytest.mark.parametrize(
    ("agreement", "excess", "expected"),
    [
        (Agreement.INDIVIDUAL, 50, []),  # 50 h over 8 weeks: 25 h in any 4
        (Agreement.INDIVIDUAL, 51, ["error"]),
        (Agreement.HOME_EMPLOYER, 162.5, []),  # 162,5 h over 26 weeks: 25 h in any 4
        (Agreement.HOME_EMPLOYER, 163, ["error"]),
        (Agreement.RELIEF, 162.5, []),
        (Agreement.RELIEF, 163, ["error"]),
        (Agreement.TARIFF, 162.5, []),  # the Act's 25 h: a warning above it
        (Agreement.TARIFF, 163, ["warning"]),
        (Agreement.TARIFF, 325, ["warning"]),  # the tariff's 50 h
        (Agreement.TARIFF, 326, ["error"]),
    ],
)
def test_four_week_limit_on_the_averaged_overtime(agreement, excess, expected):
    weeks = AVERAGING[agreement]
    plan = weeks_plan([40] * weeks) + saturdays(spread(excess, weeks))
    found = overtime(plan, agreement)
    assert severities(found, "i 4 uker") == expected
    for finding in found:
        assert f"over snittet på 40 t per uke over {weeks} uker" in finding.message


@pytest.mark.parametrize(
    ("agreement", "marked_hours", "expected"),
    [
        (Agreement.AML, 10, []),
        (Agreement.AML, 10.5, ["error"]),
        (Agreement.INDIVIDUAL, 10, []),
        (Agreement.INDIVIDUAL, 10.5, ["error"]),
        (Agreement.HOME_EMPLOYER, 10.5, ["error"]),
        (Agreement.RELIEF, 10.5, ["error"]),
        (Agreement.TARIFF, 10, []),
        (Agreement.TARIFF, 10.5, ["warning"]),
        (Agreement.TARIFF, 20, ["warning"]),
        (Agreement.TARIFF, 20.5, ["error"]),
    ],
)
def test_weekly_limit_on_overtime_marked_as_such(agreement, marked_hours, expected):
    # Spread averaging overtime never reaches the weekly limit before the 4-week one; marked
    # overtime counts in its own week.
    plan = weeks_plan([30]) + [day_shift(MONDAY + timedelta(days=5), marked_hours, kind=ShiftKind.OVERTIME)]
    found = overtime(plan, agreement)
    assert severities(found, "i uke 2") == expected
    assert all("ført som overtid" in f.message for f in found)


def _law_52_weeks(agreement, extra):
    """A plan whose averaging overtime adds up to 200 h (+ ``extra``) in 52 weeks."""
    weeks = AVERAGING.get(agreement)
    if weeks is None:  # aml: 4 h a week above 40 for 50 weeks
        sat = [4.0] * 50
    elif weeks == 8:  # six windows of 8 weeks with 33 1/3 h each
        sat = ([4.0] * 6 + [14 / 3, 14 / 3]) * 6
    else:  # two windows of 26 weeks with 100 h each
        sat = [4.0] * 25 + [0.0] + [4.0] * 25 + [0.0]
    sat[-3] += extra
    return weeks_plan([40] * len(sat)) + saturdays(sat)


@pytest.mark.parametrize("agreement", [Agreement.AML, Agreement.INDIVIDUAL, Agreement.HOME_EMPLOYER, Agreement.RELIEF])
@pytest.mark.parametrize(("extra", "expected"), [(0.0, []), (0.5, ["error"])])
def test_52_week_limit_of_200_hours(agreement, extra, expected):
    found = overtime(_law_52_weeks(agreement, extra), agreement)
    assert severities(found, "i 52 uker") == expected
    assert severities(found, "i 4 uker") == [] and severities(found, "i uke") == []


@pytest.mark.parametrize(("extra", "expected"), [(0.0, ["warning"]), (0.5, ["error"])])
def test_52_week_limit_under_the_tariff_is_300_hours(extra, expected):
    sat = [6.0] * 25 + [0.0] + [6.0] * 25 + [0.0]  # 150 h in each 26-week window
    sat[-3] += extra
    found = overtime(weeks_plan([40] * 52) + saturdays(sat), Agreement.TARIFF)
    assert severities(found, "i 52 uker") == expected
    assert severities(found, "i 4 uker") == []


def test_the_windows_run_from_the_plans_first_week_in_check_and_check_window():
    # Weeks 4-11 average 50 h, but the windows weeks 0-7 and 8-15 average 35 h each.
    plan = weeks_plan([20] * 4 + [50] * 8 + [20] * 4)
    assert overtime(plan, Agreement.INDIVIDUAL) == []
    shifted = overtime(plan, Agreement.INDIVIDUAL, averaging_start=MONDAY + timedelta(weeks=4))
    assert "error" in severities(shifted)
    edited = MONDAY + timedelta(weeks=6)
    assert check_window(plan, edited, edited + timedelta(days=6), Agreement.INDIVIDUAL, rules=["overtime"]) == []


# --- normal time under aml: 9 h a day, 40 h a week --------------------------------------------


@pytest.mark.parametrize(("hours", "expected"), [(9, 0.0), (9.25, 0.25)])
def test_aml_day_overtime_is_what_passes_9_hours(hours, expected):
    shift = day_shift(MONDAY, hours)
    found = pieces([shift], Agreement.AML)
    assert sum(p.hours for p in found) == pytest.approx(expected)
    if expected:
        [piece] = found
        assert piece.reason == Reason(Why.DAY, MONDAY, 9.0) and piece.end == shift.end.timestamp()
    for agreement in AVERAGING:  # a long day is normal time where hours are averaged
        assert pieces([shift], agreement) == []


@pytest.mark.parametrize(("saturday", "expected"), [(0, 0.0), (0.5, 0.5)])
def test_aml_week_overtime_is_what_passes_40_hours(saturday, expected):
    plan = weeks_plan([40]) + saturdays([saturday])
    found = pieces(plan, Agreement.AML)
    assert sum(p.hours for p in found) == pytest.approx(expected)
    assert all(p.reason == Reason(Why.WEEK, MONDAY, 40.0) for p in found)
    for agreement in AVERAGING:
        assert pieces(plan, agreement) == []


def test_aml_day_overtime_does_not_also_count_for_the_week():
    # 5 x 10 h: 5 h above 9 a day; the week then has 45 h of normal-length days: 5 h more.
    found = pieces(weeks_plan([50]), Agreement.AML)
    by_why = {why: sum(p.hours for p in found if p.reason.why is why) for why in Why}
    assert by_why[Why.DAY] == pytest.approx(5) and by_why[Why.WEEK] == pytest.approx(5)
    [finding] = overtime(weeks_plan([51]), Agreement.AML)  # 6 + 5 h: past the weekly 10
    assert finding.message == (
        "a1 har 11 t overtid i uke 2 (5.–11. januar): 6 t over 9 t per dag og 5 t over 40 t per uke; "
        "grensen er 10 t per uke"
    )


def test_the_finding_in_english():
    before = get_language()
    set_language("en")
    try:
        [finding] = overtime(weeks_plan([51]), Agreement.AML)
    finally:
        set_language(before)
    assert finding.message == (
        "a1 has 11 h of overtime in week 2 (5–11 January): 6 h over 9 h a day and 5 h over 40 h a week; "
        "the limit is 10 h per week"
    )


@pytest.mark.parametrize(("week_hours", "expected"), [(50, []), (50.5, ["error"])])
def test_aml_found_overtime_at_the_weekly_limit_and_just_past_it(week_hours, expected):
    # Nobody marked it: 5 long days give 5 h over 9 a day and 5 h over 40 a week = 10 h, the
    # Act's weekly limit exactly; half an hour more is past it.
    found = overtime(weeks_plan([week_hours]), Agreement.AML)
    assert severities(found) == expected
    assert sum(p.hours for p in pieces(weeks_plan([week_hours]), Agreement.AML)) == pytest.approx(week_hours - 40)
