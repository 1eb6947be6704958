"""Absence with pay, and "X is sick, Y covers": the sick assistant's planned hours are paid on
sick-pay lines (with their supplements) inside the employer period, the vikar's shift and the
absence point at each other, and it all is one transaction."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, Assistant, AssistantKind, Shift, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus
from bpa_desktop.workspace.errors import ValidationError, WorkspaceError

MONDAY = date(2026, 9, 14)  # the day worker has D 08-16 Monday to Wednesday


@pytest.fixture
def vikar(setup):
    return setup.ws.people.add_assistant(
        Assistant(None, setup.arrangement_id, "Vera Vikar", "599", 20.0, AssistantKind.SUBSTITUTE)).id


def _lines(detail) -> dict[str, float]:
    return {line.kind: round(line.hours, 4) for line in detail.pay_lines}


def test_sick_and_covered_in_one_go_links_both_sheets_and_pays_sick_lines(setup, vikar):
    ws = setup.ws
    result = ws.timesheets.register_deviation(setup.arrangement_id, dev.SickCovered(
        Absence(None, setup.day_worker, AbsenceKind.SELF_CERTIFIED, MONDAY, MONDAY + date.resolution * 2),
        vikar, "Syk, Vera tar vaktene"))
    assert len(result.covered) == 3 and {s.assistant for s in result.covered} == {str(vikar)}

    sick = ws.timesheets.preview_timesheet(setup.day_worker, MONDAY)
    covered = [r for r in sick.rows if r.status is RowStatus.COVERED]
    assert [r.day for r in covered] == [MONDAY, MONDAY + date.resolution, MONDAY + 2 * date.resolution]
    assert all(r.covered_by == vikar and r.absence_pay.paid for r in covered)
    assert [r.absence_pay.employer_day for r in covered] == [1, 2, 3]
    assert all(r.lines == {"sick": 8.0} for r in covered)  # 08-16 on weekdays: no supplement
    assert _lines(sick)["sick"] == 24.0 and sick.total_hours == 14 * 8 - 24  # 14 day shifts in September, 3 not worked

    cover = ws.timesheets.preview_timesheet(vikar, MONDAY)
    rows = [r for r in cover.rows if r.day == MONDAY]
    assert rows and rows[0].counted and rows[0].covers.assistant_id == setup.day_worker
    assert rows[0].covers.absence is AbsenceKind.SELF_CERTIFIED
    assert _lines(cover) == {"ordinary": 24.0}


def test_the_night_a_vikar_covers_pays_the_sick_night_supplements(setup, vikar):
    ws = setup.ws
    saturday = date(2026, 9, 19)
    ws.timesheets.register_sick_cover(setup.arrangement_id, dev.SickCovered(
        Absence(None, setup.night_worker, AbsenceKind.SICK_NOTE, saturday, saturday), vikar, "Syk natt"))
    sick = ws.timesheets.preview_timesheet(setup.night_worker, saturday)
    (row,) = [r for r in sick.rows if r.status is RowStatus.COVERED]
    # N 22:00-08:00 Saturday night: 10 h, 17-06 window 8 h, weekend Sat 22-24 and Sunday 00-08
    assert {k: round(v, 4) for k, v in row.lines.items()} == {
        "sick": 10.0, "sick-evening-night": 8.0, "sick-weekend": 10.0}


def test_a_failing_cover_stores_no_absence(setup, vikar):
    ws = setup.ws
    saturday, tuesday = date(2026, 9, 19), date(2026, 9, 15)
    ws.rota.cover_shift(setup.arrangement_id,
                        next(s.id for s in ws.rota.list_planned_shifts(setup.arrangement_id, saturday, saturday)),
                        vikar, "Vera tar natta")
    ws.rota.add_extra_planned_shift(setup.arrangement_id, Shift(
        str(vikar), datetime(2026, 9, 15, 10, tzinfo=OSLO), datetime(2026, 9, 15, 14, tzinfo=OSLO)), "Kurs")
    everything = (date(2026, 1, 1), date(2026, 12, 31))
    before = ws.timesheets.list_absences(setup.arrangement_id, *everything)
    # the night worker has no open shift left that Saturday: nothing to cover, nothing stored
    with pytest.raises(ValidationError) as nothing:
        ws.timesheets.register_sick_cover(setup.arrangement_id, dev.SickCovered(
            Absence(None, setup.night_worker, AbsenceKind.SICK_NOTE, saturday, saturday), vikar, "Syk"))
    assert "absence_start" in nothing.value.errors
    # the vikar already works on Tuesday 10-14: the day shift 08-16 clashes
    with pytest.raises(ValidationError) as busy:
        ws.timesheets.register_sick_cover(setup.arrangement_id, dev.SickCovered(
            Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, tuesday, tuesday), vikar, "Syk"))
    assert "15.09.2026 10:00" in busy.value.errors["start"]
    assert ws.timesheets.list_absences(setup.arrangement_id, *everything) == before
    assert all(s.assistant == str(setup.day_worker)
               for s in ws.rota.list_planned_shifts(setup.arrangement_id, tuesday, tuesday) if s.code == "D")


def test_the_employer_period_runs_across_months_and_stops_after_16_days(setup):
    ws = setup.ws
    # sick from Monday 28 September to Wednesday 21 October: 24 calendar days
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, date(2026, 9, 28),
                                      date(2026, 10, 21)))
    september = ws.timesheets.preview_timesheet(setup.day_worker, date(2026, 9, 1))
    absent = [r for r in september.rows if r.status is RowStatus.ABSENT]
    assert [(r.day.day, r.absence_pay.employer_day) for r in absent] == [(28, 1), (29, 2), (30, 3)]
    october = ws.timesheets.preview_timesheet(setup.day_worker, date(2026, 10, 1))
    absent = [r for r in october.rows if r.status is RowStatus.ABSENT]
    days = {r.day.day: r.absence_pay for r in absent}
    assert sorted(days) == [5, 6, 7, 12, 13, 14, 19, 20, 21]
    assert days[5].employer_day == 8 and days[13].employer_day == 16 and days[13].paid
    assert days[14].employer_day is None and not days[14].paid
    assert not any(r.lines for r in absent if r.day.day > 13)
    assert _lines(october)["sick"] == 8.0 * len([d for d in days if d <= 13])


def test_graded_sick_leave_pays_its_share_and_holiday_pays_nothing(setup):
    ws = setup.ws
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, MONDAY, MONDAY, percent=40))
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.HOLIDAY, date(2026, 9, 21),
                                      date(2026, 9, 23)))
    detail = ws.timesheets.preview_timesheet(setup.day_worker, MONDAY)
    graded = next(r for r in detail.rows if r.day == MONDAY)
    assert graded.counted and graded.absence_pay.percent == 40
    assert round(graded.lines["sick"], 4) == 3.2 and graded.lines["ordinary"] == 8.0
    holiday = [r for r in detail.rows if r.status is RowStatus.ABSENT]
    assert len(holiday) == 3 and all(not r.absence_pay.paid and not r.lines for r in holiday)


def test_attested_content_carries_the_sick_lines_and_the_link(setup, vikar):
    ws = setup.ws
    ws.timesheets.register_sick_cover(setup.arrangement_id, dev.SickCovered(
        Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, MONDAY, MONDAY), vikar, "Syk"))
    sheet = ws.timesheets.attest_period(setup.day_worker, MONDAY, today=setup.after_all, unconfirmed_reason="på papir")
    stored = ws.timesheets.timesheet_detail(sheet.id)
    assert stored.stored and ws.timesheets.verify_timesheet(sheet.id)
    row = next(r for r in stored.rows if r.day == MONDAY)
    assert row.status is RowStatus.COVERED and row.covered_by == vikar and row.lines == {"sick": 8.0}
    assert _lines(stored)["sick"] == 8.0
    batch = ws.timesheets.payroll_batch(setup.arrangement_id, MONDAY)
    assert ("KS-1500", 8.0) in {(l.pay_code, round(l.hours, 4)) for l in batch.pay_lines}
    vikar_sheet = ws.timesheets.attest_period(vikar, MONDAY, today=setup.after_all, unconfirmed_reason="på papir")
    row = next(r for r in ws.timesheets.timesheet_detail(vikar_sheet.id).rows if r.day == MONDAY)
    assert row.covers.assistant_id == setup.day_worker and vikar_sheet.status is TimesheetStatus.ATTESTED


def test_sick_and_covered_is_undone_and_redone_as_one(setup, vikar):
    """ws.undoable: Undo gives the shifts back and removes the absence together; redo covers
    the same shifts again; a change to one of the covers since refuses the undo whole."""
    ws = setup.ws

    def sheets():
        return [(r.day, r.status, r.shift.assistant if r.shift else None)
                for who in (setup.day_worker, vikar) for r in ws.timesheets.preview_timesheet(who, MONDAY).rows]

    before = sheets()
    done = ws.undoable.register_deviation(setup.arrangement_id, dev.SickCovered(
        Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, MONDAY, MONDAY + date.resolution), vikar,
        "Syk, Vera tar vaktene"))
    assert len(done.covered) == 2
    covered = sheets()
    assert covered != before

    undone = ws.undoable.undo(done)
    assert sheets() == before and ws.timesheets.list_absences(setup.arrangement_id, MONDAY, MONDAY) == []
    redone = ws.undoable.undo(undone)
    assert sheets() == covered and len(redone.covered) == 2

    ws.rota.change_planned_shift(setup.arrangement_id, redone.covered[0].id, kind="cancel", reason="Ikke behov")
    with pytest.raises(WorkspaceError):
        ws.undoable.undo(redone)
    assert len(ws.timesheets.list_absences(setup.arrangement_id, MONDAY, MONDAY)) == 1  # nothing half undone
