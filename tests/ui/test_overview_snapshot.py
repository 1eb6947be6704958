"""Oversikt's snapshot beside the database (bpa_desktop/overview_snapshot.py, issue 16): the
next start shows the last figures before the database is open, and only while nothing changed."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bpa_desktop import app, overview_snapshot
from bpa_desktop.core.model import Absence, AbsenceKind
from bpa_desktop.ui import startup_trace


def page_text(page) -> dict:
    """What the page shows: heading, figures, the lists' rows."""
    return {"heading": page.heading.text(),
            "values": {key: label.text() for key, label in page.values.items()},
            "warning": page.warning.text() if page.warning.isVisibleTo(page) else "",
            "lists": [[widget.item(row).text() for row in range(widget.count())]
                      for widget in (page.to_confirm, page.to_attest, page.to_register, page.absence)]}


def start(db: Path, tmp_path: Path, monkeypatch) -> list[dict]:
    """One app start and close on `db`: at each `loaded oversikt` mark, the page's text and
    whether the database was open yet."""
    seen: list[dict] = []

    def mark(name: str) -> None:
        if name == "loaded oversikt":
            from bpa_desktop.ui.main_window import MainWindow

            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            seen.append({"open": window.ctx.workspace is not None, "text": page_text(window.current_page),
                         "controls": [window.switcher.isEnabled(), window.menus.backups_action.isEnabled()]})

    monkeypatch.setattr(startup_trace, "mark", mark)
    assert app.main(["--db", str(db), "--page", "oversikt", "--screenshot", str(tmp_path / "shot.png")]) == 0
    return seen


@pytest.fixture
def demo_db(demo_workspace):
    path = demo_workspace.path
    demo_workspace.close()
    return path


def test_the_close_writes_it_and_the_next_start_shows_it_before_the_database_opens(qapp, _bokmal, demo_db,
                                                                                  tmp_path, monkeypatch):
    cold = start(demo_db, tmp_path, monkeypatch)
    assert [s["open"] for s in cold] == [True]  # no snapshot yet: the page waited for the database
    written = overview_snapshot.snapshot_path(demo_db)
    assert written.exists() and stat.S_IMODE(written.stat().st_mode) == 0o600
    warm = start(demo_db, tmp_path, monkeypatch)
    assert [s["open"] for s in warm] == [False, True]  # the snapshot, then the read from the database
    assert warm[0]["text"] == warm[1]["text"] == cold[0]["text"]
    assert warm[0]["controls"] == [False, False] and warm[1]["controls"] == [True, True]  # wait for the database
    assert "Emils ordning" in warm[0]["text"]["heading"] and any(warm[0]["text"]["lists"][0])
    assert overview_snapshot.load(demo_db, date.today()) is not None  # written again at this close


def test_the_page_writes_it_once_it_has_shown_data_from_the_database(qtbot, arrangement, window):
    page = window.current_page
    qtbot.waitUntil(lambda: page.is_loaded and page.data is not None, timeout=15000)
    window.ctx.wait_for_done()
    found = overview_snapshot.load(window.ctx.workspace.path, page.today)
    assert found is not None and found.arrangement_id == arrangement.id and found.arrangement_name == arrangement.name
    assert found.fields["account"] == page.data.account and found.fields["vedtak"] == page.data.vedtak


def test_a_write_to_the_database_makes_it_invalid_and_it_is_deleted(qapp, _bokmal, demo_db, tmp_path, monkeypatch):
    from bpa_desktop.workspace import Workspace

    start(demo_db, tmp_path, monkeypatch)
    assert overview_snapshot.snapshot_path(demo_db).exists()
    with Workspace.open(demo_db) as ws:
        arrangement = ws.people.list_arrangements()[0]
        assistant = ws.people.list_assistants(arrangement.id)[0]
        today = date.today()
        ws.timesheets.add_absence(Absence(None, assistant.id, AbsenceKind.HOLIDAY, today, today))
    assert start(demo_db, tmp_path, monkeypatch)[0]["open"]  # not shown: the page read the database
    absences = start(demo_db, tmp_path, monkeypatch)[0]["text"]["lists"][3]  # the close wrote a new one
    assert any(assistant.name in row for row in absences)
    with Workspace.open(demo_db):
        pass  # opening and closing alone changes nothing the snapshot depends on
    assert overview_snapshot.load(demo_db, date.today()) is not None
    with Workspace.open(demo_db) as ws:
        ws.timesheets.add_absence(Absence(None, assistant.id, AbsenceKind.LEAVE, today, today))
    assert overview_snapshot.load(demo_db, date.today()) is None
    assert not overview_snapshot.snapshot_path(demo_db).exists()


