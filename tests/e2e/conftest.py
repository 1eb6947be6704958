"""End-to-end fixtures: the UI test setup (offscreen Qt, bokmål, isolated QSettings) from
tests/ui, and the live receiver with a staff user in headless Chromium from tests/sync —
loaded from those files, not copied."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS / "ui"))  # ui_helpers, sync_ui_helpers


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


ui_fixtures = _load("e2e_ui_fixtures", TESTS / "ui" / "conftest.py")
receiver_fixtures = _load("e2e_receiver_fixtures", TESTS / "sync" / "conftest.py")

# Re-exported fixtures: pytest finds them as attributes of this conftest.
_isolated_settings = ui_fixtures._isolated_settings
_bokmal = ui_fixtures._bokmal
db_url = receiver_fixtures.db_url
live_receiver = receiver_fixtures.live_receiver
# Module scope, not session: two Playwright sync sessions cannot be open in one thread, and
# tests/sync starts its own (session-scoped) one later in the run.
chromium = pytest.fixture(scope="module", name="chromium")(receiver_fixtures.chromium.__wrapped__)
staff_web = receiver_fixtures.staff_web
issue_code = receiver_fixtures.issue_code

from sync_ui_helpers import memory_keyring  # noqa: E402,F401
