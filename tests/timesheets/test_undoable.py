"""ws.undoable: every change a person can undo is undone by its inverse use case, so the
records are as before; the undo's receipt redoes it, so they are as after. Undo refuses when
the records have changed since, and inside an attested period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import Absence, AbsenceKind, Assistant, AssistantKind, Shift, ShiftKind, TimesheetStatus
from bpa_desktop.workspace import TimesheetLockedError, WorkspaceError
from tests.records import records

OCTOBER = date(2026, 10, 1)
FIRST, LAST = date(2026, 9, 1), date(2026, 12, 31)


def state(ws, aid) -> dict:
    return records(ws, aid, FIRST, LAST, tuple(date(2026, month, 1) for month in (9, 10, 11, 12)))


def planned(ws, aid, assistant_id, day=OCTOBER, index=0):
    return [s for s in ws.rota.list_planned_shifts(aid, day, day + timedelta(days=30))
            if s.assistant == str(assistant_id)][index]


def undo_redo(ws, aid, do):
    """Do, undo, redo, undo again: the records follow exactly, and each step is audited."""
    before = state(ws, aid)
    done = do()
    after = state(ws, aid)
    assert after != before
    undone = ws.undoable.undo(done)
    assert state(ws, aid) == before
    assert ws.audit.entries(aid, 1)[0].action == "undo"
    redone = ws.undoable.undo(undone)
    assert state(ws, aid) == after
    ws.undoable.undo(redone)
    assert state(ws, aid) == before
    return done


@pytest.fixture
def vikar(setup):
    return setup.ws.people.add_assistant(
        Assistant(None, setup.arrangement_id, "Vera Vikar", "509", 20.0, AssistantKind.SUBSTITUTE))


# --- calendar changes --------------------------------------------------------------------------

def test_swap(setup):
    ws, aid = setup.ws, setup.arrangement_id
    day, night = planned(ws, aid, setup.day_worker), planned(ws, aid, setup.night_worker)
    undo_redo(ws, aid, lambda: ws.undoable.change_shift(aid, day.id, kind="swap", reason="Bytte",
                                                         other_shift_id=night.id))


def test_substitute(setup, vikar):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    done = undo_redo(ws, aid, lambda: ws.undoable.change_shift(aid, shift.id, kind="substitute", reason="Syk",
                                                                other_assistant_id=vikar.id))
    assert done.after[0].assistant == str(vikar.id) and done.before[0].assistant == str(setup.day_worker)


def test_cancel_brings_the_shift_back(setup):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.night_worker)
    undo_redo(ws, aid, lambda: ws.undoable.change_shift(aid, shift.id, kind="cancel", reason="Ikke behov"))


def test_new_times_keep_the_passive_time_of_before(setup):
    ws, aid = setup.ws, setup.arrangement_id
    night = planned(ws, aid, setup.night_worker)
    start, end = night.start + timedelta(hours=2), night.end  # the passive time is cut to fit
    undo_redo(ws, aid, lambda: ws.undoable.change_shift(aid, night.id, kind="change_times", reason="Senere",
                                                         start=start, end=end))


def test_extra_shift(setup):
    ws, aid = setup.ws, setup.arrangement_id
    start = datetime(2026, 10, 8, 17, tzinfo=cal.OSLO)
    extra = Shift(str(setup.day_worker), start, start + timedelta(hours=4), code="D")
    undo_redo(ws, aid, lambda: ws.undoable.add_extra_shift(aid, extra, "Bursdag"))


def test_undo_of_an_earlier_change_waits_for_the_later_one(setup, vikar):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    first = ws.undoable.change_shift(aid, shift.id, kind="substitute", reason="Syk", other_assistant_id=vikar.id)
    later = ws.undoable.change_shift(aid, first.after[0].id, kind="change_times", reason="Kortere",
                                     start=shift.start, end=shift.end - timedelta(hours=2))
    with pytest.raises(WorkspaceError, match="siste endringen"):
        ws.undoable.undo(first)
    ws.undoable.undo(later)
    ws.undoable.undo(first)
    assert planned(ws, aid, setup.day_worker) == replace(shift, id=planned(ws, aid, setup.day_worker).id)


def test_a_roll_out_that_rewrote_the_shift_makes_undo_refuse(setup):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    done = ws.undoable.change_shift(aid, shift.id, kind="change_times", reason="Kortere",
                                    start=shift.start, end=shift.end - timedelta(hours=1))
    ws.rota.replace_planned_shifts(aid, OCTOBER, OCTOBER + timedelta(days=30), [], "import")
    before = state(ws, aid)
    with pytest.raises(WorkspaceError):
        ws.undoable.undo(done)
    assert state(ws, aid) == before


# --- the timesheet ----------------------------------------------------------------------------

def test_absence(setup):
    ws, aid = setup.ws, setup.arrangement_id
    absence = Absence(None, setup.day_worker, AbsenceKind.SELF_CERTIFIED, date(2026, 10, 5), date(2026, 10, 7), 100,
                      "Syk")
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(aid, dev.Absent(absence)))


def test_vikar_covers_from_the_timesheet(setup, vikar):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(aid, dev.SubstituteCovers(shift, vikar.id, "Syk")))


def test_changed_times_of_a_planned_and_then_of_a_registered_shift(setup):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    first = undo_redo(ws, aid, lambda: ws.undoable.register_deviation(
        aid, dev.ChangedTimes(shift, shift.start, shift.end + timedelta(hours=1), "Ble lenger")))
    recorded = ws.undoable.register_deviation(
        aid, dev.ChangedTimes(shift, shift.start, shift.end + timedelta(hours=1), "Ble lenger"))
    assert type(first).__name__ == "WorkedAdded" and recorded.shift.id.startswith("w")
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(
        aid, dev.ChangedTimes(recorded.shift, shift.start, shift.end + timedelta(hours=2), "Enda lenger")))


def test_extra_work_taken_over_passive_active_and_not_worked(setup):
    ws, aid = setup.ws, setup.arrangement_id
    start = datetime(2026, 10, 9, 10, tzinfo=cal.OSLO)
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(
        aid, dev.ExtraWork(setup.day_worker, start, start + timedelta(hours=3), "Tur", ShiftKind.OVERTIME)))
    day = planned(ws, aid, setup.day_worker, index=1)
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(aid, dev.TakenOver(day, setup.night_worker, "Byttet")))
    night = planned(ws, aid, setup.night_worker)
    woke = night.passive[0].start + timedelta(hours=1)
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(
        aid, dev.PassiveBecameActive(night, woke, woke + timedelta(hours=1), "Urolig natt")))
    undo_redo(ws, aid, lambda: ws.undoable.register_deviation(aid, dev.NotWorked(day, "Avlyst")))


def test_registering_a_shift_as_worked(setup):
    ws, aid = setup.ws, setup.arrangement_id
    shift = planned(ws, aid, setup.day_worker)
    undo_redo(ws, aid, lambda: ws.undoable.record_worked_shift(aid, shift))


def test_confirmation_is_withdrawn_with_what_it_settled(setup):
    ws, aid = setup.ws, setup.arrangement_id
    done = undo_redo(ws, aid, lambda: ws.undoable.confirm_period(setup.day_worker, OCTOBER,
                                                                  today=date(2026, 10, 20)))
    assert done.created and done.settled_worked  # the past days were settled into the record
    assert ws.timesheets.preview_timesheet(setup.day_worker, OCTOBER).timesheet is None


def test_nothing_in_an_attested_period_is_undone(setup):
    ws, aid = setup.ws, setup.arrangement_id
    absence = Absence(None, setup.day_worker, AbsenceKind.SELF_CERTIFIED, date(2026, 10, 5), date(2026, 10, 5), 100,
                      "Syk")
    done = ws.undoable.register_deviation(aid, dev.Absent(absence))
    confirmed = ws.undoable.confirm_period(setup.day_worker, OCTOBER, today=setup.after_all)
    sheet = ws.timesheets.attest_period(setup.day_worker, OCTOBER, today=setup.after_all)
    assert sheet.status is TimesheetStatus.ATTESTED
    before = state(ws, aid)
    with pytest.raises(TimesheetLockedError):
        ws.undoable.undo(done)
    with pytest.raises(WorkspaceError):
        ws.undoable.undo(confirmed)
    assert state(ws, aid) == before
    assert ws.timesheets.verify_timesheet(sheet.id)
