"""Properties of overtime: averaging plans within 40 h never fire ``overtime``; pay pays
exactly the hours the rule counts above normal time, never an hour twice, in any split.

Plans start in weeks with the clock changes, Christmas and New Year, and a leap day."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from bpa_desktop.core import normal_time as nt
from bpa_desktop.core.calendar import OSLO, local_instant
from bpa_desktop.core.model import Agreement, Interval, Shift, ShiftKind
from bpa_desktop.core.pay import pay_lines
from bpa_desktop.core.rules import LAW, PRESETS, check

FIRST_MONDAYS = [date(2026, 3, 16), date(2026, 10, 12), date(2026, 12, 21), date(2024, 2, 19)]
QUARTER = 15  # minutes

shift_spec = st.tuples(
    st.sampled_from(["a1", "a2"]),
    st.integers(0, 7 * 20 - 1) | st.integers(0, 13) | st.integers(0, 6),  # day (often early: long weeks)
    st.integers(0, 24 * 4 - 1),  # start, quarter hours after midnight
    st.integers(1, 16 * 4),  # length in quarter hours
    st.booleans(),  # marked kind: overtime (used only where the test says so)
    st.integers(0, 3),  # passive: none, or a share of the shift
)


def build(first: date, specs, *, weeks: int, marks: bool) -> list[Shift]:
    """Shifts from specs within ``weeks`` weeks of ``first``; a start in the spring gap moves on."""
    shifts = []
    for assistant, day, quarter, length, marked, passive in specs:
        day_date = first + timedelta(days=day % (7 * weeks))
        # elapsed arithmetic in UTC (wall-clock arithmetic is an hour off across DST)
        start = local_instant(day_date, f"{quarter // 4:02d}:{quarter % 4 * QUARTER:02d}", strict=False).astimezone(UTC)
        end = start + timedelta(minutes=length * QUARTER)
        rest = ()
        if passive and length >= 4:
            p_start = start + timedelta(minutes=QUARTER)
            rest = (Interval(p_start, p_start + timedelta(minutes=(length - 1) * QUARTER * passive // 4)),)
        kind = ShiftKind.OVERTIME if marks and marked else ShiftKind.PLANNED
        shifts.append(Shift(assistant, start.astimezone(OSLO), end.astimezone(OSLO), rest, kind=kind))
    return sorted(shifts, key=lambda s: (s.start.timestamp(), s.end.timestamp(), s.assistant))


def monday(shift: Shift) -> date:
    return nt.monday_of(shift.start.astimezone(OSLO).date())


def within_average(shifts: list[Shift], weeks: int = 8, limit: float = 40.0) -> list[Shift]:
    """The shifts, in order, that keep every run of ``weeks`` ISO weeks at or below ``limit``
    hours a week on average (per assistant)."""
    kept, used = [], {}
    for shift in shifts:
        week = monday(shift)
        windows = [(shift.assistant, week - timedelta(weeks=k)) for k in range(weeks)]
        if all(used.get(w, 0.0) + shift.hours <= weeks * limit + 1e-9 for w in windows):
            for w in windows:
                used[w] = used.get(w, 0.0) + shift.hours
            kept.append(shift)
    return kept


@settings(max_examples=100, deadline=None)
@given(first=st.sampled_from(FIRST_MONDAYS), specs=st.lists(shift_spec, min_size=1, max_size=80),
       weeks=st.sampled_from([8, 8, 16, 20]))
def test_individual_plans_averaging_at_most_40_hours_have_no_overtime(first, specs, weeks):
    plan = within_average(build(first, specs, weeks=weeks, marks=False))
    longest = max((sum(s.hours for s in plan if (s.assistant, monday(s)) == (p.assistant, monday(p))) for p in plan),
                  default=0.0)
    event("a week above 40 h" if longest > 40 else "no week above 40 h")
    assert [f for f in check(plan, Agreement.INDIVIDUAL, rules=["overtime"])] == []
    assert all(found == [] for found in nt.find_overtime(plan, Agreement.INDIVIDUAL))


@settings(max_examples=60, deadline=None)
@given(first=st.sampled_from(FIRST_MONDAYS),
       week_hours=st.lists(st.integers(0, 70 * 4), min_size=8, max_size=8),
       splits=st.lists(st.integers(1, 7), min_size=8, max_size=8),
       starts=st.lists(st.integers(0, 24 * 4 - 1), min_size=7, max_size=7))
def test_concentrated_individual_plans_averaging_at_most_40_hours_have_no_overtime(first, week_hours, splits, starts):
    # Up to 70 h in a week, trimmed from the last week back until 8 weeks hold at most 320 h.
    quarters = list(week_hours)
    for w in reversed(range(8)):
        quarters[w] -= max(0, min(quarters[w], sum(quarters) - 320 * 4))
    plan = []
    for w, (total, k) in enumerate(zip(quarters, splits)):
        for d in range(k):
            length = total // k + (1 if d < total % k else 0)
            if length:
                day = first + timedelta(weeks=w, days=d)
                q = starts[d]
                start = local_instant(day, f"{q // 4:02d}:{q % 4 * QUARTER:02d}", strict=False)
                # elapsed time: aware arithmetic in one zone adds wall-clock time, which is an hour off across DST
                end = (start.astimezone(UTC) + timedelta(minutes=length * QUARTER)).astimezone(OSLO)
                plan.append(Shift("a1", start, end))
    assert sum(s.hours for s in plan) <= 320 + 1e-9
    assert check(plan, Agreement.INDIVIDUAL, rules=["overtime"]) == []
    assert all(found == [] for found in nt.find_overtime(plan, Agreement.INDIVIDUAL))


def _overtime_lines(lines) -> dict[str, float]:
    totals: dict[str, float] = {}
    for line in lines:
        if line.kind.startswith("overtime"):
            totals[line.assistant] = totals.get(line.assistant, 0.0) + line.hours
    return totals


def _weeks_above(pieces_by_shift, shifts, law: float) -> dict[tuple[str, int], float]:
    """(assistant, ISO week) -> overtime hours as the rule counts them, where above ``law``."""
    result = {}
    for assistant in {s.assistant for s in shifts}:
        index = [i for i, s in enumerate(shifts) if s.assistant == assistant]
        pieces = [nt.Piece(k, p.start, p.end, p.reason) for k, i in enumerate(index) for p in pieces_by_shift[i]]
        days = [shifts[i].start.astimezone(OSLO).date() for i in index]
        for week_monday, by_why in nt.weekly_overtime(pieces, days).items():
            if sum(by_why.values()) > law + 1e-9:
                result[(assistant, week_monday.isocalendar()[1])] = sum(by_why.values())
    return result


@settings(max_examples=60, deadline=None)
@given(first=st.sampled_from(FIRST_MONDAYS), specs=st.lists(shift_spec, min_size=1, max_size=40),
       agreement=st.sampled_from(list(Agreement)), split=st.integers(0, 70))
def test_pay_pays_the_hours_the_rule_finds_above_normal_time(ks, first, specs, agreement, split):
    record = build(first, specs, weeks=10, marks=True)
    found = nt.find_overtime(record, agreement)
    lines = pay_lines(record, ks, agreement=agreement)
    paid = _overtime_lines(lines)
    event("overtime found" if paid else "no overtime")
    for assistant in {s.assistant for s in record}:
        counted = sum(p.hours for s, f in zip(record, found) if s.assistant == assistant for p in f)
        by_rule = sum(
            sum(by_why.values())
            for by_why in nt.weekly_overtime(
                [p for s, f in zip(record, found) if s.assistant == assistant for p in f],
                [s.start.astimezone(OSLO).date() for s in record],
            ).values()
        )
        assert paid.get(assistant, 0.0) == pytest.approx(counted, abs=1e-6)
        assert by_rule == pytest.approx(counted, abs=1e-6)
        # Never twice, never lost: ordinary and overtime together are the hours worked.
        worked = sum(s.hours for s in record if s.assistant == assistant)
        ordinary = sum(l.hours for l in lines if l.assistant == assistant and l.kind == "ordinary")
        assert ordinary + paid.get(assistant, 0.0) == pytest.approx(worked, abs=1e-6)

    # The rule reports a weekly finding in exactly the weeks whose overtime passes the Act's limit.
    law = LAW.overtime[0]
    above = _weeks_above(found, record, law)
    weekly = [f for f in check(record, agreement, rules=["overtime"]) if " i uke " in f.message]
    reported = {(f.assistant, int(re.search(r" i uke (\d+) ", f.message).group(1))) for f in weekly}
    assert reported <= set(above) and bool(reported) == bool(above)
    for finding in weekly:
        preset = PRESETS[agreement].overtime[0]
        assert finding.severity == ("error" if above[(finding.assistant, int(re.search(r" i uke (\d+) ",
                                    finding.message).group(1)))] > preset + 1e-9 else "warning")

    # Paying the record in two pay periods, the second with the first as context, pays the same.
    cut = datetime.combine(first + timedelta(days=split), datetime.min.time(), OSLO).timestamp()
    before = [s for s in record if s.start.timestamp() < cut]
    after = [s for s in record if s.start.timestamp() >= cut]
    anchor = nt.plan_anchor(s.start.timestamp() for s in record)
    in_parts = _overtime_lines(pay_lines(before, ks, agreement=agreement, anchor=anchor))
    for assistant, hours in _overtime_lines(
        pay_lines(after, ks, agreement=agreement, context=before, anchor=anchor)
    ).items():
        in_parts[assistant] = in_parts.get(assistant, 0.0) + hours
    assert in_parts == pytest.approx(paid, abs=1e-6)
