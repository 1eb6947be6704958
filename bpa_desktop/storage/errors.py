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
