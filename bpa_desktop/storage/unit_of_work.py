"""One unit of work: a session, its one transaction, and the audit writer that names who acts.

The Workspace's areas (``bpa_desktop/workspace/``) never open sessions themselves: each use
case asks the ``Database`` for a unit of work, reads and writes through the repositories
with ``uow.session``, and logs what it did with ``uow.audit``. A write unit of work is one
``BEGIN IMMEDIATE`` transaction: it commits when the block ends and rolls back on any error,
audit entry included. Each unit of work has its own session from the engine's pool, so a
Workspace may be used from worker threads (one connection per thread at a time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import logging
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bpa_desktop.storage.connection import make_engine, writer
from bpa_desktop.storage.damage import translate
from bpa_desktop.storage.migrate import prepare_database
from bpa_desktop.storage.schema import AuditLogRow

ROLES = ("arbeidsleder", "assistent", "system")  # audit actors are roles, never names
LEADER, ASSISTANT, SYSTEM = ROLES  # stored in the audit log as they are: data, never translated
log = logging.getLogger(__name__)
SWAP_WAIT_S = 10


class UnitOfWork:
    """The session of one transaction, and who acts in it."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor

    def get(self, row_class, row_id):
        """The row with this primary key, or None."""
        return self.session.get(row_class, row_id) if row_id is not None else None

    def add(self, row):
        """Store a new row now (flushed, so it has its id) and return it."""
        self.session.add(row)
        self.session.flush()
        return row

    def flush(self) -> None:
        self.session.flush()

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        arrangement_id: int | None,
        detail: str = "",
        *,
        actor: str | None = None,
    ) -> None:
        """Log what this transaction did; it commits (or rolls back) with the change."""
        self.session.add(
            AuditLogRow(
                at=datetime.now(timezone.utc),
                actor=actor or self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                arrangement_id=arrangement_id,
                detail=detail,
            )
        )

    def add_audited(self, row, action: str, entity: str, arrangement_id: int | None, detail: str = ""):
        """Store ``row`` and log what was done to it; returns the row (with its id)."""
        self.add(row)
        self.audit(action, entity, row.id, arrangement_id, detail)
        return row


class Database:
    """One open database file: hands out units of work for reading and for writing."""

    def __init__(self, path: Path, engine: Engine, actor: str = "arbeidsleder") -> None:
        self.path = Path(path)
        self.engine = engine
        self.actor = actor
        self._writer = writer(engine)
        # Called after each committed write, outside its transaction (ws.backups' daily copy).
        self.after_commit: list[Callable[[], None]] = []

    @classmethod
    def open(cls, path: Path, actor: str = "arbeidsleder") -> Database:
        """Create, upgrade (backup first) or refuse the file, then connect (storage/migrate.py)."""
        path = Path(path)
        if not path.parent.is_dir():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise _folder_error(path, error) from error
        prepare_database(path)
        return cls(path, make_engine(path), actor)

    def close(self) -> None:
        self.engine.dispose()

    def swap_file(self, replace: Callable[[], None]) -> None:
        """Close every pooled connection, let ``replace`` put another file at the path
        (a restore, an encryption), then connect again (storage/backup_store.py).

        A session another thread still holds (a page loading) keeps the old file open; wait for
        it to be returned, so that the swap never happens under a reader or a writer."""
        deadline = time.monotonic() + SWAP_WAIT_S
        checked_out = getattr(self.engine.pool, "checkedout", lambda: 0)  # QueuePool counts them
        while checked_out() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.engine.dispose()
        try:
            replace()
        finally:
            self.engine = make_engine(self.path)
            self._writer = writer(self.engine)

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        """A read: what cannot be read is said in words (``storage/damage.py``)."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield UnitOfWork(session, self.actor)
        except Exception as error:
            ours = translate(self.path, error)
            if ours is None:
                raise
            raise ours from error

    @contextmanager
    def write(self, actor: str | None = None) -> Iterator[UnitOfWork]:
        """One write transaction (BEGIN IMMEDIATE): commits on success, rolls back on error;
        a full disk or a damaged record is said in words (``storage/damage.py``). After the
        commit the ``after_commit`` steps run (a failed one is logged: the write stands)."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                yield UnitOfWork(session, actor or self.actor)
        except Exception as error:
            ours = translate(self.path, error)
            if ours is None:
                raise
            raise ours from error
        for hook in self.after_commit:
            try:
                hook()
            except Exception:  # noqa: BLE001 - the write is committed; a failed hook must not undo that
                log.exception("After-commit step failed")


def _folder_error(path: Path, error: OSError):
    from bpa_desktop.i18n import message
    from bpa_desktop.storage.errors import (
        NO_SPACE,
        DatabaseReadOnlyError,
        DiskFullError,
    )

    if error.errno in NO_SPACE:
        return DiskFullError(path, repr(error))
    return DatabaseReadOnlyError(path, repr(error), where=message("db_read_only_folder"))
