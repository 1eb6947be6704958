"""The events applied through the real ws.participants (the demo, the stand-in receiver): a
proposal delivered twice is one open proposal; a confirmation of the month as published is
recorded as the assistant's by link; one of a month that changed since is kept as a refusal;
an approval of the published rota version is one row per event."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import httpx

from bpa_desktop.sync import signing
from bpa_desktop.sync.client_v2 import SharingClient
from bpa_desktop.sync.protocol_v2 import ApprovalPayload, ConfirmationPayload, EventBody, ProposalPayload
from tests.sync_client.sharing_fakes import REMOTE, FakeReceiver

DEVICE = signing.generate_private_key()
MAY = date(2026, 5, 1)


def run(ws, arrangement_id, receiver):
    with httpx.Client(base_url="http://receiver.test", transport=httpx.MockTransport(receiver)) as http:
        return SharingClient(ws.sync.sharing).run(http, "t", DEVICE, ws.sync.enrolment(arrangement_id))


def base(seq, kind, ref, **payload):
    return EventBody(event_id=payload.pop("event_id", uuid.uuid4()), seq=seq, arrangement_id=REMOTE,
                     link_id=uuid.uuid4(), role=payload.pop("role", "assistant"), assistant_ref=ref, channel="link",
                     occurred_at=datetime.now(timezone.utc), kind=kind, **payload)


def test_events_through_the_real_participants(demo_workspace, demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    ws.sync.outbox.save_enrolment(aid, receiver_url="http://receiver.test", remote_arrangement_id=REMOTE,
                                  public_key=signing.public_key_raw(DEVICE))
    linnea = next(a for a in ws.people.list_assistants(aid) if a.name == "Linnea Strand")
    month = ws.sync.sharing.publish_month(linnea.id, MAY)
    rota = ws.rota.current_rota(aid)
    rota_publication = ws.sync.sharing.publish_rota(rota.id)
    ref = ws.participants.ref_of(linnea.id)
    shift = ws.participants.month_view(linnea.id, MAY).shifts[0]
    publication_id = uuid.UUID(month.publication_id)

    receiver = FakeReceiver()
    twice = uuid.uuid4()
    proposal = ProposalPayload(publication_id=publication_id, shift_ref=shift.shift_ref, change="stayed_longer",
                               minutes=60)
    receiver.add(base(1, "proposal", ref, event_id=twice, proposal=proposal))
    receiver.add(base(2, "confirmation", ref, confirmation=ConfirmationPayload(
        publication_id=publication_id, period="2026-05", content_hash=month.content_hash)))
    receiver.add(base(3, "approval", None, role="union_rep", approval=ApprovalPayload(
        publication_id=uuid.UUID(rota_publication.publication_id), rota_version_id=rota.id,
        content_hash=rota_publication.content_hash, approved=True, approver="Tillitsvalgt")))
    summary = run(ws, aid, receiver)
    assert (summary.applied, summary.refused) == (3, 0), [str(m) for m in summary.messages]

    receiver.events.append(receiver.events[0])  # an old event served again: at or below the cursor, skipped
    receiver.add(base(5, "proposal", ref, event_id=twice, proposal=proposal))
    run(ws, aid, receiver)
    (open_one,) = ws.participants.open_proposals(aid)
    assert open_one.proposal.channel == "link" and open_one.proposal.minutes == 60
    sheet = ws.timesheets.preview_timesheet(linnea.id, MAY).timesheet
    confirmation = ws.participants.confirmation(sheet.id)
    assert confirmation.channel == "link" and confirmation.actor == "assistant"
    assert [a.channel for a in ws.participants.approvals(rota.id)].count("link") == 1

    # the leader accepts: the month changes; a confirmation of the old view is refused and kept
    ws.participants.accept_proposal(open_one.proposal.id)
    receiver.add(base(6, "confirmation", ref, confirmation=ConfirmationPayload(
        publication_id=publication_id, period="2026-05", content_hash=month.content_hash)))
    summary = run(ws, aid, receiver)
    assert summary.refused == 1
    assert [r.reason.key for r in ws.sync.sharing.refusals()] == ["sync.sharing.refused_stale_view"]
    assert ws.sync.sharing.events_cursor(aid) == 6


def test_an_event_and_the_cursor_commit_together(demo_workspace, demo_arrangement_id, monkeypatch):
    """A crash after the proposal is written but before the cursor moves leaves neither."""
    from bpa_desktop.storage import sharing_repository

    ws, aid = demo_workspace, demo_arrangement_id
    ws.sync.outbox.save_enrolment(aid, receiver_url="http://receiver.test", remote_arrangement_id=REMOTE,
                                  public_key=signing.public_key_raw(DEVICE))
    linnea = next(a for a in ws.people.list_assistants(aid) if a.name == "Linnea Strand")
    month = ws.sync.sharing.publish_month(linnea.id, MAY)
    ref = ws.participants.ref_of(linnea.id)
    shift = ws.participants.month_view(linnea.id, MAY).shifts[0]
    receiver = FakeReceiver()
    receiver.add(base(1, "proposal", ref, proposal=ProposalPayload(
        publication_id=uuid.UUID(month.publication_id), shift_ref=shift.shift_ref, change="late_start", minutes=30)))

    def crash(*_args, **_kwargs):
        raise OSError("power cut")

    monkeypatch.setattr(sharing_repository, "set_cursor", crash)
    try:
        run(ws, aid, receiver)
    except OSError:
        pass
    assert ws.participants.open_proposals(aid) == [] and ws.sync.sharing.events_cursor(aid) == 0

    monkeypatch.undo()
    summary = run(ws, aid, receiver)
    assert summary.applied == 1 and len(ws.participants.open_proposals(aid)) == 1
    assert ws.sync.sharing.events_cursor(aid) == 1
