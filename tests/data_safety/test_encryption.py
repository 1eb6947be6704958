"""Encryption at rest: unreadable without the key, opens with the keyring's key, refuses
cleanly without it (file untouched), encrypted backups, the recovery code."""

from __future__ import annotations

import hashlib
import json
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


def test_the_app_opens_with_the_key_and_refuses_cleanly_without_it(demo_workspace, tmp_path):
    """The GUI itself (a fresh process, a file keyring): it starts on the encrypted database with
    the key, and without the key it says why and exits 2, the file untouched."""
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    path = demo_workspace.path
    demo_workspace.close()

    def run(*args):
        return subprocess.run([sys.executable, *args], env=env, cwd=root, capture_output=True, text=True,
                              timeout=120)

    encrypted_now = run("-m", "bpa_desktop.cli", "db", "encrypt", "--db", str(path))
    assert encrypted_now.returncode == 0, encrypted_now.stderr
    shot = tmp_path / "shot.png"
    opened = run("-m", "bpa_desktop", "--db", str(path), "--page", "assistenter", "--screenshot", str(shot))
    assert opened.returncode == 0, opened.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    code = json.loads(run("-m", "bpa_desktop.cli", "db", "recovery-code").stdout)["recovery_code"]
    for keyring_file in (tmp_path / "data").rglob("keyring_pass.cfg"):
        keyring_file.unlink()  # another machine: the key is not there
    before = digest(path)
    refused = run("-m", "bpa_desktop", "--db", str(path), "--screenshot", str(shot))
    assert refused.returncode == 2 and "nøkkelringen" in refused.stderr and "Traceback" not in refused.stderr
    assert digest(path) == before
    bad = run("-m", "bpa_desktop.cli", "db", "unlock", "--code", "1234")
    assert bad.returncode == 2 and "feil form" in bad.stderr
    assert run("-m", "bpa_desktop.cli", "db", "unlock", "--code", code).returncode == 0
    assert run("-m", "bpa_desktop", "--db", str(path), "--screenshot", str(shot)).returncode == 0
