"""A corrupt file, a foreign database or one written by a newer version is refused with a
clear message, and the file is not changed by a single byte."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from bpa_desktop import i18n
from bpa_desktop.storage.errors import (
    DatabaseCorruptError,
    DatabaseKeyMissingError,
    DatabaseError,
    DatabaseNewerError,
    EncryptionUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from bpa_desktop.workspace import Workspace


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def head_database(path):
    Workspace.open(path).close()
    return path


def assert_refused_untouched(path, error_class):
    before = digest(path)
    with pytest.raises(error_class) as caught:
        Workspace.open(path)
    assert digest(path) == before
    assert not list(path.parent.glob(f"{path.name}.bak-*"))
    return caught.value


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(os.urandom(8192))
    # whole pages without an SQLite header look like an encrypted database: without its key
    # they are refused as "encrypted, or damaged"; a file of odd length is another kind of file
    error = assert_refused_untouched(path, (NotADatabaseError, DatabaseKeyMissingError, EncryptionUnavailableError))
    assert str(path) in str(error) and "ikke endret" in str(error)
    odd = tmp_path / "odd.sqlite"
    odd.write_bytes(os.urandom(8000))
    assert_refused_untouched(odd, NotADatabaseError)


def test_damaged_sqlite_file_is_refused(tmp_path):
    path = head_database(tmp_path / "bpa.sqlite")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # page 1 intact, the rest scribbled over
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, DatabaseCorruptError)


def test_newer_database_is_refused(tmp_path):
    path = head_database(tmp_path / "bpa.sqlite")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    error = assert_refused_untouched(path, DatabaseNewerError)
    assert "nyere versjon" in str(error)


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    assert_refused_untouched(path, ForeignDatabaseError)


def test_messages_follow_the_language(tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(b"not a database at all" * 10)
    i18n.set_language("en")
    try:
        error = assert_refused_untouched(path, DatabaseError)
    finally:
        i18n.set_language("nb")
    assert "has not been changed" in str(error)
