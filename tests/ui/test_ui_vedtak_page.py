"""The Vedtak page: the current vedtak stands out; add, refuse overlaps, end — by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.ui_helpers import focused, press, replace_text, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def open_vedtak(qtbot, window):
    press(qtbot, Qt.Key.Key_5, CTRL)
    page = window.pages["vedtak"]
    qtbot.waitUntil(lambda: window.current_page is page and page.is_loaded)
    return page


def open_dialog(qtbot, page, modifier=CTRL):
    press(qtbot, Qt.Key.Key_N if modifier == CTRL else Qt.Key.Key_E, modifier)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    return page.dialog


def test_current_vedtak_is_shown(qtbot, arrangement, window):
    page = open_vedtak(qtbot, window)
    year = date.today().year
    assert page.current_text.text().startswith(f"40 timer per uke, 01.01.{year} – 31.12.{year + 1}")
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 5)) == "Gjeldende"


def test_overlapping_vedtak_is_refused_in_the_form(qtbot, arrangement, window, workspace):
    page = open_vedtak(qtbot, window)
    dialog = open_dialog(qtbot, page)
    assert focused() is dialog.form.hours_per_week
    replace_text(qtbot, "45")
    press(qtbot, Qt.Key.Key_Return)  # from today, open-ended: overlaps the current one
    qtbot.waitUntil(lambda: dialog.form.error_text("valid_from") != "")
    year = date.today().year
    assert f"01.01.{year}–31.12.{year + 1}" in dialog.form.error_text("valid_from")
    assert dialog.isVisible()
    assert len(workspace.vedtak.list_vedtak(arrangement.id)) == 1
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_add_a_later_vedtak_and_end_the_current_one(qtbot, arrangement, window, workspace):
    page = open_vedtak(qtbot, window)
    next_start = date(date.today().year + 2, 1, 1)
    dialog = open_dialog(qtbot, page)
    replace_text(qtbot, "45,5")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.valid_from
    type_text(qtbot, next_start.strftime("%d%m%Y"))  # day, month, year: each section advances by itself
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: page.is_loaded and page.model.rowCount() == 2)
    newest = workspace.vedtak.list_vedtak(arrangement.id)[0]
    assert (newest.hours_per_week, newest.valid_from, newest.valid_to) == (45.5, next_start, None)
    statuses = {page.model.vedtak(r).id: page.model.data(page.model.index(r, 5)) for r in range(2)}
    assert statuses[newest.id] == "Fremtidig"

    # the current one is selected after loading; end it today
    assert page.model.vedtak(page.selected_row()).valid_from == date(date.today().year, 1, 1)
    open_dialog(qtbot, page, CTRL | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: page.is_loaded)
    ended = [v for v in workspace.vedtak.list_vedtak(arrangement.id) if v.id != newest.id][0]
    assert ended.valid_to == date.today()


def test_the_hour_account_start_is_entered_by_keyboard_and_counts_in_oversikt(qtbot, arrangement, window,
                                                                              workspace):
    page = open_vedtak(qtbot, window)
    assert "teller fra årets første dag" in page.account_text.text()
    press(qtbot, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and QApplication.activeWindow() is page.dialog)
    dialog = page.dialog
    assert focused() is dialog.form.start_date
    year = date.today().year
    type_text(qtbot, date(year, 3, 1).strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.opening_hours
    replace_text(qtbot, "310,5")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and "310,5 t" in page.account_text.text())
    stored = workspace.vedtak.account_start(arrangement.id)
    assert (stored.start_date, stored.opening_hours) == (date(year, 3, 1), 310.5)
    overview = window.pages["oversikt"]
    window.show_page("oversikt")
    qtbot.waitUntil(lambda: overview.is_loaded and overview.data is not None
                    and overview.data.account.start_balance == 310.5, timeout=15000)
    assert "01.03" in overview.values["start"].text()
