"""bpa-sync/2, the desktop's endpoints (docs/protocol-v2.md) through the in-process TestClient:
the receiver's key, publications (device-signed, replay-safe), link grants and revocations, and
the receiver-signed, gap-free event feed."""

from __future__ import annotations

import base64
import json
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.protocol import PROBLEM_MEDIA_TYPE, canonical_json_bytes
from bpa_desktop.sync.receiver import database, events
from bpa_desktop.sync.receiver.settings import load as load_settings
from bpa_desktop.sync.receiver.store import Arrangement, AuditEvent, Publication, ReceiverKey
from tests.sync.receiver_helpers import enrol_device
from tests.sync.receiver_v2_helpers import Desktop, month_view, publication_body, rota_view, sign_publication


@pytest.fixture
def desktop(device) -> Desktop:
    return Desktop(device)


def _count(db_url: str, model) -> int:
    engine = database.make_engine(db_url)
    try:
        with database.read_session(engine) as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        engine.dispose()


def record_events(db_url: str, arrangement_ref: str, count: int, publication_id: uuid.UUID) -> list[uuid.UUID]:
    """`count` confirmations as the phone pages record them (events.record)."""
    engine = database.make_engine(db_url)
    ids = []
    try:
        for _ in range(count):
            with database.write_session(engine) as session:
                arrangement = session.scalars(select(Arrangement).where(Arrangement.ref == arrangement_ref)).one()
                payload = v2.ConfirmationPayload(publication_id=publication_id, period="2026-03", content_hash="0" * 64)
                recorded = events.record(session, load_settings(), arrangement_pk=arrangement.id,
                                         event_id=uuid.uuid4(), kind="confirmation", role="assistant",
                                         channel="link", payload=payload, link_id=uuid.uuid4(), assistant_ref="a-kari")
                ids.append(recorded.event.event_id)
    finally:
        engine.dispose()
    return ids


def test_the_receiver_key_is_made_once_and_needs_the_token(client, desktop, db_url):
    first = desktop.receiver_key()
    assert first.status_code == 200, first.text
    key = v2.ReceiverKey.model_validate(first.json())
    assert desktop.receiver_key().json() == first.json()
    assert _count(db_url, ReceiverKey) == 1
    assert client.get("/v2/receiver-key").status_code == 401
    engine = database.make_engine(db_url)
    with database.read_session(engine) as session:
        row = session.get(ReceiverKey, 1)
        assert row.public_key == base64.b64decode(key.public_key)
        assert len(row.sealed_private_key) == 32 + 16  # AES-GCM: the 32 key bytes and the tag, nothing in clear
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "receiver_key_created")) == 1
    engine.dispose()


def test_without_the_key_secret_v2_answers_503(desktop, db_url, monkeypatch):
    from fastapi.testclient import TestClient

    from bpa_desktop.sync.receiver.app import create_app

    monkeypatch.delenv("BPA_RECEIVER_KEY_SECRET")
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as other:
        response = other.get("/v2/receiver-key", headers=desktop.headers)
    assert response.status_code == 503
    assert response.json()["code"] == "receiver_key_unavailable"


def test_a_publication_is_stored_replayed_and_never_overwritten(desktop, db_url):
    view = month_view(desktop.arrangement_id)
    body, first = desktop.publish(view)
    assert first.status_code == 201, first.text
    assert first.json()["content_hash"] == v2.view_hash(view)
    raw = v2.canonical_bytes(body)
    replay = desktop.put_envelope(body.publication_id, sign_publication(desktop.device.key, raw))
    assert replay.status_code == 200 and replay.json() == first.json()
    changed = month_view(desktop.arrangement_id, shifts=2)
    _body, other = desktop.publish(changed, publication_id=body.publication_id)
    assert other.status_code == 409 and other.json()["code"] == "publication_conflict"
    assert _count(db_url, Publication) == 1
    _rota, rota = desktop.publish(rota_view(desktop.arrangement_id))
    assert rota.status_code == 201
    assert _count(db_url, Publication) == 2


def test_a_tampered_publication_is_bad_signature_before_anything_is_parsed(desktop, db_url):
    body = publication_body(month_view(desktop.arrangement_id))
    raw = v2.canonical_bytes(body)
    envelope = sign_publication(desktop.device.key, raw)
    tampered = bytearray(raw)
    tampered[raw.index(b"480")] = ord("9")
    bad = v2.SignedEnvelope(key_id=envelope.key_id, body=base64.b64encode(bytes(tampered)).decode(), sig=envelope.sig)
    response = desktop.put_envelope(body.publication_id, bad)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["code"] == "bad_signature"
    # Not even JSON, but unsigned: still bad_signature, not invalid_body (the signature comes first).
    garbage = v2.SignedEnvelope(key_id=envelope.key_id, body=base64.b64encode(b"not json").decode(), sig=envelope.sig)
    assert desktop.put_envelope(body.publication_id, garbage).json()["code"] == "bad_signature"
    # The v1 context does not sign a v2 publication.
    from bpa_desktop.sync import signing
    v1_signed = v2.SignedEnvelope.of(envelope.key_id, raw, signing.sign_bytes(desktop.device.key, raw))
    assert desktop.put_envelope(body.publication_id, v1_signed).json()["code"] == "bad_signature"
    assert _count(db_url, Publication) == 0


