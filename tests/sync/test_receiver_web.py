"""Staff web page via TestClient: login, CSRF, accept, reject with reason, feed, vedtak, payroll CSV."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.sync.receiver_helpers import add_staff_user

PASSWORD = "riktig-hest-batteri"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(client, password: str = PASSWORD):
    page = client.get("/staff/login")
    assert page.status_code == 200
    return client.post(
        "/staff/login",
        data={"username": "saksbehandler", "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )


@pytest.fixture
def staff_client(client, db_url):
    add_staff_user(db_url, password=PASSWORD)
    response = log_in(client)
    assert response.status_code == 303
    return client


def test_pages_need_login_and_wrong_password_is_refused(client, db_url):
    add_staff_user(db_url, password=PASSWORD)
    assert client.get("/staff/submissions", follow_redirects=False).headers["location"] == "/staff/login"
    wrong = log_in(client, password="feil-passord-her")
    assert wrong.status_code == 401
    assert "Feil brukernavn eller passord" in wrong.text
    assert client.get("/staff/", follow_redirects=False).status_code == 303


def test_login_form_without_its_csrf_cookie_value_is_refused(client, db_url):
    add_staff_user(db_url, password=PASSWORD)
    client.get("/staff/login")
    response = client.post(
        "/staff/login",
        data={"username": "saksbehandler", "password": PASSWORD, "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_accept_and_reject_with_reason_reach_the_decisions_feed(staff_client, device):
    first, response = device.submit(employee_no="1001")
    assert response.status_code == 201
    second, response = device.submit(employee_no="1002")
    assert response.status_code == 201

    page = staff_client.get("/staff/submissions", params={"period": "2026-03"})
    assert page.status_code == 200
    assert "Godkjenn ansatt 1001 v1" in page.text
    assert '<label for="reason-' in page.text
    csrf = csrf_of(page.text)

    forged = staff_client.post(
        f"/staff/submissions/{first.submission_id}/decision",
        data={"decision": "accepted", "period": "2026-03", "csrf_token": "forged"},
    )
    assert forged.status_code == 403
    assert device.decisions().json()["decisions"] == []

    accepted = staff_client.post(
        f"/staff/submissions/{first.submission_id}/decision",
        data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert accepted.status_code == 303
    no_reason = staff_client.post(
        f"/staff/submissions/{second.submission_id}/decision",
        data={"decision": "rejected", "reason": "  ", "period": "2026-03", "csrf_token": csrf},
    )
    assert no_reason.status_code == 400
    assert "begrunnelse" in no_reason.text
    rejected = staff_client.post(
        f"/staff/submissions/{second.submission_id}/decision",
        data={"decision": "rejected", "reason": "Mangler kveldstillegg <b>", "period": "2026-03", "csrf_token": csrf},
    )
    assert rejected.status_code == 200  # redirect followed to the period page
    assert "Mangler kveldstillegg &lt;b&gt;" in rejected.text  # escaped

    feed = device.decisions().json()
    assert [(d["submission_id"], d["decision"], d["reason"]) for d in feed["decisions"]] == [
        (str(first.submission_id), "accepted", None),
        (str(second.submission_id), "rejected", "Mangler kveldstillegg <b>"),
    ]
    assert [d["seq"] for d in feed["decisions"]] == [1, 2]
    again = staff_client.post(
        f"/staff/submissions/{first.submission_id}/decision",
        data={"decision": "rejected", "reason": "x", "period": "2026-03", "csrf_token": csrf},
    )
    assert again.status_code == 409

    # The rejected timesheet is corrected; the correction is accepted; the old version is kept.
    correction, response = device.submit(
        employee_no="1002", version=2, kind="correction", supersedes=second.submission_id, lines={"100": 600, "210": 60}
    )
    assert response.status_code == 201
    staff_client.post(
        f"/staff/submissions/{correction.submission_id}/decision",
        data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf},
    )
    csv_text = staff_client.get("/staff/payroll.csv", params={"period": "2026-03"}).text
    rows = [line.split(";") for line in csv_text.strip().splitlines()]
    assert rows[0][:6] == ["period", "arrangement_id", "employee_no", "pay_code", "hours", "minutes"]
    assert [row[2:6] for row in rows[1:]] == [
        ["1001", "100", "150.00", "9000"],
        ["1001", "210", "10.50", "630"],
        ["1002", "100", "10.00", "600"],
        ["1002", "210", "1.00", "60"],
    ]
    page = staff_client.get("/staff/submissions", params={"period": "2026-03"}).text
    assert page.count("Avvist") == 1 and "Godkjent" in page


def test_accepting_an_old_version_is_refused(staff_client, device):
    v1, _ = device.submit()
    device.submit(version=2, kind="correction", supersedes=v1.submission_id)
    csrf = csrf_of(staff_client.get("/staff/").text)
    response = staff_client.post(
        f"/staff/submissions/{v1.submission_id}/decision",
        data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf},
    )
    assert response.status_code == 409
    assert "nyere versjon" in response.text


def test_enrol_code_page_and_vedtak_hours(staff_client, db_url, device):
    home = staff_client.get("/staff/")
    csrf = csrf_of(home.text)
    created = staff_client.post("/staff/enrol-codes", data={"name": "Ordning C", "csrf_token": csrf})
    assert created.status_code == 200
    code = re.search(r'class="code"[^>]*>([A-Z0-9-]+)<', created.text).group(1)
    assert len(code) == 19
    assert created.headers["cache-control"] == "no-store"

    ref = device.arrangement_id
    saved = staff_client.post(
        f"/staff/arrangements/{ref}/vedtak", data={"hours_per_week": "7", "pay_codes": "100", "csrf_token": csrf}
    )
    assert "Vedtaket er lagret" in saved.text
    body, _ = device.submit()
    staff_client.post(
        f"/staff/submissions/{body.submission_id}/decision",
        data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf},
    )
    page = staff_client.get("/staff/submissions", params={"period": "2026-03"}).text
    # 7 h/week over March's 31 days = 31 h granted; 150 h accepted on pay code 100.
    assert "Vedtak for perioden: 31,00 timer" in page
    assert "Godkjent mot vedtaket: 150,00 timer" in page
    assert "over vedtaket" in page


def test_logout_ends_the_session(staff_client):
    csrf = csrf_of(staff_client.get("/staff/").text)
    staff_client.post("/staff/logout", data={"csrf_token": csrf})
    assert staff_client.get("/staff/", follow_redirects=False).status_code == 303


def test_decision_for_unknown_submission_is_404(staff_client):
    csrf = csrf_of(staff_client.get("/staff/").text)
    response = staff_client.post(
        f"/staff/submissions/{uuid.uuid4()}/decision", data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf}
    )
    assert response.status_code == 404
