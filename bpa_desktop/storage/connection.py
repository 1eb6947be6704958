"""SQLAlchemy engine for one SQLite file, set up for a desktop app.

- WAL journal (readers do not block the writer) with ``synchronous=FULL``: a committed
  attestation must survive a power cut, because a sync worker may already have sent it.
- ``foreign_keys=ON`` on every connection: SQLite ignores foreign keys otherwise.
- pysqlite delays or skips ``BEGIN``, which breaks transactional DDL and repeatable reads.
  We take over (SQLAlchemy's documented recipe): the driver never begins, we emit our own
  ``BEGIN`` in the ``begin`` event; write sessions ask for ``BEGIN IMMEDIATE`` so two writers
  wait for each other at the start instead of deadlocking on a lock upgrade.
- One connection per thread at a time (QueuePool); a connection may move between threads
  when returned to the pool, hence ``check_same_thread=False``.
- An encrypted file (storage/encryption.py) is opened with the SQLCipher module and each new
  connection gets its key before anything else; a plain file never loads that module.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, pool

BUSY_TIMEOUT_MS = 10_000
# Execution option read by the ``begin`` listener: "DEFERRED" (reads) or "IMMEDIATE" (writes).
BEGIN_MODE = "bpa_sqlite_begin"


def make_engine(path: Path, *, foreign_keys: bool = True, single_connection: bool = False) -> Engine:
    """An engine for the SQLite file at ``path``.

    ``foreign_keys=False`` is for migrations: batch mode copies and renames tables, which
    foreign key enforcement would break, and the pragma cannot change inside a transaction.
    ``single_connection`` uses no pool (a short-lived engine for one job).
    """
    from bpa_desktop.storage.encryption import unlocker

    cipher = unlocker(Path(path))  # None for a plain file; raises when a key is missing
    engine = create_engine(
        f"sqlite+pysqlite:///{Path(path)}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        poolclass=pool.NullPool if single_connection else pool.QueuePool,
        **({"module": cipher[0]} if cipher else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        if cipher:
            cipher[1](dbapi_connection)  # the key first: nothing else can be read before it
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), but its transactions start with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
