"""Fixtures for the engine tests: `shift` builds shifts from Oslo wall-clock text (shift_helpers.py)."""

from __future__ import annotations

import pytest

from tests.core.shift_helpers import make_shift


@pytest.fixture(scope="session")
def shift():
    return make_shift
