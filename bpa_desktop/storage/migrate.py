"""Bring a database file to this app's schema, or refuse it without touching it.

Order of events when a file is opened:
1. Inspect it read-only: is it SQLite, does it pass ``quick_check``, which revision is it?
2. At our head revision: done (a few ms; Alembic is not even imported).
3. Revision unknown to us: a newer app wrote it → ``DatabaseNewerError``.
4. Otherwise, back it up (if it has any tables) and run Alembic's upgrade in one transaction
   on a connection with foreign keys off (batch mode copies and renames tables), then check
   the foreign keys before committing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bpa_desktop.storage.backup import backup_database, read_only_uri
from bpa_desktop.storage.errors import (
    DatabaseCorruptError,
    DatabaseNewerError,
    ForeignDatabaseError,
    MigrationFailedError,
)

# Kept in step with migrations/versions by a test (tests/storage/test_storage_migrations.py).
HEAD_REVISION = "0005"
SCRIPT_LOCATION = "bpa_desktop.storage:migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseState:
    revision: str | None  # None: never migrated
    has_tables: bool  # any table besides Alembic's bookkeeping


def inspect_database(path: Path) -> DatabaseState:
    """Read-only look at ``path``; raises if it is not a usable bpa-desktop database."""
    if not path.exists() or path.stat().st_size == 0:
        return DatabaseState(revision=None, has_tables=False)
    with open(path, "rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseCorruptError(path, "not an SQLite file")
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            check = connection.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise DatabaseCorruptError(path, "quick_check: " + "; ".join(r[0] for r in check))
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            }
            revisions = (
                [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
                if "alembic_version" in tables
                else []
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseCorruptError(path, str(error)) from error
    has_tables = bool(tables - {"alembic_version"})
    if len(revisions) > 1:  # branches: never made by this app
        raise DatabaseNewerError(path, f"several revisions: {revisions}")
    revision = revisions[0] if revisions else None
    if revision is None and has_tables:
        raise ForeignDatabaseError(path, "tables without an Alembic revision")
    return DatabaseState(revision=revision, has_tables=has_tables)


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def prepare_database(path: Path) -> Path | None:
    """Make ``path`` a database at the head revision. Returns the backup taken, if any."""
    state = inspect_database(path)
    if state.revision == HEAD_REVISION:
        return None

    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config()
    if state.revision is not None:
        try:
            known = ScriptDirectory.from_config(config).get_revision(state.revision)
        except CommandError:
            known = None
        if known is None:
            raise DatabaseNewerError(path, f"unknown revision {state.revision}")

    backup = backup_database(path, state.revision) if state.has_tables else None
    from bpa_desktop.storage.connection import make_engine, writer

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path, foreign_keys=False, single_connection=True)
    try:
        with writer(engine).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign key check failed after upgrade: {broken[:5]}")
    except Exception as error:
        raise MigrationFailedError(path, repr(error), backup=backup or "-") from error
    finally:
        engine.dispose()
    return backup
