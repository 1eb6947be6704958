"""After every dialog the keyboard focus is back on the widget the person was on: dialogs opened
by their shortcut on the demo window, closed with Esc (and one with Enter), key events only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
AFTER_MAY = date(2026, 6, 2)


def put_focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def open_by_key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Press the shortcut; the dialog is up and has the keyboard."""
    press(qtbot, key, modifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().isVisible()
                    and QApplication.activeModalWidget().isAncestorOf(QApplication.focusWidget()), timeout=15000)
    return QApplication.activeModalWidget()


def close_and_expect_focus_on(qtbot, widget, key=Qt.Key.Key_Escape) -> None:
    press(qtbot, key)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=15000)
    try:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)
    except Exception:
        pytest.fail(f"focus is on {QApplication.focusWidget()!r}, not back on {widget!r}")
    assert QApplication.focusWidget().window().isActiveWindow()  # key presses go there, not nowhere


def test_timelister_dialogs_give_the_focus_back(qtbot, demo_window):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    page.is_loaded = False
    press(qtbot, Qt.Key.Key_Down)  # May: over, so it can be attested
    qtbot.waitUntil(lambda: page.is_loaded, timeout=15000)
    while focused() is not page.list:
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Sara")
    qtbot.waitUntil(lambda: page.current_entry() is not None and page.current_entry().assistant.name == "Sara Nilsen"
                    and not page.ctx.runner.busy, timeout=15000)

    open_by_key(qtbot, Qt.Key.Key_D, CTRL)  # register a deviation
    close_and_expect_focus_on(qtbot, page.list)

    put_focus(qtbot, page.period)
    open_by_key(qtbot, Qt.Key.Key_D, CTRL)  # from the period selector: back there, not to the list
    close_and_expect_focus_on(qtbot, page.period)
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy, timeout=15000)

    put_focus(qtbot, page.list)
    box = open_by_key(qtbot, Qt.Key.Key_T, CTRL)  # attest: the question
    assert "låser" in box.text()
    close_and_expect_focus_on(qtbot, page.list)

    open_by_key(qtbot, Qt.Key.Key_F1)  # Help: keyboard shortcuts
    close_and_expect_focus_on(qtbot, page.list)


def test_turnus_shift_codes_give_the_focus_back(qtbot, demo_window):
    page = demo_window.show_page("turnus", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy, timeout=15000)
    for widget in (page.name, page.templates_button):
        put_focus(qtbot, widget)
        open_by_key(qtbot, Qt.Key.Key_K, CTRL)  # Shift codes…
        close_and_expect_focus_on(qtbot, widget)


def test_assistenter_add_and_edit_give_the_focus_back(qtbot, demo_window):
    page = demo_window.show_page("assistenter", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy, timeout=15000)
    put_focus(qtbot, page.add_button)
    open_by_key(qtbot, Qt.Key.Key_N, CTRL)  # Add
    close_and_expect_focus_on(qtbot, page.add_button)

    put_focus(qtbot, page.table)
    press(qtbot, Qt.Key.Key_Down)  # a row chosen
    qtbot.waitUntil(lambda: page.selected_row() >= 0)
    open_by_key(qtbot, Qt.Key.Key_E, CTRL)  # Edit
    close_and_expect_focus_on(qtbot, page.table, Qt.Key.Key_Return)  # Enter saves it as it is
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy, timeout=15000)
    assert QApplication.focusWidget() is page.table  # still there after the reload

    open_by_key(qtbot, Qt.Key.Key_F1)
    close_and_expect_focus_on(qtbot, page.table)
