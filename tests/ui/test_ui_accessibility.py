"""Every control a person can reach by keyboard has an accessible name; Ctrl+1..8 reach every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from bpa_desktop.ui.main_window import PAGE_IDS
from tests.ui.ui_helpers import INTERACTIVE, press, sample_setup, unnamed_controls


def controls_checked(root: QWidget) -> int:
    return sum(1 for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible())


def test_every_page_reached_by_shortcut_has_named_controls(qtbot, arrangement, window):
    for number, page_id in enumerate(PAGE_IDS, start=1):
        press(qtbot, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        page = window.pages[page_id]
        qtbot.waitUntil(lambda page=page: window.current_page is page and page.is_loaded)
        assert window.navigation.currentRow() == number - 1
        focus = QApplication.focusWidget()
        # into the page's first control, or onto the page list when the page has none
        assert page.isAncestorOf(focus) or focus is window.navigation, page_id
        assert unnamed_controls(window) == [], page_id
    assert controls_checked(window) > 10


def test_dialogs_have_named_controls(qtbot, arrangement, window):
    for page_id, shortcuts in (("assistenter", ("Ctrl+N", "Ctrl+E", "Ctrl+Shift+E")),
                               ("vedtak", ("Ctrl+N", "Ctrl+E", "Ctrl+Shift+E"))):
        page = window.show_page(page_id)
        qtbot.waitUntil(lambda page=page: page.is_loaded)
        for which in (page.add_new, page.edit_selected, page.end_selected):
            which()
            dialog = page.dialog
            assert dialog is not None, shortcuts
            qtbot.waitUntil(lambda dialog=dialog: dialog.isVisible())
            assert dialog.accessibleName()
            assert unnamed_controls(dialog) == []
            dialog.reject()
            qtbot.waitUntil(lambda page=page: page.dialog is None)


def test_wizard_pages_have_named_controls(qtbot, window):
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible())
    wizard = window.wizard
    wizard.arrangement_page.form.set_value(sample_setup().arrangement)
    wizard.vedtak_page.form.set_value(sample_setup().vedtak)
    for page_id in wizard.pageIds():
        assert wizard.currentId() == page_id
        assert unnamed_controls(wizard) == [], page_id
        wizard.next()
    wizard.assistants_page.add()
    qtbot.waitUntil(lambda: wizard.assistants_page.dialog is not None)
    assert unnamed_controls(wizard.assistants_page.dialog) == []
    wizard.assistants_page.dialog.reject()
