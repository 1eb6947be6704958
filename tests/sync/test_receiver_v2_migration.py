"""Migration 0003 (bpa-sync/2) on a receiver that holds v1 data: the v1 rows stay, every
arrangement's event counter starts at 0, and the step back to 0002 removes exactly the v2 tables."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from bpa_desktop.sync.receiver import database
from tests.sync.receiver_helpers import enrol_device, make_body
from tests.sync.receiver_v2_helpers import Desktop, month_view

V2_TABLES = {"receiver_key", "publication", "link_grant", "link_revocation", "link_event"}


def _to(db_url: str, revision: str, *, down: bool = False) -> None:
    engine = database.make_engine(db_url, foreign_keys=False)
    with engine.connect() as connection:
        (command.downgrade if down else command.upgrade)(database._alembic_config(connection), revision)
        connection.commit()
    engine.dispose()


def _tables(db_url: str) -> set[str]:
    engine = database.make_engine(db_url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_0003_keeps_v1_data_starts_event_counters_at_zero_and_steps_back(client, db_url):
    device = enrol_device(client, db_url)
    _body, response = device.submit()
    assert response.status_code == 201
    _to(db_url, "0002", down=True)
    assert not (_tables(db_url) & V2_TABLES)
    database.migrate(db_url)
    assert V2_TABLES <= _tables(db_url)
    engine = database.make_engine(db_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT event_head, submission_head FROM arrangement")).all() == [(0, 1)]
        assert connection.execute(text("SELECT count(*) FROM submission")).scalar() == 1
    engine.dispose()
    # v1 and v2 both work on the migrated database.
    assert device.post(device.sign(make_body(device.arrangement_id, employee_no="1002"))).status_code == 201
    assert Desktop(device).publish(month_view(device.arrangement_id))[1].status_code == 201
