"""Helpers for the receiver tests (and the sync client and end-to-end tests that reuse them):
submission bodies, enrolled devices talking to a receiver, receiver databases on SQLite or
PostgreSQL, a real receiver (uvicorn) in a subprocess, and the staff page driven in a browser.
The fixtures built on these are in receiver_fixtures.py (shared) and conftest.py (this folder)."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import SignedSubmission, SubmissionBody
from bpa_desktop.sync.receiver import database, enrolment, staff
from tests.sync.receiver_stack import stop_process, wait_healthy

STAFF_PASSWORD = "riktig-hest-batteri"


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


def add_staff_user(db_url: str, username: str = "saksbehandler", password: str = STAFF_PASSWORD) -> None:
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


DOCS = Path(__file__).resolve().parents[2] / "docs" / "receiver.md"


def recipe(name: str) -> list[str]:
    """The shell lines of the `<!-- recipe:NAME -->` block in docs/receiver.md."""
    text = DOCS.read_text()
    marker = f"<!-- recipe:{name} -->\n```sh\n"
    start = text.index(marker) + len(marker)
    return [line for line in text[start:text.index("```", start)].splitlines() if line.strip()]


def run_recipe(name: str, db_url: str, backup: Path) -> list[str]:
    """Run the documented recipe with bash, as the operator would: `DB` and `BACKUP_FILE` set,
    `bpa-receiver` this checkout's `bpa receiver` (BPA_RECEIVER_DB set, as the service's environment
    file does), and `systemctl` only noted (the caller stops
    and starts the receiver). Returns the systemctl calls, in order."""
    url = make_url(db_url)
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    calls = backup.with_suffix(".systemctl")
    calls.unlink(missing_ok=True)
    script = "\n".join([
        "set -euo pipefail",
        'systemctl() { echo "$*" >> "$CALLS"; }',
        f'bpa-receiver() {{ "{sys.executable}" -m bpa_desktop.cli receiver "$@" >/dev/null; }}',
        *recipe(name),
    ])
    env = {**os.environ, "DB": libpq, "BACKUP_FILE": str(backup), "CALLS": str(calls), "BPA_RECEIVER_DB": db_url,
           "PGPASSWORD": url.password or ""}  # not on the command line
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, (name, done.stderr)
    return calls.read_text().splitlines() if calls.exists() else []


def back_up_database(db_url: str, backup: Path) -> None:
    """Back up a live receiver database as docs/receiver.md says: its pg_dump recipe, or for
    SQLite the online backup API (a copy of the file alone misses the WAL)."""
    if make_url(db_url).get_backend_name() == "sqlite":
        with sqlite3.connect(make_url(db_url).database) as source, sqlite3.connect(backup) as target:
            source.backup(target)
        target.close()
        source.close()
    else:
        run_recipe("backup", db_url, backup)


def restore_database(db_url: str, backup: Path) -> None:
    """Put `backup` (from back_up_database) back in place of the database with the documented
    restore recipe (the caller has stopped the receiver and starts it again)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, path)
        return
    assert run_recipe("restore", db_url, backup) == ["stop bpa-receiver", "start bpa-receiver"]


def postgres_tools_missing() -> list[str]:
    """The PostgreSQL client programs back_up_database/restore_database need that are not on PATH."""
    return [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveReceiver:
    base_url: str
    db_url: str
    process: subprocess.Popen | None  # None: a receiver this test session did not start (CI's)
    log_path: Path | None = None


def receiver_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bpa_desktop.cli", "receiver", *args]


def migrate_receiver(db_url: str) -> None:
    """`bpa receiver migrate`, as the operator runs it before starting the workers."""
    done = subprocess.run(receiver_command("migrate", "--db", db_url), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def wait_until_healthy(base_url: str, process: subprocess.Popen | None, log_path: Path, *, verify=True,
                       seconds: float = 30) -> None:
    wait_healthy(f"{base_url}/v1/health", verify=verify, process=process, log=log_path, seconds=seconds)


stop = stop_process


@contextmanager
def run_receiver(db_url: str, log_path: Path, *, workers: int = 1, env: dict | None = None,
                 args: tuple[str, ...] = (), migrate: bool = True):
    """`bpa receiver migrate`, then `bpa receiver serve` on a free loopback port; waits until
    /v1/health answers, stops it after."""
    if migrate:
        migrate_receiver(db_url)
    port = free_port()
    log = open(log_path, "wb")
    process = subprocess.Popen(
        receiver_command("serve", "--db", db_url, "--port", str(port), "--workers", str(workers), *args),
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process, log_path)
        yield LiveReceiver(base_url, db_url, process, log_path)
    finally:
        stop(process)
        log.close()


# --- The staff web page as a caseworker uses it (the browser is the `chromium` fixture) -----------
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


def assert_log_has_no_personal_data(log_path: Path, *words: str) -> str:
    """The receiver's log holds none of `words` (names, employee numbers, codes, tokens,
    passwords, reasons) and nothing shaped like a fødselsnummer; every structured line is one
    JSON object. Process ids, times and durations are not text, so numbers are looked for in the
    lines' texts only (a pid may well be 10234). Returns the log."""
    import json
    import re

    log = log_path.read_text(encoding="utf-8")
    assert log.strip(), "the receiver wrote no log"
    texts = []
    for line in log.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            texts += [str(value) for key, value in record.items() if key not in ("pid", "time", "duration_ms", "status")]
        else:
            texts.append(line)
    text = re.sub(r"\[\d+\]", "[pid]", "\n".join(texts))  # uvicorn: "Started server process [10234]"
    for word in words:
        assert word, "empty word"
        pattern = (r"(?<![\d.])" + re.escape(word) + r"(?![\d.])") if word.isdigit() else re.escape(word)
        assert not re.search(pattern, text), f"{word!r} in the receiver's log"
    assert not re.search(r"(?<!\d)\d{11}(?!\d)", text), "an 11-digit number in the receiver's log"
    return log
