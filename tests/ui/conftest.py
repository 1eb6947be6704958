"""UI test fixtures: offscreen Qt, bokmål, isolated QSettings, a main window over a real Workspace."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402
from ui_helpers import sample_setup  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    """QSettings write into tmp_path, never into the tester's own configuration."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("bpa-desktop-tests")
    QCoreApplication.setApplicationName("bpa-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(scope="session")
def _bokmal(qapp):
    """The UI in Norwegian bokmål, as a user sees it by default."""
    from bpa_desktop.ui.translation import install_language

    translators = install_language(qapp, "nb")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ctx(workspace, _bokmal):
    from bpa_desktop.ui.context import AppContext

    context = AppContext(workspace)
    yield context
    context.runner.wait_for_done()


@pytest.fixture
def arrangement(workspace):
    return workspace.create_arrangement(sample_setup())


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
    ctx.runner.wait_for_done()
