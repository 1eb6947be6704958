"""Encryption at rest: the database file (and its backups) as SQLCipher 4, the key in the keyring.

The library is `sqlcipher3` (the `sqlcipher3-wheels` build: one DB-API module, the same API as
Python's sqlite3, wheels for Linux, Windows and macOS); it is optional (`pip install
bpa-desktop[encryption]`). A plain file works without it; an encrypted file needs it and the key.

- One key per user account (keyring service "bpa-desktop", entry "database-key"), 32 random
  bytes, made the first time a database is encrypted. Every database of this user, and every
  copy of one, opens with it. It is a raw key (``x'…'``), so opening costs no key derivation.
- The recovery code is the same 32 bytes written for people (``recovery_code``): printed once by
  the leader, it brings the key back on a new machine (``restore_key``).
- A file is encrypted when it is whole pages and does not start with SQLite's plain header.
  Without the key (or without the library) nothing is opened and nothing written: the caller gets
  ``DatabaseKeyMissingError`` / ``EncryptionUnavailableError`` with a message for people.

Only the storage layer imports this module: ``connection.make_engine`` asks ``unlocker`` for the
key step of each new connection, ``connect`` gives raw connections (inspection, backups).
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bpa_desktop.storage.sqlite_uri import inspection_uri
from bpa_desktop.storage.errors import DatabaseCorruptError, DatabaseKeyMissingError, EncryptionUnavailableError

SQLITE_HEADER = b"SQLite format 3\x00"
KEYRING_SERVICE = "bpa-desktop"
KEY_NAME = "database-key"
KEY_BYTES = 32
_CODE_GROUP = 4


def library():
    """The sqlcipher3 DB-API module, or None when it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    return dbapi2


def available() -> bool:
    return library() is not None


def is_encrypted(path: Path) -> bool:
    """Not empty, whole pages (SQLite writes pages of 512 bytes or a power of two more), and no
    plain header. A text file or a truncated copy is then damaged, not encrypted."""
    path = Path(path)
    size = path.stat().st_size if path.is_file() else 0
    if size == 0 or size % 512:
        return False
    with open(path, "rb") as file:
        return file.read(len(SQLITE_HEADER)) != SQLITE_HEADER


# --- the key ---------------------------------------------------------------------------------


def stored_key() -> str | None:
    """The user's database key (64 hex digits) from the keyring, or None (none made, no keyring)."""
    import keyring
    import keyring.errors

    try:
        key = keyring.get_password(KEYRING_SERVICE, KEY_NAME)
    except keyring.errors.KeyringError:
        return None
    return key if key and re.fullmatch(r"[0-9a-f]{64}", key) else None


def key_for_new_encryption() -> str:
    """The stored key, or a new one stored first (so no file is encrypted with a key we lose)."""
    key = stored_key()
    if key is not None:
        return key
    import keyring
    import keyring.errors

    key = secrets.token_hex(KEY_BYTES)
    try:
        keyring.set_password(KEYRING_SERVICE, KEY_NAME, key)
    except keyring.errors.KeyringError:
        raise EncryptionUnavailableError(Path("."), "no keyring", reason="keyring") from None
    if stored_key() != key:  # a backend that accepts and forgets (the "null" keyring)
        raise EncryptionUnavailableError(Path("."), "keyring does not keep the key", reason="keyring")
    return key


def recovery_code(key: str) -> str:
    """The key for paper: 64 hex digits in 16 groups of 4, upper case (no letters to mix up)."""
    digits = key.upper()
    return "-".join(digits[i:i + _CODE_GROUP] for i in range(0, len(digits), _CODE_GROUP))


def key_from_recovery_code(code: str) -> str | None:
    digits = re.sub(r"[\s-]", "", code).lower()
    return digits if re.fullmatch(r"[0-9a-f]{64}", digits) else None


def restore_key(code: str) -> str:
    """Put the key of a recovery code back in the keyring; returns it. ValueError if malformed."""
    key = key_from_recovery_code(code)
    if key is None:
        raise ValueError("not a recovery code")
    import keyring

    keyring.set_password(KEYRING_SERVICE, KEY_NAME, key)
    return key


