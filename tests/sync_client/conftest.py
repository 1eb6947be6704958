"""Fixtures for the sync client: the real receiver (from tests/sync/conftest.py, imported, not
copied) behind a fault proxy, client databases from the demo (27 attested timesheets in the
outbox), a memory keyring for in-process tests and a plaintext keyring in tmp_path for
subprocess tests."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import keyring
import pytest

from sync_fault_proxy import FaultProxy

TESTS = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


receiver_fixtures = _load("sync_receiver_fixtures", TESTS / "sync" / "conftest.py")
MemoryKeyring = _load("sync_credentials_tests", TESTS / "sync" / "test_sync_credentials.py").MemoryKeyring

# Re-exported fixtures: pytest finds them as attributes of this conftest.
db_url = receiver_fixtures.db_url
live_receiver = receiver_fixtures.live_receiver
issue_code = receiver_fixtures.issue_code
add_staff_user = receiver_fixtures.add_staff_user


@pytest.fixture
def memory_keyring():
    """In-process keyring (PYTHON_KEYRING_BACKEND is read once per process); restored after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sync_env(tmp_path: Path) -> dict[str, str]:
    """Environment for `bpa` subprocesses: a plaintext keyring under tmp_path, never $HOME."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "PYTHONUNBUFFERED": "1",
    }


# Not `-m bpa_desktop.cli`: that runs cli.py as __main__, whose CliError is another class than
# the one the commands raise (a traceback instead of one line and exit 2).
BPA = [sys.executable, "-c", "from bpa_desktop.cli import main; raise SystemExit(main())"]


def run_bpa(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*BPA, *map(str, args)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )


def run_json(*args: str, env: dict[str, str], expect: tuple[int, ...] = (0, 1)) -> dict:
    done = run_bpa(*args, env=env)
    assert done.returncode in expect, (done.returncode, done.stdout, done.stderr)
    return json.loads(done.stdout)


def receiver_rows(db_url: str, arrangement: str | None = None) -> list[tuple[str, str]]:
    """(submission id, body sha256) of every row the receiver stored (for one arrangement)."""
    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT s.submission_id, s.body_sha256 FROM submission s JOIN arrangement a ON a.id = s.arrangement_id "
            "WHERE ? IS NULL OR a.name = ? ORDER BY s.id", (arrangement, arrangement)
        ).fetchall()
    return [(str(uuid.UUID(sid)), sha) for sid, sha in rows]


def outbox_rows(path: Path) -> dict[str, dict]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return {row["id"]: dict(row) for row in connection.execute("SELECT * FROM outbox_submission")}


def give_fresh_submission_ids(path: Path) -> None:
    """Copies of the demo share its submission ids; a receiver shared between tests must see
    new ids per copy, as it would from different machines (bodies are not built yet)."""
    with sqlite3.connect(path) as connection:
        (trigger,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'outbox_submission_content_locked'"
        ).fetchone()
        connection.execute("DROP TRIGGER outbox_submission_content_locked")
        for (old,) in connection.execute("SELECT id FROM outbox_submission WHERE body IS NULL").fetchall():
            new = str(uuid.uuid4())
            connection.execute("UPDATE outbox_submission SET id = ? WHERE id = ?", (new, old))
            connection.execute("UPDATE outbox_submission SET supersedes_id = ? WHERE supersedes_id = ?", (new, old))
        connection.execute(trigger)
    connection.close()


@pytest.fixture
def client_db(_demo_template, tmp_path: Path) -> Path:
    """A copy of the demo database: 27 attested timesheets queued in the outbox."""
    source, _arrangement_id = _demo_template
    target = tmp_path / "client.sqlite"
    shutil.copyfile(source, target)
    give_fresh_submission_ids(target)
    return target


@dataclass(frozen=True)
class SharedReceiver:
    base_url: str
    db_url: str


@pytest.fixture(scope="session")
def shared_receiver(tmp_path_factory) -> SharedReceiver:
    """One real receiver for many tests (each test enrols its own arrangement): starting
    uvicorn per test would cost seconds each. Tests that stop or restore it use live_receiver."""
    folder = tmp_path_factory.mktemp("shared-receiver")
    db_url = f"sqlite:///{folder / 'receiver.db'}"
    with receiver_process(db_url, folder / "server.log") as base_url:
        yield SharedReceiver(base_url, db_url)


@pytest.fixture
def arrangement_name() -> str:
    return f"Ordning {uuid.uuid4().hex[:8]}"


@pytest.fixture
def proxy(shared_receiver):
    fault_proxy = FaultProxy(shared_receiver.base_url)
    yield fault_proxy
    fault_proxy.stop()


@dataclass
class Enrolled:
    db: Path
    env: dict[str, str]
    proxy: FaultProxy
    receiver: SharedReceiver
    name: str

    def stored(self) -> list[tuple[str, str]]:
        return receiver_rows(self.receiver.db_url, self.name)

    def push(self, *extra: str, expect=(0, 1)) -> dict:
        return run_json("sync", "push", "--db", self.db, *extra, env=self.env, expect=expect)

    def status(self) -> dict[str, int]:
        """Outbox counts by state, read directly (the CLI's `status` has its own test)."""
        counts: dict[str, int] = {}
        for row in outbox_rows(self.db).values():
            counts[row["state"]] = counts.get(row["state"], 0) + 1
        return counts


@pytest.fixture
def enrolled(client_db, sync_env, proxy, shared_receiver, arrangement_name) -> Enrolled:
    """The demo database enrolled (via `bpa sync enrol`) at the receiver behind the proxy."""
    code = issue_code(shared_receiver.db_url, arrangement_name)
    run_json("sync", "enrol", "--db", client_db, "--url", proxy.url, "--code", code, env=sync_env, expect=(0,))
    return Enrolled(client_db, sync_env, proxy, shared_receiver, arrangement_name)


@contextmanager
def receiver_process(db_url: str, log_path: Path):
    """Another `bpa receiver serve` on a free port (the fixture's server cannot be restarted),
    e.g. after its database was restored from a backup. Yields the base URL."""
    port = receiver_fixtures.free_port()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [*BPA, "receiver", "serve", "--db", db_url, "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while not _healthy(base_url):
                assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=10)


def _healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/v1/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False
