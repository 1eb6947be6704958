"""Helpers for the assistant-mode tests: open the mode by its shortcut, sign in by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.ui_helpers import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_assistant_mode(qtbot, window, today=None):
    """Ctrl+Shift+A from the leader's window; the names listed and focused."""
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.menus.dialog is not None and window.menus.dialog.isVisible(), timeout=10000)
    dialog = window.menus.dialog
    if today is not None:
        dialog.today = today
    qtbot.waitUntil(lambda: dialog.choose_page.names.count() > 0
                    and QApplication.focusWidget() is dialog.choose_page.names, timeout=15000)
    return dialog


def choose_name(qtbot, dialog, display_name: str) -> None:
    """Type the first letters of the name in the list, Enter: the PIN page."""
    type_text(qtbot, display_name[:3])
    assert dialog.choose_page.names.currentItem().text() == display_name
    press(qtbot, Qt.Key.Key_Return)


def pin_page_shown(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.pin_page
                    and QApplication.focusWidget() is dialog.pin_page.pin, timeout=10000)


def set_first_pin(qtbot, dialog, pin: str) -> None:
    pin_page_shown(qtbot, dialog)
    assert dialog.pin_page.again.isVisible()  # first use: typed twice
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.pin_page.again
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def month_shown(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.month_page and dialog.month_page.view is not None
                    and not dialog.ctx.jobs.busy(), timeout=15000)


def enter_pin(qtbot, dialog, pin: str) -> None:
    pin_page_shown(qtbot, dialog)
    assert not dialog.pin_page.again.isVisible()
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)
