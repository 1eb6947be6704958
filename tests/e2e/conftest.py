"""End-to-end tests run with the UI test setup (offscreen Qt, isolated QSettings); the fixtures
they use (`_bokmal`, `memory_keyring`, `live_receiver`, `staff_web`, `chromium`) are shared by
tests/conftest.py."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(isolated_settings):
    yield
