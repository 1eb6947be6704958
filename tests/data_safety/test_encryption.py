"""Encryption at rest: unreadable without the key, opens with the keyring's key, refuses
cleanly without it (file untouched), encrypted backups, the recovery code."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess

import pytest

from bpa_desktop.storage import encryption
from bpa_desktop.storage.errors import DatabaseKeyMissingError
from bpa_desktop.workspace import Workspace, WorkspaceError

pytestmark = pytest.mark.skipif(not encryption.available(), reason="sqlcipher3 is not installed")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(ws):
    arrangement = ws.people.list_arrangements()[0]
    return len(ws.people.list_assistants(arrangement.id)), len(ws.audit.entries(arrangement.id, 10_000))


@pytest.fixture
def encrypted(demo_workspace, memory_keyring):
    before = counts(demo_workspace)
    demo_workspace.backups.create("manual")
    assert demo_workspace.encryption.encrypt() == 1  # the plain copy made before is encrypted too
    return demo_workspace, before


def test_encrypted_file_is_unreadable_without_the_key(encrypted):
    ws, _ = encrypted
    assert encryption.is_encrypted(ws.path)
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(ws.path) as plain:
        plain.execute("SELECT count(*) FROM assistant").fetchall()
    if shutil.which("sqlite3"):
        shell = subprocess.run(["sqlite3", str(ws.path), "SELECT count(*) FROM assistant"],
                               capture_output=True, text=True)
        assert shell.returncode != 0 and "not a database" in shell.stderr
    assert b"Assistent" not in ws.path.read_bytes() and b"arbeidsleder" not in ws.path.read_bytes()


def test_encrypted_database_opens_with_the_keyring_key_and_keeps_its_data(encrypted):
    ws, before = encrypted
    ws.close()
    with Workspace.open(ws.path) as reopened:
        assistants, entries = counts(reopened)
    assert (assistants, entries) == before


def test_without_the_key_it_refuses_and_touches_nothing(encrypted, memory_keyring):
    ws, _ = encrypted
    ws.close()
    key = memory_keyring.items.pop((encryption.KEYRING_SERVICE, encryption.KEY_NAME))
    before = digest(ws.path)
    with pytest.raises(DatabaseKeyMissingError, match="nøkkelringen"):
        Workspace.open(ws.path)
    memory_keyring.items[(encryption.KEYRING_SERVICE, encryption.KEY_NAME)] = "0" * 64  # a wrong key
    with pytest.raises(DatabaseKeyMissingError, match="åpner ikke"):
        Workspace.open(ws.path)
    assert digest(ws.path) == before
    assert sorted(p.name for p in ws.path.parent.iterdir() if p.name.startswith(ws.path.name)) == [ws.path.name]
    encryption.restore_key(encryption.recovery_code(key))  # the printed code brings it back
    with Workspace.open(ws.path) as reopened:
        assert counts(reopened)[0] > 0


def test_backups_of_an_encrypted_database_are_encrypted_and_restore(encrypted):
    ws, before = encrypted
    copy = ws.backups.create("manual").copy
    assert encryption.is_encrypted(copy.path)
    for each in ws.backups.list():
        assert encryption.is_encrypted(each.path)
    assert ws.backups.summary(copy.path).encrypted
    ws.backups.restore(copy.path)
    assert counts(ws)[0] == before[0]


def test_decrypt_gives_a_plain_file_and_twice_is_refused(encrypted):
    ws, before = encrypted
    ws.encryption.decrypt()
    with sqlite3.connect(ws.path) as plain:
        assert plain.execute("SELECT count(*) FROM assistant").fetchone()[0] == before[0]
    with pytest.raises(WorkspaceError, match="ukryptert"):
        ws.encryption.decrypt()


def test_recovery_code_is_the_key_for_paper():
    key = "0123456789abcdef" * 4
    code = encryption.recovery_code(key)
    assert code.count("-") == 15 and code == code.upper()
    assert encryption.key_from_recovery_code(code.lower().replace("-", " ")) == key
    assert encryption.key_from_recovery_code(code[:-1]) is None
