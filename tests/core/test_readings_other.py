"""docs/domain.md "Readings settled": agreement names, Sunday/holiday units and 1 in 4 off,
vedtak-hours against the whole year's grant, contract-hours on 37.5 h or the employer's 40."""

from datetime import date, timedelta

import pytest

from bpa_desktop.core.model import Agreement, Vedtak
from bpa_desktop.core.rules import check
from bpa_desktop.core.shiftfile import ShiftFileError, parse
from tests.core.plan_helpers import day_shift
from tests.core.shift_helpers import make_shift

ALL = list(Agreement)
WITH_AGREEMENT = [a for a in Agreement if a is not Agreement.AML]


def rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def shift_file(**extra):
    return {"format": "bpa-shifts/1", "shifts": [
        {"assistant": "a1", "start": "2026-03-02T08:00", "end": "2026-03-02T16:00"}], **extra}


# --- agreement names --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ks", "virke", "nho", "spekter", "tariff"])
def test_tariff_agreement_names_mean_the_tariff_preset(name):
    assert parse(shift_file(agreement=name)).agreement is Agreement.TARIFF
    assert Agreement.from_name(name) is Agreement.TARIFF


@pytest.mark.parametrize("name", ["virke-bpa", "KS", "hta", "fagforening", ""])
def test_any_other_agreement_name_is_an_input_error(name):
    with pytest.raises(ShiftFileError, match=f"ukjent avtale «{name}».*ks/virke/nho/spekter"):
        parse(shift_file(agreement=name))
    with pytest.raises(ValueError):
        check([day_shift(date(2026, 3, 2), 8)], name)


def test_check_takes_a_tariff_name():
    long_day = [day_shift(date(2026, 3, 2), 12.5)]
    assert [f.severity for f in rule(check(long_day, "ks"), "daily-hours")] == ["warning"]


# --- Sundays and holidays: units whose windows touch --------------------------------------------

GROUPED = [
    ("2026-12-25", "2026-12-27"),  # 25-27 Dec 2026 (Fri-Sun): one unit
    ("2026-04-05", "2026-04-06"),  # Easter Sunday and Monday
    ("2026-05-24", "2026-05-25"),  # Whit Sunday and Monday
    ("2038-05-16", "2038-05-17"),  # a Sunday before 17 May (a Monday in 2038)
]
SEPARATE = [
    ("2026-12-27", "2027-01-01"),  # the Christmas unit and New Year's Day
    ("2026-04-06", "2026-04-12"),  # Easter Monday and the next Sunday
    ("2026-05-25", "2026-05-31"),  # Whit Monday and the next Sunday
    ("2038-05-17", "2038-05-23"),  # 17 May and the next Sunday
]


def worked_on(*days, start="10:00", end="16:00"):
    return [make_shift("a1", f"{d}T{start}", f"{d}T{end}") for d in days]


@pytest.mark.parametrize("agreement", ALL)
@pytest.mark.parametrize("days", GROUPED)
def test_touching_sundays_and_holidays_are_one_unit(agreement, days):
    assert rule(check(worked_on(*days), agreement), "sunday-work") == []


@pytest.mark.parametrize("agreement", ALL)
@pytest.mark.parametrize("days", SEPARATE)
def test_the_next_unit_is_two_in_a_row(agreement, days):
    expected = ["error"] if agreement is Agreement.AML else ["warning"]
    assert [f.severity for f in rule(check(worked_on(*days), agreement), "sunday-work")] == expected


@pytest.mark.parametrize(("start", "expected"), [("22:00", []), ("21:30", ["error"])])
def test_a_units_window_ends_at_22_on_its_last_day(start, expected):
    # Easter's window ends at 22:00 on Easter Monday; then the next Sunday is worked.
    shifts = [make_shift("a1", f"2026-04-06T{start}", "2026-04-06T23:00")] + worked_on("2026-04-12")
    assert [f.severity for f in rule(check(shifts), "sunday-work")] == expected


# --- 1 in 4 off: among any 4 consecutive units at least one is free ------------------------------

# 17 May (a Sunday), Whit Sunday and Monday (one unit), 31 May; Ascension Day (14 May) is free.
THREE_UNITS = ("2026-05-17", "2026-05-24", "2026-05-25", "2026-05-31")
FOURTH_UNIT = "2026-06-07"


