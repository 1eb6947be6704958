"""Alt letters are unique where a person can press them: on every page and every tab of it,
with the menu bar's, in bokmål and English (Qt gives a duplicated Alt letter to the first
control and makes the person press it again for the next)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget

from bpa_desktop.ui.main_window import PAGE_IDS
from bpa_desktop.ui.translation import install_language

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def reachable(widget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def alt_letters(window, page) -> list[str]:
    """Who answers each Alt letter now: the menu bar's titles, then the page's controls."""
    owners = [action.text() for action in window.menuBar().actions()]
    for button in page.findChildren(QAbstractButton):
        if reachable(button):
            owners.append(button.text())
    for label in page.findChildren(QLabel):
        if reachable(label) and label.buddy() is not None:
            owners.append(label.text())
    for box in page.findChildren(QGroupBox):
        if reachable(box) and box.isCheckable():
            owners.append(box.title())
    for bar in page.findChildren(QTabBar):
        if reachable(bar):
            owners += [bar.tabText(i) for i in range(bar.count()) if bar.isTabVisible(i)]
    return owners


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
                if clash := doubled(alt_letters(window, page)):
                    twice[f"{page_id} / {tab}"] = clash
        assert twice == {}
    finally:
        install_language(qapp, "nb")
