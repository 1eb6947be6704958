"""ws.backups and `bpa backup`: verified copies, rotation, restore, refusal of damaged copies,
and a process killed (SIGKILL) in the middle of a backup or a restore."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.backups import BackupCopy, copies_to_keep, copy_name, parse_copy_name
from bpa_desktop.core.model import Assistant
from bpa_desktop.storage import backup_store
from bpa_desktop.workspace import Workspace, WorkspaceError

UTC = timezone.utc
ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assistant_count(path: Path) -> int:
    with Workspace.open(path) as ws:
        arrangement = ws.people.list_arrangements()[0]
        return len(ws.people.list_assistants(arrangement.id))


def add_assistant(ws, number: int) -> None:
    arrangement = ws.people.list_arrangements()[0]
    ws.people.add_assistant(Assistant(None, arrangement.id, f"Assistent {number}", f"T{number}", 50.0))


# --- rotation ----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 800 * 24), min_size=1, max_size=120, unique=True))
def test_rotation_keeps_the_newest_of_each_recent_day_week_and_month(hours_ago):
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    copies = [BackupCopy(Path(f"c{h}"), now - timedelta(hours=h), "daily", 1) for h in hours_ago]
    keep = copies_to_keep(copies, UTC, now)
    newest_first = sorted(copies, key=lambda c: c.taken_at, reverse=True)
    assert newest_first[0].path in keep
    recent = {c.path for c in copies if now - c.taken_at < timedelta(hours=24)}
    assert recent <= keep
    assert len(keep - recent) <= 7 + 4 + 12
    days = []
    for copy in newest_first:  # the newest copy of each of the 7 newest days is kept
        day = copy.taken_at.date()
        if day not in days:
            days.append(day)
            if len(days) <= 7:
                assert copy.path in keep
    months = {(c.taken_at.year, c.taken_at.month) for c in copies}
    kept_months = {(c.taken_at.year, c.taken_at.month) for c in copies if c.path in keep}
    assert len(kept_months) >= min(12, len(months))


def test_copy_names_round_trip_and_other_files_are_ignored():
    taken = datetime(2026, 3, 29, 1, 30, 5, 123456, tzinfo=UTC)
    name = copy_name("bpa", taken, "attestation")
    assert parse_copy_name("bpa", name) == (taken, "attestation")
    assert parse_copy_name("other", name) is None
    assert parse_copy_name("bpa", name + ".partial") is None
    assert parse_copy_name("bpa", "bpa.sqlite.bak-0003-20260101T000000Z") is None


# --- copies and restore ------------------------------------------------------------------


def test_copy_is_verified_consistent_and_holds_what_the_database_held(demo_workspace):
    result = demo_workspace.backups.create("manual")
    assert result.copy.path.parent == demo_workspace.path.parent / "backups"
    summary = demo_workspace.backups.summary(result.copy.path)
    assert summary.assistants == assistant_count(demo_workspace.path)
    assert summary.last_attested_period is not None and summary.timesheets_attested > 0
    with sqlite3.connect(result.copy.path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal beside copies
    assert sorted(p.name for p in result.copy.path.parent.iterdir()) == [result.copy.path.name]


def test_restore_of_each_kept_copy_opens_with_its_data(workspace):
    from bpa_desktop.demo import build_demo

    path = workspace.path
    workspace.close()
    path.unlink()
    build_demo(path)
    counts = {}
    with Workspace.open(path) as ws:
        start = datetime.now(UTC) - timedelta(days=40)
        for number, days in enumerate((0, 9, 20, 38, 39)):  # several days, weeks and months
            add_assistant(ws, number)
            copy = ws.backups.create("daily", now=start + timedelta(days=days)).copy
            counts[copy.path.name] = assistant_count(path)
        kept = ws.backups.list()
        assert {c.path.name for c in kept} == set(counts)
        for copy in kept:
            ws.backups.restore(copy.path)
            assert ws.backups.summary(copy.path).assistants == counts[copy.path.name]
            arrangement = ws.people.list_arrangements()[0]
            assert len(ws.people.list_assistants(arrangement.id)) == counts[copy.path.name]
        reasons = [c.reason for c in ws.backups.list()]
        assert reasons.count("before-restore") == len(kept)  # each restore copied the database first


def test_damaged_copy_is_refused_and_nothing_changes(demo_workspace):
    copy = demo_workspace.backups.create("manual").copy
    data = bytearray(copy.path.read_bytes())
    data[8192:] = b"\xff" * (len(data) - 8192)
    copy.path.write_bytes(bytes(data))
    demo_workspace.close()
    before = digest(demo_workspace.path)
    with Workspace.open(demo_workspace.path) as ws:
        with pytest.raises(WorkspaceError, match="skadet"):
            ws.backups.restore(copy.path)
        names = [c.path.name for c in ws.backups.list()]
    assert digest(demo_workspace.path) == before
    assert names == [copy.path.name]  # refused before even the safety copy


def test_second_folder_gets_each_copy_and_a_missing_one_is_not_fatal(demo_workspace, tmp_path):
    stick = tmp_path / "usb"
    demo_workspace.backups.set_second_folder(stick)
    result = demo_workspace.backups.create("manual")
    assert result.second is not None and result.second.path.parent == stick
    assert demo_workspace.backups.summary(result.second.path) == demo_workspace.backups.summary(result.copy.path)
    stick_file = tmp_path / "not-a-folder"
    stick_file.write_text("x")
    with pytest.raises(WorkspaceError):
        demo_workspace.backups.set_second_folder(stick_file / "sub")
    assert demo_workspace.backups.second_folder() == stick


def test_first_change_of_a_day_and_an_attestation_batch_take_a_copy(demo_workspace, demo_arrangement_id):
    ws = Workspace(demo_workspace._db, automatic_backups=True)
    add_assistant(ws, 1)
    assert [c.reason for c in ws.backups.list()] == ["daily"]
    add_assistant(ws, 2)  # the day has its copy
    assert len(ws.backups.list()) == 1
    ws.backups.before_attestation()
    ws.backups.before_attestation()  # the same batch
    assert sorted(c.reason for c in ws.backups.list()) == ["attestation", "daily"]


def test_cli_backup_create_list_restore(demo_workspace):
    path = demo_workspace.path
    demo_workspace.close()
    env = dict(os.environ)

    def bpa(*args):
        return subprocess.run([sys.executable, "-m", "bpa_desktop.cli", *args], capture_output=True, text=True,
                              env=env, cwd=ROOT)

    created = bpa("backup", "create", "--db", str(path))
    assert created.returncode == 0, created.stderr
    listed = json.loads(bpa("backup", "list", "--db", str(path), "--json").stdout)
    assert listed[0]["ok"] and listed[0]["last_attested_month"] and listed[0]["assistants"] > 0
    restored = bpa("backup", "restore", "--db", str(path), listed[0]["path"])
    assert restored.returncode == 0, restored.stderr
    Path(listed[0]["path"]).write_bytes(b"not a database at all")
    refused = bpa("backup", "restore", "--db", str(path), listed[0]["path"])
    assert refused.returncode == 2 and "skadet" in refused.stderr and "Traceback" not in refused.stderr


# --- killed in the middle ------------------------------------------------------------------

LOOP = """
import sys
from pathlib import Path
from bpa_desktop.workspace import Workspace
ws = Workspace.open(Path(sys.argv[1]))
copies = [Path(p) for p in sys.argv[3:]]
print("ready", flush=True)
n = 0
while True:
    if sys.argv[2] == "backup":
        ws.backups.create("manual")
    else:
        ws.backups.restore(copies[n % len(copies)])
    n += 1
