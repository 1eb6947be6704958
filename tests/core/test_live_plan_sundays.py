"""The Turnus page marks the cells of a Sunday-work finding with the rules' own window:
from 18:00 the day before (15:00 on Christmas, Easter and Whitsun Eve) to 22:00."""

from __future__ import annotations

from datetime import date, timedelta

from bpa_desktop.core.live_plan import LivePlan, PlanSetup
from bpa_desktop.core.model import Agreement, Assistant, ShiftTemplate

TEMPLATES = {
    "D": ShiftTemplate("D", "Dagvakt", "08:00", "15:30"),
    "A": ShiftTemplate("A", "Kveldsvakt", "15:00", "22:30"),
    "E": ShiftTemplate("E", "Tidligvakt", "07:00", "14:30"),
}


def _plan(cells, start=date(2026, 6, 1)) -> LivePlan:
    setup = PlanSetup([Assistant(1, 1, "A", "1", 100)], TEMPLATES, Agreement.AML, (), start,
                      start + timedelta(weeks=4, days=-1))
    return LivePlan(setup, 1, cells)


def _sunday_finding(plan):
    return next(f for f in plan.full_check() if f.rule == "sunday-work")


def test_a_saturday_day_shift_before_18_is_not_sunday_work():
    plan = _plan({(1, 0, 5): "D", (1, 0, 6): "D"})  # Saturday and Sunday day shifts, every week
    assert plan.cells_of(_sunday_finding(plan)) == {(1, 0, 6)}


def test_a_saturday_evening_into_the_window_is_sunday_work():
    plan = _plan({(1, 0, 5): "A", (1, 0, 6): "D"})  # Saturday 15:00-22:30 reaches past 18:00
    assert plan.cells_of(_sunday_finding(plan)) == {(1, 0, 5), (1, 0, 6)}


def test_on_christmas_eve_the_window_opens_at_15():
    # 2026-12-24 is a Thursday; working Christmas (25-27 Dec) and New Year's Day in a row is
    # a finding. A Christmas Eve shift counts when it reaches past 15:00, not before.
    start = date(2026, 12, 21)
    late = _plan({(1, 0, 3): "D", (1, 0, 4): "D", (1, 0, 6): "D"}, start)  # D ends 15:30
    early = _plan({(1, 0, 3): "E", (1, 0, 4): "D", (1, 0, 6): "D"}, start)  # E ends 14:30
    assert (1, 0, 3) in late.cells_of(_sunday_finding(late))
    assert (1, 0, 3) not in early.cells_of(_sunday_finding(early))
