"""Date fields take a date typed as it is written: validated when typing ends, not per key,
left with one Tab; the Turnus page's "Fra" snaps to a Monday only then."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from bpa_desktop.ui.formatting import from_qdate
from bpa_desktop.ui.widgets.date_field import make_date_edit
from tests.ui.rota_helpers import add_templates_and_assistant, open_rota

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def form(qtbot, request):
    """A line edit, a date field (14.12.2026), a line edit: Tab order as on any form."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    before, edit, after = QLineEdit(), make_date_edit(date(2026, 12, 14)), QLineEdit()
    for widget in (before, edit, after):
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    before.setFocus()
    committed = []
    edit.committed.connect(lambda: committed.append(from_qdate(edit.date())))
    request.node.holder = holder  # kept alive for the test
    return before, edit, after, committed


def type_into(qtbot, before, text: str, finish=Qt.Key.Key_Tab) -> None:
    before.window().activateWindow()
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    for character in text:
        qtbot.keyClick(QApplication.focusWidget(), character)
    qtbot.keyClick(QApplication.focusWidget(), finish)


@pytest.mark.parametrize(("typed", "expected"), [
    ("02.11.2026", date(2026, 11, 2)),  # Qt alone made 02.12.1120 of it
    ("2.1.2027", date(2027, 1, 2)),
    ("31122026", date(2026, 12, 31)),
    ("29.02.2028", date(2028, 2, 29)),  # Qt alone clamped it to 28.02 (day 29 over December first)
    ("31.01.2027", date(2027, 1, 31)),
])
def test_a_typed_date_is_the_date(qtbot, form, typed, expected):
    before, edit, after, committed = form
    type_into(qtbot, before, typed)
    assert from_qdate(edit.date()) == expected
    assert committed == [expected]  # once, when typing ended
    assert QApplication.focusWidget() is after  # one Tab left the field


def test_nothing_is_committed_while_typing_and_enter_commits(qtbot, form):
    before, edit, after, committed = form
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    for character in "04.11.20":
        qtbot.keyClick(QApplication.focusWidget(), character)
    assert committed == []
    for character in "26":
        qtbot.keyClick(QApplication.focusWidget(), character)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert committed == [date(2026, 11, 4)]


def test_shift_tab_leaves_backwards_in_one_press(qtbot, form):
    before, edit, after, _ = form
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is before


def test_a_date_set_by_the_program_or_the_calendar_is_committed_at_once(qtbot, form):
    _, edit, _, committed = form
    edit.calendarWidget().activated.emit(edit.calendarWidget().selectedDate().addDays(-3))
    assert committed == [date(2026, 12, 11)]


def test_english_dates_are_typed_year_first(qtbot):
    from bpa_desktop import i18n

    with i18n.language("en"):
        edit = make_date_edit(date(2026, 12, 14))
    assert edit.displayFormat() == "yyyy-MM-dd"
    holder = QWidget()
    layout = QVBoxLayout(holder)
    before, after = QLineEdit(), QLineEdit()
    for widget in (before, edit, after):
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    type_into(qtbot, before, "2027-01-04")
    assert from_qdate(edit.date()) == date(2027, 1, 4)


@pytest.fixture
def rota_page(qtbot, workspace, arrangement, window):
    add_templates_and_assistant(workspace, arrangement)
    return open_rota(qtbot, window)


def test_turnus_from_takes_a_typed_monday_and_snaps_a_wednesday_when_typing_ends(qtbot, rota_page):
    page = rota_page
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, ALT)  # "Fr&a": the label's buddy takes focus
    assert QApplication.focusWidget() is page.start
    for character in "02.11.2026":  # a Monday
        qtbot.keyClick(page.start, character)
    qtbot.keyClick(page.start, Qt.Key.Key_Tab)
    assert page.start_date == date(2026, 11, 2) and page.model.start == date(2026, 11, 2)
    assert QApplication.focusWidget() is page.end  # one Tab to "Til"

    qtbot.keyClick(page.end, Qt.Key.Key_Backtab)
    for character in "04.11.2026":  # a Wednesday: not rewritten while typing ...
        qtbot.keyClick(page.start, character)
        assert page.model.start == date(2026, 11, 2)  # the pattern has not moved
    assert page.start.text() == "04.11.2026"
    qtbot.keyClick(page.start, Qt.Key.Key_Return)  # ... but when it is chosen
    assert page.start_date == date(2026, 11, 2)
