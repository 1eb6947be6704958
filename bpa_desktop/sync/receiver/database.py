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

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t

BUSY_TIMEOUT_S = 10
_WRITE_OPTION = "bpa_write_transaction"


class ReceiverDatabaseError(Exception):
    """The database cannot be used by this version (message in Norwegian)."""


def normalise_url(text: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def make_engine(url: str, *, foreign_keys: bool = True, pool_size: int = 5, max_overflow: int = 5) -> Engine:
    """`pool_size` + `max_overflow` is the most connections one worker holds; with N workers the
    database sees up to N times that (PostgreSQL's default max_connections is 100)."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow)
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


# Any fixed number: PostgreSQL advisory lock held while migrating, so two `migrate` runs (two
# hosts, or a second one started by mistake) take turns instead of racing on CREATE TABLE.
_MIGRATION_LOCK = 0x6270615F72  # "bpa_r"


def _revisions(connection) -> tuple[str | None, str]:
    """(the database's revision, this program's head); refuses a revision this program lacks."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    scripts = ScriptDirectory.from_config(_alembic_config(connection))
    current = MigrationContext.configure(connection).get_current_revision()
    if current is not None:
        try:
            scripts.get_revision(current)
        except CommandError:
            raise ReceiverDatabaseError(
                t("receiver.db.newer", revision=current)
            ) from None
    return current, scripts.get_current_head()


def migrate(url: str) -> tuple[str | None, str]:
    """Bring the database to this version's head (run once, before the workers start); refuse a
    database written by a newer version. Returns (revision before, revision after)."""
    from alembic import command

    # Batch migrations copy and rename tables, so foreign keys must be off while they run.
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            postgres = connection.dialect.name == "postgresql"
            if postgres:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
                connection.commit()
            else:
                # SQLite: one BEGIN IMMEDIATE from reading the revision to the commit, so a second
                # run waits (busy timeout) and then finds the schema at head.
                connection.execution_options(**{_WRITE_OPTION: True})
            try:
                current, head = _revisions(connection)
                if postgres:
                    connection.rollback()
                command.upgrade(_alembic_config(connection), "head")
                connection.commit()
            finally:
                if postgres:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
                    connection.commit()
            return current, head
    finally:
        engine.dispose()


def require_current_schema(engine: Engine) -> None:
    """Refuse to serve a database that `bpa receiver migrate` has not brought to this version.

    Workers never migrate: with several workers starting at once they would race each other.
    """
    with engine.connect() as connection:
        current, head = _revisions(connection)
    if current != head:
        found = t("receiver.db.empty") if current is None else t("receiver.db.revision", revision=current)
        raise ReceiverDatabaseError(
            t("receiver.db.not_migrated", found=found, head=head)
        )
