"""ws.sync.sharing on a real database (the demo), with the stand-in receiver: a publication is
stored as canonical bytes and sent once, device-signed; a link's code never reaches the
database, only its SHA-256 leaves; a revoked link is revoked at the receiver; events are
applied once each with the cursor; a refused event is kept and shown; a file of events is
checked with the pinned key."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import date, datetime, timezone

import httpx
import pytest

from bpa_desktop.sync import signing
from bpa_desktop.sync.client_v2 import SharingClient
from bpa_desktop.sync.protocol_v2 import (
    PUBLICATION_SIGNATURE_CONTEXT,
    ConfirmationPayload,
    EventBody,
    EventBundle,
    ProposalPayload,
    PublicationBody,
    ReceiverKey,
    SignedEnvelope,
)
from bpa_desktop.workspace import WorkspaceError
from tests.sync_client.sharing_fakes import REMOTE, FakeReceiver, StubParticipants, approval_event

DEVICE = signing.generate_private_key()


@pytest.fixture
def shared(demo_workspace, demo_arrangement_id):
    ws = demo_workspace
    ws.sync.outbox.save_enrolment(demo_arrangement_id, receiver_url="http://receiver.test/",
                                  remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(DEVICE))
    stub = StubParticipants()
    ws.sync._participants = lambda: stub  # the contract's ws.participants, in memory
    assistant = ws.people.list_assistants(demo_arrangement_id)[0]
    return ws, demo_arrangement_id, stub, assistant


def enrolment(ws, arrangement_id):
    return ws.sync.enrolment(arrangement_id)


def run(ws, arrangement_id, receiver):
    with httpx.Client(base_url="http://receiver.test", transport=httpx.MockTransport(receiver)) as http:
        return SharingClient(ws.sync.sharing).run(http, "token", DEVICE, enrolment(ws, arrangement_id))


def event(kind, seq, publication_id, ref, **payload):
    body = {"proposal": None, "confirmation": None}
    if kind == "proposal":
        body["proposal"] = ProposalPayload(publication_id=publication_id, shift_ref="s-1", change="stayed_longer",
                                           minutes=60)
    else:
        body["confirmation"] = ConfirmationPayload(publication_id=publication_id, period="2026-02",
                                                   content_hash=payload.get("content_hash", "a" * 64))
    return EventBody(event_id=payload.get("event_id", uuid.uuid4()), seq=seq, arrangement_id=REMOTE,
                     link_id=uuid.uuid4(), role="assistant", assistant_ref=ref, channel="link",
                     occurred_at=datetime.now(timezone.utc), kind=kind, **body)


def test_a_published_month_is_sent_once_signed_by_the_device(shared):
    ws, arrangement_id, stub, assistant = shared
    publication = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    receiver = FakeReceiver()
    summary = run(ws, arrangement_id, receiver)
    assert summary.published == 1 and list(receiver.publications) == [publication.publication_id]
    sent = SignedEnvelope.model_validate(receiver.publications[publication.publication_id])
    signing_public = signing.public_key_raw(DEVICE)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    Ed25519PublicKey.from_public_bytes(signing_public).verify(sent.sig_bytes(), PUBLICATION_SIGNATURE_CONTEXT
                                                              + sent.body_bytes())
    body = PublicationBody.model_validate_json(sent.body_bytes())
    assert body.arrangement_id == REMOTE and body.kind == "month" and body.month.arrangement_id == REMOTE
    assert body.content_hash == publication.content_hash
    assert run(ws, arrangement_id, receiver).published == 0
    assert ws.sync.sharing.publications(arrangement_id)[0].sent_at is not None


def test_a_link_code_never_reaches_the_database_and_only_its_hash_leaves(shared, tmp_path):
    ws, arrangement_id, stub, assistant = shared
    link = ws.sync.sharing.create_link("assistant", assistant_id=assistant.id, label="Kari")
    assert len(link.code) >= 32 and link.url == f"http://receiver.test/p/{link.code}"
    assert len(base64.urlsafe_b64decode(link.code + "==")) >= 16  # 128 bits or more
    receiver = FakeReceiver()
    assert run(ws, arrangement_id, receiver).links == 1
    grant = receiver.links[link.link_id]
    assert grant["code_sha256"] == hashlib.sha256(link.code.encode()).hexdigest()
    assert grant["assistant_ref"] == stub.ref_of(assistant.id) and grant["role"] == "assistant"
    assert link.code not in json.dumps(grant)
    ws.close()
    raw = ws.path.read_bytes() + b"".join(p.read_bytes() for p in ws.path.parent.glob(ws.path.name + "-*"))
    assert link.code.encode() not in raw


def test_a_revoked_link_is_revoked_at_the_receiver(shared):
    ws, arrangement_id, stub, assistant = shared
    link = ws.sync.sharing.create_link("union_rep", label="Tillitsvalgt", arrangement_id=arrangement_id)
    receiver = FakeReceiver(fail_revoke=1)
    run(ws, arrangement_id, receiver)
    assert ws.sync.sharing.revoke_link(link.link_id) is True
    assert ws.sync.sharing.revoke_link(link.link_id) is False
    assert [i.state() for i in ws.sync.sharing.links(arrangement_id)] == ["revoked"]
    run(ws, arrangement_id, receiver)  # 503: tried again next pass
    assert receiver.revoked == []
    run(ws, arrangement_id, receiver)
    assert receiver.revoked == [link.link_id]
    assert ws.sync.sharing.links(arrangement_id)[0].revoke_sent_at is not None


def test_events_are_applied_once_with_the_cursor_and_a_refused_one_is_kept(shared):
    ws, arrangement_id, stub, assistant = shared
    month = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    rota = ws.rota.list_rota_versions(arrangement_id)[0]
    rota_publication = ws.sync.sharing.publish_rota(rota.id)
    ref = stub.ref_of(assistant.id)
    receiver = FakeReceiver()
    twice = uuid.uuid4()
    receiver.add(event("proposal", 1, uuid.UUID(month.publication_id), ref, event_id=twice))
    receiver.add(event("proposal", 2, uuid.UUID(month.publication_id), ref, event_id=twice))  # the same, again
    receiver.add(event("confirmation", 3, uuid.UUID(month.publication_id), ref, content_hash="f" * 64))  # stale
    receiver.add(event("proposal", 4, uuid.uuid4(), ref))  # a publication this desktop never made
    receiver.add(approval_event(5, uuid.UUID(rota_publication.publication_id)))
    summary = run(ws, arrangement_id, receiver)
    assert (summary.applied, summary.refused) == (3, 2)
    assert list(stub.proposals) == [str(twice)] and stub.proposals[str(twice)]["channel"] == "link"
    assert stub.proposals[str(twice)]["minutes"] == 60 and stub.approvals
    assert ws.sync.sharing.events_cursor(arrangement_id) == 5
    reasons = [r.reason.key for r in ws.sync.sharing.refusals()]
    assert reasons == ["sync.sharing.refused_stale_view", "sync.sharing.refused_unknown_publication"]
    assert all(str(r.reason) for r in ws.sync.sharing.refusals())  # shown in words
    # the receiver restored from an older copy: everything again from 0, nothing applied twice
    receiver.events = receiver.events[:3]
    run(ws, arrangement_id, receiver)
    assert len(stub.proposals) == 1 and len(ws.sync.sharing.refusals()) == 2


def test_an_event_that_fails_to_apply_leaves_the_cursor(shared):
    ws, arrangement_id, stub, assistant = shared
    month = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    receiver = FakeReceiver()
    receiver.add(event("proposal", 1, uuid.UUID(month.publication_id), stub.ref_of(assistant.id)))
    stub.fail = RuntimeError("the disk went away")
    with pytest.raises(RuntimeError):
        run(ws, arrangement_id, receiver)
    assert ws.sync.sharing.events_cursor(arrangement_id) == 0 and not ws.sync.sharing.refusals()
    stub.fail = None
    assert run(ws, arrangement_id, receiver).applied == 1
    assert ws.sync.sharing.events_cursor(arrangement_id) == 1


def test_import_events_from_a_file_checks_the_pinned_key(shared, tmp_path):
    ws, arrangement_id, stub, assistant = shared
    month = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    receiver = FakeReceiver()
    run(ws, arrangement_id, receiver)  # pins the receiver key
    ref = stub.ref_of(assistant.id)
    receiver.add(event("proposal", 1, uuid.UUID(month.publication_id), ref))
    receiver.add(event("confirmation", 2, uuid.UUID(month.publication_id), ref))
    public = signing.public_key_raw(receiver.key)
    key = ReceiverKey(key_id=signing.key_id(public), public_key=base64.b64encode(public).decode())
    path = tmp_path / "svar.json"
    path.write_text(EventBundle(arrangement_id=REMOTE, receiver_key=key, events=receiver.events)
                    .model_dump_json(), encoding="utf-8")
    result = ws.sync.sharing.import_events(path, arrangement_id)
    assert (result.applied, result.refused, result.skipped) == (2, 0, 0)
    assert ws.sync.sharing.import_events(path, arrangement_id).skipped == 2  # twice is once
    assert len(stub.proposals) == 1 and len(stub.confirmations) == 1

    impostor = FakeReceiver()
    other = signing.public_key_raw(impostor.key)
    forged = tmp_path / "forged.json"
    forged.write_text(EventBundle(arrangement_id=REMOTE, receiver_key=ReceiverKey(
        key_id=signing.key_id(other), public_key=base64.b64encode(other).decode()),
        events=[impostor.add(event("proposal", 3, uuid.UUID(month.publication_id), ref))]).model_dump_json())
    with pytest.raises(WorkspaceError, match="annen nøkkel|another key"):
        ws.sync.sharing.import_events(forged, arrangement_id)
    assert len(stub.proposals) == 1


def test_nothing_of_v2_is_asked_before_something_was_shared(shared):
    ws, arrangement_id, _stub, _assistant = shared
    receiver = FakeReceiver()
    run(ws, arrangement_id, receiver)
    assert receiver.requests == []


def test_another_receiver_key_is_refused_and_said_once(shared):
    ws, arrangement_id, stub, assistant = shared
    ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    run(ws, arrangement_id, FakeReceiver())
    impostor = FakeReceiver()
    for _ in range(2):
        summary = run(ws, arrangement_id, impostor)
        assert [m.key for m in summary.messages] == ["sync.sharing.key_changed"]
    assert [r.reason.key for r in ws.sync.sharing.refusals()] == ["sync.sharing.key_changed_kept"]
    assert ("GET", "/v2/events") not in impostor.requests


def test_a_link_made_offline_is_granted_after_a_restart(shared):
    ws, arrangement_id, stub, assistant = shared
    link = ws.sync.sharing.create_link("employer", label="Arbeidsgiver", arrangement_id=arrangement_id, days_valid=7)
    path = ws.path
    ws.close()
    from bpa_desktop.workspace import Workspace

    with Workspace.open(path) as again:
        again.sync.sharing._participants = lambda: stub
        receiver = FakeReceiver()
        assert run(again, arrangement_id, receiver).links == 1
        assert receiver.links[link.link_id]["code_sha256"] == hashlib.sha256(link.code.encode()).hexdigest()
        assert receiver.links[link.link_id]["role"] == "employer"
        (info,) = again.sync.sharing.links(arrangement_id)
        assert info.state() == "active" and (info.expires_at - info.created_at).days == 7
