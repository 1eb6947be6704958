"""Timesheet flow: draft -> confirmed -> attested (locked, hashed) -> correction (v+1);
nothing attested is overwritten; bad edits get clear messages and change nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, Shift, ShiftKind, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus
from bpa_desktop.core.timesheet_content import content_hash
from bpa_desktop.workspace import TimesheetLockedError, ValidationError, WorkspaceError


SEPTEMBER = date(2026, 9, 1)
OCTOBER = date(2026, 10, 1)


def wall(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def snapshot(ws, arrangement_id):
    """Everything a failed edit must leave alone."""
    far = (date(2026, 1, 1), date(2027, 12, 31))
    return (
        ws.timesheets.list_worked_shifts(arrangement_id, *far),
        ws.timesheets.list_absences(arrangement_id, *far),
        ws.timesheets.list_timesheets(arrangement_id, all_versions=True),
        len(ws.audit.entries(arrangement_id, limit=10_000)),
    )


def test_a_new_timesheet_starts_as_the_planned_shifts(setup):
    ws = setup.ws
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, date(2026, 9, 17))
    assert (sheet.period_start, sheet.period_end, sheet.version) == (SEPTEMBER, date(2026, 9, 30), 1)
    assert sheet.status is TimesheetStatus.DRAFT
    assert ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER) == sheet  # no second draft
    detail = ws.timesheets.timesheet_detail(sheet.id)
    planned = [s for s in ws.rota.list_planned_shifts(setup.arrangement_id, SEPTEMBER, date(2026, 9, 30))
               if s.assistant == str(setup.day_worker)]
    assert [r.status for r in detail.rows] == [RowStatus.PLANNED] * len(planned) == [RowStatus.PLANNED] * 14
    assert detail.total_hours == pytest.approx(14 * 8)  # Mon-Wed: 4 + 5 + 5 days
    (ordinary,) = [line for line in detail.pay_lines if line.kind == "ordinary"]
    assert ordinary.hours == pytest.approx(112)


def test_attesting_locks_the_period_and_stores_a_hash(setup):
    ws, aid = setup.ws, setup.arrangement_id
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER)
    confirmed = ws.timesheets.confirm_timesheet(sheet.id, today=setup.after_all)
    assert confirmed.status is TimesheetStatus.CONFIRMED
    attested = ws.timesheets.attest_timesheet(sheet.id, today=setup.after_all)
    assert attested.status is TimesheetStatus.ATTESTED and len(attested.content_hash) == 64
    assert ws.timesheets.verify_timesheet(sheet.id)
    # the plan was written into the worked record, linked to the planned shifts
    worked = [s for s in ws.timesheets.list_worked_shifts(aid, SEPTEMBER, date(2026, 9, 30))
              if s.assistant == str(setup.day_worker)]
    assert len(worked) == 14

    log = ws.audit.entries(aid)
    assert [(e.action, e.actor) for e in log[:2]] == [("attest", "arbeidsleder"), ("confirm", "assistent")]

    before = snapshot(ws, aid)
    with pytest.raises(TimesheetLockedError) as caught:
        ws.timesheets.record_worked_shift(aid, replace(worked[0], end=worked[0].end + timedelta(hours=1)), "senere")
    assert str(caught.value) == "Timelisten for september 2026 er attestert; lag en korrigering."
    assert caught.value.timesheet_id == sheet.id
    with pytest.raises(TimesheetLockedError):
        ws.timesheets.record_worked_shift(
            aid, Shift(str(setup.day_worker), wall(date(2026, 9, 5), 10), wall(date(2026, 9, 5), 12),
                       kind=ShiftKind.EXTRA), "ekstra")
    with pytest.raises(TimesheetLockedError):
        ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.HOLIDAY, date(2026, 9, 28), date(2026, 10, 2)))
    with pytest.raises(WorkspaceError, match="allerede attestert"):
        ws.timesheets.attest_timesheet(sheet.id, today=setup.after_all, unconfirmed_reason="på papir")
    assert snapshot(ws, aid) == before

    # the other assistant and the next month are still open
    ws.timesheets.add_absence(Absence(None, setup.night_worker, AbsenceKind.HOLIDAY, date(2026, 9, 1), date(2026, 9, 7)))
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.HOLIDAY, date(2026, 10, 1), date(2026, 10, 2)))


def test_the_database_refuses_to_change_attested_content(setup):
    ws = setup.ws
    sheet = ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER).id, today=setup.after_all, unconfirmed_reason="på papir")
    with sqlite3.connect(ws.path) as connection:
        for sql in (
            "UPDATE timesheet_snapshot SET content = '{}'",
            "DELETE FROM timesheet_snapshot",
            "UPDATE timesheet_pay_line SET hours = 0",
            "DELETE FROM timesheet_pay_line",
            f"UPDATE timesheet SET content_hash = 'x' WHERE id = {sheet.id}",
            f"DELETE FROM timesheet WHERE id = {sheet.id}",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="locked"):
                connection.execute(sql)
    connection.close()
    assert ws.timesheets.verify_timesheet(sheet.id)


def test_a_correction_is_a_new_version_and_the_old_one_stays_readable(setup):
    ws, aid = setup.ws, setup.arrangement_id
    first = ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER).id, today=setup.after_all, unconfirmed_reason="på papir")
    old_detail = ws.timesheets.timesheet_detail(first.id)

    with pytest.raises(ValidationError) as caught:
        ws.timesheets.correct_timesheet(first.id, "  ")
    assert "reason" in caught.value.errors
    second = ws.timesheets.correct_timesheet(first.id, "Glemt overtid 9. september")
    assert (second.version, second.supersedes_id, second.status) == (2, first.id, TimesheetStatus.DRAFT)
    assert second.correction_reason == "Glemt overtid 9. september"
    with pytest.raises(WorkspaceError, match="nyere versjon"):
        ws.timesheets.correct_timesheet(first.id, "igjen")

    # the correction starts from the attested content
    draft = ws.timesheets.timesheet_detail(second.id)
    assert draft.total_hours == pytest.approx(old_detail.total_hours)
    assert draft.pay_lines == old_detail.pay_lines
    assert not draft.stored and draft.replaces_version == 1

    # edits inside the period are allowed now
    shift = next(s for s in ws.timesheets.list_worked_shifts(aid, date(2026, 9, 9), date(2026, 9, 9))
                 if s.assistant == str(setup.day_worker))
    ws.timesheets.record_worked_shift(aid, replace(shift, end=shift.end + timedelta(hours=2), kind=ShiftKind.OVERTIME),
                           "Overtid: avløser kom ikke")
    corrected = ws.timesheets.attest_timesheet(second.id, today=setup.after_all, unconfirmed_reason="på papir")
    assert corrected.content_hash != first.content_hash

    # v1 is unchanged and readable; v2 has the overtime
    again = ws.timesheets.timesheet_detail(first.id)
    assert replace(again, versions=()) == replace(old_detail, versions=())
    assert ws.timesheets.verify_timesheet(first.id) and again.stored
    assert ws.timesheets.timesheet_detail(first.id).timesheet.content_hash == first.content_hash
    new = ws.timesheets.timesheet_detail(second.id)
    kinds = {line.kind: line.hours for line in new.pay_lines}
    assert kinds["overtime-50"] + kinds.get("overtime-100", 0) == pytest.approx(10)
    assert kinds["ordinary"] == pytest.approx(112 - 8)
    assert [t.version for t in ws.timesheets.list_timesheets(aid, SEPTEMBER)] == [2]
    assert len(ws.timesheets.list_timesheets(aid, SEPTEMBER, all_versions=True)) == 2
    row = next(r for r in new.rows if r.day == date(2026, 9, 9))
    assert row.reason == "Overtid: avløser kom ikke"
    assert set(row.deviations) == {"overtime", "changed_times"}


def test_attesting_needs_the_period_to_be_over(setup):
    ws = setup.ws
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, OCTOBER)
    before = snapshot(ws, setup.arrangement_id)
    with pytest.raises(WorkspaceError, match="ikke over.*01.11.2026"):
        ws.timesheets.attest_timesheet(sheet.id, today=date(2026, 10, 31), unconfirmed_reason="på papir")
    assert snapshot(ws, setup.arrangement_id) == before


def test_confirm_records_only_days_that_are_over_and_again_when_the_month_ends(setup):
    ws, aid = setup.ws, setup.arrangement_id
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, OCTOBER)
    with pytest.raises(WorkspaceError, match="Ingen dager i oktober 2026 er over"):
        ws.timesheets.confirm_timesheet(sheet.id, today=OCTOBER)
    partly = ws.timesheets.confirm_timesheet(sheet.id, today=date(2026, 10, 15))
    assert partly.status is TimesheetStatus.DRAFT and partly.confirmed_through == date(2026, 10, 14)
    worked = ws.timesheets.list_worked_shifts(aid, OCTOBER, date(2026, 10, 31))
    assert worked and all(s.start.date() < date(2026, 10, 15) for s in worked)
    detail = ws.timesheets.timesheet_detail(sheet.id)
    assert {r.status for r in detail.rows if r.day >= date(2026, 10, 15)} == {RowStatus.PLANNED}
    with pytest.raises(WorkspaceError, match="allerede bekreftet t.o.m. 14.10.2026"):
        ws.timesheets.confirm_timesheet(sheet.id, today=date(2026, 10, 15))
    more = ws.timesheets.confirm_timesheet(sheet.id, today=date(2026, 10, 22))
    assert more.status is TimesheetStatus.DRAFT and more.confirmed_through == date(2026, 10, 21)
    whole = ws.timesheets.confirm_timesheet(sheet.id, today=date(2026, 11, 1))
    assert whole.status is TimesheetStatus.CONFIRMED and whole.confirmed_through == date(2026, 10, 31)
    with pytest.raises(WorkspaceError, match="Bare et utkast"):
        ws.timesheets.confirm_timesheet(sheet.id, today=date(2026, 11, 2))
    audit = [e.detail for e in ws.audit.entries(aid, 100) if e.action == "confirm"]
    assert any("through=2026-10-14" in d for d in audit) and any("through=2026-10-31" in d for d in audit)


def test_deviations_absence_cancel_and_passive_that_became_active(setup):
    ws, aid = setup.ws, setup.arrangement_id
    september_planned = ws.rota.list_planned_shifts(aid, SEPTEMBER, date(2026, 9, 30))
    nights = [s for s in september_planned if s.assistant == str(setup.night_worker)]
    days = [s for s in september_planned if s.assistant == str(setup.day_worker)]

    # a full sykmelding week: the planned shifts of that week are not worked
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, date(2026, 9, 14), date(2026, 9, 16)))
    # graded leave: still works (records shorter shifts), percent kept
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, date(2026, 9, 21), date(2026, 9, 23), percent=50))
    ws.timesheets.cancel_planned_shift(aid, days[0].id, "Tjenestemottaker på sykehus")
    with pytest.raises(ValidationError):
        ws.timesheets.cancel_planned_shift(aid, days[0].id, "igjen")
    woken = ws.timesheets.mark_passive_active(aid, nights[0].id, nights[0].passive[0].start + timedelta(hours=2),
                                   nights[0].passive[0].start + timedelta(hours=3), "Urolig natt")
    assert sum(p.hours for p in woken.passive) == pytest.approx(5)
    with pytest.raises(ValidationError) as caught:
        ws.timesheets.mark_passive_active(aid, woken.id, woken.start, woken.start + timedelta(hours=1), "feil")
    assert "passive" in caught.value.errors

    detail = ws.timesheets.preview_timesheet(setup.day_worker, SEPTEMBER)
    statuses = [r.status for r in detail.rows]
    assert statuses.count(RowStatus.ABSENT) == 3 and statuses.count(RowStatus.CANCELLED) == 1
    assert detail.total_hours == pytest.approx((14 - 4) * 8)
    night_detail = ws.timesheets.preview_timesheet(setup.night_worker, SEPTEMBER)
    first = night_detail.rows[0]
    assert first.status is RowStatus.WORKED and first.deviations == ("passive_active",)
    assert first.passive_hours == pytest.approx(5) and first.reason == "Urolig natt"

    attested = ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER).id, today=setup.after_all, unconfirmed_reason="på papir")
    stored = ws.timesheets.timesheet_detail(attested.id)
    assert stored.stored and stored.total_hours == pytest.approx(80)
    assert [r.status for r in stored.rows].count(RowStatus.CANCELLED) == 4
    assert {a.percent for a in stored.absences} == {100, 50}


def test_bad_edits_get_clear_messages_and_change_nothing(setup):
    ws, aid = setup.ws, setup.arrangement_id
    worker = str(setup.day_worker)
    ws.timesheets.record_worked_shift(aid, Shift(worker, wall(date(2026, 10, 8), 8), wall(date(2026, 10, 8), 16)), "")
    before = snapshot(ws, aid)

    with pytest.raises(ValidationError) as caught:
        ws.timesheets.record_worked_shift(aid, Shift(worker, wall(date(2026, 10, 9), 16), wall(date(2026, 10, 9), 8)), "")
    assert caught.value.errors == {"end": "Vakten må slutte etter at den starter."}

    with pytest.raises(ValidationError) as caught:
        ws.timesheets.record_worked_shift(aid, Shift(worker, wall(date(2026, 10, 8), 15), wall(date(2026, 10, 8), 20)), "")
    assert "overlapper" in caught.value.errors["start"] and "08.10.2026 08:00–16:00" in caught.value.errors["start"]

    ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER).id, today=setup.after_all, unconfirmed_reason="på papir")
    before = snapshot(ws, aid)
    with pytest.raises(TimesheetLockedError, match="september 2026 er attestert; lag en korrigering"):
        ws.timesheets.record_worked_shift(aid, Shift(worker, wall(date(2026, 9, 30), 22), wall(date(2026, 10, 1), 6)), "")
    with pytest.raises(TimesheetLockedError):
        ws.timesheets.cancel_planned_shift(
            aid, next(s for s in ws.rota.list_planned_shifts(aid, SEPTEMBER, date(2026, 9, 30))
                      if s.assistant == worker).id, "for sent")
    assert snapshot(ws, aid) == before


def test_employer_period_from_the_21st(setup):
    ws, aid = setup.ws, setup.arrangement_id
    settings = ws.timesheets.pay_settings(aid)
    ws.timesheets.update_pay_settings(replace(settings, period_start_day=21))
    assert ws.timesheets.pay_period_for(aid, date(2026, 10, 20)).start == date(2026, 9, 21)
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, date(2026, 10, 5))
    assert (sheet.period_start, sheet.period_end) == (date(2026, 9, 21), date(2026, 10, 20))
    attested = ws.timesheets.attest_timesheet(sheet.id, today=setup.after_all, unconfirmed_reason="på papir")
    with pytest.raises(TimesheetLockedError, match=r"oktober 2026 \(21.09.2026–20.10.2026\)"):
        ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.LEAVE, date(2026, 10, 20), date(2026, 10, 22)))
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.LEAVE, date(2026, 10, 21), date(2026, 10, 22)))
    assert ws.timesheets.verify_timesheet(attested.id)


def test_pay_settings_codes_and_rates(setup):
    ws, aid = setup.ws, setup.arrangement_id
    with pytest.raises(ValidationError) as caught:
        ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), period_start_day=29, codes={"nope": "1"}))
    assert set(caught.value.errors) == {"period_start_day", "codes.nope"}
    ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), hourly_rate=250.0, codes={"ordinary": "1000"},
                                   rates={"evening-night": 55.0}))
    profile = ws.timesheets.pay_profile(aid)
    ordinary = next(line for line in profile.lines if line.id == "ordinary")
    assert (ordinary.pay_code, ordinary.rate) == ("1000", 250.0)
    detail = ws.timesheets.preview_timesheet(setup.night_worker, SEPTEMBER)
    lines = {line.kind: line for line in detail.pay_lines}
    assert lines["ordinary"].pay_code == "1000" and lines["ordinary"].rate == 250.0
    assert lines["evening-night"].rate == 55.0 and lines["weekend"].pay_code == "KS-2020"
