"""The Assistenter page: add, edit and end by keyboard; validation messages stay in the form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.ui_helpers import focused, press, replace_text, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def open_assistants(qtbot, window):
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = window.pages["assistenter"]
    assert window.current_page is page
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def test_add_an_assistant_by_keyboard_only(qtbot, arrangement, window, workspace):
    page = open_assistants(qtbot, window)
    assert page.model.rowCount() == 1

    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.dialog)
    assert focused() is page.dialog.form.name
    type_text(qtbot, "Siri Dahl")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1002")
    press(qtbot, Qt.Key.Key_Tab)
    replace_text(qtbot, "60")
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: page.is_loaded and page.model.rowCount() == 2)
    saved = {a.name: a for a in workspace.people.list_assistants(arrangement.id)}
    assert saved["Siri Dahl"].employee_no == "1002"
    assert saved["Siri Dahl"].employment_percent == 60
    assert saved["Siri Dahl"].start_date == date.today()
    assert "Siri Dahl" in [page.model.assistant(r).name for r in range(page.model.rowCount())]


def test_bad_input_shows_messages_in_the_form_and_saves_nothing(qtbot, arrangement, window, workspace):
    page = open_assistants(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    dialog = page.dialog
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1001")  # taken by Per Hansen; name left empty; 0 %
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.form.error_text("name") != "")
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "Må fylles ut."
    assert "Stillingsprosenten" in dialog.form.error_text("employment_percent")
    assert focused() is dialog.form.name  # the first field in error gets focus
    assert dialog.form.name.accessibleDescription() == "Må fylles ut."

    type_text(qtbot, "Siri Dahl")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    replace_text(qtbot, "50")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("employee_no") != "")
    assert "1001" in dialog.form.error_text("employee_no")
    assert dialog.form.error_text("name") == ""
    assert dialog.isVisible()
    assert [a.name for a in workspace.people.list_assistants(arrangement.id)] == ["Per Hansen"]

    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_edit_and_end_an_assistant(qtbot, arrangement, window, workspace):
    page = open_assistants(qtbot, window)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    assert page.dialog.form.name.text() == "Per Hansen"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    replace_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and page.is_loaded)
    assert workspace.people.list_assistants(arrangement.id)[0].employment_percent == 100

    press(qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    press(qtbot, Qt.Key.Key_Return)  # the date defaults to today
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: page.is_loaded)
    ended = workspace.people.list_assistants(arrangement.id)[0]
    assert ended.end_date == date.today()
    assert not page.end_button.isEnabled()  # already ended


def test_enter_on_a_row_opens_it_for_editing(qtbot, arrangement, window):
    page = open_assistants(qtbot, window)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    assert page.dialog.form.name.text() == "Per Hansen"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
