"""Security findings of issue 15, each as a test, through FastAPI's in-process TestClient on both
backends: security headers on every answer, no inline script or style, a stolen session cookie
dead after logout, login throttling (20 wrong passwords lock the account and the address → 429)
with a lockout staff can lift, argon2id with rehash of old scrypt hashes, NaN/Infinity refused,
duplicate keys in a signed body refused, body limit on chunked bodies too."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bpa_desktop import cli
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import SignedSubmission
from bpa_desktop.sync.receiver import database, staff
from bpa_desktop.sync.receiver.app import create_app
from bpa_desktop.sync.receiver.settings import ReceiverSettings
from bpa_desktop.sync.receiver.store import AuditEvent, StaffUser, Submission
from tests.sync.receiver_helpers import STAFF_PASSWORD, add_staff_user

HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(client, username="saksbehandler", password=STAFF_PASSWORD):
    page = client.get("/staff/login")
    return client.post("/staff/login", data={"username": username, "password": password,
                                             "csrf_token": csrf_of(page.text)}, follow_redirects=False)


def rows(db_url, model, *where):
    engine = database.make_engine(db_url)
    try:
        with database.read_session(engine) as session:
            return session.scalars(select(model).where(*where)).all()
    finally:
        engine.dispose()


def test_every_answer_carries_the_security_headers_and_pages_have_no_inline_code(client, db_url, device):
    add_staff_user(db_url)
    anonymous = [client.get(path) for path in ("/staff/login", "/v1/health", "/v1/ready", "/nope", "/metrics",
                                               "/staff/static/receiver.css", "/openapi.json")]
    anonymous.append(client.get("/staff/", follow_redirects=False))
    anonymous.append(client.post("/v1/submissions", content=b"x" * (2 * 1024 * 1024)))
    anonymous.append(log_in(client, password="feil-passord-her"))
    assert log_in(client).status_code == 303
    body, _ = device.submit()
    pages = [client.get(path) for path in ("/staff/", "/staff/submissions?period=2026-03")]
    csrf = csrf_of(pages[0].text)
    pages.append(client.post("/staff/enrol-codes", data={"name": "Ordning X", "csrf_token": csrf}))
    pages.append(client.post(f"/staff/arrangements/{device.arrangement_id}/vedtak",
                             data={"hours_per_week": "NaN", "csrf_token": csrf}))
    pages.append(client.get("/staff/payroll.csv?period=2026-03"))
    statuses = [response.status_code for response in anonymous + pages]
    assert statuses == [200, 200, 200, 404, 200, 200, 404, 303, 413, 401, 200, 200, 200, 400, 200]
    for response in anonymous + pages:
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (response.request.url, name)
        assert "strict-transport-security" not in response.headers  # plain http here
    for response in pages[:4] + anonymous[:1]:
        html = response.text
        assert "<style" not in html and "<script" not in html and " style=" not in html and " on" + "click" not in html
        assert '<link rel="stylesheet" href="/staff/static/receiver.css">' in html


def test_hsts_when_reached_over_https_or_configured_secure(db_url):
    database.migrate(db_url)
    with TestClient(create_app(db_url), base_url="https://mottak.kommune.test") as https:
        assert https.get("/staff/login").headers["strict-transport-security"] == "max-age=31536000"
    secure = ReceiverSettings(db=db_url, secure_cookies=True)
    with TestClient(create_app(settings=secure), base_url="http://127.0.0.1") as behind_proxy:
        response = behind_proxy.get("/staff/login")
        assert response.headers["strict-transport-security"] == "max-age=31536000"
        assert "; secure" in response.headers["set-cookie"].lower()


def test_a_stolen_session_cookie_is_refused_after_logout(client, db_url):
    add_staff_user(db_url)
    assert log_in(client).status_code == 303
    stolen = client.cookies.get("bpa_staff")
    csrf = csrf_of(client.get("/staff/").text)
    assert client.post("/staff/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    client.cookies.clear()
    client.cookies.set("bpa_staff", stolen)  # the thief's copy, sent after the owner logged out
    thief = client.get("/staff/", follow_redirects=False)
    assert thief.status_code == 303 and thief.headers["location"] == "/staff/login"
    forged = client.post("/staff/enrol-codes", data={"name": "Tyv", "csrf_token": csrf}, follow_redirects=False)
    assert forged.status_code == 303  # to the login page, nothing made


def _attempt(client, username, password):
    response = log_in(client, username=username, password=password)
    return response.status_code


def test_twenty_wrong_passwords_lock_the_account_and_the_address_until_staff_lift_it(db_url, capsys):
    database.migrate(db_url)
    add_staff_user(db_url)
    add_staff_user(db_url, username="kollega", password="kollegas-passord-1")
    app = create_app(db_url)
    with TestClient(app, client=("198.51.100.7", 40000)) as attacker, \
            TestClient(app, client=("203.0.113.9", 40000)) as elsewhere:
        assert [_attempt(attacker, "saksbehandler", f"gjett-{n:04d}-xx") for n in range(19)] == [401] * 19
        assert _attempt(attacker, "saksbehandler", "gjett-0019-xx") == 401  # the 20th: now locked
        locked = log_in(attacker)  # the right password, from the same address
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 800
        assert "For mange feil passord" in locked.text
        assert _attempt(attacker, "kollega", "kollegas-passord-1") == 429  # the address is locked
        assert _attempt(elsewhere, "saksbehandler", STAFF_PASSWORD) == 429  # the account is locked
        assert _attempt(elsewhere, "kollega", "kollegas-passord-1") == 303  # others, elsewhere: fine

        assert cli.main(["receiver", "unlock", "--db", db_url, "--list"]) == 0
        locks = {(lock["kind"], lock["key"]) for lock in __import__("json").loads(capsys.readouterr().out)["locks"]}
        assert locks == {("account", "saksbehandler"), ("address", "198.51.100.7")}
        assert cli.main(["receiver", "unlock", "--db", db_url, "--username", "saksbehandler"]) == 0
        capsys.readouterr()
        assert _attempt(elsewhere, "saksbehandler", STAFF_PASSWORD) == 303  # account lifted
        assert _attempt(attacker, "saksbehandler", STAFF_PASSWORD) == 429  # address still locked
        assert cli.main(["receiver", "unlock", "--db", db_url, "--address", "198.51.100.7"]) == 0
        capsys.readouterr()
        assert _attempt(attacker, "saksbehandler", STAFF_PASSWORD) == 303
    actions = [event.action for event in rows(db_url, AuditEvent, AuditEvent.action.like("lo%"))]
    assert actions.count("login_failed") == 20
    assert {"login_locked_account", "login_locked_address", "lockout_lifted_account",
            "lockout_lifted_address"} <= set(actions)


def test_unknown_usernames_count_against_the_address_too(db_url):
    database.migrate(db_url)
    add_staff_user(db_url)
    with TestClient(create_app(settings=ReceiverSettings(db=db_url, login_max_failures=3))) as client:
        assert [_attempt(client, f"finnes-ikke-{n}", "x" * 12) for n in range(3)] == [401, 401, 401]
        assert log_in(client).status_code == 429


def test_passwords_are_argon2id_and_old_scrypt_hashes_are_replaced_at_login(client, db_url):
    add_staff_user(db_url)
    (user,) = rows(db_url, StaffUser)
    assert user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # above OWASP's m=19 MiB, t=2
    # A hash written by the earlier version: scrypt n=2^14.
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(STAFF_PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1)
    legacy = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        session.scalars(select(StaffUser)).one().password_hash = legacy
    engine.dispose()
    assert staff.verify_password(STAFF_PASSWORD, legacy) and not staff.verify_password("feil-passord-her", legacy)
    assert log_in(client, password="feil-passord-her").status_code == 401
    assert rows(db_url, StaffUser)[0].password_hash == legacy  # a wrong password changes nothing
    assert log_in(client).status_code == 303
    rehashed = rows(db_url, StaffUser)[0].password_hash
    assert rehashed.startswith("$argon2id$") and staff.verify_password(STAFF_PASSWORD, rehashed)
    assert [e.action for e in rows(db_url, AuditEvent, AuditEvent.action == "password_rehashed")] == ["password_rehashed"]


@pytest.mark.parametrize("hours", ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "1e999", "-1", "169", "tolv"])
def test_vedtak_hours_that_are_not_a_number_in_range_are_a_400_page(client, db_url, device, hours):
    add_staff_user(db_url)
    log_in(client)
    csrf = csrf_of(client.get("/staff/").text)
    response = client.post(f"/staff/arrangements/{device.arrangement_id}/vedtak",
                           data={"hours_per_week": hours, "pay_codes": "100", "csrf_token": csrf})
    assert response.status_code == 400
    assert "Timer per uke må være et tall mellom 0 og 168." in response.text


def test_nan_and_infinity_in_json_bodies_are_400_not_500(device):
    headers = {"Authorization": f"Bearer {device.token}", "Content-Type": "application/json"}
    for literal in (b"NaN", b"Infinity", b"-Infinity"):
        response = device.http.post("/v1/submissions", content=b'{"protocol":"bpa-sync/1","key_id":' + literal + b"}",
                                    headers={**headers, "Idempotency-Key": "00000000-0000-4000-8000-000000000000"})
        assert response.status_code == 400, response.text
        status = device.http.post("/v1/submissions/status", content=b'{"ids":[' + literal + b"]}", headers=headers)
        assert status.status_code == 400
    assert device.http.get("/v1/decisions?since=NaN", headers=headers).status_code == 400
    assert device.http.get("/v1/decisions?limit=Infinity", headers=headers).status_code == 400


def _signed_raw(device, body_bytes: bytes) -> SignedSubmission:
    return SignedSubmission(key_id=signing.key_id(signing.public_key_raw(device.key)),
                            body=base64.b64encode(body_bytes).decode(),
                            sig=base64.b64encode(signing.sign_bytes(device.key, body_bytes)).decode())


def test_a_signed_body_with_a_key_twice_is_refused_so_the_evidence_is_unambiguous(device, db_url):
    body = device.body(employee_no="E301")
    canonical = signing.sign_submission(device.key, body).body_bytes()
    assert b'"employee_no":"E301"' in canonical
    twice = canonical.replace(b'"employee_no":"E301"', b'"employee_no":"E301","employee_no":"E999"')
    response = device.post(_signed_raw(device, twice), key=str(body.submission_id))
    assert response.status_code == 400
    assert response.json()["code"] == "ambiguous_body" and "employee_no" in response.json()["detail"]
    nested = canonical.replace(b'"100":9000', b'"100":9000,"100":1')
    assert device.post(_signed_raw(device, nested), key=str(body.submission_id)).json()["code"] == "ambiguous_body"
    nan = canonical.replace(b'"version":1', b'"version":NaN')
    assert device.post(_signed_raw(device, nan), key=str(body.submission_id)).status_code == 400
    assert rows(db_url, Submission) == []
    assert device.post(device.sign(body)).status_code == 201  # the unambiguous original is fine


@pytest.mark.parametrize("path", ["/v1/submissions", "/v1/enrol", "/staff/login"])
def test_a_chunked_body_over_the_limit_is_refused_without_a_content_length(client, path):
    def chunks():  # 64 × 64 KiB = 4 MiB with no Content-Length (memory over a socket: test_receiver_workers)
        for _ in range(64):
            yield b"{" * 65536

    response = client.post(path, content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    declared = client.post(path, content=b"{}", headers={"Content-Length": str(2 * 1024 * 1024)})
    assert declared.status_code == 413
