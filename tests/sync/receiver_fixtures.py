"""Receiver fixtures used in several folders (tests/sync, tests/sync_client, tests/e2e); loaded
for the whole suite through `pytest_plugins` in tests/conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sync.receiver_helpers import (
    BACKENDS,
    STAFF_PASSWORD,
    LiveReceiver,
    StaffWeb,
    add_staff_user,
    backend_database,
    run_receiver,
)

# The secret that seals the receiver's event-signing key (bpa-sync/2): set for every receiver the
# tests start, in this process (TestClient apps) and in the subprocesses that inherit it.
os.environ.setdefault("BPA_RECEIVER_KEY_SECRET", "test-only-receiver-key-secret")

# Set by .ci/run: the receiver it started the documented way (migrate, 4 workers on PostgreSQL,
# behind nginx with TLS under /bpa-mottak). The browser and end-to-end tests then run against it.
DEPLOYED_URL = os.environ.get("BPA_TEST_RECEIVER_URL")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path):
    """A fresh receiver database per test, on SQLite and (with BPA_TEST_POSTGRES_URL) PostgreSQL."""
    with backend_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def live_receiver(tmp_path: Path, db_url: str):
    """`bpa receiver serve` in a subprocess on 127.0.0.1:<free port>."""
    with run_receiver(db_url, tmp_path / "server.log") as receiver:
        yield receiver


@pytest.fixture(params=["deployed"] if DEPLOYED_URL else BACKENDS)
def receiver_under_test(request, tmp_path: Path, monkeypatch):
    """The receiver the browser and end-to-end tests use: CI's deployed one (shared, so tests
    use names of their own), else `bpa receiver serve` of their own on every backend."""
    if request.param == "deployed":
        # Its certificate is self-signed: trusted for this test's clients (httpx reads it per client).
        monkeypatch.setenv("SSL_CERT_FILE", os.environ["BPA_TEST_RECEIVER_CA"])
        yield LiveReceiver(DEPLOYED_URL, os.environ["BPA_TEST_RECEIVER_DB"], None,
                           Path(os.environ["BPA_TEST_RECEIVER_LOG"]))
        return
    with backend_database(request.param, tmp_path) as url, run_receiver(url, tmp_path / "server.log") as receiver:
        yield receiver


@pytest.fixture
def staff_web(chromium, receiver_under_test):
    """A fresh browser context on the receiver under test with staff user `saksbehandler` (not
    logged in). For end-to-end tests: decide in the browser, then let the desktop client pull the feed.
    """
    add_staff_user(receiver_under_test.db_url, password=STAFF_PASSWORD)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO",
                                   ignore_https_errors=receiver_under_test.base_url.startswith("https://"))
    context.set_default_timeout(15_000)
    try:
        yield StaffWeb(context.new_page(), receiver_under_test.base_url)
    finally:
        context.close()