def test_a_new_day_makes_it_invalid(qapp, _bokmal, demo_db, tmp_path, monkeypatch):
    start(demo_db, tmp_path, monkeypatch)
    assert overview_snapshot.load(demo_db, date.today() + timedelta(days=1)) is None
    assert not overview_snapshot.snapshot_path(demo_db).exists()


def test_another_version_makes_it_invalid(qapp, _bokmal, demo_db, tmp_path, monkeypatch):
    start(demo_db, tmp_path, monkeypatch)
    monkeypatch.setattr(overview_snapshot, "__version__", "0.0.0-other")
    assert overview_snapshot.load(demo_db, date.today()) is None
    assert not overview_snapshot.snapshot_path(demo_db).exists()


class Payload:
    """A pickle that would run a command when loaded by a plain pickle.load."""

    def __reduce__(self):
        return os.system, ("touch /nonexistent-should-never-run",)


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps(Payload()), pickle.dumps({"format": 1})],
                         ids=["garbage", "foreign-class", "wrong-shape"])
def test_a_corrupt_or_foreign_file_is_ignored_and_deleted(qapp, _bokmal, demo_db, tmp_path, monkeypatch, content):
    path = overview_snapshot.snapshot_path(demo_db)
    path.write_bytes(content)
    assert overview_snapshot.load(demo_db, date.today()) is None and not path.exists()
    path.write_bytes(content)
    assert [s["open"] for s in start(demo_db, tmp_path, monkeypatch)] == [True]  # the normal path


def test_an_encrypted_database_never_gets_one(qapp, _bokmal, demo_workspace, memory_keyring, tmp_path, monkeypatch):
    pytest.importorskip("sqlcipher3")
    db = demo_workspace.path
    overview_snapshot.snapshot_path(db).write_bytes(b"left from before")
    demo_workspace.encryption.encrypt()
    assert not overview_snapshot.snapshot_path(db).exists()  # encrypting deletes it
    demo_workspace.close()
    assert overview_snapshot.db_identity(db) is None
    start(db, tmp_path, monkeypatch)
    assert not overview_snapshot.snapshot_path(db).exists()


def test_erasing_an_assistants_data_deletes_it(demo_workspace):
    from tests.data_safety.test_data_rights import departed

    path = overview_snapshot.snapshot_path(demo_workspace.path)
    path.write_bytes(b"names")
    _arrangement, assistant = departed(demo_workspace)
    demo_workspace.data_rights.erase_assistant(assistant.id, today=demo_workspace.data_rights.erasable_from(
        assistant.id))
    assert not path.exists()


AT_LOADED = """
import json, sys
from bpa_desktop.ui import startup_trace
seen = []
def mark(name):
    if name == "loaded oversikt" and not seen:
        seen.append(sorted(sys.modules))
startup_trace.mark = mark
from bpa_desktop import app
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": seen[0] if seen else []}))
"""


def test_a_start_from_the_snapshot_shows_oversikt_without_sqlalchemy(demo_db, tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(root))

    def run() -> set[str]:
        result = subprocess.run([sys.executable, "-c", AT_LOADED, "--db", str(demo_db), "--page", "oversikt",
                                 "--screenshot", str(tmp_path / "shot.png")],
                                env=env, cwd=root, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        outcome = json.loads(result.stdout.strip().splitlines()[-1])
        assert outcome["code"] == 0 and outcome["modules"]
        return set(outcome["modules"])

    assert "sqlalchemy" in run()  # the first start has no snapshot: Oversikt came through the ORM
    assert "sqlalchemy" not in run()
