"""A legal rota: the checker finds no error in the roll-out, the need is covered, and the
leader's wishes (locks, unavailability, band) hold."""

from datetime import date, timedelta

import pytest

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import coverage_gaps
from bpa_desktop.core.model import Agreement, AssistantKind, ShiftKind
from bpa_desktop.core.rules import check
from bpa_desktop.planner import LEGAL, PlanAssistant, SolveOptions, plan
from bpa_desktop.planner.verify import check_options
from tests.planner.samples import round_the_clock

FAST = SolveOptions(time_limit=20, first_legal=True, explain=False)


def assert_legal(problem, result):
    assert result.status == LEGAL, result.status
    shifts = list(result.proposal.shifts)
    errors = [f for f in check(shifts, problem.agreement, **check_options(problem)) if f.severity == "error"]
    assert errors == []
    assert coverage_gaps(problem.need, shifts, problem.start, problem.end) == []
    assert all(f.severity == "warning" for f in result.proposal.findings)


def test_round_the_clock_under_tariff_is_legal_and_covered():
    problem = round_the_clock(100, 90, 80, 80, 70, 60, 60)
    result = plan(problem, FAST)
    assert_legal(problem, result)
    assert result.first_legal is not None and result.proposal.pattern.weeks == 2


def test_improving_keeps_it_legal_and_reports_objective_and_bound():
    problem = round_the_clock(100, 90, 80, 80, 70, 60, 60, end=date(2026, 4, 26))
    seen = []
    result = plan(problem, SolveOptions(time_limit=6, explain=False), on_progress=seen.append)
    assert_legal(problem, result)
    proposal = result.proposal
    assert proposal.objective is not None and proposal.bound is not None
    assert proposal.bound <= proposal.objective
    assert {p.phase for p in seen} >= {"building", "solving", "checking"}
    assert any(p.objective is not None for p in seen)
    assert proposal.terms["handovers"] >= 2 * 7 * 3 - 1  # 24/7 with three shifts: every start hands over


def test_locks_unavailable_weekdays_and_codes_are_kept():
    base = round_the_clock(100, 90, 80, 80, 70, 60, 60)
    people = list(base.assistants)
    people[0] = PlanAssistant("a0", "Hanne", 100, unavailable_weekdays=frozenset({5, 6}))
    people[1] = PlanAssistant("a1", "Amir", 90, cannot=frozenset({"N"}))
    locked = {("a2", 0, 0): "N", ("a3", 1, 2): None}
    problem = base.__class__(**{**base.__dict__, "assistants": tuple(people), "locked": locked})
    result = plan(problem, FAST)
    assert_legal(problem, result)
    cells = result.proposal.pattern.cells
    assert not any(a == "a0" and d >= 5 for a, _, d in cells)
    assert "N" not in {code for (a, _, _), code in cells.items() if a == "a1"}
    assert cells[("a2", 0, 0)] == "N" and ("a3", 1, 2) not in cells


def test_unavailable_dates_are_covered_by_substitutes():
    base = round_the_clock(100, 90, 80, 80, 70, 60, 60)
    away = frozenset(date(2026, 4, 6) + timedelta(days=i) for i in range(10))
    people = list(base.assistants)
    people[0] = PlanAssistant("a0", "Sara", 100, unavailable_dates=away)
    people.append(PlanAssistant("v", "Vikar", 30, AssistantKind.ON_CALL))
    problem = base.__class__(**{**base.__dict__, "assistants": tuple(people)})
    result = plan(problem, FAST)
    assert_legal(problem, result)
    shifts = result.proposal.shifts
    assert not [s for s in shifts if s.assistant == "a0" and cal.to_local(s.start).date() in away]
    substituted = [s for s in shifts if s.kind is ShiftKind.SUBSTITUTE]
    assert len(substituted) == len(result.proposal.substitutes) > 0
    assert not any(a == "v" for a, _, _ in result.proposal.pattern.cells)  # on call: no pattern


@pytest.mark.parametrize("band", [(50.0, 90.0)])
def test_contract_band_holds_on_the_roll_out(band):
    base = round_the_clock(100, 100, 100, 100, 100, 100)
    problem = base.__class__(**{**base.__dict__, "band": base.band.__class__(*band)})
    result = plan(problem, FAST)
    assert_legal(problem, result)
    weeks = len({cal.iso_monday(d) for d in cal.days(problem.start, problem.end)})
    for person in problem.assistants:
        hours = sum(s.hours for s in result.proposal.shifts if s.assistant == person.id) / weeks
        contract = person.employment_percent / 100 * 37.5
        assert band[0] / 100 * contract - 1e-6 <= hours <= band[1] / 100 * contract + 1e-6


def test_relief_preset_allows_long_shifts_with_rest_around_them():
    from bpa_desktop.core.model import NeedBlock, ShiftTemplate
    from bpa_desktop.planner import PlanProblem

    weekend = ShiftTemplate("H", "Helg", "16:00", "16:00")  # 24 h
    need = (NeedBlock(4, "16:00", "16:00"), NeedBlock(5, "16:00", "16:00"))
    problem = PlanProblem((weekend,), need, (PlanAssistant("a", "Kari", 70), PlanAssistant("b", "Per", 70)),
                          date(2026, 1, 5), date(2026, 3, 1), 2, Agreement.RELIEF)
    result = plan(problem, FAST)
    assert_legal(problem, result)
    # 24 h shifts are an error under the law (over 13 h a day) but legal relief work.
    assert max(s.hours for s in result.proposal.shifts) == 24
    assert any(f.severity == "error" for f in check(list(result.proposal.shifts), Agreement.AML))
