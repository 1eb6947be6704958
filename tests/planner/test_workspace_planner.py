"""ws.planner: the problem read from the database, a proposal applied as one transaction
(a rota version and its substitutes, audited) and undone, and Finn vikar through the one
table of plan changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bpa_desktop.core.model import (
    Absence,
    AbsenceKind,
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    NeedBlock,
    RotaChangeKind,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.core import calendar as cal
from bpa_desktop.planner import ContractBand, Planner, SolveOptions
from bpa_desktop.workspace import ValidationError, WorkspaceError

START, END = date(2026, 10, 12), date(2026, 11, 8)  # four weeks, the autumn DST change inside
DAY = ShiftTemplate("D", "Dagvakt", "08:00", "15:30", colour="#59a14f")
NEED = tuple(NeedBlock(d, "08:00", "15:30") for d in range(7))


@pytest.fixture
def small(workspace):
    arrangement = workspace.people.create_arrangement(ArrangementSetup(
        Arrangement(None, "Liten", "Mottaker", "Leder", EmployerKind.MUNICIPALITY, "Testvik kommune",
                    "974760673", "Testvik", Agreement.TARIFF, "ks"),
        Vedtak(None, None, 52.5, date(2026, 1, 1), date(2026, 12, 31)),
        (Assistant(None, None, "Kari Nordmann", "101", 60.0, start_date=date(2025, 1, 1)),
         Assistant(None, None, "Per Hansen", "102", 60.0, start_date=date(2025, 1, 1)),
         Assistant(None, None, "Ola Berg", "103", 50.0, start_date=date(2025, 1, 1)),
         Assistant(None, None, "Vera Vikar", "104", 20.0, AssistantKind.SUBSTITUTE, start_date=date(2025, 1, 1))),
    ))
    workspace.rota.save_shift_template(arrangement.id, DAY)
    workspace.rota.save_need_pattern(arrangement.id, NEED)
    ids = {a.employee_no: a.id for a in workspace.people.list_assistants(arrangement.id)}
    return workspace, arrangement.id, ids


def solve(problem):
    result = Planner(problem, SolveOptions(time_limit=8, first_legal=True, explain=False)).run()
    assert result.legal, result.status
    return result.proposal


def occurrences(ws, arrangement_id):
    return sorted((s.assistant, s.start, s.end, s.code) for s in ws.rota.list_planned_shifts(arrangement_id, START, END))


def test_problem_reads_the_arrangement_absences_and_locked_cells(small):
    ws, arrangement_id, ids = small
    ws.timesheets.add_absence(Absence(None, ids["101"], AbsenceKind.HOLIDAY, date(2026, 10, 20), date(2026, 10, 21)))
    problem = ws.planner.problem(arrangement_id, START, end=END, weeks=2,
                                 locked={(ids["102"], 0, 0): "D", (ids["103"], 0, 0): None})
    assert problem.weeks == 2 and problem.end == END and problem.agreement is Agreement.TARIFF
    assert [t.code for t in problem.templates] == ["D"] and len(problem.need) == 7
    kari = problem.assistant(str(ids["101"]))
    assert kari.unavailable_dates == {date(2026, 10, 20), date(2026, 10, 21)}
    assert problem.assistant(str(ids["104"])).kind is AssistantKind.SUBSTITUTE
    assert problem.locked == {(str(ids["102"]), 0, 0): "D", (str(ids["103"]), 0, 0): None}
    # the default period runs to the end of the vedtak in force
    assert ws.planner.problem(arrangement_id, START).end == date(2026, 12, 31)


def test_apply_writes_the_version_and_its_substitutes_in_one_audited_transaction_and_undo_puts_it_back(small):
    ws, arrangement_id, ids = small
    old = {(ids[n], 0, d): "D" for n, days in (("101", (0, 1, 2)), ("102", (3, 4)), ("103", (5, 6))) for d in days}
    ws.rota.save_rota(arrangement_id, "Gammel", 1, START, END, old)
    before = occurrences(ws, arrangement_id)
    ws.timesheets.add_absence(Absence(None, ids["102"], AbsenceKind.HOLIDAY, date(2026, 10, 26), date(2026, 11, 1)))
    problem = ws.planner.problem(arrangement_id, START, end=END, weeks=2, band=ContractBand(80, 100))
    proposal = solve(problem)
    assert proposal.substitutes  # Per's week away is taken by others
    audit_before = len(ws.audit.entries(arrangement_id))

    applied = ws.planner.apply_proposal(arrangement_id, proposal, name="Forslag", start=START, end=END)

    current = ws.rota.current_rota(arrangement_id)
    assert current.id == applied.rota_id and current.name == "Forslag" and current.weeks == 2
    assert {(str(a), w, d): c for (a, w, d), c in current.cells.items()} == dict(proposal.pattern.cells)
    # the planned shifts are the proposal's roll-out with its substitutes applied
    assert occurrences(ws, arrangement_id) == sorted((s.assistant, s.start, s.end, s.code) for s in proposal.shifts)
    changes = ws.rota.list_rota_overrides(arrangement_id, START, END)
    assert len(changes) == len(proposal.substitutes) == len(applied.change_ids)
    assert all(c.kind is RotaChangeKind.SUBSTITUTE for c in changes)
    assert {c.day for c in changes} <= set(cal.days(date(2026, 10, 26), date(2026, 11, 1)))
    assert {c.occurrence.split(':')[0] for c in changes} == {str(ids['102'])}
    entries = ws.audit.entries(arrangement_id)
    assert len(entries) == audit_before + 1  # one use case, one audit entry
    assert entries[0].action == "create" and entries[0].entity == "rota" and "proposal" in entries[0].detail

    restored = ws.planner.undo_proposal(applied)
    assert occurrences(ws, arrangement_id) == before
    assert ws.rota.list_rota_overrides(arrangement_id, START, END) == []
    again = ws.rota.current_rota(arrangement_id)
    assert again.id == restored and again.name == "Gammel" and dict(again.cells) == old
    assert ws.audit.entries(arrangement_id)[0].action == "undo"


def test_a_refused_apply_leaves_nothing_behind(small):
    ws, arrangement_id, ids = small
    problem = ws.planner.problem(arrangement_id, START, end=END, weeks=2)
    proposal = solve(problem)
    stranger = replace(proposal.substitutes[0], assistant="999999") if proposal.substitutes else None
    from bpa_desktop.core.rota import Substitute

    bad = replace(proposal, substitutes=(stranger or Substitute(
        shift_id=f"{ids['101']}:2026-10-12:D", assistant="999999", reason="x"),))
    with pytest.raises(ValidationError):
        ws.planner.apply_proposal(arrangement_id, bad, name="Forslag", start=START, end=END)
    assert ws.rota.current_rota(arrangement_id) is None
    assert ws.rota.list_planned_shifts(arrangement_id, START, END) == []
    assert ws.rota.list_rota_overrides(arrangement_id, START, END) == []
    with pytest.raises(ValidationError):  # made for another start date
        ws.planner.apply_proposal(arrangement_id, proposal, name="Forslag", start=date(2026, 10, 19), end=END)


def test_undo_is_refused_once_the_rota_was_saved_again(small):
    ws, arrangement_id, _ = small
    proposal = solve(ws.planner.problem(arrangement_id, START, end=END, weeks=2))
    applied = ws.planner.apply_proposal(arrangement_id, proposal, name="Forslag", start=START, end=END)
    ws.rota.save_rota(arrangement_id, "Ny", 1, START, END, {})
    with pytest.raises(WorkspaceError):
        ws.planner.undo_proposal(applied)
    assert ws.rota.current_rota(arrangement_id).name == "Ny"


def test_finn_vikar_for_a_sick_day_gives_the_shift_through_the_one_change_table(small):
    ws, arrangement_id, ids = small
    cells = {(ids[n], 0, d): "D" for n, days in (("101", (0, 1, 2)), ("102", (3, 4)), ("103", (5, 6))) for d in days}
    ws.rota.save_rota(arrangement_id, "Uke", 1, START, END, cells)
    sick_day = date(2026, 10, 14)
    ws.timesheets.add_absence(Absence(None, ids["101"], AbsenceKind.SELF_CERTIFIED, sick_day, sick_day))
    shift = next(s for s in ws.rota.list_planned_shifts(arrangement_id, sick_day, sick_day) if s.assistant == str(ids["101"]))
    search = ws.planner.find_vikar(arrangement_id, shift)
    names = [c.name for c in search.candidates]
    assert "Kari Nordmann" not in names and {"Per Hansen", "Ola Berg", "Vera Vikar"} <= set(names)
    chosen = search.candidates[0]
    covered = ws.planner.give_to_vikar(arrangement_id, shift, int(chosen.assistant), "Kari er syk")
    assert covered.assistant == chosen.assistant
    (change,) = ws.rota.list_rota_overrides(arrangement_id, sick_day, sick_day)
    assert change.kind is RotaChangeKind.SUBSTITUTE and change.reason == "Kari er syk"
    assert change.assistant_id == int(chosen.assistant)


def test_finn_vikar_for_a_cancelled_shift_fills_the_need_gap_as_an_extra_shift(small):
    ws, arrangement_id, ids = small
    cells = {(ids[n], 0, d): "D" for n, days in (("101", (0, 1, 2)), ("102", (3, 4)), ("103", (5, 6))) for d in days}
    ws.rota.save_rota(arrangement_id, "Uke", 1, START, END, cells)
    day = date(2026, 10, 15)
    shift = next(s for s in ws.rota.list_planned_shifts(arrangement_id, day, day))
    ws.rota.change_planned_shift(arrangement_id, shift.id, kind="cancel", reason="Avlyst")
    (gap,) = ws.planner.need_gaps(arrangement_id, day)
    assert gap.code == "D" and gap.assistant == "" and gap.start.hour == 8
    search = ws.planner.find_vikar(arrangement_id, gap)
    assert search.candidates
    given = ws.planner.give_to_vikar(arrangement_id, gap, int(search.candidates[0].assistant), "Trenger dekning")
    assert given.code == "D" and ws.rota.coverage_gaps(arrangement_id, day, day) == []
    kinds = sorted(c.kind.value for c in ws.rota.list_rota_overrides(arrangement_id, day, day))
    assert kinds == ["cancel", "extra"]
