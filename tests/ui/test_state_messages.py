"""Messages that describe a state go when the state changes (issue 16 item 10): the "no shift
codes" note once codes are added, the deviation note when another assistant is chosen, and the
calendar opens on today (or the rota's first day when today is outside it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTime

from tests.ui.rota_helpers import open_rota

NO_CODES = "Det finnes ingen vaktkoder"


def test_no_shift_codes_message_goes_once_codes_are_added(qtbot, workspace, arrangement, window):
    page = open_rota(qtbot, window)
    assert NO_CODES in page.message.text()
    page.templates_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    for code, name, start, end in (("D", "Dag", 8, 16), ("K", "Kveld", 16, 22), ("M", "Mellom", 11, 19)):
        dialog.new_button.click()
        dialog.form.code.setText(code)
        dialog.form.name.setText(name)
        dialog.form.start.setTime(QTime(start, 0))
        dialog.form.end.setTime(QTime(end, 0))
        dialog.save_button.click()
        # the dialog has heard back (not only the disk) before the next code is typed
        qtbot.waitUntil(lambda: dialog.result_value is not None and dialog.result_value.code == code
                        and dialog.save_button.isEnabled(), timeout=15000)
    assert {t.code for t in workspace.rota.list_shift_templates(arrangement.id)} == {"D", "K", "M"}
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: NO_CODES not in page.message.text(), timeout=10000)
    assert all(code in page.message.text() for code in ("D Dag", "K Kveld", "M Mellom"))
    window.show_page("oversikt")
    page = open_rota(qtbot, window)
    assert NO_CODES not in page.message.text()


def test_deviation_message_goes_when_another_assistant_is_chosen(qtbot, demo_window, demo_workspace,
                                                                 demo_arrangement_id):
    from tests.ui.test_timesheets_page import AFTER_MAY, go_to_list_and_find, go_to_previous_period
    from tests.ui.test_undo_timesheets import register_deviation
    from tests.ui.timesheet_helpers import open_page
    from tests.ui.ui_helpers import press

    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page)
    go_to_list_and_find(qtbot, page, "Linnea Strand")

    def three_days(form) -> None:
        form.absence_start.setDate(date(2026, 5, 25))
        form.absence_end.setDate(date(2026, 5, 27))

    register_deviation(qtbot, page, "Influensa", three_days)
    qtbot.waitUntil(lambda: page.message.text() == "Avviket er registrert." and page.message.isVisible(),
                    timeout=15000)
    qtbot.waitUntil(lambda: page.is_loaded and not demo_window.ctx.runner.busy, timeout=15000)
    linnea = page.current_entry().assistant.id
    assert page.message.text() == "Avviket er registrert."  # the reload after the write keeps it (same person)
    press(qtbot, Qt.Key.Key_Down)  # the next assistant in the list, by keyboard
    qtbot.waitUntil(lambda: page.current_entry() is not None and page.current_entry().assistant.id != linnea,
                    timeout=15000)
    assert page.message.text() == "" and not page.message.isVisible()


def test_calendar_opens_on_today_within_the_rota(qtbot, demo_window, demo_today):
    from tests.ui.timesheet_helpers import open_page

    page = open_page(qtbot, demo_window, "turnus", demo_today)
    current = page.data.current
    assert current is not None and current.start <= demo_today <= current.end
    assert page.calendar.anchor == demo_today
    first, last = page.calendar.shown
    assert first <= demo_today <= last


def test_calendar_opening_day_outside_the_rota():
    from bpa_desktop.ui.rota.period import calendar_opening_day

    start, end = date(2026, 12, 14), date(2027, 6, 30)
    assert calendar_opening_day(date(2026, 12, 3), start, end) == start  # the rota has not begun
    assert calendar_opening_day(date(2026, 12, 20), start, end) == date(2026, 12, 20)
    assert calendar_opening_day(date(2027, 8, 1), start, end) == start  # the rota is over
    assert calendar_opening_day(date(2026, 12, 3), None) == date(2026, 12, 3)  # nothing rolled out
