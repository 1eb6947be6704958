"""Opening a database (issue: hardening): a zero-byte file, a file of another kind, another
program's Alembic database, a folder, a read-only place and a full disk each get their own
true message, and the file and its folder are left exactly as found: no ``-wal``/``-shm``
beside a refused file, no backup, no half-made database.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from bpa_desktop import i18n
from bpa_desktop.storage import migrate
from bpa_desktop.storage.errors import (
    DatabaseEmptyError,
    DatabaseIsFolderError,
    DatabaseReadOnlyError,
    DiskFullError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from bpa_desktop.workspace import Workspace


def folder_state(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.iterdir())}


def refused(path, error_class):
    before = folder_state(path.parent)
    with pytest.raises(error_class) as caught:
        Workspace.open(path)
    assert folder_state(path.parent) == before  # nothing written, nothing created beside it
    return str(caught.value)


def other_apps_alembic_database(path, revision="0004", wal=True):
    """What another program using Alembic leaves: its own tables, a revision like ours."""
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total NUMERIC)")
    connection.commit()
    connection.close()
    return path


def test_a_zero_byte_file_is_refused_not_made_a_database(tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.touch()
    message = refused(path, DatabaseEmptyError)
    assert "er tom (0 byte)" in message and "Filen er ikke endret" in message
    assert path.stat().st_size == 0


def test_a_file_of_another_kind_is_not_a_database(tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert "er ikke en database (den er ikke en SQLite-fil)" in refused(path, NotADatabaseError)


@pytest.mark.parametrize("wal", [True, False])
def test_another_programs_alembic_database_at_0004_is_refused_unwritten(tmp_path, wal):
    path = other_apps_alembic_database(tmp_path / "other.sqlite", wal=wal)
    message = refused(path, ForeignDatabaseError)
    assert "er en database, men ikke fra bpa-desktop" in message
    # Still in the journal mode it came in (header bytes 18-19: 2 is WAL, 1 a rollback journal).
    assert path.read_bytes()[18:20] == (b"\x02\x02" if wal else b"\x01\x01")


def test_a_database_marked_by_another_application_id_is_refused(tmp_path):
    path = tmp_path / "bpa.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 1234")
    connection.close()
    refused(path, ForeignDatabaseError)


def test_our_database_from_before_the_marker_is_opened_and_marked(tmp_path):
    path = tmp_path / "bpa.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 0")  # as every file was before
    connection.close()
    Workspace.open(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == migrate.APPLICATION_ID
    connection.close()


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseIsFolderError) as caught:
        Workspace.open(folder)
    assert "er en mappe, ikke en databasefil" in str(caught.value)
    assert folder_state(tmp_path) == before and list(folder.iterdir()) == []


def test_a_healthy_database_in_a_read_only_place(small_disk, empty_database):
    path = small_disk.root / "bpa.sqlite"
    shutil.copyfile(empty_database, path)
    small_disk.read_only()
    before = small_disk.snapshot()
    with pytest.raises(DatabaseReadOnlyError) as caught:
        Workspace.open(path)
    message = str(caught.value)
    assert "er skrivebeskyttet" in message and "skadet" not in message and "sikkerhetskopi" not in message
    assert small_disk.snapshot() == before


def test_a_healthy_database_on_a_full_disk(small_disk, empty_database):
    path = small_disk.root / "bpa.sqlite"
    shutil.copyfile(empty_database, path)
    small_disk.fill()
    before = small_disk.snapshot()
    with pytest.raises(DiskFullError) as caught:
        Workspace.open(path)
    assert "Disken er full" in str(caught.value) and "skadet" not in str(caught.value)
    assert small_disk.snapshot() == before


def test_a_new_database_on_a_full_disk_leaves_nothing(small_disk):
    small_disk.fill(leave=1_200_000)  # past the open check, too little for the schema's WAL
    path = small_disk.root / "new.sqlite"
    with pytest.raises(DiskFullError):
        migrate.create_filled(path, lambda temp: temp.write_bytes(b"x" * 2_000_000))
    assert small_disk.snapshot() == {}


def test_each_message_also_in_english(tmp_path):
    path = tmp_path / "bpa.sqlite"
    path.touch()
    i18n.set_language("en")
    try:
        assert "is empty (0 bytes)" in refused(path, DatabaseEmptyError)
        folder = tmp_path / "data"
        folder.mkdir()
        with pytest.raises(DatabaseIsFolderError, match="is a folder, not a database file"):
            Workspace.open(folder)
        other = other_apps_alembic_database(tmp_path / "other.sqlite")
        assert "not one from bpa-desktop" in refused(other, ForeignDatabaseError)
    finally:
        i18n.set_language("nb")
