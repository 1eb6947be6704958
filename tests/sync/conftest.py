"""Fixtures for sync tests: a receiver database, an in-process API client, enrolled devices,
and a real receiver (uvicorn) in a subprocess on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import SignedSubmission, SubmissionBody
from bpa_desktop.sync.receiver import database, enrolment, staff


def make_body(arrangement_id: str, **overrides) -> SubmissionBody:
    values = dict(
        submission_id=uuid.uuid4(),
        arrangement_id=arrangement_id,
        employee_no="1001",
        period="2026-03",
        version=1,
        supersedes=None,
        kind="attestation",
        lines={"100": 9_000, "210": 630},
        attested_by_role="arbeidsleder",
        attested_at=datetime(2026, 4, 1, 8, 30, tzinfo=timezone.utc),
        app_version="0.1.0",
    )
    values.update(overrides)
    return SubmissionBody(**values)


@dataclass
class Device:
    """One enrolled arbeidsleder device talking to a receiver through `http` (any httpx-like client)."""

    http: object
    arrangement_id: str
    key: Ed25519PrivateKey
    token: str
    code: str
    heads: dict = field(default_factory=dict)

    def body(self, **overrides) -> SubmissionBody:
        return make_body(self.arrangement_id, **overrides)

    def sign(self, body: SubmissionBody) -> SignedSubmission:
        return signing.sign_submission(self.key, body)

    def post(self, signed: SignedSubmission, *, key: str | None = "auto", token: str | None = "auto"):
        headers = {}
        if key == "auto":
            key = str(SubmissionBody.model_validate_json(signed.body_bytes()).submission_id)
        if key is not None:
            headers["Idempotency-Key"] = key
        token = self.token if token == "auto" else token
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.http.post("/v1/submissions", json=signed.model_dump(mode="json"), headers=headers)

    def submit(self, **overrides):
        body = self.body(**overrides)
        return body, self.post(self.sign(body))

    def decisions(self, since: int = 0, limit: int = 100):
        return self.http.get(
            "/v1/decisions", params={"since": since, "limit": limit}, headers={"Authorization": f"Bearer {self.token}"}
        )


def issue_code(db_url: str, name: str) -> str:
    engine = database.make_engine(db_url)
    try:
        with database.write_session(engine) as session:
            return enrolment.create_enrol_code(session, name, actor="test").code
    finally:
        engine.dispose()


def enrol_request(key: Ed25519PrivateKey, code: str) -> dict:
    import base64

    public_raw = signing.public_key_raw(key)
    return {
        "code": code,
        "public_key": base64.b64encode(public_raw).decode(),
        "key_id": signing.key_id(public_raw),
        "device_label": "test-pc",
    }


def enrol_device(http, db_url: str, name: str = "Ordning A") -> Device:
    code = issue_code(db_url, name)
    key = signing.generate_private_key()
    response = http.post("/v1/enrol", json=enrol_request(key, code))
    assert response.status_code == 201, response.text
    data = response.json()
    return Device(http, data["arrangement_id"], key, data["token"], code)


def add_staff_user(db_url: str, username: str = "saksbehandler", password: str = "riktig-hest-batteri") -> None:
    engine = database.make_engine(db_url)
    try:
        with database.write_session(engine) as session:
            staff.add_user(session, username, password, actor="test")
    finally:
        engine.dispose()


# Set BPA_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres) to run
# every receiver test on PostgreSQL too; each test gets its own, dropped, database.
POSTGRES_ADMIN_URL = os.environ.get("BPA_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_ADMIN_URL else [])


@contextmanager
def _postgres_database():
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bpa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def backend_database(backend: str, folder: Path):
    """URL of a fresh, empty receiver database on `backend` ("sqlite" file in `folder`, or "postgresql")."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'receiver.db'}"
    else:
        with _postgres_database() as url:
            yield url


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path):
    with backend_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def client(db_url: str):
    from fastapi.testclient import TestClient

    from bpa_desktop.sync.receiver.app import create_app

    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def device(client, db_url: str) -> Device:
    return enrol_device(client, db_url)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveReceiver:
    base_url: str
    db_url: str
    process: subprocess.Popen


@pytest.fixture
def live_receiver(tmp_path: Path, db_url: str):
    """`bpa receiver serve` in a subprocess on 127.0.0.1:<free port>."""
    with run_receiver(db_url, tmp_path / "server.log") as receiver:
        yield receiver


@contextmanager
def run_receiver(db_url: str, log_path: Path):
    """Start `bpa receiver serve` on a free loopback port, wait until /v1/health answers, stop it after."""
    port = free_port()
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bpa_desktop.cli", "receiver", "serve", "--db", db_url, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(log_path.read_text())
            try:
                if httpx.get(f"{base_url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("receiver did not start in 30 s")
            time.sleep(0.1)
        yield LiveReceiver(base_url, db_url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# --- The staff web page in a real browser (Debian's Chromium driven by Playwright) -------------
# Playwright's own browser download is not used: CI installs Debian's `chromium` package.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
STAFF_PASSWORD = "riktig-hest-batteri"


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium per test module (skipped when /usr/bin/chromium is missing).

    Not per session: other folders' conftests load this file again as their own module, and a
    second sync_playwright() in the same thread while the first is open fails ("Sync API inside
    the asyncio loop"); closing at each module's end keeps only one open at a time.
    """
    if not CHROMIUM.exists():
        pytest.skip("Chromium mangler (/usr/bin/chromium); .ci/run installerer Debian-pakken `chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class StaffWeb:
    """The staff page as a caseworker uses it: by visible labels and button texts only."""

    page: object  # playwright.sync_api.Page
    base_url: str

    def log_in(self, username: str = "saksbehandler", password: str = STAFF_PASSWORD) -> None:
        self.page.goto(f"{self.base_url}/staff/login")
        self.page.get_by_label("Brukernavn").fill(username)
        self.page.get_by_label("Passord").fill(password)
        self.page.get_by_role("button", name="Logg inn").click()
        self.page.get_by_role("heading", level=1, name="Ordninger").wait_for()

    def open_period(self, period: str) -> None:
        self.page.get_by_role("link", name="Timelister", exact=True).click()
        self.page.get_by_label("Periode (ÅÅÅÅ-MM)").fill(period)
        self.page.get_by_role("button", name="Vis periode").click()
        self.page.get_by_role("heading", level=1, name=f"Timelister {period}").wait_for()

    def accept(self, employee_no: str, version: int = 1) -> None:
        self.page.get_by_role("button", name=f"Godkjenn ansatt {employee_no} v{version}").click()
        self.page.get_by_role("status").get_by_text("Timelisten er godkjent.").wait_for()

    def reject(self, employee_no: str, reason: str, version: int = 1) -> None:
        row = self.page.get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=employee_no))
        row.get_by_label("Begrunnelse for avvisning").fill(reason)
        row.get_by_role("button", name=f"Avvis ansatt {employee_no} v{version}").click()
        self.page.get_by_role("status").get_by_text("Timelisten er avvist").wait_for()


@pytest.fixture
def staff_web(chromium, live_receiver):
    """A fresh browser context on the live receiver with staff user `saksbehandler` (not logged in).

    For end-to-end tests: decide in the browser, then let the desktop client pull the feed.
    """
    add_staff_user(live_receiver.db_url, password=STAFF_PASSWORD)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    context.set_default_timeout(15_000)
    try:
        yield StaffWeb(context.new_page(), live_receiver.base_url)
    finally:
        context.close()
