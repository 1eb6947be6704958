"""Migrations: an empty file becomes the head schema; the migrations match the ORM; the
connection is set up as designed; upgrades are backed up first and atomic."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from bpa_desktop.storage import migrate
from bpa_desktop.storage.connection import make_engine
from bpa_desktop.storage.errors import MigrationFailedError
from bpa_desktop.storage.schema import Base


def test_a_missing_file_is_made_at_head_with_our_application_id(tmp_path):
    path = tmp_path / "new.sqlite"
    assert migrate.prepare_database(path) is None  # nothing to back up
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    connection.close()
    assert revision == [(migrate.HEAD_REVISION,)]
    assert migrate.FIRST_TABLES <= tables
    assert application_id == migrate.APPLICATION_ID == 0x42504164
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]  # no temporary file left


def test_head_constant_matches_the_migration_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]


def test_migrated_schema_matches_the_orm_metadata(tmp_path):
    path = tmp_path / "bpa.sqlite"
    migrate.prepare_database(path)
    engine = make_engine(path)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_every_connection_has_wal_full_sync_and_foreign_keys(tmp_path):
    path = tmp_path / "bpa.sqlite"
    migrate.prepare_database(path)
    engine = make_engine(path)
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 10_000
    engine.dispose()


def test_upgrade_of_an_existing_database_takes_a_backup_first(tmp_path):
    from alembic import command

    path = tmp_path / "bpa.sqlite"
    engine = make_engine(path, foreign_keys=False, single_connection=True)
    with engine.begin() as connection:  # a database as the first release left it
        command.upgrade(migrate.alembic_config(connection), "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO audit_log (at, actor, action, entity, detail) "
            "VALUES ('2026-01-01 00:00:00', 'system', 'probe', 'none', '')"
        )
    connection.close()
    backup = migrate.prepare_database(path)
    assert backup is not None and backup.name.startswith("bpa.sqlite.bak-0001-")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT action FROM audit_log").fetchall() == [("probe",)]


def test_a_failing_upgrade_leaves_no_trace(tmp_path, monkeypatch):
    """Our own BEGIN makes DDL transactional: half a migration is never committed."""
    from alembic import command

    def half_then_fail(config, revision):
        config.attributes["connection"].exec_driver_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("simulated failure in a migration")

    monkeypatch.setattr(command, "upgrade", half_then_fail)
    path = tmp_path / "bpa.sqlite"
    with pytest.raises(MigrationFailedError):
        migrate.prepare_database(path)
    assert list(tmp_path.iterdir()) == []  # the new database was never moved into place

    old = tmp_path / "old.sqlite"
    engine = make_engine(old, foreign_keys=False, single_connection=True)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('0003')")
        for table in migrate.FIRST_TABLES:
            connection.exec_driver_sql(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    engine.dispose()
    with pytest.raises(MigrationFailedError):
        migrate.prepare_database(old)
    with sqlite3.connect(old) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "half_done" not in tables