def _pragma_key(key: str) -> str:
    return f"PRAGMA key = \"x'{key}'\""


# --- connections -----------------------------------------------------------------------------


def _require_key(path: Path):
    module = library()
    if module is None:
        raise EncryptionUnavailableError(path, "sqlcipher3 is not installed", reason="library")
    key = stored_key()
    if key is None:
        raise DatabaseKeyMissingError(path, "no database key in the keyring")
    return module, key


def unlock(connection, key: str, path: Path) -> None:
    """Give a fresh SQLCipher connection its key and prove it opens the file."""
    connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log line
    connection.execute(_pragma_key(key))
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except module_errors() as error:
        connection.close()
        raise DatabaseKeyMissingError(path, f"the key does not open the file: {error}", wrong=True) from None


def module_errors() -> tuple[type[BaseException], ...]:
    module = library()
    return (sqlite3.DatabaseError,) + ((module.DatabaseError,) if module is not None else ())


def unlocker(path: Path) -> tuple[object, Callable[[object], None]] | None:
    """For an encrypted file: (DB-API module, the step that unlocks a new connection); else None.

    Raises when the file is encrypted but the library or the key is missing.
    """
    path = Path(path)
    if not is_encrypted(path):
        return None
    module, key = _require_key(path)
    return module, lambda connection: unlock(connection, key, path)


def connect(path: Path, *, read_only: bool = False):
    """A raw DB-API connection to ``path``: sqlite3 for a plain file, SQLCipher (unlocked) for an
    encrypted one. ``read_only`` opens with ``sqlite_uri.inspection_uri`` (never creates the
    file, nor a ``-wal``/``-shm`` beside it)."""
    path = Path(path)
    target = inspection_uri(path) if read_only else str(path)
    found = unlocker(path)
    if found is None:
        return sqlite3.connect(target, uri=read_only)
    module, unlock_step = found
    connection = module.connect(target, uri=read_only)
    unlock_step(connection)
    return connection


def connect_like(source: Path, target: Path):
    """A writable connection to a new file ``target`` encrypted as ``source`` is (same key, or plain)."""
    if not is_encrypted(source):
        return sqlite3.connect(str(target))
    module, key = _require_key(source)
    connection = module.connect(str(target))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(_pragma_key(key))
    return connection


# --- converting a file -----------------------------------------------------------------------


def convert(path: Path, *, encrypt: bool) -> None:
    """Encrypt (or decrypt) the closed database file at ``path`` in place, atomically.

    ``sqlcipher_export`` writes the whole database into a new file beside it; the new file is
    checked (``integrity_check``) and fsynced, then replaces the old one with ``os.replace``.
    A crash before the replace leaves the old file as it was (and a ``.converting`` file that
    the next conversion overwrites). The caller takes a backup first and closes every connection.
    """
    path = Path(path)
    module = library()
    if module is None:
        raise EncryptionUnavailableError(path, "sqlcipher3 is not installed", reason="library")
    key = key_for_new_encryption() if encrypt else _require_key(path)[1]
    temporary = path.with_name(path.name + ".converting")
    temporary.unlink(missing_ok=True)
    source = module.connect(str(path))
    try:
        source.execute("PRAGMA cipher_log_level = NONE")
        if not encrypt:
            unlock(source, key, path)
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target_key = f"x'{key}'" if encrypt else ""
        source.execute(f"ATTACH DATABASE ? AS converted KEY \"{target_key}\"", (str(temporary),))
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.execute("DETACH DATABASE converted")
    finally:
        source.close()
    check = connect(temporary, read_only=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchall()
    finally:
        check.close()
    if result != [("ok",)]:
        temporary.unlink(missing_ok=True)
        raise DatabaseCorruptError(path, f"converted copy fails integrity_check: {result[:3]}")
    with open(temporary, "rb") as file:
        os.fsync(file.fileno())
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(temporary, path)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
