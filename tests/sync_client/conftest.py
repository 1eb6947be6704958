"""Fixtures for the sync client: the real receiver (shared by many tests) behind a fault proxy,
client databases from the demo (21 attested timesheets in the outbox) and a plaintext keyring
in tmp_path for subprocess tests. `live_receiver` (a receiver of one's own, on every backend)
and `memory_keyring` come from tests/conftest.py; the helpers are in sync_client_helpers.py."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from tests.sync.receiver_helpers import LiveReceiver, issue_code, run_receiver
from tests.sync_client.sync_client_helpers import (
    Enrolled,
    give_fresh_submission_ids,
    run_json,
)
from tests.sync_client.sync_fault_proxy import FaultProxy


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


@pytest.fixture
def client_db(_demo_template, tmp_path: Path) -> Path:
    """A copy of the demo database: 21 attested timesheets queued in the outbox."""
    source, _arrangement_id = _demo_template
    target = tmp_path / "client.sqlite"
    shutil.copyfile(source, target)
    give_fresh_submission_ids(target)
    return target


@pytest.fixture(scope="session")
def shared_receiver(tmp_path_factory) -> LiveReceiver:
    """One real receiver for many tests (each test enrols its own arrangement): starting
    uvicorn per test would cost seconds each. Tests that stop or restore it use live_receiver."""
    folder = tmp_path_factory.mktemp("shared-receiver")
    with run_receiver(f"sqlite:///{folder / 'receiver.db'}", folder / "server.log") as receiver:
        yield receiver


@pytest.fixture
def arrangement_name() -> str:
    return f"Ordning {uuid.uuid4().hex[:8]}"


@pytest.fixture
def proxy(shared_receiver):
    fault_proxy = FaultProxy(shared_receiver.base_url)
    yield fault_proxy
    fault_proxy.stop()


@pytest.fixture
def enrolled(client_db, sync_env, proxy, shared_receiver, arrangement_name) -> Enrolled:
    """The demo database enrolled (via `bpa sync enrol`) at the receiver behind the proxy."""
    code = issue_code(shared_receiver.db_url, arrangement_name)
    run_json("sync", "enrol", "--db", client_db, "--url", proxy.url, "--code", code, env=sync_env, expect=(0,))
    return Enrolled(client_db, sync_env, proxy, shared_receiver, arrangement_name)