"""


def run_and_kill(path: Path, mode: str, delay: float, copies=()) -> None:
    process = subprocess.Popen([sys.executable, "-c", LOOP, str(path), mode, *map(str, copies)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def assert_intact(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert assistant_count(path) > 0


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45])
def test_killed_during_backup_leaves_database_and_newest_good_copy_intact(demo_workspace, delay):
    path = demo_workspace.path
    good = demo_workspace.backups.create("manual").copy
    demo_workspace.close()
    run_and_kill(path, "backup", delay)
    assert_intact(path)
    copies = backup_store.list_copies(path.parent / "backups", path.stem)  # removes the partial left
    assert copies and good.path in {c.path for c in copies}
    backup_store.verify(copies[0].path)  # the newest finished copy is good
    assert not list((path.parent / "backups").glob("*.partial"))


@pytest.mark.parametrize("delay", [0.1, 0.3, 0.6])
def test_killed_during_restore_leaves_a_whole_database_and_good_copies(demo_workspace, delay):
    path = demo_workspace.path
    first = demo_workspace.backups.create("manual").copy
    add_assistant(demo_workspace, 99)
    second = demo_workspace.backups.create("manual").copy
    counts = {assistant_count(p) for p in (first.path, second.path)} | {assistant_count(path)}
    demo_workspace.close()
    run_and_kill(path, "restore", delay, copies=(first.path, second.path))
    assert_intact(path)
    assert assistant_count(path) in counts  # one of the copies (or the database as it was), whole
    for copy in backup_store.list_copies(path.parent / "backups", path.stem):
        backup_store.verify(copy.path)
