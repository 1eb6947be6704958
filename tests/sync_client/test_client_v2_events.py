"""The bpa-sync/2 step of a pass against a stand-in receiver (httpx.MockTransport): the
receiver key is pinned at first sight and another one refused; a tampered event is refused and
nothing after it applied; an event delivered twice is applied once; revocations are sent and
retried; publications carry the device's signature."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime, timezone

import httpx

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bpa_desktop.sync import signing
from bpa_desktop.sync.client_v2 import SharingClient
from bpa_desktop.sync.protocol_v2 import PUBLICATION_SIGNATURE_CONTEXT, LinkRevocation, SignedEnvelope
from tests.sync_client.sharing_fakes import (
    Enrolment,
    FakeReceiver,
    MemoryPort,
    approval_event,
    http_for,
    proposal_event,
)

DEVICE = signing.generate_private_key()


def run(receiver: FakeReceiver, port: MemoryPort):
    with http_for(receiver) as http:
        return SharingClient(port).run(http, "token", DEVICE, Enrolment())


def test_the_receiver_key_is_pinned_at_first_sight_and_another_key_is_refused():
    receiver, port = FakeReceiver(), MemoryPort()
    receiver.add(proposal_event(1, uuid.uuid4()))
    first = run(receiver, port)
    assert port.pinned == (signing.key_id(signing.public_key_raw(receiver.key)), signing.public_key_raw(receiver.key))
    assert first.applied == 1 and port.cursor == 1

    impostor = FakeReceiver()  # same address, another key, with an event of its own
    impostor.add(proposal_event(1, uuid.uuid4()))
    impostor.add(proposal_event(2, uuid.uuid4()))
    port.cursor = 0
    second = run(impostor, port)
    assert [m.key for m in second.messages] == ["sync.sharing.key_changed"]
    assert second.applied == 0 and len(port.applied) == 1
    assert ("GET", "/v2/events") not in impostor.requests  # nothing is even fetched
    assert port.pinned[1] == signing.public_key_raw(receiver.key)  # the first key stays pinned
    assert port.pinned[0] in str(second.messages[0])
    assert port.refusals == [("receiver-key", "sync.sharing.key_changed_kept")]  # shown in the Deling dialog


def test_a_tampered_event_is_refused_and_nothing_after_it_is_applied():
    receiver, port = FakeReceiver(), MemoryPort()
    publication = uuid.uuid4()
    receiver.add(proposal_event(1, publication))
    good = receiver.add(proposal_event(2, publication))
    receiver.add(proposal_event(3, publication))
    body = good.body_bytes().replace(b'"minutes":60', b'"minutes":600')
    receiver.events[1] = SignedEnvelope(key_id=good.key_id, body=base64.b64encode(body).decode(), sig=good.sig)
    summary = run(receiver, port)
    assert summary.applied == 1 and summary.refused == 1
    assert port.cursor == 1  # the next pass reads the tampered one again; the third waits
    assert port.refusals == [(None, "sync.sharing.event_bad_signature")]
    assert all(e.proposal.minutes == 60 for e in port.applied.values())


def test_an_event_signed_by_another_key_is_refused():
    receiver, port = FakeReceiver(), MemoryPort()
    stranger = FakeReceiver()
    receiver.events.append(stranger.add(approval_event(1, uuid.uuid4())))
    summary = run(receiver, port)
    assert summary.applied == 0 and port.refusals == [(None, "sync.sharing.event_other_key")]
    assert port.cursor == 0


def test_an_event_delivered_twice_is_applied_once():
    receiver, port = FakeReceiver(), MemoryPort()
    event = proposal_event(1, uuid.uuid4())
    receiver.add(event)
    run(receiver, port)
    # the receiver restored from an older copy serves it again from 0 (cursor_ahead first)
    receiver.events = [receiver.events[0]]
    port.cursor = 5
    summary = run(receiver, port)
    assert list(port.applied) == [str(event.event_id)]
    assert summary.applied == 1 and port.cursor == 1  # applied again through the idempotent port
    # the same page read twice without a restore: seq at or below the cursor is skipped
    summary = run(receiver, port)
    assert summary.applied == 0 and len(port.applied) == 1


def test_the_cursor_moves_with_each_applied_event_and_a_refused_one_is_kept():
    receiver, port = FakeReceiver(), MemoryPort(refuse_kinds=("approval",))
    publication = uuid.uuid4()
    receiver.add(proposal_event(1, publication))
    refused = receiver.add(approval_event(2, publication))
    receiver.add(proposal_event(3, publication))
    summary = run(receiver, port)
    assert (summary.applied, summary.refused, port.cursor) == (2, 1, 3)
    assert port.refusals[0][0] is not None and len(port.refusals) == 1
    assert refused.key_id == port.pinned[0]


def test_a_failing_apply_leaves_the_cursor_where_it_was():
    receiver, port = FakeReceiver(), MemoryPort(fail_after_apply=True)
    receiver.add(proposal_event(1, uuid.uuid4()))
    try:
        run(receiver, port)
    except RuntimeError:
        pass
    assert port.cursor == 0 and not port.applied


def test_revocations_are_sent_and_retried_until_the_receiver_takes_them():
    receiver, port = FakeReceiver(fail_revoke=1), MemoryPort()
    link_id = uuid.uuid4()
    port.revocations.append(LinkRevocation(link_id=link_id, revoked_at=datetime.now(timezone.utc)))
    first = run(receiver, port)
    assert first.revoked == 0 and not port.sent_revocations and not receiver.revoked
    second = run(receiver, port)
    assert second.revoked == 1 and receiver.revoked == [str(link_id)] and port.sent_revocations == {str(link_id)}
    third = run(receiver, port)
    assert third.revoked == 0 and receiver.revoked == [str(link_id)]


def test_publications_carry_the_device_signature_over_the_publication_context():
    receiver, port = FakeReceiver(), MemoryPort()
    body = b'{"kind":"month"}'
    port.publications["7c0e6f3e-0000-4000-8000-000000000001"] = body
    summary = run(receiver, port)
    assert summary.published == 1
    sent = SignedEnvelope.model_validate(receiver.publications["7c0e6f3e-0000-4000-8000-000000000001"])
    assert sent.body_bytes() == body and sent.key_id == signing.key_id(signing.public_key_raw(DEVICE))
    Ed25519PublicKey.from_public_bytes(signing.public_key_raw(DEVICE)).verify(
        sent.sig_bytes(), PUBLICATION_SIGNATURE_CONTEXT + body)
    assert run(receiver, port).published == 0  # sent once


def test_an_old_receiver_without_v2_is_left_alone():
    port = MemoryPort()

    def old(request):
        return httpx.Response(404, json={"code": "not_found"})

    with httpx.Client(base_url="http://old.test", transport=httpx.MockTransport(old)) as http:
        summary = SharingClient(port).run(http, "t", DEVICE, Enrolment())
    assert [m.key for m in summary.messages] == ["sync.sharing.no_v2"] and port.pinned is None


def test_many_events_come_in_pages_and_all_are_applied():
    receiver, port = FakeReceiver(), MemoryPort()
    publication = uuid.uuid4()
    for seq in range(1, 451):
        receiver.add(proposal_event(seq, publication))
    summary = run(receiver, port)
    assert summary.applied == 450 and port.cursor == 450
    assert receiver.requests.count(("GET", "/v2/events")) == 3
