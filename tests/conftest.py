"""Fixtures shared by the whole suite.

- ``workspace``: a fresh, migrated database in ``tmp_path``, opened as a Workspace.
- ``empty_database``: the path of a migrated, empty database file, to copy.
- ``demo_workspace``: the demo arrangement (``bpa demo``) built for a fixed "today", so tests
  that read it are reproducible; ``demo_today`` is that date and ``demo_arrangement_id`` its id.
- ``memory_keyring``: an in-process keyring in memory instead of the real one.
- ``chromium``: one headless Chromium (Playwright) for the whole session, started by the first
  test that asks for it.

Fixtures used in more than one folder but built on a folder's helpers live next to them and
are loaded for the whole suite here (pytest allows ``pytest_plugins`` only in this conftest).
Test helpers are imported absolutely, e.g. ``from tests.sync.receiver_helpers import make_body``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest_plugins = [
    "tests.sync.receiver_fixtures",  # db_url, live_receiver, staff_web
    "tests.ui.qt_fixtures",  # isolated_settings, _bokmal
    "tests.disk_fixtures",  # small_disk: a real tmpfs to fill up or make read-only
]

DEMO_TODAY = date(2026, 5, 20)


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory):
    """A migrated, empty database file to copy: copying skips Alembic (~0.15 s a time)."""
    from bpa_desktop.workspace import Workspace

    path = tmp_path_factory.mktemp("empty") / "bpa.sqlite"
    Workspace.open(path).close()
    return path


@pytest.fixture
def workspace(empty_database, tmp_path):
    import shutil

    from bpa_desktop.workspace import Workspace

    path = tmp_path / "bpa.sqlite"
    shutil.copyfile(empty_database, path)
    ws = Workspace.open(path)
    yield ws
    ws.close()


@pytest.fixture
def demo_today() -> date:
    return DEMO_TODAY


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """Build the demo once per test session; each test gets its own copy of the file."""
    from bpa_desktop.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    arrangement_id = build_demo(path, today=DEMO_TODAY)
    return path, arrangement_id


@pytest.fixture
def demo_arrangement_id(_demo_template) -> int:
    return _demo_template[1]


@pytest.fixture
def demo_workspace(_demo_template, tmp_path):
    import shutil

    from bpa_desktop.workspace import Workspace

    source, _ = _demo_template
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(source, target)
    ws = Workspace.open(target)
    yield ws
    ws.close()


@pytest.fixture
def memory_keyring():
    """In-process keyring for this test (PYTHON_KEYRING_BACKEND is read once per process);
    the previous backend comes back afterwards."""
    import keyring

    from tests.sync.keyring_helpers import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# Debian's Chromium driven by Playwright; Playwright's own browser download is not used (.ci/run
# installs the `chromium` package).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every test that asks for it (tests/sync, tests/e2e).

    One per session, not per folder: a second sync_playwright() in the same thread while the
    first is open fails ("Sync API inside the asyncio loop"). Started on first use only, so runs
    without browser tests never start it; each test opens its own browser context.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium mangler ({CHROMIUM}); .ci/run installerer Debian-pakken `chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
