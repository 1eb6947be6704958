"""ws.participants on a real database: the PIN at the shared table, the assistant's own month
(nothing of a colleague's, nobody's notes), proposals and approvals stored once per event,
accepting a proposal through the deviation path, confirmations refused on a changed month, and
attesting an unconfirmed month only with the leader's reason."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, ApprovalRole, TimesheetStatus
from bpa_desktop.sync.protocol_v2 import view_hash
from bpa_desktop.workspace import ValidationError, WorkspaceError
from bpa_desktop.workspace.errors import (
    PinAlreadySetError,
    PinLockedError,
    PinNotSetError,
    StaleViewError,
    UnconfirmedError,
    WrongPinError,
)
from tests.timesheets.conftest import setup  # noqa: F401  (the fixture: two assistants, autumn 2026)

SEPTEMBER = date(2026, 9, 1)
OCTOBER = date(2026, 10, 1)


def wall(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def minutes_worked(ws, aid, assistant_id, day):
    sheet = ws.timesheets.preview_timesheet(assistant_id, day)
    return round(sheet.total_hours * 60)


# --- the PIN -----------------------------------------------------------------------------


def test_assistant_pin_set_then_checked(setup):  # noqa: F811
    p = setup.ws.participants
    assert [t.has_pin for t in p.table_assistants(SEPTEMBER, setup.arrangement_id)] == [False, False]
    with pytest.raises(PinNotSetError):
        p.check_pin(setup.day_worker, "1234")
    for bad in ("123", "123456789", "12a4", "", "١٢٣٤"):  # too short, too long, not digits, Arabic digits
        with pytest.raises(ValidationError):
            p.set_pin(setup.day_worker, bad)
    p.set_pin(setup.day_worker, "2468")
    assert p.check_pin(setup.day_worker, "2468") is None
    with pytest.raises(PinAlreadySetError):
        p.set_pin(setup.day_worker, "1357")
    table = {t.id: t for t in p.table_assistants(SEPTEMBER, setup.arrangement_id)}
    assert table[setup.day_worker].has_pin and not table[setup.day_worker].locked
    assert table[setup.day_worker].display_name == "Dagny"  # the first word, never the whole name


def test_assistant_pin_is_a_salted_scrypt_hash(setup):  # noqa: F811
    p = setup.ws.participants
    p.set_pin(setup.day_worker, "2468")
    p.set_pin(setup.night_worker, "2468")
    with sqlite3.connect(setup.ws.path) as connection:
        rows = connection.execute("SELECT pin_hash, salt FROM assistant_pin").fetchall()
    connection.close()
    assert len(rows) == 2 and rows[0][0] != rows[1][0] and rows[0][1] != rows[1][1]  # own salt each
    assert all("2468" not in h and len(h) == 64 for h, _ in rows)


def test_assistant_pin_locks_after_five_wrong_tries(setup):  # noqa: F811
    p = setup.ws.participants
    p.set_pin(setup.day_worker, "2468")
    p.check_pin(setup.day_worker, "2468")
    left = []
    for _ in range(4):
        with pytest.raises(WrongPinError) as wrong:
            p.check_pin(setup.day_worker, "0000")
        left.append(wrong.value.tries_left)
    assert left == [4, 3, 2, 1]
    with pytest.raises(PinLockedError):
        p.check_pin(setup.day_worker, "0000")  # the fifth wrong try locks
    with pytest.raises(PinLockedError):
        p.check_pin(setup.day_worker, "2468")  # and then even the right one is refused
    table = {t.id: t for t in p.table_assistants(SEPTEMBER)}
    assert table[setup.day_worker].locked and not table[setup.night_worker].locked


def test_assistant_pin_right_try_starts_the_count_again(setup):  # noqa: F811
    p = setup.ws.participants
    p.set_pin(setup.day_worker, "2468")
    for _ in range(4):
        with pytest.raises(WrongPinError):
            p.check_pin(setup.day_worker, "1111")
    p.check_pin(setup.day_worker, "2468")
    with pytest.raises(WrongPinError) as wrong:
        p.check_pin(setup.day_worker, "1111")
    assert wrong.value.tries_left == 4


def test_assistant_pin_reset_by_the_leader_is_audited(setup):  # noqa: F811
    ws, p = setup.ws, setup.ws.participants
    p.set_pin(setup.day_worker, "2468")
    for _ in range(5):
        with pytest.raises((WrongPinError, PinLockedError)):
            p.check_pin(setup.day_worker, "0000")
    p.reset_pin(setup.day_worker)
    p.set_pin(setup.day_worker, "9753")
    p.check_pin(setup.day_worker, "9753")
    entries = ws.audit.entries(setup.arrangement_id, limit=100)
    reset = [e for e in entries if e.action == "reset_pin"]
    assert len(reset) == 1 and reset[0].actor == "arbeidsleder" and reset[0].entity_id == setup.day_worker
    ref = p.ref_of(setup.day_worker)
    assert {e.actor for e in entries if e.action in ("set_pin", "pin_wrong", "pin_locked")} == {f"assistent:{ref}"}
    assert not any("Dagny" in e.detail or "Dagny" in e.actor for e in entries)  # never a name in the log


# --- the assistant's own month -----------------------------------------------------------


def test_month_view_shows_own_shifts_only_without_a_colleagues_absence_or_any_note(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    # the night worker is sick on a Saturday (with a note); the day worker has a private reason
    ws.timesheets.add_absence(Absence(None, setup.night_worker, AbsenceKind.SELF_CERTIFIED, date(2026, 9, 5),
                                      date(2026, 9, 5), 100, "Hemmelig notat om natten"))
    planned = next(s for s in ws.rota.list_planned_shifts(aid, SEPTEMBER, date(2026, 9, 30))
                   if s.assistant == str(setup.day_worker))
    ws.timesheets.record_worked_shift(aid, replace(planned, end=planned.end + timedelta(minutes=30)),
                                      "Privat grunn som bare lederen ser")
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.HOLIDAY, date(2026, 9, 15),
                                      date(2026, 9, 15), 100, "Ferienotat"))
    view = p.month_view(setup.day_worker, date(2026, 9, 17))
    text = json.dumps(view.model_dump(mode="json"), ensure_ascii=False)
    assert view.period == "2026-09" and view.display_name == "Dagny"
    assert view.assistant_ref == p.ref_of(setup.day_worker) and str(setup.day_worker) != view.assistant_ref
    for secret in ("Hemmelig", "Privat", "Ferienotat", "Natan", "egenmelding", "Dagny Dag", "reason"):
        assert secret not in text
    assert {s.absence for s in view.shifts} == {None, "ferie"}  # own holiday only
    assert len(view.shifts) == 14 and all(s.code == "D" for s in view.shifts)
    assert view.total_minutes == 13 * 8 * 60 + 30  # the holiday is not worked; the first day ran 30 min longer
    assert p.view_hash(view) == view_hash(view) == view_hash(p.month_view(setup.day_worker, SEPTEMBER))
    night = p.month_view(setup.night_worker, SEPTEMBER)
    assert "egenmelding" in {s.absence for s in night.shifts} and "Hemmelig" not in night.model_dump_json()


def test_rota_view_names_who_works_by_short_name(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    p.set_short_name(setup.night_worker, "NN")
    rota = ws.rota.current_rota(aid)
    view = p.rota_view(rota.id)
    assert view.rota_version_id == rota.id and view.valid_from == rota.start
    assert [(s.who, s.code) for s in view.shifts] == [("Dagny", "D")] * 3 + [("NN", "N")]  # one cycle: a week


# --- proposals -----------------------------------------------------------------------------


def _first_day_shift(p, setup, day=SEPTEMBER):
    return p.month_view(setup.day_worker, day).shifts[0]


def test_a_proposal_sent_twice_with_the_same_event_id_is_stored_once(setup):  # noqa: F811
    p = setup.ws.participants
    shift = _first_day_shift(p, setup)
    event = uuid.uuid4()
    first = p.propose(setup.day_worker, SEPTEMBER, shift_ref=shift.shift_ref, change="stayed_longer", minutes=60,
                      channel="link", event_id=event)
    again = p.propose(setup.day_worker, SEPTEMBER, shift_ref=shift.shift_ref, change="stayed_longer", minutes=60,
                      channel="link", event_id=str(event))
    assert first == again and first.status == "open"
    (row,) = p.open_proposals()
    assert row.id == first.id and row.display_name == "Dagny" and row.text == "Ble 60 min lenger"
    assert row.shift_start == shift.starts_at and row.proposed_end == shift.ends_at + timedelta(minutes=60)
    assert len([e for e in setup.ws.audit.entries(setup.arrangement_id) if e.action == "propose"]) == 1


def test_a_proposal_that_does_not_fit_is_refused(setup):  # noqa: F811
    p = setup.ws.participants
    shift = _first_day_shift(p, setup)
    for kwargs in (dict(shift_ref=shift.shift_ref, change="stayed_longer", minutes=0),
                   dict(shift_ref=shift.shift_ref, change="danced", minutes=5),
                   dict(shift_ref=None, change="late_start", minutes=5),
                   dict(shift_ref="p999999", change="late_start", minutes=5),
                   dict(shift_ref=None, change="extra_shift")):
        with pytest.raises(ValidationError):
            p.propose(setup.day_worker, SEPTEMBER, **kwargs)
    assert p.open_proposals() == []


def test_accepting_stayed_longer_adds_60_minutes_with_the_proposal_as_reason(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    before = minutes_worked(ws, aid, setup.day_worker, SEPTEMBER)
    shift = _first_day_shift(p, setup)
    proposal = p.propose(setup.day_worker, SEPTEMBER, shift_ref=shift.shift_ref, change="stayed_longer", minutes=60,
                         comment="Ventet på avløser")
    accepted = p.accept_proposal(proposal.id)
    assert accepted.status == "accepted" and accepted.decided_at is not None
    assert minutes_worked(ws, aid, setup.day_worker, SEPTEMBER) == before + 60
    detail = ws.timesheets.preview_timesheet(setup.day_worker, SEPTEMBER)
    row = next(r for r in detail.rows if r.planned is not None and r.planned.id == shift.shift_ref)
    assert row.shift.end == shift.ends_at + timedelta(minutes=60)
    assert "Ble 60 min lenger" in row.reason and "Ventet på avløser" in row.reason and "ved bordet" in row.reason
    view = p.month_view(setup.day_worker, SEPTEMBER)
    assert view.shifts[0].shift_ref == shift.shift_ref and view.shifts[0].minutes == shift.minutes + 60
    assert p.open_proposals() == []
    with pytest.raises(WorkspaceError):
        p.accept_proposal(proposal.id)  # decided once


def test_accepting_sick_and_extra_shift_and_declining(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    shifts = p.month_view(setup.day_worker, SEPTEMBER).shifts
    sick = p.propose(setup.day_worker, SEPTEMBER, shift_ref=shifts[1].shift_ref, change="sick")
    extra = p.propose(setup.day_worker, SEPTEMBER, shift_ref=None, change="extra_shift",
                      starts_at=wall(date(2026, 9, 6), 10), ends_at=wall(date(2026, 9, 6), 14))
    late = p.propose(setup.day_worker, SEPTEMBER, shift_ref=shifts[2].shift_ref, change="late_start", minutes=15)
    p.accept_proposal(sick.id)
    p.accept_proposal(extra.id)
    with pytest.raises(ValidationError):
        p.decline_proposal(late.id, "  ")
    declined = p.decline_proposal(late.id, "Kom til rett tid")
    assert declined.status == "declined" and declined.decided_reason == "Kom til rett tid"
    view = p.month_view(setup.day_worker, SEPTEMBER)
    by_ref = {s.shift_ref: s for s in view.shifts}
    assert by_ref[shifts[1].shift_ref].absence == "egenmelding" and by_ref[shifts[1].shift_ref].minutes == 0
    assert by_ref[shifts[2].shift_ref].minutes == 8 * 60  # declined: unchanged
    assert any(s.starts_at == wall(date(2026, 9, 6), 10) and s.minutes == 240 for s in view.shifts)


def test_stayed_longer_across_the_dst_night_adds_60_real_minutes(setup):  # noqa: F811
    """The Saturday night 24–25 October 2026 has 25 hours: 22:00–08:00 is 11 hours; 60 minutes
    longer ends at 09:00 Oslo time and counts 12 hours."""
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    view = p.month_view(setup.night_worker, OCTOBER)
    night = next(s for s in view.shifts if s.starts_at.astimezone(OSLO).date() == date(2026, 10, 24))
    assert night.minutes == 11 * 60
    proposal = p.propose(setup.night_worker, OCTOBER, shift_ref=night.shift_ref, change="stayed_longer", minutes=60)
    p.accept_proposal(proposal.id)
    after = next(s for s in p.month_view(setup.night_worker, OCTOBER).shifts if s.shift_ref == night.shift_ref)
    assert after.minutes == 12 * 60 and after.ends_at.astimezone(OSLO).hour == 9


# --- confirmations and attesting ---------------------------------------------------------


def test_a_confirmation_of_a_month_that_changed_since_is_refused(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    seen = p.month_view(setup.day_worker, SEPTEMBER)
    shift = seen.shifts[0]
    p.accept_proposal(p.propose(setup.day_worker, SEPTEMBER, shift_ref=shift.shift_ref, change="left_early",
                                minutes=30).id)
    with pytest.raises(StaleViewError):
        p.confirm_by_assistant(setup.day_worker, SEPTEMBER, view_hash(seen), today=setup.after_all)
    assert p.confirmation(ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER).id) is None
    fresh = p.month_view(setup.day_worker, SEPTEMBER)
    event = uuid.uuid4()
    done = p.confirm_by_assistant(setup.day_worker, SEPTEMBER, view_hash(fresh), channel="link", event_id=event,
                                  today=setup.after_all)
    again = p.confirm_by_assistant(setup.day_worker, SEPTEMBER, "0" * 64, channel="link", event_id=event,
                                   today=setup.after_all)  # the same event: stored once, not checked again
    assert done == again and (done.actor, done.channel, done.content_hash) == ("assistant", "link", view_hash(fresh))
    sheet = ws.timesheets.get_or_create_timesheet(setup.day_worker, SEPTEMBER)
    assert sheet.status is TimesheetStatus.CONFIRMED and p.confirmation(sheet.id) == done
    attested = ws.timesheets.attest_timesheet(sheet.id, today=setup.after_all)  # confirmed: no reason needed
    assert attested.status is TimesheetStatus.ATTESTED and attested.unconfirmed_reason is None


def test_attesting_an_unconfirmed_month_needs_the_leaders_reason(setup):  # noqa: F811
    ws, p = setup.ws, setup.ws.participants
    sheet = ws.timesheets.get_or_create_timesheet(setup.night_worker, SEPTEMBER)
    for blank in (None, "", "   "):
        with pytest.raises(UnconfirmedError) as refused:
            ws.timesheets.attest_timesheet(sheet.id, today=setup.after_all, unconfirmed_reason=blank)
        assert "september 2026" in str(refused.value)
    assert ws.timesheets.get_or_create_timesheet(setup.night_worker, SEPTEMBER).status is TimesheetStatus.DRAFT
    attested = ws.timesheets.attest_period(setup.night_worker, SEPTEMBER, today=setup.after_all,
                                           unconfirmed_reason=" Assistenten er på ferie ")
    assert attested.status is TimesheetStatus.ATTESTED and attested.unconfirmed_reason == "Assistenten er på ferie"
    assert any(e.action == "attest" and "unconfirmed=True" in e.detail
               for e in ws.audit.entries(setup.arrangement_id))


def test_the_leaders_confirm_button_is_a_confirmation_on_paper(setup):  # noqa: F811
    ws, p = setup.ws, setup.ws.participants
    confirmed = ws.timesheets.confirm_period(setup.day_worker, SEPTEMBER, today=setup.after_all)
    paper = p.confirmation(confirmed.id)
    assert (paper.actor, paper.channel, paper.content_hash) == ("arbeidsleder", "paper", None)
    assert ws.timesheets.attest_period(setup.day_worker, SEPTEMBER, today=setup.after_all).unconfirmed_reason is None


def test_withdrawing_a_paper_confirmation_takes_its_record_away(setup):  # noqa: F811
    ws, p = setup.ws, setup.ws.participants
    done = ws.undoable.confirm_period(setup.day_worker, OCTOBER, today=setup.after_all)
    assert p.confirmation(done.timesheet.id).channel == "paper"
    ws.undoable.undo(done)
    sheets = ws.timesheets.list_timesheets(setup.arrangement_id, OCTOBER)
    assert all(p.confirmation(s.id) is None for s in sheets)
    with pytest.raises(UnconfirmedError):
        ws.timesheets.attest_period(setup.day_worker, OCTOBER, today=setup.after_all)


# --- approvals -----------------------------------------------------------------------------


def test_an_approval_sent_twice_is_stored_once_and_a_new_version_asks_again(setup):  # noqa: F811
    ws, aid, p = setup.ws, setup.arrangement_id, setup.ws.participants
    rota = ws.rota.current_rota(aid)
    seen = view_hash(p.rota_view(rota.id))
    event = uuid.uuid4()
    first = p.record_approval(rota.id, role="union_rep", who="Tillitsvalgt", channel="link", content_hash=seen,
                              event_id=event)
    again = p.record_approval(rota.id, role="union_rep", who="Tillitsvalgt", channel="link", content_hash=seen,
                              event_id=event)
    comment = p.record_approval(rota.id, role=ApprovalRole.MUNICIPALITY, who="Saksbehandler", channel="staff_page",
                                approved=False, comment="Flytt nattevakten", event_id=uuid.uuid4())
    mine = p.record_approval(rota.id, role="assistant", who="", channel="table", assistant_id=setup.day_worker)
    assert first == again
    listed = p.approvals(rota.id)
    assert [(a.role, a.who, a.channel, a.approved) for a in listed] == [
        (ApprovalRole.UNION_REP, "Tillitsvalgt", "link", True),
        (ApprovalRole.MUNICIPALITY, "Saksbehandler", "staff_page", False),
        (ApprovalRole.ASSISTANT, "Dagny", "table", True),
    ]
    assert listed[1].comment == "Flytt nattevakten" and listed[1].approved_on is None and listed[1].seen_on
    assert listed[0].content_hash == seen and listed[0].at is not None and mine.assistant_id == setup.day_worker
    with pytest.raises(ValidationError):
        p.record_approval(rota.id, role="union_rep", who="x", channel="fax")
    cells = dict(ws.rota.get_rota(rota.id).cells)
    new_id = ws.rota.save_rota(aid, "Høst 2", 1, rota.start, rota.end, cells)
    assert new_id != rota.id and p.approvals(new_id) == []
    assert len(p.approvals(rota.id)) == 3  # the old version keeps its own


def test_refs_are_opaque_and_stable(setup):  # noqa: F811
    p = setup.ws.participants
    ref = p.ref_of(setup.day_worker)
    assert ref == p.ref_of(setup.day_worker) != p.ref_of(setup.night_worker)
    assert len(ref) == 16 and str(setup.day_worker) != ref
    assert p.assistant_of_ref(ref) == setup.day_worker and p.assistant_of_ref("nobody") is None


def test_the_month_view_of_an_attested_month_is_read_from_its_stored_content(setup):  # noqa: F811
    ws, p = setup.ws, setup.ws.participants
    before = p.month_view(setup.day_worker, SEPTEMBER)
    ws.timesheets.attest_period(setup.day_worker, SEPTEMBER, today=setup.after_all, unconfirmed_reason="På papir")
    after = p.month_view(setup.day_worker, SEPTEMBER)
    assert [(s.starts_at, s.minutes) for s in after.shifts] == [(s.starts_at, s.minutes) for s in before.shifts]
    assert after.total_minutes == before.total_minutes and len({s.shift_ref for s in after.shifts}) == 14
    with pytest.raises(WorkspaceError):  # locked: a proposal about it cannot change the record
        p.accept_proposal(p.propose(setup.day_worker, SEPTEMBER, shift_ref=after.shifts[0].shift_ref,
                                    change="stayed_longer", minutes=30).id)
