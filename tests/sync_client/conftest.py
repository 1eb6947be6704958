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
from dataclasses import dataclass
from pathlib import Path

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


def run_bpa(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bpa_desktop.cli", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )


def run_json(*args: str, env: dict[str, str], expect: tuple[int, ...] = (0, 1)) -> dict:
    done = run_bpa(*args, env=env)
    assert done.returncode in expect, (done.returncode, done.stdout, done.stderr)
    return json.loads(done.stdout)


def receiver_rows(db_url: str) -> list[tuple[str, str]]:
    """(submission id, body sha256) of every row the receiver stored."""
    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT submission_id, body_sha256 FROM submission ORDER BY id").fetchall()


def outbox_rows(path: Path) -> dict[str, dict]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return {row["id"]: dict(row) for row in connection.execute("SELECT * FROM outbox_submission")}


@pytest.fixture
def client_db(_demo_template, tmp_path: Path) -> Path:
    """A copy of the demo database: 27 attested timesheets queued in the outbox."""
    source, _arrangement_id = _demo_template
    target = tmp_path / "client.sqlite"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def proxy(live_receiver):
    fault_proxy = FaultProxy(live_receiver.base_url)
    yield fault_proxy
    fault_proxy.stop()


@dataclass
class Enrolled:
    db: Path
    env: dict[str, str]
    proxy: FaultProxy
    receiver: object
    name: str = "Ordning A"

    def push(self, *extra: str, expect=(0, 1)) -> dict:
        return run_json("sync", "push", "--db", self.db, *extra, env=self.env, expect=expect)

    def status(self) -> dict:
        return run_json("sync", "status", "--db", self.db, "--json", env=self.env, expect=(0,))


@pytest.fixture
def enrolled(client_db, sync_env, proxy, live_receiver) -> Enrolled:
    """The demo database enrolled (via `bpa sync enrol`) at the receiver behind the proxy."""
    code = issue_code(live_receiver.db_url, "Ordning A")
    run_json("sync", "enrol", "--db", client_db, "--url", proxy.url, "--code", code, env=sync_env, expect=(0,))
    return Enrolled(client_db, sync_env, proxy, live_receiver)
