"""The employer period (folketrygdloven § 8-19) as core.employer_period counts it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.employer_period import AbsenceRules, absence_pay_on, employer_days, sick_spells
from bpa_desktop.core.model import Absence, AbsenceKind

D = timedelta(days=1)
SICK, SELF, HOLIDAY = AbsenceKind.SICK_NOTE, AbsenceKind.SELF_CERTIFIED, AbsenceKind.HOLIDAY


def sick(first: date, last: date, kind=SICK, percent=100) -> Absence:
    return Absence(None, 1, kind, first, last, percent)


def test_sixteen_calendar_days_from_the_first_sick_day_weekends_included():
    days = employer_days([sick(date(2026, 3, 2), date(2026, 3, 31))])
    assert min(days) == date(2026, 3, 2) and max(days) == date(2026, 3, 17)
    assert days[date(2026, 3, 7)] == 6  # a Saturday counts
    assert len(days) == 16


def test_a_new_sickness_within_16_days_adds_to_the_same_period():
    first, again = sick(date(2026, 3, 2), date(2026, 3, 4), SELF), sick(date(2026, 3, 12), date(2026, 3, 30))
    days = employer_days([first, again])
    assert [days[date(2026, 3, d)] for d in (2, 3, 4)] == [1, 2, 3]
    assert days[date(2026, 3, 12)] == 4 and max(days) == date(2026, 3, 24)  # 13 more days


def test_sixteen_days_apart_starts_a_new_period():
    days = employer_days([sick(date(2026, 3, 2), date(2026, 3, 4)), sick(date(2026, 3, 21), date(2026, 3, 22))])
    assert days[date(2026, 3, 21)] == 1


def test_after_a_full_period_a_new_one_needs_16_days_back_at_work():
    long = sick(date(2026, 1, 5), date(2026, 2, 15))  # the whole period used up
    back = date(2026, 2, 16)
    soon = sick(back + 10 * D, back + 12 * D)
    later = sick(back + 40 * D, back + 41 * D)
    work = [back + i * D for i in range(60) if i not in (10, 11, 12)]
    days = employer_days([long, soon, later], work)
    assert not any(back + 10 * D <= d <= back + 12 * D for d in days)  # NAV pays from day one
    assert days[back + 40 * D] == 1
    # a holiday right after the sickness: the 16 days count from the first shift after it
    days = employer_days([long, sick(back + 20 * D, back + 21 * D)], [back + 15 * D])
    assert back + 20 * D not in days


def test_no_employer_period_in_the_first_four_weeks_of_employment():
    assert employer_days([sick(date(2026, 3, 10), date(2026, 3, 12))], employed_from=date(2026, 2, 20)) == {}
    assert len(employer_days([sick(date(2026, 3, 20), date(2026, 3, 22))], employed_from=date(2026, 2, 20))) == 3


def test_the_profile_decides_who_pays_which_kind():
    rules = AbsenceRules(pay={"sykmelding": "employer_period", "ferie": "none", "permisjon": "all"})
    numbered = employer_days([sick(date(2026, 3, 2), date(2026, 3, 30))])
    absences = [sick(date(2026, 3, 2), date(2026, 3, 30)), Absence(None, 1, HOLIDAY, date(2026, 4, 1), date(2026, 4, 3)),
                Absence(None, 1, AbsenceKind.LEAVE, date(2026, 4, 6), date(2026, 4, 6))]
    assert absence_pay_on(date(2026, 3, 17), absences, rules, numbered).paid
    assert not absence_pay_on(date(2026, 3, 18), absences, rules, numbered).paid
    assert not absence_pay_on(date(2026, 4, 2), absences, rules, numbered).paid
    assert absence_pay_on(date(2026, 4, 6), absences, rules, numbered).paid
    assert absence_pay_on(date(2026, 4, 7), absences, rules, numbered) is None


spell = st.tuples(st.integers(0, 120), st.integers(0, 30), st.sampled_from([SICK, SELF]), st.sampled_from([100, 50]))


@settings(max_examples=150, deadline=None)
@given(spells=st.lists(spell, max_size=8), work=st.sets(st.integers(0, 160), max_size=40))
def test_every_period_holds_at_most_16_days_numbered_in_order(spells, work):
    start = date(2026, 1, 1)
    absences = [sick(start + a * D, start + (a + n) * D, kind, pct) for a, n, kind, pct in spells]
    days = employer_days(absences, [start + w * D for w in work])
    sick_days = {d for first, last in sick_spells(absences) for d in (first + i * D for i in range((last - first).days + 1))}
    assert set(days) <= sick_days
    ordered = [days[d] for d in sorted(days)]
    # numbers rise by one inside a period and restart at 1 with a new one
    for before, after in zip(ordered, ordered[1:]):
        assert after == before + 1 or after == 1
    assert all(1 <= n <= 16 for n in ordered)
    if ordered:
        assert ordered[0] == 1
