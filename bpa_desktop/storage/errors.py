"""Problems with the database file itself, with messages for people.

Each error is raised before anything is written, so the file is left as it was.
"""

from __future__ import annotations

from pathlib import Path

from bpa_desktop.i18n import message


class DatabaseError(Exception):
    """The database file cannot be used. ``str(error)`` is a message for the user."""

    message_key = "db_corrupt"

    def __init__(self, path: Path, detail: str = "", **params: object) -> None:
        self.path = Path(path)
        self.detail = detail  # technical detail for logs; never shown as the message
        super().__init__(message(self.message_key, path=self.path, **params))


class DatabaseNewerError(DatabaseError):
    """A newer bpa-desktop wrote this file: its schema revision is unknown to us."""

    message_key = "db_newer"


class DatabaseCorruptError(DatabaseError):
    """The file is not a readable SQLite database, or fails SQLite's integrity check."""

    message_key = "db_corrupt"


class ForeignDatabaseError(DatabaseError):
    """A readable SQLite database that bpa-desktop did not create."""

    message_key = "db_foreign"


class MigrationFailedError(DatabaseError):
    """An upgrade failed and was rolled back; a backup was taken before it started."""

    message_key = "db_migration_failed"
