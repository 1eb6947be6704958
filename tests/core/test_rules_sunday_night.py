"""sunday-work and night-work, order invariance, and check_window against check."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.calendar import day_start, local_instant
from bpa_desktop.core.model import Agreement, Shift
from bpa_desktop.core.rules import ShiftIndex, check, check_window


def rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def sundays(shift, dates, start="10:00", end="16:00"):
    return [shift("a1", f"{d}T{start}", f"{d}T{end}") for d in dates]


def test_two_sundays_in_a_row_is_an_error_under_the_act(shift):
    found = rule(check(sundays(shift, ["2026-03-01", "2026-03-08"])), "sunday-work")
    assert [f.severity for f in found] == ["error"]
    assert "søndag 1. mars" in found[0].message and "søndag 8. mars" in found[0].message


def test_every_other_sunday_is_fine(shift):
    assert rule(check(sundays(shift, ["2026-03-01", "2026-03-15", "2026-03-29"])), "sunday-work") == []


def test_sunday_window_starts_18_the_day_before(shift):
    late_saturday = [shift("a1", "2026-02-28T12:00", "2026-02-28T18:30")] + sundays(shift, ["2026-03-08"])
    early_saturday = [shift("a1", "2026-02-28T12:00", "2026-02-28T18:00")] + sundays(shift, ["2026-03-08"])
    assert len(rule(check(late_saturday), "sunday-work")) == 1
    assert rule(check(early_saturday), "sunday-work") == []


def test_christmas_eve_window_starts_at_15(shift):
    # 24 Dec 2026 is a Thursday; 25-27 Dec are holidays and a Sunday: one period.
    eve = [shift("a1", "2026-12-24T14:00", "2026-12-24T15:30"), shift("a1", "2027-01-01T10:00", "2027-01-01T12:00")]
    before = [shift("a1", "2026-12-24T12:00", "2026-12-24T15:00"), shift("a1", "2027-01-01T10:00", "2027-01-01T12:00")]
    assert len(rule(check(eve), "sunday-work")) == 1
    assert rule(check(before), "sunday-work") == []


def test_with_an_agreement_two_in_a_row_warns_and_four_is_an_error(shift):
    two = sundays(shift, ["2026-03-01", "2026-03-08"])
    four = sundays(shift, ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22"])
    assert [f.severity for f in rule(check(two, Agreement.TARIFF), "sunday-work")] == ["warning"]
    errors = [f for f in rule(check(four, Agreement.TARIFF), "sunday-work") if f.severity == "error"]
    assert any("4 søn-/helgedager på rad" in f.message for f in errors)


def test_with_an_agreement_more_than_every_other_over_26_weeks_is_an_error(shift):
    start = date(2026, 3, 1)
    # Pattern worked, worked, off over 26 weeks: two thirds worked, never four in a row.
    pattern = [str(start + timedelta(weeks=w)) for w in range(26) if w % 3 != 2]
    errors = [f for f in rule(check(sundays(shift, pattern), Agreement.TARIFF), "sunday-work")
              if f.severity == "error"]
    assert errors and all("%" in f.message for f in errors)
    alternate = [str(start + timedelta(weeks=w)) for w in range(0, 26, 2)]
    assert rule(check(sundays(shift, alternate), Agreement.TARIFF), "sunday-work") == []


def nights(shift, first: date, count: int, start="22:00", end="08:00", step=2):
    result = []
    for i in range(count):
        day = first + timedelta(days=i * step)
        result.append(shift("a1", f"{day}T{start}", f"{day + timedelta(days=1)}T{end}"))
    return result


def test_regular_long_nights_warn(shift):
    found = rule(check(nights(shift, date(2026, 3, 2), 8)), "night-work")
    assert [f.severity for f in found] == ["warning"]


def test_eight_hour_nights_or_occasional_nights_do_not(shift):
    assert rule(check(nights(shift, date(2026, 3, 2), 8, end="06:00")), "night-work") == []
    assert rule(check(nights(shift, date(2026, 3, 2), 3)), "night-work") == []


def test_home_employer_night_starts_at_23(shift):
    evenings = nights(shift, date(2026, 3, 2), 8, start="13:00", end="00:00")  # 11 h, into 23:00-24:00
    late = [shift("a1", f"{date(2026, 3, 2) + timedelta(days=2 * i)}T13:00",
                  f"{date(2026, 3, 2) + timedelta(days=2 * i)}T22:30") for i in range(8)]
    assert rule(check(late, Agreement.HOME_EMPLOYER), "night-work") == []
    assert len(rule(check(late), "night-work")) == 1
    assert len(rule(check(evenings, Agreement.HOME_EMPLOYER), "night-work")) == 1


# --- properties -----------------------------------------------------------------------------

BASE = date(2026, 3, 23)  # a week with the spring change

shift_specs = st.lists(
    st.tuples(
        st.sampled_from(["a1", "a2"]),
        st.integers(0, 20),  # day
        st.integers(0, 23),  # hour
        st.integers(1, 16),  # length
    ),
    min_size=1,
    max_size=14,
)


def build(shift, specs):
    """Shifts from (assistant, day, hour, length); an hour in the spring gap moves to 03:00."""
    result = []
    for assistant, day, hour, length in specs:
        d = BASE + timedelta(days=day)
        hour = 3 if (d, hour) == (date(2026, 3, 29), 2) else hour
        start = local_instant(d, f"{hour:02d}:00")
        result.append(Shift(assistant=assistant, start=start, end=start + timedelta(hours=length)))
    return result


@settings(max_examples=40, deadline=None)
@given(specs=shift_specs, data=st.data())
def test_findings_do_not_depend_on_input_order(shift, specs, data):
    shifts = build(shift, specs)
    shuffled = data.draw(st.permutations(shifts))
    for agreement in (Agreement.AML, Agreement.TARIFF):
        assert check(shifts, agreement) == check(shuffled, agreement)


@settings(max_examples=25, deadline=None)
@given(specs=shift_specs)
def test_check_window_matches_check_for_local_rules(shift, specs):
    shifts = build(shift, specs)
    local = ("overlap", "daily-rest", "weekly-rest", "daily-hours", "weekly-hours")
    first, last = BASE + timedelta(days=7), BASE + timedelta(days=13)
    lower, upper = day_start(first), day_start(last + timedelta(days=1))
    full = [f for f in check(shifts, rules=local) if f.start < upper and f.end > lower]
    windowed = check_window(ShiftIndex(shifts), first, last, rules=local)
    # Findings touching the window are the same, except runs that the slice cut short.
    key = lambda f: (f.rule, f.assistant, f.severity)  # noqa: E731
    assert sorted(map(key, windowed)) == sorted(map(key, [f for f in full if f.rule != "weekly-rest"] +
                                                      [f for f in windowed if f.rule == "weekly-rest"]))
