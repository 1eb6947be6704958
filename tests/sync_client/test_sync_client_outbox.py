"""The outbox in the client database: written in the attestation transaction, immutable once
built, claimed safely by several workers, decisions applied with the cursor (no network)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import threading
import uuid
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop.message import Message
from bpa_desktop.core.model import AttestedTimesheet, PayLine, TimesheetStatus
from bpa_desktop.storage.connection import make_engine
from bpa_desktop.storage.schema import TimesheetRow
from bpa_desktop.sync import credentials, outbox, payload, signing
from bpa_desktop.sync.protocol import Decision, parse_body
from bpa_desktop.workspace import timesheets as timesheets_area

AFTER_MAY = date(2026, 6, 2)  # the demo's current period (May 2026) is over by then
REMOTE = "5d0c7f7e-2f4e-4c39-9a51-2b8d1d0b7c11"


def _draft_may(ws, arrangement_id):
    assistant = ws.people.list_assistants(arrangement_id)[0]
    return ws.timesheets.get_or_create_timesheet(assistant.id, date(2026, 5, 1)), assistant


def _enrol_offline(ws, arrangement_id, memory_keyring):
    """An enrolment row plus a key in the (memory) keyring, as `bpa sync enrol` leaves them."""
    key = signing.generate_private_key()
    credentials.store_signing_key(REMOTE, key)
    ws.sync.outbox.save_enrolment(arrangement_id, receiver_url="http://mottak.test",
                                  remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(key))
    return ws.sync.outbox.load_enrolments(arrangement_id)[0], key


def test_the_demo_outbox_waits_with_its_content_but_no_signature(demo_workspace, demo_arrangement_id):
    counts = demo_workspace.sync.status(demo_arrangement_id)
    assert counts["queued"] >= 3 and sum(counts.values()) == counts["queued"]
    rows = demo_workspace.sync.list_submissions(demo_arrangement_id)
    assert all(r.body_sha256 is None for r in rows)  # not enrolled: built at enrolment/push
    corrected = [r for r in rows if r.version == 2]
    assert len(corrected) == 1 and corrected[0].kind == "correction"


def test_a_crash_inside_the_attestation_transaction_leaves_neither_attestation_nor_outbox_row(
    demo_workspace, demo_arrangement_id, monkeypatch
):
    """Case 1."""
    sheet, _ = _draft_may(demo_workspace, demo_arrangement_id)
    before = demo_workspace.sync.status()
    real = timesheets_area.queue_submission

    def enqueue_then_crash(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("crash after the outbox insert")

    monkeypatch.setattr(timesheets_area, "queue_submission", enqueue_then_crash)
    with pytest.raises(RuntimeError):
        demo_workspace.timesheets.attest_timesheet(sheet.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    assert demo_workspace.sync.status() == before
    after = {t.id: t for t in demo_workspace.timesheets.list_timesheets(demo_arrangement_id, date(2026, 5, 1))}
    assert after[sheet.id].status == sheet.status and sheet.status not in (TimesheetStatus.ATTESTED,)
    assert after[sheet.id].content_hash is None


def test_killed_right_after_the_attestation_commit_the_row_survives(demo_workspace, demo_arrangement_id):
    """Case 2: synchronous=FULL; the process dies with os._exit right after the commit."""
    sheet, _ = _draft_may(demo_workspace, demo_arrangement_id)
    path = demo_workspace.path
    demo_workspace.close()
    script = (
        "import os, sys; from datetime import date; from bpa_desktop.workspace import Workspace\n"
        f"ws = Workspace.open(sys.argv[1]); ws.timesheets.attest_timesheet({sheet.id}, today=date(2026, 6, 2), unconfirmed_reason='på papir'); os._exit(137)\n"
    )
    assert subprocess.run([sys.executable, "-c", script, str(path)]).returncode == 137
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT o.state, t.status FROM outbox_submission o JOIN timesheet t ON t.id = o.timesheet_id "
            "WHERE t.id = ?", (sheet.id,)
        ).fetchone()
    assert row == ("queued", "attested")


def test_after_enrolment_attesting_writes_the_canonical_body_and_its_hash(
    demo_workspace, demo_arrangement_id, memory_keyring
):
    _enrol_offline(demo_workspace, demo_arrangement_id, memory_keyring)
    sheet, assistant = _draft_may(demo_workspace, demo_arrangement_id)
    demo_workspace.timesheets.attest_timesheet(sheet.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    detail = demo_workspace.timesheets.timesheet_detail(sheet.id)
    row = next(r for r in demo_workspace.sync.outbox.list_rows() if r.timesheet_id == sheet.id)
    assert row.sig is None  # the keyring is read at send time, never inside the attestation
    body = parse_body(row.body)
    assert hashlib.sha256(row.body).hexdigest() == row.body_sha256
    assert (body.arrangement_id, body.employee_no, body.period, body.version, body.kind) == (
        REMOTE, assistant.employee_no, "2026-05", 1, "attestation")
    assert body.lines == payload.minutes_by_pay_code(detail.pay_lines)
    assert sum(body.lines.values()) > 0
    assert row.body == payload.body_bytes(outbox.content_of(row), REMOTE)  # the bytes are reproducible


def test_a_correction_is_a_new_version_that_supersedes_the_last_one(demo_workspace, demo_arrangement_id):
    sheet, _ = _draft_may(demo_workspace, demo_arrangement_id)
    demo_workspace.timesheets.attest_timesheet(sheet.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    draft = demo_workspace.timesheets.correct_timesheet(sheet.id, "glemt en kveldsvakt")
    demo_workspace.timesheets.attest_timesheet(draft.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    first, second = [r for r in demo_workspace.sync.outbox.list_rows() if r.timesheet_id in (sheet.id, draft.id)]
    assert (first.version, second.version, second.supersedes_id, second.kind) == (1, 2, first.id, "correction")
    assert "glemt" not in json.dumps(second.lines)


def test_a_pay_code_that_cannot_travel_blocks_the_row_but_not_the_attestation(demo_workspace, demo_arrangement_id):
    sheet, _ = _draft_may(demo_workspace, demo_arrangement_id)
    attested = AttestedTimesheet(sheet.id, demo_arrangement_id, "1", sheet.period_end, datetime.now(timezone.utc),
                                 (PayLine("1", "KS 1000", "ordinary", "Timelønn", 7.5),))
    row = outbox.new_submission(attested, None, REMOTE, datetime.now(timezone.utc))
    assert row["state"] == "blocked" and "«KS 1000»" in str(Message.from_json(row["last_error_message"]))


def test_sealed_bytes_and_attested_content_can_never_change_or_disappear(
    demo_workspace, demo_arrangement_id, memory_keyring
):
    enrolment, key = _enrol_offline(demo_workspace, demo_arrangement_id, memory_keyring)
    assert demo_workspace.sync.outbox.seal(enrolment, key) > 0
    row = demo_workspace.sync.outbox.list_rows()[0]
    signing.verify_bytes(signing.public_key_raw(key), row.body, row.sig)
    with sqlite3.connect(demo_workspace.path) as connection:
        for statement in (
            "UPDATE outbox_submission SET body = x'00' WHERE id = ?",
            "UPDATE outbox_submission SET lines = '{}' WHERE id = ?",
            "DELETE FROM outbox_submission WHERE id = ?",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(statement, (row.id,))


def test_a_later_version_waits_for_the_earlier_one_and_workers_never_share_a_row(
    demo_workspace, demo_arrangement_id, memory_keyring
):
    sync_outbox = demo_workspace.sync.outbox
    enrolment, key = _enrol_offline(demo_workspace, demo_arrangement_id, memory_keyring)
    sync_outbox.seal(enrolment, key)
    rows = sync_outbox.list_rows()
    v2 = next(r for r in rows if r.version == 2)

    claimed: list[list[str]] = []
    barrier = threading.Barrier(4)

    def worker(n):
        barrier.wait()
        got = []
        while batch := sync_outbox.claim(demo_arrangement_id, f"w{n}", limit=2):
            got += [c.id for c in batch]
        claimed.append(got)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [i for got in claimed for i in got]
    assert len(every) == len(set(every)) == len(rows) - 1
    assert v2.id not in every  # version 1 is not at the receiver yet

    assert sync_outbox.mark_delivered(v2.supersedes_id, {"seq": 1})
    # Version 2's body names what version 1 became at the receiver: it is built and signed
    # once version 1's answer is in (the next seal), then it is sent.
    assert sync_outbox.claim(demo_arrangement_id, "w9") == []
    assert sync_outbox.seal(enrolment, key) == 1
    assert [c.id for c in sync_outbox.claim(demo_arrangement_id, "w9")] == [v2.id]


def test_decisions_are_applied_with_the_cursor_and_reach_the_timesheet(
    demo_workspace, demo_arrangement_id, memory_keyring
):
    sync_outbox = demo_workspace.sync.outbox
    _enrol_offline(demo_workspace, demo_arrangement_id, memory_keyring)
    rows = sync_outbox.list_rows()
    v2 = next(r for r in rows if r.version == 2)
    v1 = next(r for r in rows if r.id == v2.supersedes_id)
    other = next(r for r in rows if r.version == 1 and r.id != v1.id)
    for row in (v1, v2, other):
        sync_outbox.mark_delivered(row.id, {"seq": 1})
    at = datetime(2026, 5, 21, 9, tzinfo=timezone.utc)
    decisions = [
        Decision(seq=3, submission_id=uuid.UUID(v1.id), decision="accepted", decided_at=at),
        Decision(seq=4, submission_id=uuid.UUID(other.id), decision="rejected", reason="Mangler kveldstillegg",
                 decided_at=at),
        Decision(seq=5, submission_id=uuid.UUID(v2.id), decision="accepted", decided_at=at),
    ]
    assert sync_outbox.apply_decisions(demo_arrangement_id, decisions, 5) == 3
    assert sync_outbox.apply_decisions(demo_arrangement_id, decisions, 5) == 0  # replay is harmless
    states = {s.id: s for s in demo_workspace.sync.list_submissions()}
    assert (states[v1.id].state, states[v2.id].state, states[other.id].state) == ("superseded", "accepted", "rejected")
    assert states[other.id].decision_reason == "Mangler kveldstillegg"
    assert demo_workspace.sync.enrolment(demo_arrangement_id).decisions_cursor == 5
    engine = make_engine(demo_workspace.path)
    with Session(engine) as session:
        status = dict(session.execute(select(TimesheetRow.id, TimesheetRow.status)).all())
    engine.dispose()
    assert status[v2.timesheet_id] == TimesheetStatus.ACCEPTED
    assert status[other.timesheet_id] == TimesheetStatus.REJECTED

