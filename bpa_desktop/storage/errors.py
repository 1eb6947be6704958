"""Problems with the database file, or with what it holds, with messages for people.

Each error raised while opening is raised before anything is written, so the file and its
folder are left as they were. ``DiskFullError`` and ``DamagedRecordError`` may also come
from a use case: its transaction is rolled back, nothing is half written.
"""

from __future__ import annotations

import errno
from pathlib import Path

from bpa_desktop.i18n import message

#: errno values that mean "no room left" (a full disk, or the user's quota).
NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class DatabaseError(Exception):
    """The database file cannot be used. ``str(error)`` is a message for the user."""

    message_key = "db_corrupt"

    def __init__(self, path: Path, detail: str = "", **params: object) -> None:
        self.path = Path(path)
        self.detail = detail  # technical detail for logs; never shown as the message
        self.params = params
        super().__init__(message(self.message_key, path=self.path, **params))


class DatabaseNewerError(DatabaseError):
    """A newer bpa-desktop wrote this file: its schema revision is unknown to us."""

    message_key = "db_newer"


class DatabaseCorruptError(DatabaseError):
    """An SQLite file that fails SQLite's integrity check, or that SQLite cannot read."""

    message_key = "db_corrupt"


class NotADatabaseError(DatabaseError):
    """A file that is not an SQLite database at all (another kind of file)."""

    message_key = "db_not_database"


class DatabaseEmptyError(DatabaseError):
    """A file of zero bytes: not a database, and not made one without asking."""

    message_key = "db_empty"


class DatabaseIsFolderError(DatabaseError):
    """The path names a folder."""

    message_key = "db_folder"


class ForeignDatabaseError(DatabaseError):
    """A readable SQLite database that bpa-desktop did not create."""

    message_key = "db_foreign"


class DatabaseReadOnlyError(DatabaseError):
    """A healthy database the program may not write: the file or its folder is read-only."""

    message_key = "db_read_only"


class DiskFullError(DatabaseError):
    """No room on the disk (or quota) for the database's next write; nothing was saved."""

    message_key = "db_disk_full"


class DatabaseIOError(DatabaseError):
    """The disk failed to read or write the database (SQLite's "disk I/O error")."""

    message_key = "db_io_error"


class DamagedRecordError(DatabaseError):
    """A record (a row, or a whole table) that cannot be read as what it should be.

    ``table``, ``row`` and ``what`` name it; the rest of the database can still be used."""

    message_key = "db_damaged_record"

    def __init__(self, path: Path, table: str, row: object, what: str, detail: str = "") -> None:
        self.table = table
        self.row = row
        self.what = what
        super().__init__(path, detail, table=table, row=row, what=what)


class MissingTableError(DamagedRecordError):
    """A table the schema has is not in the file."""

    message_key = "db_missing_table"

    def __init__(self, path: Path, table: str, detail: str = "") -> None:
        super().__init__(path, table, "-", "", detail)


class AttestedContentChangedError(DatabaseError):
    """An attested version's stored content is not what was attested (its hash, or its pay
    lines, no longer agree): it is not shown, printed, exported or sent."""

    message_key = "attested_changed"

    def __init__(self, path: Path, *, timesheet_id: int, version: int, period: str, what: str) -> None:
        self.timesheet_id = timesheet_id
        self.what = what
        super().__init__(path, what, version=version, period=period, what=what)


class MigrationFailedError(DatabaseError):
    """An upgrade failed and was rolled back; a backup was taken before it started."""

    message_key = "db_migration_failed"


class DatabaseKeyMissingError(DatabaseCorruptError):
    """An encrypted file, and this user's keyring has no key for it (or a key that does not open it).

    Without the key an encrypted file and a damaged one look the same (random bytes), so this is
    a kind of "cannot be read", and the message names both."""

    message_key = "db_key_missing"

    def __init__(self, path: Path, detail: str = "", *, wrong: bool = False) -> None:
        if wrong:
            self.message_key = "db_key_wrong"
        super().__init__(path, detail)


class EncryptionUnavailableError(DatabaseCorruptError):
    """Encryption cannot be used here: no sqlcipher3 (``reason="library"``) or no keyring."""

    message_key = "db_encryption_library"

    def __init__(self, path: Path, detail: str = "", *, reason: str = "library") -> None:
        self.message_key = "db_encryption_keyring" if reason == "keyring" else "db_encryption_library"
        super().__init__(path, detail)
