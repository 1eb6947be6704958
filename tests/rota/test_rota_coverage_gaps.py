"""Coverage gaps of a weekly need pattern against planned shifts, in elapsed time, across
DST changes and midnight."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import coverage_gaps, needed_hours
from bpa_desktop.core.model import Interval, NeedBlock, Shift, ShiftTemplate
from bpa_desktop.core.rota import template_shift

DAY = ShiftTemplate("D", "Dag", "07:00", "15:00")
EVENING = ShiftTemplate("A", "Kveld", "15:00", "23:00")
NIGHT = ShiftTemplate("N", "Natt", "23:00", "07:00", "23:00", "07:00")
NEED = [NeedBlock(d, "07:00", "23:00") for d in range(7)] + [
    NeedBlock(d, "23:00", "07:00", passive=True) for d in range(7)
]
DST_DAYS = [date(y, m, d) for y, m, d in ((2026, 3, 29), (2026, 10, 25), (2027, 3, 28), (2027, 10, 31))]

first_days = st.one_of(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.sampled_from(DST_DAYS).map(lambda d: d - timedelta(days=1)),
    st.sampled_from(DST_DAYS),
)


def full_plan(start: date, end: date) -> list[Shift]:
    """Day, evening and passive night every day, from the day before ``start``."""
    return [
        template_shift(template, assistant, day)
        for day in cal.days(start - timedelta(days=1), end)
        for template, assistant in ((DAY, "1"), (EVENING, "2"), (NIGHT, "3"))
    ]


def elapsed(start: date, end: date) -> float:
    """Elapsed hours from 07:00 on ``start`` to 07:00 the day after ``end``."""
    return cal.elapsed_hours(
        cal.local_instant(start, "07:00"), cal.local_instant(end + timedelta(days=1), "07:00")
    )


@settings(deadline=None, max_examples=60)
@given(first_days, st.integers(0, 13))
def test_a_full_plan_leaves_no_gap(start, length):
    end = start + timedelta(days=length)
    assert coverage_gaps(NEED, full_plan(start, end), start, end) == []


@settings(deadline=None, max_examples=60)
@given(first_days, st.integers(0, 13))
def test_with_no_shifts_the_whole_need_is_a_gap_in_elapsed_time(start, length):
    end = start + timedelta(days=length)
    gaps = coverage_gaps(NEED, [], start, end)
    assert sum(g.hours for g in gaps) == elapsed(start, end) == needed_hours(NEED, start, end)
    assert all(g.planned == 0 and g.needed == 1 for g in gaps)
    # Active days and passive nights alternate; each gap ends where the next begins.
    assert [g.passive for g in gaps] == [i % 2 == 1 for i in range(len(gaps))]
    assert all(a.end == b.start for a, b in zip(gaps, gaps[1:]))


@settings(deadline=None, max_examples=80)
@given(first_days, st.integers(0, 13), st.data())
def test_a_missing_shift_is_exactly_one_gap(start, length, data):
    end = start + timedelta(days=length)
    plan = full_plan(start, end)
    in_period = [s for s in plan if start <= cal.to_local(s.start).date() <= end]
    missing = data.draw(st.sampled_from(in_period))
    gaps = coverage_gaps(NEED, [s for s in plan if s is not missing], start, end)
    assert len(gaps) == 1
    gap = gaps[0]
    assert (gap.start, gap.end) == (missing.start, missing.end)
    assert gap.hours == missing.hours  # 7, 8 or 9 h for a night, by the DST change
    assert gap.passive == (missing.code == "N")
    assert (gap.needed, gap.planned, gap.missing) == (1, 0, 1)


def test_the_autumn_night_gap_is_nine_hours_and_the_spring_one_seven():
    for day, hours in ((date(2026, 10, 24), 9), (date(2026, 3, 28), 7)):
        need = [NeedBlock(day.weekday(), "23:00", "07:00", passive=True)]
        (gap,) = coverage_gaps(need, [], day, day)
        assert gap.hours == hours
        assert gap.start == cal.local_instant(day, "23:00")


def test_passive_time_does_not_cover_an_active_need():
    day = date(2026, 6, 1)
    need = [NeedBlock(day.weekday(), "22:00", "23:00")]
    asleep = template_shift(ShiftTemplate("N", "", "22:00", "08:00", "22:00", "08:00"), "1", day)
    (gap,) = coverage_gaps(need, [asleep], day, day)
    assert (gap.hours, gap.passive, gap.planned) == (1, False, 0)
    awake = Shift("1", asleep.start, asleep.end, (Interval(cal.local_instant(day, "23:00"), asleep.end),))
    assert coverage_gaps(need, [awake], day, day) == []


def test_two_people_needed_and_one_planned():
    day = date(2026, 6, 2)
    need = [NeedBlock(day.weekday(), "10:00", "12:00", staff=2)]
    one = template_shift(ShiftTemplate("X", "", "09:00", "11:00"), "1", day)
    half, none = coverage_gaps(need, [one], day, day)
    assert (half.start, half.end) == (cal.local_instant(day, "10:00"), cal.local_instant(day, "11:00"))
    assert (half.needed, half.planned, none.needed, none.planned) == (2, 1, 2, 0)
    assert none.end == cal.local_instant(day, "12:00")
    gaps = coverage_gaps(need, [], day, day)
    assert [(g.hours, g.needed, g.planned) for g in gaps] == [(2, 2, 0)]


def test_workspace_need_pattern_and_gaps(setup):
    from tests.rota import rota_sample

    ws, aid = setup.ws, setup.arrangement_id
    assert ws.rota.get_need_pattern(aid) == []
    saved = ws.rota.save_need_pattern(aid, list(reversed(NEED)))
    assert saved == sorted(NEED, key=lambda b: (b.weekday, b.start))
    setup.save()
    assert ws.rota.coverage_gaps(aid, rota_sample.START, rota_sample.END) == []
    night = [s for s in setup.planned(date(2026, 10, 24), date(2026, 10, 24)) if s.code == "N"][0]
    ws.rota.change_planned_shift(aid, night.id, kind="cancel", reason="Syk")
    (gap,) = ws.rota.coverage_gaps(aid, rota_sample.START, rota_sample.END)
    assert gap.hours == 9 and gap.passive
