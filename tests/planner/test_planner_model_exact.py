"""The model never refuses a rota the checker accepts.

When no legal rota exists the planner says so; that is only true if every rule the model
encodes is at most as strict as ``core.rules.check``. Rule by rule the model reads the rules
exactly as the checker does, both ways (the second test). Random patterns (no need, so that
most of them are legal) are judged by the checker; every one it finds no error in must be
feasible in the model with its cells fixed. (The other direction, that nothing the model
allows is returned with an error, is test_planner_property.)
"""

from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from bpa_desktop.core.model import Agreement
from bpa_desktop.core.rota import RotaPattern, roll_out
from bpa_desktop.core.rules import check
from bpa_desktop.planner import ContractBand, PlanAssistant, PlanProblem
from bpa_desktop.planner.forms import build_forms
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.model import PlanModel
from bpa_desktop.planner.verify import check_options
from tests.planner.test_planner_property import POOL


@st.composite
def patterns(draw, dense: bool = False):
    templates = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique_by=lambda t: t.code))
    weeks = draw(st.integers(1, 3))
    start = date(2026, 1, 5) + timedelta(weeks=draw(st.integers(0, 45)))
    end = start + timedelta(days=draw(st.integers(14, 200)))
    people = tuple(PlanAssistant(f"a{n}", f"A{n}", 100.0) for n in range(2))
    cells = {}
    for person in people:
        size = dict(min_size=4 * weeks, max_size=7 * weeks) if dense else dict(max_size=4 * weeks)
        for k in draw(st.lists(st.integers(0, 7 * weeks - 1), unique=True, **size)):
            cells[(person.id, k // 7, k % 7)] = draw(st.sampled_from(templates)).code
    agreement = draw(st.sampled_from(list(Agreement)))
    problem = PlanProblem(tuple(templates), (), people, start, end, weeks, agreement,
                          band=ContractBand(0, 1000))
    return problem, cells


@settings(max_examples=int(__import__("os").environ.get("PLANNER_EXAMPLES", "80")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patterns())
def test_a_rota_the_checker_accepts_is_feasible_in_the_model(case):
    problem, cells = case
    shifts = _shifts(problem, cells)
    if not shifts or any(f.severity == "error" for f in check(shifts, problem.agreement, **check_options(problem))):
        event("the checker refuses it")
        return
    event("the checker accepts it")
    assert _model_allows(problem, cells)


RULES = ("overlap", "daily-rest", "weekly-rest", "daily-hours", "weekly-hours", "average-hours",
         "overtime", "sunday-work")


@settings(max_examples=int(__import__("os").environ.get("PLANNER_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patterns(dense=True))
def test_each_rule_alone_reads_as_the_checker_reads_it(case):
    """Rule by rule, on busy patterns: the model (that rule's encoding alone) refuses a rota
    exactly when the checker (that rule alone) finds an error in it. Rotas with overlapping
    shifts are judged on ``overlap`` only: the other encodings assume one shift at a time."""
    problem, cells = case
    shifts = _shifts(problem, cells)
    if not shifts:
        return
    overlapping = any(f.severity == "error" for f in check(shifts, problem.agreement, rules=["overlap"]))
    for rule in ("overlap",) if overlapping else RULES:
        error = any(f.severity == "error"
                    for f in check(shifts, problem.agreement, rules=[rule], **check_options(problem)))
        event(f"{rule}: {'error' if error else 'legal'}")
        skip = frozenset(RULES) - {rule}
        assert _model_allows(problem, cells, skip) is not error, rule


def _shifts(problem, cells):
    templates = {t.code: t for t in problem.templates}
    return roll_out(RotaPattern(problem.weeks, cells), templates, problem.start, problem.end, anchor=problem.anchor)


def _model_allows(problem, cells, skip=frozenset()) -> bool:
    horizon = Horizon(problem)
    model = PlanModel(problem, horizon, build_forms(horizon, problem.agreement, skip), objective=False, skip=skip)
    codes = [t.code for t in problem.templates]
    for a, person in enumerate(model.people):
        for key, var in model.x[a].items():
            k, t = divmod(key, model.T)
            model.m.add(var == int(cells.get((person.id, k // 7, k % 7)) == codes[t]))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 10
    return solver.solve(model.m) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
