"""UI test fixtures: offscreen Qt, isolated QSettings for every test, a main window over a real
Workspace, and the main window over the demo arrangement (built for a fixed day). `_bokmal` and
`isolated_settings` are in qt_fixtures.py (shared with tests/e2e)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402

from tests.ui.ui_helpers import sample_setup  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(isolated_settings):
    yield


@pytest.fixture
def ctx(workspace, _bokmal):
    from bpa_desktop.ui.context import AppContext

    context = AppContext(workspace)
    yield context
    context.wait_for_done()


@pytest.fixture
def arrangement(workspace):
    return workspace.people.create_arrangement(sample_setup())


@pytest.fixture
def window(ctx, qtbot):
    """The main window, shown and active, with the arrangement list loaded."""
    from PySide6.QtWidgets import QApplication

    from bpa_desktop.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() in (win, win.wizard))
    qtbot.waitUntil(lambda: ctx.arrangements_loaded)
    yield win
    ctx.wait_for_done()


@pytest.fixture
def demo_ctx(demo_workspace, _bokmal):
    from bpa_desktop.ui.context import AppContext

    context = AppContext(demo_workspace)
    yield context
    context.wait_for_done()


@pytest.fixture
def demo_window(demo_ctx, qtbot):
    """The main window over the demo arrangement, shown and active (Timelister, Oversikt, Rapporter)."""
    from PySide6.QtWidgets import QApplication

    from bpa_desktop.ui.main_window import MainWindow

    win = MainWindow(demo_ctx, offer_first_run=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.waitUntil(lambda: demo_ctx.arrangements_loaded)
    yield win
    demo_ctx.wait_for_done()
