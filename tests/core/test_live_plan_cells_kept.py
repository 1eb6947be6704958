"""The live plan keeps each finding's pattern cells across edits; after any run of edits the
kept cells are the ones a plan built fresh from the same pattern finds."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.live_plan import LivePlan, PlanSetup
from bpa_desktop.core.model import Agreement, Assistant, ShiftTemplate

TEMPLATES = {
    "D": ShiftTemplate("D", "Dagvakt", "08:00", "15:30"),
    "A": ShiftTemplate("A", "Kveldsvakt", "15:00", "22:30"),
    "N": ShiftTemplate("N", "Nattevakt", "22:00", "08:00"),
    "L": ShiftTemplate("L", "Langvakt", "08:00", "22:00"),
}
PEOPLE = [Assistant(1, 1, "Kari", "1", 100), Assistant(2, 1, "Ola", "2", 60)]
WEEKS = 2
START = date(2026, 3, 2)  # over Easter and the change to summer time
cell = st.tuples(st.sampled_from([1, 2]), st.integers(0, WEEKS - 1), st.integers(0, 6))
edit = st.tuples(cell, st.sampled_from(["D", "A", "N", "L", ""]))


def setup() -> PlanSetup:
    return PlanSetup(PEOPLE, TEMPLATES, Agreement.AML, (), START, START + timedelta(weeks=10, days=-1))


def cells_everywhere(plan: LivePlan) -> dict:
    return {finding: set(plan.cells_of(finding)) for finding in plan.findings}


@settings(max_examples=40, deadline=None)
@given(st.lists(edit, min_size=1, max_size=12))
def test_kept_cells_are_what_a_fresh_plan_finds(edits):
    cells: dict = {}
    plan = LivePlan(setup(), WEEKS, cells)
    plan.findings = plan.full_check()
    cells_everywhere(plan)  # fill what it keeps
    for key, code in edits:
        if code:
            cells[key] = code
        else:
            cells.pop(key, None)
        plan.edit([key])
        kept = cells_everywhere(plan)
        fresh = LivePlan(setup(), WEEKS, dict(cells))
        assert kept == {finding: set(fresh.cells_of(finding)) for finding in plan.findings}


def test_an_edit_forgets_only_what_it_could_have_moved():
    cells = {(1, 0, 0): "N", (1, 0, 1): "D", (2, 0, 2): "N", (2, 0, 3): "D"}
    plan = LivePlan(setup(), WEEKS, cells)
    plan.findings = plan.full_check()
    before = cells_everywhere(plan)
    assert before  # daily rest after each night
    cells[(1, 1, 5)] = "A"
    plan.edit([(1, 1, 5)])
    olas = {f for f in plan.findings if f.assistant == "2"}
    assert olas and all(f in plan._cells for f in olas)  # Ola's were not touched
