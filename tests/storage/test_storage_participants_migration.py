"""Migration 0007 (participants): a database of revision 0006 with data keeps every row; the
old rota approvals become approvals given on paper (approved when they have an approval day);
the new tables start empty; going back to 0006 keeps the old approvals too."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command

from bpa_desktop import demo
from bpa_desktop.storage import migrate
from bpa_desktop.storage.connection import make_engine
from bpa_desktop.workspace import Workspace

NEW_TABLES = ("assistant_pin", "assistant_ref", "deviation_proposal", "timesheet_confirmation", "share_link",
              "publication", "sharing_refusal")


def _migrate(path, revision: str, *, down: bool) -> None:
    engine = make_engine(path, foreign_keys=False, single_connection=True)
    with engine.begin() as connection:
        (command.downgrade if down else command.upgrade)(migrate.alembic_config(connection), revision)
    engine.dispose()


def _rows(path, sql: str):
    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


@pytest.fixture(scope="module")
def at_0006(tmp_path_factory):
    path = tmp_path_factory.mktemp("m0007") / "bpa.sqlite"
    demo.build_demo(path)
    _migrate(path, "0006", down=True)
    return path


def test_upgrade_from_0006_keeps_the_data_and_old_approvals_are_on_paper(at_0006, tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(at_0006.read_bytes())
    approvals = _rows(path, "SELECT id, rota_id, role, who, assistant_id, seen_on, approved_on, created_at "
                            "FROM rota_approval ORDER BY id")
    timesheets = _rows(path, "SELECT * FROM timesheet ORDER BY id")
    worked = _rows(path, "SELECT count(*) FROM worked_shift")
    assert len(approvals) == 3 and any(a[6] is None for a in approvals), "the demo has approvals, one only seen"

    migrate.prepare_database(path)

    assert _rows(path, "SELECT version_num FROM alembic_version") == [("0007",)]
    assert _rows(path, "SELECT id, rota_id, role, who, assistant_id, seen_on, approved_on, created_at "
                       "FROM rota_approval ORDER BY id") == approvals
    assert _rows(path, "SELECT channel, approved, comment, approved_at, event_id, content_hash "
                       "FROM rota_approval ORDER BY id") == [
        ("paper", int(a[6] is not None), "", None, None, None) for a in approvals]
    assert [row[:-1] for row in _rows(path, "SELECT * FROM timesheet ORDER BY id")] == timesheets
    assert {row[-1] for row in _rows(path, "SELECT unconfirmed_reason FROM timesheet")} == {None}
    assert _rows(path, "SELECT count(*) FROM worked_shift") == worked
    for table in NEW_TABLES:
        assert _rows(path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
        "ix_rota_approval_rota_id"}
    with Workspace.open(path) as ws:  # the app reads the kept rows
        rota_id = approvals[0][1]
        listed = ws.participants.approvals(rota_id)
        assert sorted(a.id for a in listed) == [a[0] for a in approvals]


def test_an_attested_timesheets_unconfirmed_reason_is_frozen(at_0006, tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(at_0006.read_bytes())
    migrate.prepare_database(path)
    with sqlite3.connect(path) as connection:
        (attested,) = connection.execute("SELECT id FROM timesheet WHERE status = 'attested' LIMIT 1").fetchone()
        with pytest.raises(sqlite3.IntegrityError, match="locked"):
            connection.execute("UPDATE timesheet SET unconfirmed_reason = 'etterpå' WHERE id = ?", (attested,))
    connection.close()


def test_going_back_to_0006_keeps_the_old_approvals(at_0006, tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(at_0006.read_bytes())
    before = _rows(path, "SELECT * FROM rota_approval ORDER BY id")
    triggers = _rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    migrate.prepare_database(path)
    _migrate(path, "0006", down=True)
    assert _rows(path, "SELECT * FROM rota_approval ORDER BY id") == before
    assert _rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name") == triggers
    tables = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(NEW_TABLES)
