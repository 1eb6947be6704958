"""The demo's rota is the planner's (demo.PLANNED_ROTAS, from tools/make_demo_rota.py): from
the demo's first day, whatever today is, the chosen pattern has no error under the tariff
preset and covers the need it was planned for; the Turnus page shows no error."""

from __future__ import annotations

from datetime import date

import pytest

from bpa_desktop import demo
from bpa_desktop.core import calendar as cal
from bpa_desktop.planner.verify import Assignment, judge


@pytest.mark.parametrize("year", range(2025, 2036))
def test_a_stored_pattern_is_legal_from_the_demos_first_day(year):
    """The rota runs from the Monday of 1 January's week to the end of the next year, so
    one period a year: every one from 2025 to 2035 is checked."""
    start, end = demo.demo_period(date(year, 6, 1))
    assert start == cal.iso_monday(date(year, 1, 1)) and end == date(year + 1, 12, 31)
    lines = demo.choose_rota(start, end)
    assert lines is not None, today
    cells = {(str(r), d // 7, d % 7): c for r, line in enumerate(lines) for d, c in enumerate(line) if c != "."}
    verdict = judge(demo.rota_problem(start, end), Assignment(cells))
    assert verdict.errors == [] and verdict.gaps == ()
    assert sum(len(line) - line.count(".") for line in lines) == 4 * 9  # 9 shifts a week: 70 h


def test_the_demo_database_holds_the_chosen_pattern(demo_workspace, demo_arrangement_id, demo_today):
    start, end = demo.demo_period(demo_today)
    lines = demo.choose_rota(start, end)
    ids = [a.id for a in demo_workspace.people.list_assistants(demo_arrangement_id)]
    by_number = {a.employee_no: a.id for a in demo_workspace.people.list_assistants(demo_arrangement_id)}
    order = [by_number[p[1]] for p in demo.PERMANENT] + [by_number[demo.SUBSTITUTE[1]]]
    assert sorted(order) == sorted(ids)
    assert dict(demo_workspace.rota.current_rota(demo_arrangement_id).cells) == demo.rota_cells(order, lines)
