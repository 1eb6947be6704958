"""Fixtures for the engine tests: `shift` builds shifts from Oslo wall-clock text
(shift_helpers.py); `ks` and `virke` are the shipped pay-code profiles."""

from __future__ import annotations

import pytest

from bpa_desktop.core.pay import load_profile
from tests.core.shift_helpers import make_shift


@pytest.fixture(scope="session")
def shift():
    return make_shift


@pytest.fixture(scope="session")
def ks():
    return load_profile("ks")


@pytest.fixture(scope="session")
def virke():
    return load_profile("virke-bpa")
