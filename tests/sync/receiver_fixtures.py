"""Receiver fixtures used in several folders (tests/sync, tests/sync_client, tests/e2e); loaded
for the whole suite through `pytest_plugins` in tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.receiver_helpers import (
    BACKENDS,
    STAFF_PASSWORD,
    StaffWeb,
    add_staff_user,
    backend_database,
    run_receiver,
)


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
