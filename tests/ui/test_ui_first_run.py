"""First run: an empty database leads to the wizard; everything is done by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.ui.first_run import ARRANGEMENT_PAGE, ASSISTANTS_PAGE, VEDTAK_PAGE
from tests.ui.ui_helpers import VALID_ORG_NO, focused, press, replace_text, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def wait_for_wizard(qtbot, window):
    qtbot.waitUntil(lambda: window.wizard is not None and QApplication.activeWindow() is window.wizard)
    return window.wizard


def fill_arrangement(qtbot, org_no: str) -> None:
    for text in ("Ola sin ordning", "Ola Nordmann", "Kari Nordmann"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # employer kind: keep "Kommune"
    for text in ("Testby kommune", org_no, "Testby"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)


def test_create_an_arrangement_with_vedtak_and_assistant_by_keyboard(qtbot, window, workspace):
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.currentId() == ARRANGEMENT_PAGE
    form = wizard.arrangement_page.form
    assert focused() is form.name

    fill_arrangement(qtbot, org_no="974760674")  # wrong check digit
    press(qtbot, Qt.Key.Key_N, ALT)  # "Neste"
    qtbot.waitUntil(lambda: form.error_text("employer_org_no") != "")
    assert wizard.currentId() == ARRANGEMENT_PAGE  # does not advance
    assert form.error_text("employer_org_no") == "Organisasjonsnummeret har feil kontrollsiffer."
    assert focused() is form.employer_org_no
    replace_text(qtbot, VALID_ORG_NO)
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == VEDTAK_PAGE)

    vedtak_form = wizard.vedtak_page.form
    assert focused() is vedtak_form.hours_per_week
    replace_text(qtbot, "37,5")
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == ASSISTANTS_PAGE)

    page = wizard.assistants_page
    press(qtbot, Qt.Key.Key_N, CTRL)  # "Legg til assistent"
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    type_text(qtbot, "Siri Dahl")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2001")
    press(qtbot, Qt.Key.Key_Tab)
    replace_text(qtbot, "75")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and QApplication.activeWindow() is wizard)
    assert page.list.count() == 1

    press(qtbot, Qt.Key.Key_F, ALT)  # "Fullfør"
    qtbot.waitUntil(lambda: window.wizard is None)
    qtbot.waitUntil(lambda: window.ctx.arrangement is not None)

    [arrangement] = workspace.people.list_arrangements()
    assert arrangement.name == "Ola sin ordning"
    assert arrangement.employer_org_no == VALID_ORG_NO
    [vedtak] = workspace.vedtak.list_vedtak(arrangement.id)
    assert vedtak.hours_per_week == 37.5
    assert vedtak.valid_from == date(date.today().year, 1, 1)
    [assistant] = workspace.people.list_assistants(arrangement.id)
    assert (assistant.name, assistant.employee_no, assistant.employment_percent) == ("Siri Dahl", "2001", 75)
    assert window.switcher.combo.currentText() == "Ola sin ordning"


def test_vedtak_errors_keep_the_wizard_on_its_page_and_save_nothing(qtbot, window, workspace):
    wizard = wait_for_wizard(qtbot, window)
    fill_arrangement(qtbot, org_no=VALID_ORG_NO)
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == VEDTAK_PAGE)
    press(qtbot, Qt.Key.Key_N, ALT)  # 0 hours per week
    qtbot.waitUntil(lambda: wizard.vedtak_page.form.error_text("hours_per_week") != "")
    assert wizard.currentId() == VEDTAK_PAGE
    assert wizard.vedtak_page.form.error_text("hours_per_week") == "Timer per uke må være over 0 og høyst 168."
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.wizard is None)
    assert workspace.people.list_arrangements() == []


def test_errors_found_when_saving_go_back_to_their_page(qtbot, window, workspace):
    """Two assistants with one employee number: only the Workspace sees it, at Finish."""
    wizard = wait_for_wizard(qtbot, window)
    fill_arrangement(qtbot, org_no=VALID_ORG_NO)
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == VEDTAK_PAGE)
    replace_text(qtbot, "40")
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == ASSISTANTS_PAGE)
    page = wizard.assistants_page
    for name in ("Siri Dahl", "Per Hansen"):
        press(qtbot, Qt.Key.Key_N, CTRL)
        qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "2001")
        press(qtbot, Qt.Key.Key_Tab)
        replace_text(qtbot, "50")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.dialog is None and QApplication.activeWindow() is wizard)
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: page.error.text() != "")
    assert "Per Hansen" in page.error.text() and "2001" in page.error.text()
    assert wizard.currentId() == ASSISTANTS_PAGE
    assert workspace.people.list_arrangements() == []
