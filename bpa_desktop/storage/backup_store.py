"""The backup folder: verified copies of the database file, what a copy holds, and restoring one.

Every step that writes is crash-safe: a file is written under a temporary name beside its
target, checked with ``PRAGMA integrity_check``, fsynced, and only then renamed into place
(``os.replace``). A process killed mid-way leaves the database and every finished copy as they
were, plus a ``.partial`` file that the next run removes. Copies are made with SQLite's online
backup API (a consistent snapshot, WAL pages included, while the app keeps writing), and a copy
of an encrypted database is encrypted with the same key (storage/encryption.py).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

from bpa_desktop.core.backups import BackupCopy, BackupSummary, copy_name, parse_copy_name
from bpa_desktop.storage import encryption
from bpa_desktop.storage.errors import DatabaseError

PARTIAL = ".partial"
RESTORING = ".restoring"


class BackupCorruptError(DatabaseError):
    """A copy that fails its integrity check (or is no SQLite file): never restored."""

    message_key = "backup_corrupt"

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(path, detail, problem=detail or "integrity_check")


class DatabaseBusyError(DatabaseError):
    message_key = "backup_db_busy"


def _fsync(path: Path) -> None:
    if path.is_dir() and os.name == "nt":
        return  # Windows cannot fsync a folder; NTFS journals the rename
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def verify(path: Path) -> None:
    """Raise BackupCorruptError unless ``path`` opens and passes ``integrity_check``."""
    path = Path(path)
    try:
        connection = encryption.connect(path, read_only=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except encryption.module_errors() as error:
        raise BackupCorruptError(path, str(error)) from None
    if result != [("ok",)]:
        raise BackupCorruptError(path, "; ".join(str(row[0]) for row in result[:3]))


def _copy_verified(source: Path, target: Path) -> None:
    """Copy the database ``source`` to ``target`` through the backup API, verified, atomically."""
    partial = target.with_name(target.name + PARTIAL)
    partial.unlink(missing_ok=True)
    reader = encryption.connect(source, read_only=True)
    try:
        writer = encryption.connect_like(source, partial)
        try:
            reader.backup(writer)
            # a copy in rollback-journal mode: reading it never leaves -wal/-shm files beside it
            writer.execute("PRAGMA journal_mode=DELETE")
        finally:
            writer.close()
    finally:
        reader.close()
    try:
        verify(partial)
    except BackupCorruptError:
        partial.unlink(missing_ok=True)
        raise
    _fsync(partial)
    os.replace(partial, target)
    _fsync(target.parent)


def take_copy(db_path: Path, folder: Path, reason: str, now: datetime | None = None) -> BackupCopy:
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(timezone.utc)
    target = folder / copy_name(db_path.stem, now, reason)
    _copy_verified(db_path, target)
    return BackupCopy(target, now, reason, target.stat().st_size)


def copy_file(copy: BackupCopy, folder: Path) -> BackupCopy:
    """The same copy once more in another folder (the USB stick), verified there."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / copy.path.name
    _copy_verified(copy.path, target)
    return BackupCopy(target, copy.taken_at, copy.reason, target.stat().st_size)


def list_copies(folder: Path, stem: str) -> list[BackupCopy]:
    """The finished copies of database ``stem`` in ``folder``, newest first; stale partials go."""
    if not folder.is_dir():
        return []
    copies = []
    for entry in folder.iterdir():
        if entry.name.endswith(PARTIAL) and entry.name.startswith(stem + "-"):
            entry.unlink(missing_ok=True)  # left by a process that was killed mid-copy
            continue
        parsed = parse_copy_name(stem, entry.name)
        if parsed is not None and entry.is_file():
            copies.append(BackupCopy(entry, parsed[0], parsed[1], entry.stat().st_size))
    return sorted(copies, key=lambda c: c.taken_at, reverse=True)


def _timestamp(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(str(text))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def read_summary(path: Path) -> BackupSummary:
    """What the copy at ``path`` holds (verified first; BackupCorruptError if it is damaged)."""
    verify(path)
    connection = encryption.connect(path, read_only=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "arrangement", "assistant", "timesheet", "audit_log"} <= tables:
            raise BackupCorruptError(path, "no bpa-desktop tables")

        def one(sql: str):
            return connection.execute(sql).fetchone()[0]

        last_period = one("SELECT max(period_end) FROM timesheet WHERE attested_at IS NOT NULL")
        return BackupSummary(
            revision=one("SELECT max(version_num) FROM alembic_version"),
            arrangements=one("SELECT count(*) FROM arrangement"),
            assistants=one("SELECT count(*) FROM assistant"),
            timesheets_attested=one("SELECT count(*) FROM timesheet WHERE attested_at IS NOT NULL"),
            last_attested_period=date.fromisoformat(last_period) if last_period else None,
            last_change_at=_timestamp(one("SELECT max(at) FROM audit_log")),
            encrypted=encryption.is_encrypted(path),
        )
    finally:
        connection.close()


def restore_copy(copy_path: Path, db_path: Path) -> None:
    """Put the copy in place of the database file. Every connection to it must be closed.

    1. the copy is verified, then written beside the database (``.restoring``) and verified again;
    2. the database is checkpointed into one file (journal mode DELETE: no ``-wal`` left that
       SQLite would replay onto the restored file);
    3. ``os.replace`` swaps the files in one step.
    Killed before 3: the database is as it was. After 3: it is the copy.
    """
    verify(copy_path)
    temporary = db_path.with_name(db_path.name + RESTORING)
    _copy_verified(copy_path, temporary)
    if db_path.exists():
        connection = encryption.connect(db_path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except encryption.module_errors() as error:  # "database is locked": another program has it
            mode = str(error)
        finally:
            connection.close()
        if str(mode).lower() != "delete":
            temporary.unlink(missing_ok=True)
            raise DatabaseBusyError(db_path, f"journal mode stays {mode}")
    os.replace(temporary, db_path)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    _fsync(db_path.parent)
