"""A correction can always leave (review finding; SYNC.md §2.6: a correction supersedes the
receiver's head, not a version it never got).

Before: once a version was ``needs_correction`` or ``blocked``, its correction was held back
by ``claim`` forever, and named the unsent version as ``supersedes``, so the receiver would
have refused it anyway; "Prøv igjen" refused both states. Now the correction's body names
what the receiver holds (its receipt, or the head a 409 named), the version that never
reached it is retired as ``replaced``, and nothing waits any more."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime, timezone

from bpa_desktop.storage.outbox_repository import Submission
from bpa_desktop.sync import outbox
from bpa_desktop.workspace import Workspace
from tests.sync.receiver_helpers import back_up_database
from tests.sync_client.sync_client_helpers import receiver_rows
from tests.sync_client.test_sync_client_decisions import TOTAL, _timesheet_of, synced  # noqa: F401

AFTER_MAY = date(2026, 6, 2)


def _body(ws, submission_id: str) -> dict:
    row = next(r for r in ws.sync.outbox.list_rows() if r.id == submission_id)
    return json.loads(row.body)


def test_after_a_version_conflict_the_next_correction_supersedes_the_receivers_head(
    synced, shared_receiver, arrangement_name, tmp_path  # noqa: F811
):
    ws_a = synced
    assert ws_a.sync.push().delivered == TOTAL
    copy = tmp_path / "copy-b.sqlite"
    back_up_database(f"sqlite:///{ws_a.path}", copy)
    target = next(s for s in ws_a.sync.list_submissions() if s.version == 1)
    timesheet_id = _timesheet_of(ws_a, target.id)
    ws_a.timesheets.attest_timesheet(ws_a.timesheets.correct_timesheet(timesheet_id, "A retter").id, unconfirmed_reason="på papir")
    assert ws_a.sync.push().delivered == 1
    head_a = next(s for s in ws_a.sync.list_submissions() if s.version == 2 and s.period == target.period
                  and s.employee_no == target.employee_no)

    with Workspace.open(copy) as ws_b:
        v2 = ws_b.timesheets.correct_timesheet(timesheet_id, "B retter")
        ws_b.timesheets.attest_timesheet(v2.id, unconfirmed_reason="på papir")
        assert ws_b.sync.push().needs_correction == 1
        [conflicted] = [s for s in ws_b.sync.list_submissions() if s.state == "needs_correction"]
        assert not ws_b.sync.retry_submission(conflicted.id)  # the same bytes would meet the same head

        # B looks at both versions and corrects once more: this one can leave.
        v3 = ws_b.timesheets.correct_timesheet(v2.id, "B retter etter konflikten")
        ws_b.timesheets.attest_timesheet(v3.id, unconfirmed_reason="på papir")
        summary = ws_b.sync.push()
        assert (summary.delivered, summary.needs_correction) == (1, 0)
        rows = {s.id: s for s in ws_b.sync.list_submissions()}
        third = next(s for s in rows.values() if s.version == 3 and s.period == target.period
                     and s.employee_no == target.employee_no)
        body = _body(ws_b, third.id)
        assert body["supersedes"] == head_a.id and body["version"] == 3 and body["kind"] == "correction"
        assert rows[conflicted.id].state == "superseded"  # replaced: not waiting, never sent again
        assert "Erstattet av versjon 3" in rows[conflicted.id].last_error_text
        assert ws_b.sync.status()["needs_correction"] == 0
        assert conflicted.id not in ws_b.sync.outbox.ids_at_receiver(ws_b.people.list_arrangements()[0].id)
    stored = dict(receiver_rows(shared_receiver.db_url, arrangement_name))
    assert third.id in stored and conflicted.id not in stored


def test_after_a_refused_pay_code_the_correction_goes_as_the_receivers_first_version(
    synced, demo_arrangement_id  # noqa: F811
):
    ws = synced
    assert ws.sync.push().delivered == TOTAL
    settings = ws.timesheets.pay_settings(demo_arrangement_id)
    profile = ws.timesheets.pay_profile(demo_arrangement_id)
    ordinary = next(line.id for line in profile.lines if line.id == "ordinary")
    ws.timesheets.update_pay_settings(replace(settings, codes={**settings.codes, ordinary: "KS 1000 (feil)"}))
    first = ws.timesheets.attest_period(1, date(2026, 5, 10), today=AFTER_MAY, unconfirmed_reason="på papir")
    assert ws.sync.push().delivered == 0
    [blocked] = [s for s in ws.sync.list_submissions() if s.state == "blocked"]
    assert "Lønnsarten «KS 1000 (feil)» kan ikke sendes" in blocked.last_error_text
    assert not ws.sync.retry_submission(blocked.id)  # its lines are attested: a correction is the way

    ws.timesheets.update_pay_settings(replace(settings, codes={**settings.codes, ordinary: "KS-1000"}))
    corrected = ws.timesheets.correct_timesheet(first.id, "rettet lønnsart")
    ws.timesheets.attest_timesheet(corrected.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    assert ws.sync.push().delivered == 1
    rows = {s.id: s for s in ws.sync.list_submissions()}
    second = next(s for s in rows.values()
                  if s.version == 2 and s.period == "2026-05" and s.employee_no == blocked.employee_no)
    body = _body(ws, second.id)
    # The receiver never got version 1: this one is its first, superseding nothing.
    assert (body["version"], body["supersedes"], body["kind"]) == (1, None, "attestation")
    assert "KS-1000" in body["lines"] and rows[blocked.id].state == "superseded"
    assert ws.sync.status()["blocked"] == 0


def test_a_correction_made_while_the_first_version_waits_follows_it_in_the_same_pass(
    synced, demo_arrangement_id  # noqa: F811
):
    ws = synced
    first = ws.timesheets.attest_period(2, date(2026, 5, 10), today=AFTER_MAY, unconfirmed_reason="på papir")
    corrected = ws.timesheets.correct_timesheet(first.id, "glemt en vakt")
    ws.timesheets.attest_timesheet(corrected.id, today=AFTER_MAY, unconfirmed_reason="på papir")
    summary = ws.sync.push()
    assert summary.delivered == TOTAL + 2 and summary.needs_correction == 0
    rows = [s for s in ws.sync.list_submissions() if s.period == "2026-05"]
    v1, v2 = sorted(rows, key=lambda s: s.version)
    assert _body(ws, v2.id)["supersedes"] == v1.id and _body(ws, v2.id)["version"] == 2


def test_a_bundle_carries_a_correction_after_its_first_version(synced, demo_arrangement_id, tmp_path):  # noqa: F811
    ws = synced
    first = ws.timesheets.attest_period(2, date(2026, 5, 10), today=AFTER_MAY, unconfirmed_reason="på papir")
    ws.timesheets.attest_timesheet(ws.timesheets.correct_timesheet(first.id, "glemt").id, today=AFTER_MAY, unconfirmed_reason="på papir")
    path = tmp_path / "bundle.json"
    assert ws.sync.write_bundle(demo_arrangement_id, path) == TOTAL + 2
    import base64

    items = [json.loads(base64.b64decode(item["body"])) for item in json.loads(path.read_text())["items"]]
    may = sorted((i for i in items if i["period"] == "2026-05"), key=lambda i: i["version"])
    assert [i["version"] for i in may] == [1, 2] and may[1]["supersedes"] == may[0]["submission_id"]


# --- the rules, one by one ----------------------------------------------------------------------


def _row(version: int, state: str, *, receipt: dict | None = None, code: str | None = None,
         body: dict | None = None) -> Submission:
    now = datetime(2026, 6, 1, tzinfo=timezone.utc)
    return Submission(
        id=str(uuid.uuid4()), arrangement_id=1, timesheet_id=version, employee_no="1001", period="2026-05",
        version=version, supersedes_id=None, kind="attestation", lines="{}", attested_at=now, app_version="0.1.0",
        body=json.dumps(body).encode() if body else None, body_sha256=None, sig=None, key_id=None, state=state,
        attempts=0, next_attempt_at=now, lease_owner=None, lease_until=None, last_attempt_at=None,
        last_error_code=code, last_error_message=None, receipt=json.dumps(receipt) if receipt else None,
        decision=None, decision_reason=None, decided_at=None, exported_at=None, created_at=now,
    )


def test_receiver_head_rules():
    delivered = _row(1, "delivered", receipt={"received_at": "x"}, body={"version": 1})
    assert outbox.receiver_head([]) == outbox.NOTHING
    assert outbox.receiver_head([delivered]) == outbox.Head(delivered.id, 1)
    assert outbox.receiver_head([_row(2, "queued"), delivered]) is None  # wait for its answer
    assert outbox.receiver_head([_row(2, "blocked"), delivered]) == outbox.Head(delivered.id, 1)
    assert outbox.receiver_head([_row(1, "blocked")]) == outbox.NOTHING
    head = str(uuid.uuid4())
    named = outbox.conflict_answer({"head_submission_id": head, "head_version": 5})
    conflict = _row(2, "needs_correction", receipt=named)
    assert outbox.receiver_head([conflict, delivered]) == outbox.Head(head, 5)
    replaced = _row(2, "superseded", code="replaced")
    assert outbox.receiver_head([replaced, delivered]) == outbox.Head(delivered.id, 1)
    chained = _row(2, "queued", body={"version": 2})
    assert outbox.receiver_head([chained], chain=True) == outbox.Head(chained.id, 2)
    blocked = _row(3, "blocked")
    assert outbox.unsent_predecessors([blocked, conflict, replaced, delivered]) == [blocked.id, conflict.id]


def test_a_conflict_answer_is_checked_before_it_is_believed():
    head = str(uuid.uuid4())
    assert outbox.conflict_answer({"head_submission_id": head, "head_version": 2}) == {
        "version_conflict": {"head_submission_id": head, "head_version": 2}}
    assert outbox.conflict_answer({"head_submission_id": None, "head_version": 0})["version_conflict"] == {
        "head_submission_id": None, "head_version": 0}
    for hostile in ({}, {"head_version": "2"}, {"head_version": True}, {"head_version": 10**9},
                    {"head_submission_id": "'; DROP TABLE", "head_version": 1},
                    {"head_submission_id": head, "head_version": 0}, {"head_submission_id": None, "head_version": 3}):
        assert outbox.conflict_answer(hostile) is None, hostile