def test_a_content_hash_that_is_not_the_views_is_422(desktop, db_url):
    body = publication_body(month_view(desktop.arrangement_id))
    data = json.loads(v2.canonical_bytes(body))
    data["content_hash"] = "f" * 64
    raw = canonical_json_bytes(data)
    response = desktop.put_envelope(body.publication_id, sign_publication(desktop.device.key, raw))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "content_hash_mismatch"
    assert _count(db_url, Publication) == 0


def test_the_path_id_and_the_arrangement_must_be_the_bodys(client, desktop, db_url):
    body = publication_body(month_view(desktop.arrangement_id))
    envelope = sign_publication(desktop.device.key, v2.canonical_bytes(body))
    assert desktop.put_envelope(uuid.uuid4(), envelope).json()["code"] == "id_mismatch"
    other = Desktop(enrol_device(client, db_url, "Ordning B"))
    # Another arrangement's token with this device's signature: that key is not enrolled there.
    assert other.put_envelope(body.publication_id, envelope).json()["code"] == "key_not_enrolled"
    foreign = publication_body(month_view(desktop.arrangement_id))
    signed = sign_publication(other.device.key, v2.canonical_bytes(foreign))
    response = other.put_envelope(foreign.publication_id, signed)
    assert response.status_code == 422 and response.json()["code"] == "arrangement_mismatch"
    assert _count(db_url, Publication) == 0


def test_links_are_granted_once_and_revoked_idempotently(client, desktop, db_url):
    from tests.sync.receiver_v2_helpers import make_link

    link = make_link(desktop.arrangement_id)
    assert desktop.grant(link).status_code == 201
    assert desktop.grant(link).status_code == 200
    changed = link.grant.model_copy(update={"label": "Kari N"})
    response = desktop.http.put(f"/v2/links/{link.link_id}", json=changed.model_dump(mode="json"), headers=desktop.headers)
    assert response.status_code == 409 and response.json()["code"] == "link_conflict"
    same_code = make_link(desktop.arrangement_id)
    same_code.grant = same_code.grant.model_copy(update={"code_sha256": link.grant.code_sha256})
    assert desktop.grant(same_code).json()["code"] == "link_conflict"
    first = desktop.revoke(link.link_id)
    assert first.status_code == 200
    again = desktop.revoke(link.link_id)
    assert again.status_code == 200 and again.json() == first.json()
    other = Desktop(enrol_device(client, db_url, "Ordning B"))
    foreign = other.revoke(desktop.new_link().link_id)
    assert foreign.status_code == 404 and foreign.json()["code"] == "link_not_found"
    assert client.put(f"/v2/links/{link.link_id}", json=link.grant.model_dump(mode="json")).status_code == 401


def test_events_are_gap_free_signed_by_the_receiver_key_and_per_arrangement(client, desktop, db_url):
    key = v2.ReceiverKey.model_validate(desktop.receiver_key().json())
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
    publication_id = uuid.uuid4()
    ids = record_events(db_url, desktop.arrangement_id, 5, publication_id)
    page = v2.EventsPage.model_validate(desktop.events(since=0, limit=3).json())
    assert len(page.events) == 3 and page.next == 3
    rest = v2.EventsPage.model_validate(desktop.events(since=page.next).json())
    assert rest.next == 5
    bodies = []
    for envelope in page.events + rest.events:
        assert envelope.key_id == key.key_id
        public.verify(envelope.sig_bytes(), v2.EVENT_SIGNATURE_CONTEXT + envelope.body_bytes())  # raises if not
        bodies.append(v2.EventBody.model_validate_json(envelope.body_bytes()))
    assert [body.seq for body in bodies] == [1, 2, 3, 4, 5]
    assert [body.event_id for body in bodies] == ids
    assert desktop.events(since=5).json() == {"events": [], "next": 5}
    ahead = desktop.events(since=6)
    assert ahead.status_code == 409 and ahead.json()["code"] == "cursor_ahead" and ahead.json()["head"] == 5
    other = Desktop(enrol_device(client, db_url, "Ordning B"))
    assert other.events().json() == {"events": [], "next": 0}
    record_events(db_url, other.arrangement_id, 1, publication_id)
    assert [v2.EventBody.model_validate_json(e.body_bytes()).seq
            for e in v2.EventsPage.model_validate(other.events().json()).events] == [1]


def test_a_malformed_v2_request_is_a_v2_problem(client, desktop):
    response = client.put(f"/v2/links/{uuid.uuid4()}", json={"link_id": "nope"}, headers=desktop.headers)
    assert response.status_code == 400 and response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["code"] == "invalid_request" and "bpa-sync/2" in response.json()["title"]
    assert "nope" not in response.text  # the submitted value is not echoed