def four_in_a_row(findings):
    return [f for f in rule(findings, "sunday-work") if "på rad" in f.message and f.severity == "error"]


@pytest.mark.parametrize("agreement", WITH_AGREEMENT)
def test_three_units_in_a_row_leave_one_in_four_free(agreement):
    assert four_in_a_row(check(worked_on(*THREE_UNITS), agreement)) == []


@pytest.mark.parametrize("agreement", WITH_AGREEMENT)
def test_four_units_in_a_row_is_an_error(agreement):
    [finding] = four_in_a_row(check(worked_on(*THREE_UNITS, FOURTH_UNIT), agreement))
    assert "4 søn-/helgedager på rad" in finding.message and "minst 1 av 4" in finding.message


# --- vedtak-hours: the year's hours so far against the whole year's grant -----------------------

YEAR_2026 = Vedtak(None, None, 7.0, date(2026, 1, 1), date(2026, 12, 31))  # 365 h for 2026


def five_hour_days(first: date, count: int, extra: float = 0.0):
    shifts = [day_shift(first + timedelta(days=i), 5) for i in range(count - 1)]
    return shifts + [day_shift(first + timedelta(days=count - 1), 5 + extra)]


@pytest.mark.parametrize("agreement", ALL)
def test_hours_may_run_ahead_of_the_pace_up_to_the_years_grant(agreement):
    front_loaded = five_hour_days(date(2026, 1, 1), 73)  # 365 h by 14 March
    assert rule(check(front_loaded, agreement, vedtak=YEAR_2026, rules=["vedtak-hours"]), "vedtak-hours") == []


@pytest.mark.parametrize("agreement", ALL)
def test_the_hour_past_the_years_grant_warns(agreement):
    shifts = five_hour_days(date(2026, 1, 1), 73, extra=0.5)
    [finding] = check(shifts, agreement, vedtak=YEAR_2026, rules=["vedtak-hours"])
    assert finding.severity == "warning" and "365 t for året" in finding.message
    assert finding.start.date() == date(2026, 3, 14)  # the shift that crosses the grant


@pytest.mark.parametrize(("extra", "expected"), [(0.0, []), (0.5, [2026])])
def test_each_calendar_year_has_its_own_grant(extra, expected):
    vedtak = Vedtak(None, None, 7.0, date(2026, 1, 1), date(2027, 12, 31))
    # 2026 ends with a night from 31 December: it counts in 2026, the year it starts.
    december = five_hour_days(date(2026, 10, 19), 72) + [
        day_shift(date(2026, 12, 31), 5 + extra, start="22:00")]
    january = five_hour_days(date(2027, 1, 1), 73)
    found = check(december + january, vedtak=vedtak, rules=["vedtak-hours"])
    assert [f.start.year for f in found] == expected


# --- contract-hours: 37.5 h a full week, or 40 when the employer says so ------------------------


@pytest.mark.parametrize("agreement", ALL)
@pytest.mark.parametrize(
    ("hours", "full_time", "expected"),
    [(22.5, 37.5, []), (22.75, 37.5, ["warning"]), (24, 40.0, []), (24.25, 40.0, ["warning"]),
     (22.75, 40.0, [])],
)
def test_contract_hours_against_the_employers_full_week(agreement, hours, full_time, expected):
    shifts = [day_shift(date(2026, 3, 2) + timedelta(days=i), h) for i, h in enumerate([6, 6, 6, hours - 18])]
    found = check(shifts, agreement, employment_percent={"a1": 60}, full_time_hours=full_time,
                  rules=["contract-hours"])
    assert [f.severity for f in found] == expected


def test_the_shift_file_says_the_employers_full_week():
    data = shift_file(employer={"full_time_hours": 40})
    assert parse(data).full_time_hours == 40.0
    assert parse(shift_file()).full_time_hours == 37.5
    with pytest.raises(ShiftFileError, match="full_time_hours"):
        parse(shift_file(employer={"full_time_hours": 38}))
    with pytest.raises(ValueError, match="37,5 eller 40"):
        check([day_shift(date(2026, 3, 2), 8)], full_time_hours=38)
