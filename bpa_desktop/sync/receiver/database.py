"""Engine, transactions and migrations of the receiver database.

SQLite (default): WAL, `synchronous=FULL`, foreign keys on every connection, busy timeout, and
our own `BEGIN` (pysqlite's implicit transactions are switched off) so write transactions start
with `BEGIN IMMEDIATE` and never deadlock on a lock upgrade. PostgreSQL: nothing special; row
locks (`SELECT ... FOR UPDATE`) and unique constraints do the same work.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

BUSY_TIMEOUT_S = 10
_WRITE_OPTION = "bpa_write_transaction"


class ReceiverDatabaseError(Exception):
    """The database cannot be used by this version (message in Norwegian)."""


def normalise_url(text: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One write transaction: commits on success, rolls back on any exception."""
    with Session(engine, expire_on_commit=False) as session:
        session.connection(execution_options={_WRITE_OPTION: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("bpa_desktop.sync.receiver").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    return config


def migrate(url: str) -> None:
    """Bring the database to this version's head; refuse a database written by a newer version."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    # Batch migrations copy and rename tables, so foreign keys must be off while they run.
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = _alembic_config(connection)
            current = MigrationContext.configure(connection).get_current_revision()
            connection.rollback()
            if current is not None:
                try:
                    ScriptDirectory.from_config(config).get_revision(current)
                except CommandError:
                    raise ReceiverDatabaseError(
                        f"Databasen er fra en nyere versjon av mottakeren (revisjon {current}); "
                        "oppdater programmet."
                    ) from None
            command.upgrade(config, "head")
            connection.commit()
    finally:
        engine.dispose()
