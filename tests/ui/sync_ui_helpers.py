"""Helpers for the Synk page tests: a memory keyring (never the real one), an enrolment written
straight into the outbox tables, and a main window over a given Workspace."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import keyring
import pytest

from bpa_desktop.sync import credentials, outbox, signing

TESTS = Path(__file__).resolve().parent.parent
REMOTE = "5b0f7c2e-8d1a-4c3b-9e6f-2a4d8c1e7b90"


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


MemoryKeyring = _load("sync_credentials_tests", TESTS / "sync" / "test_sync_credentials.py").MemoryKeyring


@pytest.fixture
def memory_keyring():
    """In-process keyring for this test; the previous backend comes back afterwards."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def enrol_offline(workspace, arrangement_id: int, receiver_url: str) -> str:
    """Enrol without a receiver (secrets in the current keyring); returns the key id."""
    key = signing.generate_private_key()
    credentials.store_signing_key(REMOTE, key)
    credentials.store_token(receiver_url, REMOTE, "bpa1_test_token")
    outbox.save_enrolment(workspace._engine, arrangement_id, receiver_url=receiver_url,
                          remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(key))
    return signing.key_id(signing.public_key_raw(key))


def open_window(qtbot, workspace, **options):
    """The main window over `workspace`, shown, with the arrangement list loaded."""
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    ctx = AppContext(workspace)
    window = MainWindow(ctx, offer_first_run=False, **options)
    qtbot.addWidget(window)  # closed after the test: closeEvent stops the sync worker
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: ctx.arrangements_loaded)
    return window


def show_sync_page(qtbot, window):
    page = window.show_page("synk")
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def column(page, name: str) -> list[str]:
    """The texts of one column of the Synk table, top to bottom."""
    index = page.model.COLUMNS.index(name)
    return [page.model.index(row, index).data() for row in range(page.model.rowCount())]
