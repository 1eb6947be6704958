"""Alt letters are unique where a person can press them, in bokmål and English: on every page
and every tab of it with the menu bar's and the arrangement switcher's, and in the Timelister
and Kalender dialogs (Qt gives a duplicated Alt letter to the first control and makes the
person press it again for the next)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QTabWidget

from bpa_desktop.ui.main_window import PAGE_IDS
from bpa_desktop.ui.translation import install_language
from tests.ui.ui_helpers import press

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def reachable(widget) -> bool:
    """Shown: a disabled control counts too, as it answers its letter once enabled (Angre after
    a change, the Kalender's buttons once a shift is chosen)."""
    return widget.isVisible()


def letter_owners(root) -> list[str]:
    """The texts of the controls under `root` a person can reach now by an Alt letter."""
    owners = []
    for button in root.findChildren(QAbstractButton):
        if reachable(button):
            owners.append(button.text())
    for label in root.findChildren(QLabel):
        if reachable(label) and label.buddy() is not None:
            owners.append(label.text())
    for box in root.findChildren(QGroupBox):
        if reachable(box) and box.isCheckable():
            owners.append(box.title())
    for bar in root.findChildren(QTabBar):
        if reachable(bar):
            owners += [bar.tabText(i) for i in range(bar.count()) if bar.isTabVisible(i)]
    return owners


def alt_letters(window) -> list[str]:
    """Who answers each Alt letter now: the menu bar's titles, then every control shown in the
    window (the arrangement switcher above the page, the page, the status bar)."""
    return [action.text() for action in window.menuBar().actions()] + letter_owners(window)


def doubled(owners: list[str]) -> dict[str, list[str]]:
    counts = Counter(key for key in map(letter, owners) if key)
    return {key: sorted(text for text in owners if letter(text) == key)
            for key, count in sorted(counts.items()) if count > 1}


def every_tab(page):
    """The page as it opens, then each tab of each tab widget on it shown in turn."""
    yield "-"
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index).replace("&", "")
        tabs.setCurrentIndex(first)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_no_alt_letter_twice_on_any_page_or_tab(qtbot, qapp, demo_workspace, language):
    from tests.ui.sync_ui_helpers import open_window

    install_language(qapp, language)
    try:
        window = open_window(qtbot, demo_workspace)
        twice = {}
        for page_id in PAGE_IDS:
            page = window.show_page(page_id)
            qtbot.waitUntil(lambda page=page: page.is_loaded, timeout=20_000)
            for tab in every_tab(page):
                if clash := doubled(alt_letters(window)):
                    twice[f"{page_id} / {tab}"] = clash
        assert twice == {}
    finally:
        install_language(qapp, "nb")



def dialog_clashes(qtbot, keys, owner, name: str, kinds=()) -> dict:
    """Press `keys` (the dialog's shortcut) and read the dialog's Alt letters, for each of
    `kinds` of the deviation form in turn."""
    press(qtbot, *keys)
    qtbot.waitUntil(lambda: owner.dialog is not None and owner.dialog.isVisible(), timeout=15000)
    dialog, twice = owner.dialog, {}
    for kind in kinds or (None,):
        if kind is not None:
            dialog.form.choose_kind(kind)
        if clash := doubled(letter_owners(dialog)):
            twice[f"{name} / {kind or '-'}"] = clash
    dialog.reject()
    qtbot.waitUntil(lambda: owner.dialog is None and QApplication.focusWidget() is not None, timeout=15000)
    return twice


@pytest.mark.parametrize("language", ["nb", "en"])
def test_no_alt_letter_twice_in_the_timesheet_and_calendar_dialogs(qtbot, qapp, demo_workspace, demo_today,
                                                                   language):
    from bpa_desktop.ui.timesheets.deviation_dialog import DeviationForm
    from tests.ui.sync_ui_helpers import open_window
    from tests.ui.test_timesheets_page import go_to_list_and_find
    from tests.ui.timesheet_helpers import open_page

    install_language(qapp, language)
    try:
        window = open_window(qtbot, demo_workspace)
        page = open_page(qtbot, window, "timelister", demo_today)
        go_to_list_and_find(qtbot, page, "Amir Karimi")
        kinds = tuple(DeviationForm.kind_labels(page))  # the kinds' keys; tr() is the page's here
        twice = dialog_clashes(qtbot, (Qt.Key.Key_D, CTRL), page, "deviation", kinds)
        twice |= dialog_clashes(qtbot, (Qt.Key.Key_D, CTRL | SHIFT), page, "sick cover")
        twice |= dialog_clashes(qtbot, (Qt.Key.Key_R, CTRL), page, "register")

        rota = window.show_page("turnus")
        qtbot.waitUntil(lambda: rota.is_loaded and not window.ctx.runner.busy, timeout=15000)
        calendar = rota.calendar
        rota.tabs.setCurrentWidget(calendar)
        qtbot.waitUntil(lambda: bool(calendar.model.by_cell), timeout=15000)
        assistant_id, day = max(calendar.model.by_cell)  # a shift to come
        calendar.select_cell(assistant_id, day)
        calendar.table.setFocus()
        for name, key in (("substitute", Qt.Key.Key_U), ("new times", Qt.Key.Key_T), ("vikar", Qt.Key.Key_V),
                          ("sick cover", Qt.Key.Key_D)):
            twice |= dialog_clashes(qtbot, (key, CTRL | SHIFT), calendar, f"calendar {name}")
        assert twice == {}
    finally:
        install_language(qapp, "nb")
