"""Receiver API logic through FastAPI's in-process TestClient (docs/protocol.md)."""

from __future__ import annotations

import base64
import uuid

from sqlalchemy import func, select

from bpa_desktop.sync.protocol import PROBLEM_MEDIA_TYPE, SignedSubmission
from bpa_desktop.sync.receiver import database, enrolment
from bpa_desktop.sync.receiver.store import Submission
from tests.sync.receiver_helpers import enrol_device, enrol_request, issue_code


def stored_count(db_url: str) -> int:
    engine = database.make_engine(db_url)
    try:
        with database.read_session(engine) as session:
            return session.scalar(select(func.count()).select_from(Submission))
    finally:
        engine.dispose()


def test_new_submission_gets_receipt_and_replay_gets_the_same_receipt(device, db_url):
    body, first = device.submit()
    assert first.status_code == 201, first.text
    receipt = first.json()
    assert receipt["submission_id"] == str(body.submission_id)
    replay = device.post(device.sign(body))
    assert replay.status_code == 200
    assert replay.json() == receipt
    assert stored_count(db_url) == 1


def test_one_flipped_byte_is_bad_signature_and_nothing_is_stored(device, db_url):
    signed = device.sign(device.body())
    raw = bytearray(signed.body_bytes())
    raw[raw.index(b"9000")] = ord("8")  # 9000 -> 8000 minutes, still valid JSON
    tampered = SignedSubmission(key_id=signed.key_id, body=base64.b64encode(bytes(raw)).decode(), sig=signed.sig)
    response = device.post(tampered, key=str(uuid.UUID(bytes=bytes(16))))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["code"] == "bad_signature"
    assert stored_count(db_url) == 0


def test_same_id_with_different_body_is_key_reused(device, db_url):
    body, first = device.submit()
    assert first.status_code == 201
    changed = body.model_copy(update={"lines": {"100": 1}})
    response = device.post(device.sign(changed))
    assert response.status_code == 422
    assert response.json()["code"] == "key_reused"
    assert stored_count(db_url) == 1


def test_correction_must_supersede_the_current_head(device, db_url):
    v1, response = device.submit()
    assert response.status_code == 201
    stale = device.body(version=2, kind="correction", supersedes=uuid.uuid4())
    conflict = device.post(device.sign(stale))
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "version_conflict"
    assert conflict.json()["head_submission_id"] == str(v1.submission_id)
    v2, ok = device.submit(version=2, kind="correction", supersedes=v1.submission_id)
    assert ok.status_code == 201
    # A second, different v2 against v1 is now stale too; the server keeps v1 and v2 only.
    again = device.post(device.sign(device.body(version=2, kind="correction", supersedes=v1.submission_id)))
    assert again.status_code == 409
    # A replay of v1 after v2 still answers with v1's receipt (dedup comes first).
    assert device.post(device.sign(v1)).status_code == 200
    assert stored_count(db_url) == 2


def test_first_version_for_a_period_that_already_has_one_is_a_conflict(device, db_url):
    assert device.submit()[1].status_code == 201
    response = device.submit()[1]  # another v1, new id, same employee and period
    assert response.status_code == 409
    assert response.json()["code"] == "version_conflict"


def test_missing_and_mismatched_idempotency_key(device, db_url):
    signed = device.sign(device.body())
    assert device.post(signed, key=None).json()["code"] == "idempotency_key_missing"
    mismatch = device.post(signed, key=str(uuid.uuid4()))
    assert mismatch.status_code == 400
    assert mismatch.json()["code"] == "idempotency_key_mismatch"
    assert stored_count(db_url) == 0


