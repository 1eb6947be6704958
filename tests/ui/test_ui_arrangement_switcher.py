"""A leader with two arrangements switches between them; "Ny ordning" opens the setup wizard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.core.model import Assistant
from tests.ui.ui_helpers import focused, press, sample_setup


def test_switching_arrangement_reloads_the_pages(qtbot, arrangement, workspace, window):
    other = workspace.people.create_arrangement(sample_setup("Siris ordning"))
    workspace.people.add_assistant(Assistant(id=None, arrangement_id=other.id, name="Tor Lie", employee_no="9",
                                      employment_percent=30))
    window.ctx.load_arrangements()
    qtbot.waitUntil(lambda: window.switcher.combo.count() == 2)
    page = window.show_page("assistenter")
    qtbot.waitUntil(lambda: page.is_loaded)
    names = lambda: sorted(page.model.assistant(r).name for r in range(page.model.rowCount()))  # noqa: E731
    assert window.ctx.arrangement.id == arrangement.id
    assert names() == ["Per Hansen"]

    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "Ordn&ing:" label -> combo
    assert focused() is window.switcher.combo
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.ctx.arrangement.id == other.id and page.is_loaded)
    assert names() == ["Per Hansen", "Tor Lie"]
    assert window.windowTitle().startswith("Siris ordning")


def test_new_arrangement_opens_the_wizard(qtbot, arrangement, window):
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.wizard is not None and QApplication.activeWindow() is window.wizard)
    assert window.wizard.windowTitle() == "Ny ordning"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.wizard is None)
