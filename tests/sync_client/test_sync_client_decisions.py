"""In-process Workspace sync against the real receiver on loopback: decisions come back with
their reason, a rejected timesheet is corrected and accepted (case 15, without the browser),
a correction against a stale head (case 14), the same id with other bytes (case 11), a
receiver restored from an older backup (case 9)."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import select

from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.sync.receiver import database, decisions
from bpa_desktop.sync.receiver.store import StaffUser
from bpa_desktop.workspace import Workspace
from tests.sync.receiver_helpers import (
    add_staff_user,
    back_up_database,
    issue_code,
    postgres_tools_missing,
    restore_database,
    run_receiver,
)
from tests.sync_client.sync_client_helpers import (
    give_fresh_submission_ids,
    receiver_rows,
)
from tests.sync_client.sync_fault_proxy import FaultProxy
from tests.sync_client.test_sync_client_live import DEMO_SUBMISSIONS

TOTAL = DEMO_SUBMISSIONS


@pytest.fixture
def synced(demo_workspace, demo_arrangement_id, shared_receiver, arrangement_name, memory_keyring):
    """The demo enrolled in-process (memory keyring) at the shared receiver."""
    give_fresh_submission_ids(demo_workspace.path)
    code = issue_code(shared_receiver.db_url, arrangement_name)
    info = demo_workspace.sync.enrol(demo_arrangement_id, shared_receiver.base_url, code)
    assert len(info.key_id) == 16
    return demo_workspace


def _decide(db_url: str, submission_id: str, decision: str, reason: str | None = None) -> None:
    add_staff_user(db_url)
    engine = database.make_engine(db_url)
    try:
        with database.write_session(engine) as session:
            staff = session.scalars(select(StaffUser)).first()
            decisions.decide(session, uuid.UUID(submission_id), decision, reason, staff)
    finally:
        engine.dispose()


def _timesheet_status(ws, timesheet_id: int) -> TimesheetStatus:
    with sqlite3.connect(ws.path) as connection:
        return TimesheetStatus(connection.execute("SELECT status FROM timesheet WHERE id = ?", (timesheet_id,)).fetchone()[0])


def _timesheet_of(ws, submission_id: str) -> int:
    with sqlite3.connect(ws.path) as connection:
        return connection.execute("SELECT timesheet_id FROM outbox_submission WHERE id = ?", (submission_id,)).fetchone()[0]


def test_rejection_reason_reaches_the_leader_who_corrects_and_gets_it_accepted(synced, shared_receiver):
    ws = synced
    assert ws.sync.push().delivered == TOTAL
    first = next(s for s in ws.sync.list_submissions() if s.version == 1)
    timesheet_id = _timesheet_of(ws, first.id)
    assert _timesheet_status(ws, timesheet_id) == TimesheetStatus.SUBMITTED

    _decide(shared_receiver.db_url, first.id, "rejected", "Kveldstillegget mangler for 14. mars.")
    summary = ws.sync.push()
    assert summary.decisions == 1 and summary.sent == 0
    rejected = next(s for s in ws.sync.list_submissions() if s.id == first.id)
    assert (rejected.state, rejected.decision_reason) == ("rejected", "Kveldstillegget mangler for 14. mars.")
    assert _timesheet_status(ws, timesheet_id) == TimesheetStatus.REJECTED

    draft = ws.timesheets.correct_timesheet(timesheet_id, "rettet etter avvisning")
    ws.timesheets.attest_timesheet(draft.id)
    assert ws.sync.push().delivered == 1
    correction = next(s for s in ws.sync.list_submissions() if s.version == 2 and s.period == first.period
                      and s.employee_no == first.employee_no)
    _decide(shared_receiver.db_url, correction.id, "accepted")
    assert ws.sync.push().decisions == 1
    states = {s.id: s.state for s in ws.sync.list_submissions()}
    assert (states[first.id], states[correction.id]) == ("rejected", "accepted")  # the old version is kept
    assert _timesheet_status(ws, draft.id) == TimesheetStatus.ACCEPTED
    assert ws.sync.push().decisions == 0  # the cursor moved with the applied rows


def test_a_correction_against_a_stale_head_needs_correction_and_leaves_the_receiver_unchanged(
    synced, shared_receiver, arrangement_name, tmp_path
):
    """Case 14: two copies of the database correct the same period."""
    ws_a = synced
    assert ws_a.sync.push().delivered == TOTAL
    copy = tmp_path / "copy-b.sqlite"
    back_up_database(f"sqlite:///{ws_a.path}", copy)  # a consistent copy of the live file
    target = next(s for s in ws_a.sync.list_submissions() if s.version == 1)
    timesheet_id = _timesheet_of(ws_a, target.id)

    ws_a.timesheets.attest_timesheet(ws_a.timesheets.correct_timesheet(timesheet_id, "A retter").id)
    assert ws_a.sync.push().delivered == 1
    before = receiver_rows(shared_receiver.db_url, arrangement_name)

    with Workspace.open(copy) as ws_b:
        ws_b.timesheets.attest_timesheet(ws_b.timesheets.correct_timesheet(timesheet_id, "B retter").id)
        summary = ws_b.sync.push()
        assert summary.needs_correction == 1 and summary.delivered == 0
        conflicted = [s for s in ws_b.sync.list_submissions() if s.state == "needs_correction"]
        assert len(conflicted) == 1 and "endret hos kommunen" in conflicted[0].last_error_text
    assert receiver_rows(shared_receiver.db_url, arrangement_name) == before


def test_the_same_id_with_other_bytes_is_blocked_and_both_copies_keep_their_bytes(
    synced, shared_receiver, arrangement_name, tmp_path
):
    """Case 11: a second copy of the database built a different body under the same id."""
    copy = tmp_path / "tampered.sqlite"
    back_up_database(f"sqlite:///{synced.path}", copy)
    victim = synced.sync.list_submissions()[0].id
    with sqlite3.connect(copy) as connection:  # what a bug or tampering would do
        connection.execute("DROP TRIGGER outbox_submission_content_locked")
        connection.execute("UPDATE outbox_submission SET lines = '{\"KS-1000\": 1}' WHERE id = ?", (victim,))
    assert synced.sync.push().delivered == TOTAL
    with Workspace.open(copy) as tampered:
        summary = tampered.sync.push()
        row = next(s for s in tampered.sync.list_submissions() if s.id == victim)
        assert row.state == "blocked" and "samme ID" in row.last_error_text
        assert (summary.blocked, summary.replayed) == (1, TOTAL - 1)
    stored = dict(receiver_rows(shared_receiver.db_url, arrangement_name))
    assert stored[victim] == next(s for s in synced.sync.list_submissions() if s.id == victim).body_sha256
    assert row.body_sha256 != stored[victim]


def test_a_receiver_restored_from_an_older_backup_gets_everything_again_once(
    demo_workspace, demo_arrangement_id, live_receiver, memory_keyring, tmp_path, request
):
    """Case 9: the decisions cursor is ahead of the restored receiver; the client resets it,
    asks /status, and sends what the receiver lost again under the same ids."""
    if not live_receiver.db_url.startswith("sqlite") and postgres_tools_missing():
        pytest.skip(f"{', '.join(postgres_tools_missing())} mangler: PostgreSQL-mottakeren kan ikke sikkerhetskopieres")
    ws = demo_workspace
    proxy = FaultProxy(live_receiver.base_url)  # the client's URL stays while the server behind it changes
    request.addfinalizer(proxy.stop)
    ws.sync.enrol(demo_arrangement_id, proxy.url, issue_code(live_receiver.db_url, "Ordning D"))
    backup = tmp_path / "receiver-backup"
    back_up_database(live_receiver.db_url, backup)  # enrolled, nothing received yet

    assert ws.sync.push().delivered == TOTAL
    accepted = ws.sync.list_submissions()[0].id
    _decide(live_receiver.db_url, accepted, "accepted")
    assert ws.sync.push().decisions == 1
    assert ws.sync.enrolment(demo_arrangement_id).decisions_cursor == 1

    live_receiver.process.terminate()
    live_receiver.process.wait(timeout=10)
    restore_database(live_receiver.db_url, backup)
    with run_receiver(live_receiver.db_url, tmp_path / "restored.log") as restored:  # on another port
        proxy.upstream = restored.base_url
        first = ws.sync.push()
        assert ws.sync.status()["queued"] == TOTAL and ws.sync.enrolment(demo_arrangement_id).decisions_cursor == 0
        assert any("sikkerhetskopi" in m for m in first.messages)
        assert ws.sync.push().delivered == TOTAL
        stored = receiver_rows(live_receiver.db_url)
    assert sorted(sid for sid, _ in stored) == sorted(s.id for s in ws.sync.list_submissions())
    assert next(s for s in ws.sync.list_submissions() if s.id == accepted).state == "delivered"
