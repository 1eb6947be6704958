"""Start-up that feels instant (issue 16): the window paints its frame before the database is
open, the Workspace opens in a worker, pages are built when first shown, and the first paint
imports none of the heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bpa_desktop import app
from bpa_desktop.ui.pages.registry import PAGE_IDS, PAGES

HEAVY = ("sqlalchemy", "reportlab", "ortools", "pydantic", "httpx", "cryptography", "jsonschema", "holidays",
         "alembic", "PySide6.QtCharts", "bpa_desktop.workspace", "bpa_desktop.storage.schema")

AT_FIRST_PAINT = """
import json, sys
from bpa_desktop.ui import startup_trace
seen = []
def mark(name):
    if name == "first_paint" and not seen:
        seen.extend(sys.modules)
startup_trace.mark = mark
from bpa_desktop import app
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": seen}))
"""


def test_the_first_paint_imports_no_heavy_library(demo_workspace, tmp_path):
    """Measured in a fresh process at the window's first paintEvent, on the real start path."""
    db = demo_workspace.path
    demo_workspace.close()
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(root))
    result = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, "--db", str(db), "--page", "oversikt",
                             "--screenshot", str(tmp_path / "shot.png")],
                            env=env, cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["code"] == 0 and outcome["modules"], "the window never painted"
    loaded = set(outcome["modules"])
    assert "PySide6.QtWidgets" in loaded
    assert [name for name in HEAVY if name in loaded] == []
    assert not any(name.startswith("bpa_desktop.ui.pages.") and name.rpartition(".")[2] not in ("base", "registry",
                   "slot") for name in loaded)  # no page is built before the first paint


def test_the_window_paints_and_says_it_is_opening_before_the_workspace_is_open(qapp, _bokmal, demo_workspace,
                                                                             tmp_path, monkeypatch):
    db = demo_workspace.path
    demo_workspace.close()
    started, release = threading.Event(), threading.Event()
    real_open = app.open_workspace

    def held_open(args):  # runs in the worker: the window must be live meanwhile
        started.set()
        assert release.wait(20)
        return real_open(args)

    monkeypatch.setattr(app, "open_workspace", held_open)
    seen = {}

    def look() -> None:
        if not started.is_set():
            QTimer.singleShot(10, look)
            return
        from bpa_desktop.ui.main_window import MainWindow

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        slot = window.stack.currentWidget()
        seen.update(visible=window.isVisible(), painted=window._painted, workspace=window.ctx.workspace,
                    built=slot.page, waiting=slot.waiting.accessibleName(), shown=slot.waiting.isVisible(),
                    backups=window.menus.backups_action.isEnabled(), title=window.navigation.currentItem().text())
        release.set()

    QTimer.singleShot(0, look)
    shot = tmp_path / "shot.png"
    assert app.main(["--db", str(db), "--page", "vedtak", "--screenshot", str(shot)]) == 0
    assert seen == {"visible": True, "painted": True, "workspace": None, "built": None,
                    "waiting": "Åpner databasen …", "shown": True, "backups": False, "title": "Vedtak"}
    assert shot.read_bytes().startswith(b"\x89PNG")  # and then the page with its data


def test_a_database_that_fails_to_open_in_the_worker_exits_2(qapp, _bokmal, tmp_path, capsys):
    db = tmp_path / "empty.sqlite"
    db.touch()
    assert app.main(["--db", str(db), "--screenshot", str(tmp_path / "never.png")]) == 2
    assert "er tom" in capsys.readouterr().err
    assert db.read_bytes() == b"" and not (tmp_path / "never.png").exists()


def test_a_page_is_built_when_it_is_first_shown(qtbot, arrangement, window):
    assert window.current_page_id == "oversikt" and window.current_page.page_id == "oversikt"
    rota_slot = window.stack.widget(PAGE_IDS.index("turnus"))
    assert rota_slot.page is None and "turnus" not in window.pages
    page = window.show_page("turnus")
    assert rota_slot.page is page and window.pages["turnus"] is page
    qtbot.waitUntil(lambda: page.is_loaded)


def test_a_page_asked_for_is_built_and_its_title_is_the_one_in_the_page_list(qtbot, window):
    for number, entry in enumerate(PAGES):
        page = window.pages[entry.page_id]
        assert page.page_id == entry.page_id
        assert page.title() == entry.title() == window.navigation.item(number).text()
