"""Flows of issue 16 by keyboard alone that other files do not cover, on the demo: Tab reaches
the Kalender's plan; a sick day registered in the deviation dialog is offered at once when the
same dialog gives a shift to a vikar; a timesheet saved as PDF and the payroll file written with
the path typed into the file chooser; Synk reached by Ctrl+7 and "Send nå" by its Alt letter.
The focus is back where the person was after each dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from bpa_desktop.core.model import AbsenceKind
from bpa_desktop.core.timesheet import RowStatus
from tests.ui.test_sick_cover_flow import _next_open_shift
from tests.ui.test_timesheets_page import AFTER_MAY, dialog_opened, go_to_list_and_find, go_to_previous_period
from tests.ui.test_undo_timesheets import register_deviation
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press, replace_text

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def test_tab_reaches_the_kalender_plan_on_the_demo(qtbot, demo_window):
    page = demo_window.show_page("turnus", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy, timeout=15000)
    press(qtbot, Qt.Key.Key_K, ALT)  # «&Kalender»
    assert page.tabs.currentWidget() is page.calendar
    presses = 0
    while focused() is not page.calendar.table and presses < 40:
        press(qtbot, Qt.Key.Key_Tab)
        presses += 1
    assert focused() is page.calendar.table, f"40 Tabs never reached the plan (on {focused()!r})"
    print(f"Tab presses from the Kalender tab to the plan: {presses}")
    press(qtbot, Qt.Key.Key_Home, CTRL)  # and the arrow keys move in it
    press(qtbot, Qt.Key.Key_Right)
    assert page.calendar.table.currentIndex().column() == 1


def test_a_sick_day_just_registered_is_offered_to_a_vikar(qtbot, demo_window, demo_workspace, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    amir = page.current_entry().assistant
    day = _next_open_shift(demo_workspace, amir.id, demo_today).day

    def sick_that_day(form) -> None:
        form.choose_kind("absence")
        form.absence_kind.setCurrentIndex(form.absence_kind.findData(AbsenceKind.SELF_CERTIFIED.value))
        form.absence_start.setDate(day)
        form.absence_end.setDate(day)

    register_deviation(qtbot, page, "Syk", sick_that_day)  # focus back in the list
    qtbot.waitUntil(lambda: page.is_loaded and not page.ctx.runner.busy and any(
        r.day == day and r.status is RowStatus.ABSENT for r in page.view.detail.rows), timeout=15000)

    press(qtbot, Qt.Key.Key_D, CTRL)
    dialog = dialog_opened(qtbot, page)
    dialog.form.choose_kind("substitute")
    offered = [dialog.form.shift.itemData(i) for i in range(dialog.form.shift.count())]
    assert any(r.day == day and r.status is RowStatus.ABSENT for r in offered), [r.day for r in offered]
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None and focused() is page.list, timeout=15000)


def answer_file_chooser(qtbot, path) -> list:
    """When the file chooser is up (a nested event loop), type `path` into it and press Enter,
    as a person does; returns the chooser's title once answered."""
    seen = []

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog) or not chooser.isAncestorOf(QApplication.focusWidget()):
            QTimer.singleShot(50, answer)
            return
        seen.append(chooser.windowTitle())
        replace_text(qtbot, str(path))
        press(qtbot, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    return seen


def test_pdf_and_payroll_file_with_the_path_typed(qtbot, demo_window, tmp_path):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)  # April: attested
    go_to_list_and_find(qtbot, page, "Amir Karimi")

    pdf = tmp_path / "april.pdf"
    seen = answer_file_chooser(qtbot, pdf)
    press(qtbot, Qt.Key.Key_S, CTRL)  # Save as PDF…
    qtbot.waitUntil(lambda: pdf.exists() and "lagret" in page.message.text(), timeout=15000)
    assert seen == ["Lagre timelisten som PDF"] and pdf.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: focused() is page.list)  # a chooser made in C++ gives the focus back too

    payroll = tmp_path / "lonn.csv"
    seen = answer_file_chooser(qtbot, payroll)
    press(qtbot, Qt.Key.Key_L, CTRL)  # Export payroll file…
    qtbot.waitUntil(lambda: payroll.exists() and "linjer" in page.message.text(), timeout=15000)
    assert len(seen) == 1 and payroll.read_bytes().strip()
    qtbot.waitUntil(lambda: focused() is page.list)


def test_sync_by_ctrl_7_and_send_now_by_its_alt_letter(qtbot, demo_workspace, demo_arrangement_id,
                                                       memory_keyring, _bokmal):
    import httpx

    from tests.ui.sync_ui_helpers import enrol_offline, open_window
    from tests.ui.test_sync_page import CountingReceiver

    enrol_offline(demo_workspace, demo_arrangement_id, "http://mottak.test")
    fake = CountingReceiver()
    window = open_window(qtbot, demo_workspace, sync_options={
        "watch_network": False, "client_options": {"transport": httpx.MockTransport(fake)}})
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: fake.posts > 0 and not window.sync.busy, timeout=20_000)  # the pass at start
    window.navigation.setFocus()
    press(qtbot, Qt.Key.Key_7, CTRL)
    page = window.pages["synk"]
    qtbot.waitUntil(lambda: window.current_page is page and page.is_loaded)
    assert page.isAncestorOf(focused())
    reads = fake.decision_reads
    with qtbot.waitSignal(window.sync.worker.sync_summary, timeout=20_000):
        press(qtbot, Qt.Key.Key_S, ALT)  # «&Send nå»
    assert fake.decision_reads == reads + 1
    qtbot.waitUntil(lambda: page.message.text().startswith("Sendingen er ferdig"))
    assert page.isAncestorOf(focused())
