"""Fixtures for the receiver tests: an in-process API client and an enrolled device. The receiver
database (`db_url`), the real receiver (`live_receiver`) and the staff page (`staff_web`) are
shared with other folders: tests/sync/receiver_fixtures.py; the helpers are in receiver_helpers.py."""

from __future__ import annotations

import pytest

from tests.sync.receiver_helpers import Device, enrol_device


@pytest.fixture
def client(db_url: str):
    from fastapi.testclient import TestClient

    from bpa_desktop.sync.receiver import database
    from bpa_desktop.sync.receiver.app import create_app

    database.migrate(db_url)  # as `bpa receiver migrate` does before the workers start
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def device(client, db_url: str) -> Device:
    return enrol_device(client, db_url)
