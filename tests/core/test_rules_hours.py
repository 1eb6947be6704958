"""daily-hours, weekly-hours, average-hours, overtime, contract-hours and vedtak-hours."""

from datetime import date, timedelta

import pytest

from bpa_desktop.core.model import Agreement, Vedtak
from bpa_desktop.core.rules import check


def rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def day_shift(shift, day: date, hours: float, assistant="a1"):
    start = f"{day.isoformat()}T06:00"
    end_minutes = 6 * 60 + round(hours * 60)
    end = f"{day.isoformat()}T{end_minutes // 60:02d}:{end_minutes % 60:02d}"
    return shift(assistant, start, end)


def week(shift, monday: date, hours_per_day, assistant="a1"):
    return [day_shift(shift, monday + timedelta(days=i), h, assistant)
            for i, h in enumerate(hours_per_day) if h]


MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("agreement", "hours", "expected"),
    [
        (Agreement.AML, 9, []),
        (Agreement.AML, 10, ["warning"]),
        (Agreement.AML, 13, ["warning"]),
        (Agreement.AML, 13.5, ["error"]),
        (Agreement.INDIVIDUAL, 10, ["warning"]),
        (Agreement.INDIVIDUAL, 10.5, ["error"]),
        (Agreement.TARIFF, 12.5, ["warning"]),
        (Agreement.TARIFF, 13, ["error"]),
        (Agreement.HOME_EMPLOYER, 10.5, ["error"]),
    ],
)
def test_daily_hours_by_preset(shift, agreement, hours, expected):
    found = rule(check([day_shift(shift, MONDAY, hours)], agreement), "daily-hours")
    assert [f.severity for f in found] == expected


def test_relief_allows_long_shifts_up_to_56_hours(shift):
    long = [shift("a1", "2026-03-02T08:00", "2026-03-04T16:00")]  # 56 h
    longer = [shift("a1", "2026-03-02T08:00", "2026-03-04T17:00")]
    assert [f.severity for f in rule(check(long, Agreement.RELIEF), "daily-hours")] == ["warning"]
    assert [f.severity for f in rule(check(longer, Agreement.RELIEF), "daily-hours")] == ["error"]


def test_a_night_counts_on_the_day_it_starts(shift):
    found = rule(check([shift("a1", "2026-03-02T20:00", "2026-03-03T06:30")]), "daily-hours")
    assert len(found) == 1 and "mandag 2. mars" in found[0].message


@pytest.mark.parametrize(
    ("agreement", "days", "expected"),
    [
        (Agreement.AML, [8, 8, 8, 8, 8], []),
        (Agreement.AML, [9, 9, 9, 9, 9, 0, 3], ["warning"]),  # 48 h
        (Agreement.AML, [9, 9, 9, 9, 9, 0, 4], ["error"]),  # 49 h
        (Agreement.INDIVIDUAL, [9, 9, 9, 9, 9, 5], ["warning"]),  # 50 h
        (Agreement.INDIVIDUAL, [9, 9, 9, 9, 9, 6], ["error"]),
        (Agreement.TARIFF, [9, 9, 9, 9, 9, 9], ["warning"]),  # 54 h
        (Agreement.TARIFF, [9, 9, 9, 9, 9, 9, 1], ["error"]),
    ],
)
def test_weekly_hours_by_preset(shift, agreement, days, expected):
    found = rule(check(week(shift, MONDAY, days), agreement), "weekly-hours")
    assert [f.severity for f in found] == expected


def test_average_over_eight_weeks(shift):
    heavy = [s for w in range(8) for s in week(shift, MONDAY + timedelta(weeks=w), [9, 9, 9, 9, 9, 4])]
    mixed = [s for w in range(8) for s in week(
        shift, MONDAY + timedelta(weeks=w), [9, 9, 9, 9, 9, 5] if w % 2 else [9, 9, 9, 9, 9, 1])]
    found = rule(check(heavy, Agreement.INDIVIDUAL), "average-hours")  # 49 h a week
    assert [f.severity for f in found] == ["error"]
    assert "49 t per uke" in found[0].message
    assert rule(check(mixed, Agreement.INDIVIDUAL), "average-hours") == []  # 50/46: 48 on average


def test_overtime_per_week(shift):
    over = week(shift, MONDAY, [11, 11, 11, 11, 11])  # 10 h above 9/day + 5 above 40 = 15
    limit = week(shift, MONDAY, [10, 10, 10, 10, 10])  # 5 + 5 = 10
    assert [f.severity for f in rule(check(over), "overtime")] == ["error"]
    assert rule(check(limit), "overtime") == []
    # Under an averaging preset one long week is normal time (docs/domain.md, "Readings settled").
    assert rule(check(over, Agreement.TARIFF), "overtime") == []


def test_overtime_over_four_weeks(shift):
    def weeks(extra):
        return [s for w in range(4) for s in week(shift, MONDAY + timedelta(weeks=w), [9, 9, 9, 9, 9, extra])]
    found = rule(check(weeks(2)), "overtime")  # 47 h: 7 h a week, 28 in four weeks
    assert [f.severity for f in found] == ["error"] and "4 uker" in found[0].message
    assert rule(check(weeks(1)), "overtime") == []  # 24 h


def test_contract_hours_against_employment_percent(shift):
    shifts = week(shift, MONDAY, [8, 8, 4])  # 20 h
    assert [f.severity for f in rule(check(shifts, employment_percent={"a1": 50}), "contract-hours")] == ["warning"]
    assert rule(check(shifts, employment_percent={"a1": 60}), "contract-hours") == []  # 22.5 h


def test_vedtak_hours_over_the_years_grant(shift):
    vedtak = Vedtak(None, None, 7.0, date(2026, 3, 2), date(2026, 3, 15))  # 14 h granted
    over = week(shift, MONDAY, [8, 7])
    exact = week(shift, MONDAY, [8, 6])
    [finding] = rule(check(over, vedtak=vedtak), "vedtak-hours")
    assert finding.severity == "warning" and finding.assistant == ""
    assert "14 t for året" in finding.message
    assert rule(check(exact, vedtak=[vedtak]), "vedtak-hours") == []