def test_schema_errors_are_400_problems_without_echoing_values(device):
    response = device.http.post(
        "/v1/submissions",
        json={"protocol": "bpa-sync/1", "key_id": "zz", "body": "12345678901", "sig": "x"},
        headers={"Authorization": f"Bearer {device.token}", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"
    assert "12345678901" not in response.text


def test_submission_for_another_arrangement_is_refused(client, db_url, device):
    other = enrol_device(client, db_url, "Ordning B")
    body = other.body()  # arrangement B's id ...
    response = device.post(device.sign(body))  # ... sent with A's token and key
    assert response.status_code == 422
    assert response.json()["code"] == "arrangement_mismatch"


def test_key_of_another_arrangement_is_not_enrolled(client, db_url, device):
    other = enrol_device(client, db_url, "Ordning B")
    response = device.post(other.sign(device.body()))
    assert response.status_code == 403
    assert response.json()["code"] == "key_not_enrolled"


def test_auth_missing_unknown_and_revoked_token(device, db_url):
    signed = device.sign(device.body())
    missing = device.post(signed, token=None)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert device.post(signed, token="bpa1_unknown").json()["code"] == "token_invalid"

    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        assert enrolment.revoke_tokens(session, "Ordning A", actor="test") == 1
    engine.dispose()
    revoked = device.post(signed)
    assert revoked.status_code == 403
    assert revoked.json()["code"] == "token_revoked"
    assert device.decisions().status_code == 403
    assert stored_count(db_url) == 0
    # Replaying the old enrolment does not bring the revoked token back ...
    replay = device.http.post("/v1/enrol", json=enrol_request(device.key, device.code))
    assert replay.status_code == 403
    # ... a new code re-enrols the same key, and pushing works again with the same item.
    new_code = issue_code(db_url, "Ordning A")
    fresh = device.http.post("/v1/enrol", json=enrol_request(device.key, new_code))
    assert fresh.status_code == 201
    device.token = fresh.json()["token"]
    assert device.post(signed).status_code == 201


def test_enrol_replay_returns_the_same_token_and_other_key_is_refused(client, db_url):
    from bpa_desktop.sync import signing

    code = issue_code(db_url, "Ordning A")
    key = signing.generate_private_key()
    first = client.post("/v1/enrol", json=enrol_request(key, code))
    assert first.status_code == 201
    replay = client.post("/v1/enrol", json=enrol_request(key, code))
    assert replay.status_code == 200
    assert replay.json() == first.json()
    other = client.post("/v1/enrol", json=enrol_request(signing.generate_private_key(), code))
    assert other.status_code == 409
    assert other.json()["code"] == "enrol_code_used"
    assert client.post("/v1/enrol", json=enrol_request(key, "AAAA-BBBB-CCCC-DDDD")).json()["code"] == "enrol_code_invalid"


def test_enrol_refuses_a_key_id_that_is_not_the_keys(client, db_url):
    from bpa_desktop.sync import signing

    request = enrol_request(signing.generate_private_key(), issue_code(db_url, "Ordning A"))
    request["key_id"] = "0123456789abcdef"
    response = client.post("/v1/enrol", json=request)
    assert response.status_code == 400
    assert response.json()["code"] == "key_id_mismatch"


def test_status_reports_known_and_unknown_ids(device):
    body, response = device.submit()
    unknown = uuid.uuid4()
    status = device.http.post(
        "/v1/submissions/status",
        json={"ids": [str(body.submission_id), str(unknown)]},
        headers={"Authorization": f"Bearer {device.token}"},
    ).json()["submissions"]
    assert status[0] == {
        "submission_id": str(body.submission_id),
        "state": "received",
        "body_sha256": response.json()["body_sha256"],
        "seq": response.json()["seq"],
    }
    assert status[1]["state"] == "unknown"


def test_health_ready_and_no_public_api_document_by_default(client):
    assert client.get("/v1/health").json() == {"status": "ok", "protocol": "bpa-sync/1"}
    assert client.get("/v1/ready").json() == {"status": "ready", "protocol": "bpa-sync/1"}
    for path in ("/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"):
        assert client.get(path).status_code == 404, path


def test_the_api_document_when_switched_on_names_every_operation(db_url):
    from fastapi.testclient import TestClient

    from bpa_desktop.sync.receiver.app import create_app
    from bpa_desktop.sync.receiver.settings import ReceiverSettings

    database.migrate(db_url)
    with TestClient(create_app(settings=ReceiverSettings(db=db_url, openapi=True))) as client:
        spec = client.get("/openapi.json").json()
        assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN
    for path in ("/v1/enrol", "/v1/submissions", "/v1/submissions/status", "/v1/decisions", "/v1/health", "/v1/ready"):
        assert path in spec["paths"]
    assert "SubmissionBody" not in spec["components"]["schemas"]  # bytes travel signed, not as a schema
    assert "SignedSubmission" in spec["components"]["schemas"]
    assert not any(path.startswith("/staff") or path == "/metrics" for path in spec["paths"])
