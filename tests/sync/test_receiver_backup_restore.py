"""Backup and restore on PostgreSQL exactly as docs/receiver.md's recipe says (pg_dump while the
receiver runs; stop, pg_restore --clean, migrate, start): what was stored after the backup is
gone, what was stored before is back, and the receiver serves again on the same database."""

from __future__ import annotations

import httpx
import pytest

from tests.sync.receiver_helpers import (
    POSTGRES_ADMIN_URL,
    back_up_database,
    enrol_device,
    postgres_tools_missing,
    recipe,
    restore_database,
    run_receiver,
    stop,
)
from tests.sync.test_receiver_decisions_feed import decide_all

pytestmark = pytest.mark.skipif(not POSTGRES_ADMIN_URL or bool(postgres_tools_missing()),
                                reason="needs BPA_TEST_POSTGRES_URL and pg_dump/pg_restore (.ci/run has both)")


def test_the_documented_recipe_has_the_steps_in_the_order_an_operator_needs():
    assert recipe("backup") == ['pg_dump --format=custom --file="$BACKUP_FILE" --dbname="$DB"']
    restore = recipe("restore")
    assert restore[0] == "systemctl stop bpa-receiver" and restore[-1] == "systemctl start bpa-receiver"
    assert restore[1].startswith("pg_restore --clean") and restore[2] == "bpa-receiver migrate"


def test_restore_from_the_documented_backup_brings_the_receiver_back_to_that_moment(tmp_path):
    from tests.sync.receiver_helpers import backend_database

    with backend_database("postgresql", tmp_path) as db_url:
        with run_receiver(db_url, tmp_path / "before.log") as receiver:
            with httpx.Client(base_url=receiver.base_url, timeout=30) as http:
                device = enrol_device(http, db_url)
                kept, response = device.submit(employee_no="1001")
                assert response.status_code == 201
                decide_all(db_url, [(kept.submission_id, "accepted")])
                back_up_database(db_url, tmp_path / "receiver.dump")  # while it runs
                later, response = device.submit(employee_no="1002")
                assert response.status_code == 201
            stop(receiver.process)
        restore_database(db_url, tmp_path / "receiver.dump")
        with run_receiver(db_url, tmp_path / "after.log", migrate=False) as restored:
            with httpx.Client(base_url=restored.base_url, timeout=30) as http:
                device.http = http
                status = http.post("/v1/submissions/status", headers={"Authorization": f"Bearer {device.token}"},
                                   json={"ids": [str(kept.submission_id), str(later.submission_id)]}).json()
                assert [item["state"] for item in status["submissions"]] == ["accepted", "unknown"]
                assert device.decisions().json()["next"] == 1
                assert device.post(device.sign(later)).status_code == 201  # the client sends it again
