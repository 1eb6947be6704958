"""Property: whatever the planner returns as legal, the checker finds no error in it.

Random arrangements: a few templates (day, evening, sleeping nights of 8 and 10 h, a long
day), a need made of blocks of them, three to eight assistants with unavailable weekdays, dates
and codes, any agreement preset, a lock, and a period of three to eight weeks starting
anywhere in 2026 (DST changes and holidays included). Each example gets a few seconds; the
rota found first is judged (``first_legal``), and improving is covered elsewhere.
"""

from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import coverage_gaps
from bpa_desktop.core.model import Agreement, AssistantKind, NeedBlock, ShiftTemplate
from bpa_desktop.core.rules import check
from bpa_desktop.planner import LEGAL, NO_LEGAL_ROTA, UNKNOWN, PlanAssistant, PlanProblem, SolveOptions, plan
from bpa_desktop.planner.verify import check_options

POOL = (
    ShiftTemplate("D", "Dag", "07:00", "15:00"),
    ShiftTemplate("A", "Kveld", "15:00", "23:00"),
    ShiftTemplate("N", "Natt", "23:00", "07:00", "23:30", "06:30"),
    ShiftTemplate("L", "Lang dag", "08:00", "20:00"),
    ShiftTemplate("H", "Hvilende natt", "22:00", "08:00", "23:00", "07:00"),
)
NEED_FOR = {  # what each template could cover
    "D": ("07:00", "15:00", False), "A": ("15:00", "23:00", False), "N": ("23:00", "07:00", True),
    "L": ("09:00", "19:00", False), "H": ("23:00", "07:00", True),
}


@st.composite
def problems(draw):
    templates = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique_by=lambda t: t.code))
    codes = [t.code for t in templates]
    need = []
    for weekday in range(7):
        for code in draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)):
            start, end, passive = NEED_FOR[code]
            need.append(NeedBlock(weekday, start, end, draw(st.sampled_from([1, 1, 1, 1, 2])), passive))
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 330)))
    end = start + timedelta(days=draw(st.integers(20, 56)))
    weeks = draw(st.integers(1, 2))
    people = []
    for n in range(draw(st.integers(3, 8))):
        away = draw(st.lists(st.integers(0, (end - start).days), max_size=3))
        people.append(PlanAssistant(
            id=f"a{n}", name=f"Assistent {n}",
            employment_percent=draw(st.sampled_from([20.0, 50.0, 80.0, 100.0, 100.0])),
            kind=AssistantKind.PERMANENT if n == 0 else draw(st.sampled_from(
                [AssistantKind.PERMANENT] * 4 + [AssistantKind.SUBSTITUTE, AssistantKind.ON_CALL])),
            unavailable_dates=frozenset(start + timedelta(days=d) for d in away),
            unavailable_weekdays=frozenset(draw(st.lists(st.integers(0, 6), max_size=1))),
            cannot=frozenset(draw(st.lists(st.sampled_from(codes), max_size=1))) if n % 3 == 2 else frozenset(),
        ))
    locked = {}
    if draw(st.booleans()):
        locked[(people[0].id, draw(st.integers(0, weeks - 1)), draw(st.integers(0, 6)))] = draw(
            st.sampled_from(codes + [None]))
    agreement = draw(st.sampled_from(list(Agreement)))
    return PlanProblem(tuple(templates), tuple(need), tuple(people), start, end, weeks, agreement, locked=locked)


@settings(max_examples=int(__import__("os").environ.get("PLANNER_EXAMPLES", "25")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_what_the_planner_calls_legal_has_no_error(problem):
    result = plan(problem, SolveOptions(time_limit=4, first_legal=True, explain=False))
    event(result.status)
    assert result.status in (LEGAL, NO_LEGAL_ROTA, UNKNOWN)
    if result.status != LEGAL:
        assert result.proposal is None
        return
    shifts = list(result.proposal.shifts)
    findings = check(shifts, problem.agreement, **check_options(problem))
    assert [f for f in findings if f.severity == "error"] == []
    assert coverage_gaps(problem.need, shifts, problem.start, problem.end) == []
    people = {a.id: a for a in problem.assistants}
    for shift in shifts:
        person, day = people[shift.assistant], cal.to_local(shift.start).date()
        assert day not in person.unavailable_dates
        assert day.weekday() not in person.unavailable_weekdays
        assert shift.code not in person.cannot
        assert problem.start <= day <= problem.end
    for (assistant, week, weekday), code in problem.locked.items():
        assert result.proposal.pattern.cells.get((assistant, week, weekday)) == code
