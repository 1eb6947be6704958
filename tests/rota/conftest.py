"""Fixtures of the turnus planner tests (the sample arrangement is in rota_sample.py)."""

from __future__ import annotations

import pytest

from tests.rota import rota_sample


@pytest.fixture
def setup(workspace) -> rota_sample.Setup:
    return rota_sample.make_setup(workspace)
