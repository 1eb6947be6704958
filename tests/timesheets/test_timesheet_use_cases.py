"""The Timelister page's actions as Workspace use cases: one transaction each, and a vikar
covering a shift exists once (the same rota change from a timesheet and from Turnus)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import Assistant, AssistantKind, RotaChangeKind, ShiftKind, TimesheetStatus
from bpa_desktop.workspace import ValidationError, WorkspaceError

OCTOBER = date(2026, 10, 1)


def _first_planned(ws, aid, assistant_id, day=OCTOBER):
    return next(s for s in ws.rota.list_planned_shifts(aid, day, day + timedelta(days=30))
                if s.assistant == str(assistant_id))


def test_a_vikar_covering_from_the_timesheet_is_the_turnus_change(setup):
    ws, aid = setup.ws, setup.arrangement_id
    vikar = ws.people.add_assistant(Assistant(None, aid, "Vera Vikar", "509", 20.0, AssistantKind.SUBSTITUTE))
    first, second = [s for s in ws.rota.list_planned_shifts(aid, OCTOBER, date(2026, 10, 31))
                     if s.assistant == str(setup.day_worker)][:2]
    covered = ws.timesheets.register_deviation(aid, dev.SubstituteCovers(first, vikar.id, "Syk"))
    also = ws.rota.cover_shift(aid, second.id, vikar.id, "Syk")
    for shift in (covered, also):
        assert shift.assistant == str(vikar.id) and shift.kind is ShiftKind.SUBSTITUTE
    changes = ws.rota.list_rota_overrides(aid, OCTOBER, date(2026, 10, 31))
    assert [(c.kind, c.assistant_id, c.reason) for c in changes] == [(RotaChangeKind.SUBSTITUTE, vikar.id, "Syk")] * 2
    sheet = ws.timesheets.preview_timesheet(vikar.id, OCTOBER)
    assert {r.planned.id for r in sheet.rows} == {covered.id, also.id}
    day_sheet = ws.timesheets.preview_timesheet(setup.day_worker, OCTOBER)
    assert covered.id not in {r.planned.id for r in day_sheet.rows if r.planned}


def test_a_vikar_from_another_arrangement_is_refused_the_same_way_on_both_pages(setup):
    ws, aid = setup.ws, setup.arrangement_id
    planned = _first_planned(ws, aid, setup.day_worker)
    for cover in (lambda: ws.rota.cover_shift(aid, planned.id, 999, "Syk"),
                  lambda: ws.timesheets.register_deviation(aid, dev.SubstituteCovers(planned, 999, "Syk"))):
        with pytest.raises(ValidationError) as error:
            cover()
        assert set(error.value.errors) == {"other_assistant_id"}
    assert ws.rota.list_rota_overrides(aid, OCTOBER, date(2026, 10, 31)) == []


def test_another_assistant_taking_the_shift_is_a_worked_swap(setup):
    ws, aid = setup.ws, setup.arrangement_id
    planned = _first_planned(ws, aid, setup.day_worker)
    taken = ws.timesheets.register_deviation(aid, dev.TakenOver(planned, setup.night_worker, "Byttet"))
    assert taken.assistant == str(setup.night_worker) and taken.kind is ShiftKind.SWAP
    assert [s.id for s in ws.timesheets.list_worked_shifts(aid, OCTOBER, date(2026, 10, 31))] == [taken.id]


def test_attesting_a_period_is_one_transaction(setup):
    ws, aid = setup.ws, setup.arrangement_id
    with pytest.raises(WorkspaceError):
        ws.timesheets.attest_period(setup.day_worker, OCTOBER, today=date(2026, 10, 31), unconfirmed_reason="på papir")
    assert ws.timesheets.list_timesheets(aid) == []  # no draft left behind by the failed click
    sheet = ws.timesheets.attest_period(setup.day_worker, OCTOBER, today=setup.after_all, unconfirmed_reason="på papir")
    assert sheet.status is TimesheetStatus.ATTESTED and sheet.version == 1
    assert [s.timesheet_id for s in ws.sync.list_submissions(aid)] == [sheet.id]


def test_confirming_a_period_creates_and_confirms_its_draft_together(setup):
    ws = setup.ws
    sheet = ws.timesheets.confirm_period(setup.night_worker, OCTOBER, today=date(2026, 11, 1))
    assert sheet.status is TimesheetStatus.CONFIRMED and sheet.version == 1
    with pytest.raises(WorkspaceError, match="Bare et utkast"):
        ws.timesheets.confirm_period(setup.night_worker, OCTOBER, today=date(2026, 11, 1))
