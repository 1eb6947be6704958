"""Running the receiver as an IT department would (issue 15), in-process: configuration from
environment and settings file, the app factory, workers refusing an old schema, a sub-path
behind the proxy, liveness/readiness, Prometheus metrics and the audited retention purge."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from bpa_desktop import cli
from bpa_desktop.sync.receiver import database, settings
from bpa_desktop.sync.receiver.app import create_app
from bpa_desktop.sync.receiver.settings import ReceiverSettings
from bpa_desktop.sync.receiver.store import AuditEvent, Decision, Submission, SubmissionLine, utc_now
from tests.sync.receiver_helpers import STAFF_PASSWORD, add_staff_user, enrol_device
from tests.sync.test_receiver_decisions_feed import decide_all


def test_settings_come_from_the_environment_over_the_settings_file(tmp_path, monkeypatch):
    config = tmp_path / "receiver.toml"
    config.write_text('db = "postgresql+psycopg://bpa@db.internal/bpa"\nroot_path = "/bpa-mottak/"\n'
                      "pool_size = 3\nretention_days = 400\n")
    monkeypatch.setenv("BPA_RECEIVER_CONFIG", str(config))
    monkeypatch.setenv("BPA_RECEIVER_POOL_SIZE", "8")
    loaded = settings.load()
    assert (loaded.db, loaded.root_path, loaded.pool_size, loaded.retention_days) == (
        "postgresql+psycopg://bpa@db.internal/bpa", "/bpa-mottak", 8, 400)
    assert settings.load(pool_size=2).pool_size == 2  # the command line wins
    assert settings.as_environment(loaded)["BPA_RECEIVER_SECURE_COOKIES"] == "false"
    config.write_text('db = "x"\nunknown_setting = 1\n')
    with pytest.raises(ValueError):
        settings.load()
    monkeypatch.setenv("BPA_RECEIVER_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(FileNotFoundError):
        settings.load()


def test_the_factory_takes_no_argument_and_reads_the_environment(db_url, monkeypatch):
    database.migrate(db_url)
    monkeypatch.setenv("BPA_RECEIVER_DB", db_url)
    with TestClient(create_app()) as client:
        assert client.get("/v1/ready").status_code == 200
    monkeypatch.delenv("BPA_RECEIVER_DB")
    with pytest.raises(settings.MissingDatabase, match="BPA_RECEIVER_DB"):
        create_app()


def test_a_worker_refuses_to_start_on_a_database_that_was_not_migrated(db_url, caplog):
    app = create_app(db_url)
    with pytest.raises(database.ReceiverDatabaseError, match="bpa receiver migrate"):
        with TestClient(app):
            pass
    assert "refusing to start" in caplog.text and "tom database" in caplog.text
    database.migrate(db_url)
    with TestClient(create_app(db_url)) as client:
        assert client.get("/v1/health").status_code == 200


def test_serve_refuses_an_old_schema_before_starting_any_worker(tmp_path, capsys):
    code = cli.main(["receiver", "serve", "--db", str(tmp_path / "new.db"), "--workers", "4"])
    assert code == 2
    assert "Kjør `bpa receiver migrate` én gang før mottaket startes" in capsys.readouterr().err


def test_under_a_sub_path_links_redirects_and_cookies_carry_the_root_path(db_url):
    database.migrate(db_url)
    add_staff_user(db_url)
    with TestClient(create_app(db_url), root_path="/bpa-mottak") as client:
        root = client.get("/", follow_redirects=False)
        assert root.headers["location"] == "/bpa-mottak/staff/"
        to_login = client.get("/staff/", follow_redirects=False)
        assert to_login.headers["location"] == "/bpa-mottak/staff/login"
        page = client.get("/staff/login")
        assert 'href="/bpa-mottak/staff/static/receiver.css"' in page.text
        assert 'action="/bpa-mottak/staff/login"' in page.text
        assert "Path=/bpa-mottak/staff" in page.headers["set-cookie"]
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        # The test client's URLs lack the prefix the proxy strips, so its cookie jar would not send
        # cookies for /bpa-mottak/staff: hand them over as the browser does (the proxy test does it for real).
        client.cookies.set("bpa_login_csrf", page.cookies["bpa_login_csrf"])
        logged_in = client.post("/staff/login", data={"username": "saksbehandler", "password": STAFF_PASSWORD,
                                                      "csrf_token": csrf}, follow_redirects=False)
        assert logged_in.headers["location"] == "/bpa-mottak/staff/"
        assert "Path=/bpa-mottak/staff" in logged_in.headers["set-cookie"]
        client.cookies.set("bpa_staff", logged_in.cookies["bpa_staff"])
        home = client.get("/staff/")
        hrefs = re.findall(r'(?:href|action)="([^"#]+)"', home.text)
        assert hrefs and all(href.startswith("/bpa-mottak/staff/") for href in hrefs), hrefs


def _metric(text: str, name: str, **labels) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    pattern = re.escape(name) + (r"\{" + re.escape(wanted) + r"\}" if labels else "") + r" ([0-9.e+-]+)$"
    found = re.search(pattern, text, re.M)
    return float(found.group(1)) if found else 0.0


def test_metrics_count_requests_by_route_submissions_decisions_lag_and_login_failures(client, db_url, device):
    before = client.get("/metrics").text
    body, response = device.submit()
    assert response.status_code == 201
    assert device.post(device.sign(body)).status_code == 200  # a replay is not a new submission
    device.post(device.sign(body.model_copy(update={"lines": {"100": 1}})))  # key_reused
    add_staff_user(db_url)
    page = client.get("/staff/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    client.post("/staff/login", data={"username": "saksbehandler", "password": "feil-passord-her", "csrf_token": csrf})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/staff/login").text).group(1)
    client.post("/staff/login", data={"username": "saksbehandler", "password": STAFF_PASSWORD, "csrf_token": csrf})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/staff/").text).group(1)
    client.post(f"/staff/submissions/{body.submission_id}/decision",
                data={"decision": "accepted", "period": "2026-03", "csrf_token": csrf})
    after = client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text

    def grew(name, **labels):
        return _metric(text, name, **labels) - _metric(before, name, **labels)

    route = "/v1/submissions"
    assert grew("bpa_receiver_http_requests_total", route=route, method="POST", status="201") == 1
    assert grew("bpa_receiver_http_requests_total", route=route, method="POST", status="200") == 1
    assert grew("bpa_receiver_http_requests_total", route=route, method="POST", status="422") == 1
    decision_route = "/staff/submissions/{submission_id}/decision"
    assert grew("bpa_receiver_http_requests_total", route=decision_route, method="POST", status="303") == 1
    assert grew("bpa_receiver_submissions_total", outcome="received") == 1
    assert grew("bpa_receiver_submissions_total", outcome="accepted") == 1
    assert grew("bpa_receiver_submissions_refused_total", code="key_reused") == 1
    assert grew("bpa_receiver_decision_lag_seconds_count") == 1
    assert grew("bpa_receiver_login_failures_total", reason="bad_credentials") == 1
    assert _metric(text, "bpa_receiver_undecided_submissions") == 0
    assert str(body.submission_id) not in text and device.arrangement_id not in text  # templates, not ids


def _age_decisions(db_url: str, days: int) -> None:
    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        session.execute(update(Decision).values(decided_at=utc_now() - timedelta(days=days)))
    engine.dispose()


def test_purge_deletes_decided_submissions_older_than_the_retention_and_audits_it(client, db_url, device, capsys):
    accepted, _ = device.submit(employee_no="1001")
    rejected, _ = device.submit(employee_no="1002")
    waiting, _ = device.submit(employee_no="1003")
    decide_all(db_url, [(accepted.submission_id, "accepted"), (rejected.submission_id, "rejected")])
    _age_decisions(db_url, 401)
    recent, _ = device.submit(employee_no="1004")
    decide_all(db_url, [(recent.submission_id, "accepted")])
    cursor = device.decisions().json()["next"]
    assert cursor == 3

    assert cli.main(["receiver", "purge", "--db", db_url, "--older-than-days", "10"]) == 2  # below 30: a typo
    assert "minst 30 dager" in capsys.readouterr().err
    assert cli.main(["receiver", "purge", "--db", db_url, "--older-than-days", "400"]) == 0
    assert json.loads(capsys.readouterr().out)["purged"] == 2

    engine = database.make_engine(db_url)
    with database.read_session(engine) as session:
        kept_rows = session.scalars(select(Submission)).all()
        kept = {row.employee_no for row in kept_rows}
        line_owners = {line.submission_pk for line in session.scalars(select(SubmissionLine))}
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "retention_purged")).one()
    engine.dispose()
    assert kept == {"1003", "1004"}  # undecided is never purged, recent decisions stay
    assert line_owners == {row.id for row in kept_rows}  # the purged rows' pay lines went with them
    assert audit.actor == "cli" and audit.subject.startswith("2 decided before ")
    # The feed keeps its counter: a client at the head is not told the receiver was restored.
    assert device.decisions(since=cursor).json() == {"decisions": [], "next": 3}
    assert device.post(device.sign(waiting)).status_code == 200


def test_purge_reads_the_retention_from_the_settings(db_url, capsys, monkeypatch):
    database.migrate(db_url)
    assert cli.main(["receiver", "purge", "--db", db_url]) == 2
    assert "--older-than-days" in capsys.readouterr().err
    monkeypatch.setenv("BPA_RECEIVER_RETENTION_DAYS", "365")
    assert cli.main(["receiver", "purge", "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out)["purged"] == 0


def test_readiness_fails_when_the_database_is_gone_while_liveness_answers(tmp_path):
    db = tmp_path / "gone.db"
    database.migrate(str(db))
    app = create_app(str(db))
    with TestClient(app) as client:
        assert client.get("/v1/ready").status_code == 200
        app.state.engine.dispose()
        db.unlink()
        (tmp_path / "gone.db").mkdir()  # a directory where the file was: SQLite cannot open it
        assert client.get("/v1/health").status_code == 200
        ready = client.get("/v1/ready")
        assert ready.status_code == 503 and ready.json()["code"] == "busy"


def test_enrol_device_helper_still_works_with_the_factory(db_url, monkeypatch):
    database.migrate(db_url)
    monkeypatch.setenv("BPA_RECEIVER_DB", db_url)
    with TestClient(create_app(settings=ReceiverSettings())) as client:
        assert enrol_device(client, db_url).token.startswith("bpa1_")
