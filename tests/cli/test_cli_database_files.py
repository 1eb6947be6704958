"""Database files the commands and the GUI must refuse, or writes a full disk stops: exit 2,
one line in the user's language, and the file and its folder exactly as found (no schema
written into an empty file, no ``-wal``/``-shm``, no half-written output or database)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from bpa_desktop.cli import main
from tests.storage.test_storage_opening import other_apps_alembic_database

DB_COMMANDS = {
    "export timesheet": ["export", "timesheet", "--assistant", "1", "--period", "2026-03"],
    "export payroll": ["export", "payroll", "--period", "2026-03", "--format", "csv"],
    "export rota": ["export", "rota", "--format", "json"],
    "import rota": ["import", "rota"],
}


def folder_state(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def refused_line(capsys, argv) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    [line] = err.splitlines()
    return line


def _argv(name, db, tmp_path):
    argv = [*DB_COMMANDS[name], "--db", str(db)]
    if name == "import rota":
        source = tmp_path / "in" / "rota.json"
        source.parent.mkdir(exist_ok=True)
        source.write_text('{"format": "bpa-shifts/1", "shifts": []}', encoding="utf-8")
        return argv + [str(source)]
    return argv + ["--out", str(tmp_path / "out" / "file")]


@pytest.mark.parametrize("name", DB_COMMANDS)
def test_a_zero_byte_database_is_refused_by_every_command(capsys, tmp_path, name):
    db = tmp_path / "db" / "bpa.sqlite"
    db.parent.mkdir()
    db.touch()
    (tmp_path / "out").mkdir()
    argv = _argv(name, db, tmp_path)
    before = folder_state(tmp_path)
    line = refused_line(capsys, argv)
    assert "er tom (0 byte)" in line
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("name", DB_COMMANDS)
def test_another_apps_alembic_database_is_refused_by_every_command(capsys, tmp_path, name):
    db = other_apps_alembic_database(tmp_path / "bpa.sqlite")
    (tmp_path / "out").mkdir()
    argv = _argv(name, db, tmp_path)
    before = folder_state(tmp_path)
    line = refused_line(capsys, argv)
    assert "ikke fra bpa-desktop" in line and "OperationalError" not in line
    assert folder_state(tmp_path) == before


def test_a_folder_as_db_is_refused(capsys, tmp_path):
    assert "er en mappe" in refused_line(capsys, ["export", "rota", "--db", str(tmp_path), "--format", "json",
                                                  "--out", str(tmp_path / "x.json")])


# --- the GUI ----------------------------------------------------------------------------------


GUI = [sys.executable, "-m", "bpa_desktop.app"]


def _gui(db, tmp_path, lang="nb"):
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin",
           "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"), "XDG_DATA_HOME": str(tmp_path / "home" / "data")}
    began = time.monotonic()
    result = subprocess.run(GUI + ["--db", str(db), "--lang", lang, "--screenshot", str(tmp_path / "shot.png")],
                            capture_output=True, timeout=120, env=env)
    return result, time.monotonic() - began


@pytest.mark.parametrize("case", ["zero bytes", "other app at 0004", "folder", "pdf"])
def test_the_gui_refuses_in_words_and_leaves_the_file(tmp_path, case):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "bpa.sqlite"
    if case == "zero bytes":
        db.touch()
    elif case == "other app at 0004":
        other_apps_alembic_database(db)
    elif case == "folder":
        db.mkdir()
    else:
        db.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" * 100)
    before = folder_state(folder)
    result, seconds = _gui(db, tmp_path)
    assert result.returncode == 2, result.stderr.decode()
    assert seconds < 60  # refused at once (it used to wait 31 s for a page that never loaded)
    lines = result.stderr.decode().strip().splitlines()
    assert lines and "Traceback" not in result.stderr.decode()
    assert {"zero bytes": "er tom", "other app at 0004": "ikke fra bpa-desktop", "folder": "er en mappe",
            "pdf": "ikke en database"}[case] in lines[-1]
    assert folder_state(folder) == before
    assert not (tmp_path / "shot.png").exists()


def test_the_gui_says_it_in_english(tmp_path):
    db = tmp_path / "bpa.sqlite"
    db.touch()
    result, _ = _gui(db, tmp_path, lang="en")
    assert result.returncode == 2 and "is empty (0 bytes)" in result.stderr.decode()


# --- a full disk ------------------------------------------------------------------------------


def test_bpa_demo_on_a_full_disk_says_so_and_leaves_nothing(capsys, small_disk):
    small_disk.fill(leave=1_100_000)
    db = small_disk.root / "demo.sqlite"
    line = refused_line(capsys, ["demo", "--db", str(db)])
    assert "Disken er full" in line
    assert small_disk.snapshot() == {}


def test_bpa_demo_force_on_a_full_disk_keeps_the_old_file(capsys, small_disk, empty_database):
    db = small_disk.root / "demo.sqlite"
    shutil.copyfile(empty_database, db)
    small_disk.fill(leave=1_100_000)
    before = small_disk.snapshot()
    assert "Disken er full" in refused_line(capsys, ["demo", "--db", str(db), "--force"])
    assert small_disk.snapshot() == before


def _demo_on(small_disk, _demo_template):
    db = small_disk.root / "demo.sqlite"
    shutil.copyfile(_demo_template[0], db)
    return db


def test_import_rota_on_a_full_disk_says_so_and_changes_nothing(capsys, small_disk, _demo_template, tmp_path,
                                                                monkeypatch):
    db = _demo_on(small_disk, _demo_template)
    rota = tmp_path / "rota.json"
    assert main(["export", "rota", "--db", str(db), "--format", "json", "--out", str(rota)]) == 0
    capsys.readouterr()
    # From June on (nothing attested or worked there), every other shift left out: the
    # import deletes those rows.
    document = json.loads(rota.read_text(encoding="utf-8"))
    document["period"]["from"] = "2026-06-01"
    document["shifts"] = [s for s in document["shifts"] if s["start"] >= "2026-06-01"][::2]
    rota.write_text(json.dumps(document), encoding="utf-8")
    with sqlite3.connect(db) as connection:
        before = connection.execute("SELECT count(*), sum(id) FROM planned_shift").fetchone()
    connection.close()
    # The open refuses a disk this full before SQLite is asked (tests above). Here SQLite
    # itself meets the full disk in the middle of the import's transaction: the check is
    # off, and another connection keeps the -wal and -shm the import needs open.
    from bpa_desktop.storage import migrate

    monkeypatch.setattr(migrate, "check_writable", lambda path: None)
    keeper = sqlite3.connect(db)
    keeper.execute("SELECT count(*) FROM planned_shift").fetchone()
    small_disk.fill()
    try:
        line = refused_line(capsys, ["import", "rota", "--db", str(db), str(rota)])
    finally:
        keeper.close()
    assert "Disken er full" in line and "Traceback" not in line
    small_disk.empty()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*), sum(id) FROM planned_shift").fetchone() == before
    connection.close()


@pytest.mark.parametrize("what", ["timesheet", "payroll", "rota-pdf"])
def test_exports_on_a_full_disk_say_so_and_leave_no_file(capsys, small_disk, _demo_template, tmp_path, what):
    db = tmp_path / "demo.sqlite"  # the database on a disk with room; the output on the full one
    shutil.copyfile(_demo_template[0], db)
    out = small_disk.root / "out"
    out.mkdir()
    argv = {
        "timesheet": ["export", "timesheet", "--assistant", "1", "--period", "2026-04"],
        "payroll": ["export", "payroll", "--period", "2026-04", "--format", "csv"],
        "rota-pdf": ["export", "rota", "--format", "pdf"],
    }[what]
    small_disk.fill()
    line = refused_line(capsys, [*argv, "--db", str(db), "--out", str(out / "file")])
    assert "Disken er full" in line and "ingen halvferdig fil" in line
    assert list(out.iterdir()) == []
