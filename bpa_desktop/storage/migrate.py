"""Bring a database file to this app's schema, or refuse it without touching it.

Order of events when a file is opened:
1. Look at the path without opening it for writing: a folder, an empty file, a file that is
   not SQLite are refused each with its own message.
2. Inspect it read-only (``sqlite_uri.inspection_uri``: immutable when no ``-wal`` exists, so
   the inspection creates no ``-wal``/``-shm`` beside the file): does it pass
   ``quick_check``, is it ours, which revision is it?
   *Ours* is told by ``PRAGMA application_id`` = ``APPLICATION_ID``, which every file this app
   creates or upgrades carries. A file without it is ours only if its Alembic revision is
   one of ours and it has our first tables; another program's Alembic database (which may
   well be at a revision called "0004" too) is refused, unread and unwritten.
3. The file and its folder must be writable and the disk must have room, or the open is
   refused with that reason (SQLite would otherwise fail half-way, or WAL would fail).
4. At our head revision: done (a few ms; Alembic is not even imported).
5. Revision unknown to us: a newer app wrote it → ``DatabaseNewerError``.
6. Otherwise, back it up (if it has any tables) and run Alembic's upgrade in one transaction
   on a connection with foreign keys off (batch mode copies and renames tables), then check
   the foreign keys before committing.

A database that does not exist yet is made in a temporary file beside it and moved into
place when complete (``new_database_file``), so a failure (a full disk) leaves no half-made
file, and an empty file at the path never means "new".
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bpa_desktop.storage import encryption
from bpa_desktop.storage.backup import backup_database
from bpa_desktop.storage.errors import (
    NO_SPACE,
    DatabaseCorruptError,
    DatabaseEmptyError,
    DatabaseError,
    DatabaseIsFolderError,
    DatabaseNewerError,
    DatabaseReadOnlyError,
    DiskFullError,
    EncryptionUnavailableError,
    ForeignDatabaseError,
    MigrationFailedError,
    NotADatabaseError,
)

# Kept in step with migrations/versions by a test (tests/storage/test_storage_migrations.py).
HEAD_REVISION = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
SCRIPT_LOCATION = "bpa_desktop.storage:migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
#: ``PRAGMA application_id`` of a bpa-desktop database: "BPAd" as a 32-bit big-endian number.
APPLICATION_ID = int.from_bytes(b"BPAd", "big")
#: Tables of our first revision: a file without our application_id is ours only with these.
FIRST_TABLES = frozenset({"arrangement", "vedtak", "assistant", "timesheet", "audit_log"})
#: Room a database needs to open (WAL index, a first WAL frame): less is called a full disk.
MIN_FREE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class DatabaseState:
    revision: str | None  # None: never migrated
    has_tables: bool  # any table besides Alembic's bookkeeping
    marked: bool = True  # carries our application_id
    exists: bool = True


def inspect_database(path: Path) -> DatabaseState:
    """Read-only look at ``path``; raises if it is not a usable bpa-desktop database."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return DatabaseState(revision=None, has_tables=False, exists=False)
    except OSError as error:
        raise DatabaseCorruptError(path, str(error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseIsFolderError(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotADatabaseError(path, "not a regular file")
    if info.st_size == 0:
        raise DatabaseEmptyError(path)
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError as error:
        raise DatabaseReadOnlyError(path, str(error), where=_where("file")) from error
    if header != SQLITE_HEADER:
        if not encryption.is_encrypted(path):  # not whole pages: another kind of file
            raise NotADatabaseError(path, "not an SQLite file")
        if not encryption.available():
            # without the library an encrypted file and a damaged one look the same; say both
            raise EncryptionUnavailableError(path, "not an SQLite file, and no sqlcipher3 to try it")
    try:
        connection = encryption.connect(path, read_only=True)  # raises when a key is missing
        try:
            check = connection.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise DatabaseCorruptError(path, "quick_check: " + "; ".join(r[0] for r in check))
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
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
    except encryption.module_errors() as error:
        raise DatabaseCorruptError(path, str(error)) from error
    has_tables = bool(tables - {"alembic_version"})
    marked = application_id == APPLICATION_ID
    if application_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(path, f"application_id {application_id:#x}")
    if len(revisions) > 1:  # branches: never made by this app
        raise DatabaseNewerError(path, f"several revisions: {revisions}")
    revision = revisions[0] if revisions else None
    if not marked and has_tables:
        # Made before the marker existed, or by another program: tell them apart by what
        # an old file of ours always holds.
        if revision not in KNOWN_REVISIONS or not FIRST_TABLES <= tables:
            raise ForeignDatabaseError(path, f"revision {revision!r} without our tables or application_id")
    if revision is None and has_tables:
        raise ForeignDatabaseError(path, "tables without an Alembic revision")
    return DatabaseState(revision=revision, has_tables=has_tables, marked=marked)


def _where(part: str) -> str:
    from bpa_desktop.i18n import message

    return message(f"db_read_only_{part}")


def check_writable(path: Path) -> None:
    """Refuse a database the program could not write, before SQLite is asked to: a read-only
    file or folder (SQLite needs the folder for ``-wal`` and ``-shm``), or a full disk."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseReadOnlyError(path, "file not writable", where=_where("file"))
    if not os.access(folder, os.W_OK):
        raise DatabaseReadOnlyError(path, "folder not writable", where=_where("folder"))
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < MIN_FREE_BYTES:
        raise DiskFullError(path, f"{free} bytes free")


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def no_space(error: BaseException) -> bool:
    """Whether ``error`` (an OSError, an sqlite3 or SQLAlchemy error) means a full disk."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in NO_SPACE:
            return True
        text = str(error).lower()
        if "database or disk is full" in text or "no space left" in text:
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


def _upgrade(path: Path, config) -> None:
    """Alembic's upgrade to head in one transaction, and our application_id, on ``path``."""
    from alembic import command

    from bpa_desktop.storage.connection import make_engine, writer

    engine = make_engine(path, foreign_keys=False, single_connection=True)
    try:
        with writer(engine).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign key check failed after upgrade: {broken[:5]}")
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    finally:
        engine.dispose()


def _stamp(path: Path) -> None:
    """Mark a database of ours made before the marker existed."""
    connection = encryption.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()


def _checkpoint(path: Path) -> None:
    connection = encryption.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()  # the last connection: SQLite removes -wal and -shm


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


@contextmanager
def new_database_file(path: Path) -> Iterator[Path]:
    """A new database for ``path``, made in a temporary file beside it that the block fills
    (migrated to head first); moved into place only when the block ends without error. On
    any error the temporary file is removed, so a full disk leaves nothing behind (and an
    existing file at ``path`` is left as it was until the move)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    check_writable(path)
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".new")
    os.close(fd)
    temp = Path(name)
    temp.unlink()  # SQLite makes the file; an empty one would be refused as not a database
    try:
        try:
            _upgrade(temp, alembic_config())
        except Exception as error:
            if no_space(error):
                raise DiskFullError(path, repr(error)) from error
            raise MigrationFailedError(path, repr(error), backup="-") from error
        try:
            yield temp
        except Exception as error:
            if no_space(error) and not isinstance(error, DatabaseError):
                raise DiskFullError(path, repr(error)) from error
            raise
        try:
            _checkpoint(temp)  # everything in the file itself before it moves
            for stale in _companions(path):  # an old file's WAL must never meet the new file
                stale.unlink(missing_ok=True)
            os.replace(temp, path)
        except OSError as error:
            if error.errno in NO_SPACE:
                raise DiskFullError(path, repr(error)) from error
            raise
    finally:
        for leftover in (temp, *_companions(temp)):
            leftover.unlink(missing_ok=True)


def prepare_database(path: Path) -> Path | None:
    """Make ``path`` a database at the head revision. Returns the backup taken, if any."""
    state = inspect_database(path)
    check_writable(path)
    if not state.exists:
        with new_database_file(path):
            pass
        return None
    if state.revision == HEAD_REVISION:
        if not state.marked:
            _stamp(path)
        return None

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

    try:
        backup = backup_database(path, state.revision) if state.has_tables else None
    except (OSError, sqlite3.Error) as error:
        if no_space(error):
            raise DiskFullError(path, repr(error)) from error
        raise
    try:
        _upgrade(path, config)
    except Exception as error:
        if no_space(error):
            raise DiskFullError(path, repr(error)) from error
        raise MigrationFailedError(path, repr(error), backup=backup or "-") from error
    return backup


def create_filled(path: Path, fill: Callable[[Path], object]) -> object:
    """A new database at ``path`` filled by ``fill(temporary path)``; see ``new_database_file``."""
    with new_database_file(path) as temp:
        return fill(temp)
