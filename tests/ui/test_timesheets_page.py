"""Timelister driven by the keyboard over the demo arrangement: attest and lock, correction as
version 2, registrer vakten with Enter, deviations with their reasons, PDF and payroll files."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import TimesheetStatus
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import (
    focused,
    press,
    type_text,
    unnamed_controls,
)

CTRL = Qt.KeyboardModifier.ControlModifier
AFTER_MAY = date(2026, 6, 2)  # the demo's May period is over: it can be attested


def column(page, index: int) -> list[str]:
    model = page.list_model
    return [model.text(row, index) for row in range(model.rowCount())]


def go_to_previous_period(qtbot, page, steps: int = 1) -> None:
    """From the period selector (focused when the page opens), Down goes one period back."""
    assert focused() is page.period
    for _ in range(steps):
        page.is_loaded = False
        press(qtbot, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: page.is_loaded, timeout=15000)


def go_to_list_and_find(qtbot, page, name: str) -> None:
    """Tab from the period selector to the list, type the first letters of the name."""
    while focused() is not page.list:
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, name[:4])
    qtbot.waitUntil(lambda: page.view is not None and page.current_entry() is not None
                    and page.current_entry().assistant.name == name
                    and page.detail.title.text().startswith(name), timeout=15000)


def reloaded(qtbot, page, condition) -> None:
    """Wait until the page has reloaded after a change and shows what `condition` checks."""
    qtbot.waitUntil(lambda: page.is_loaded and page.dialog is None and not page.ctx.runner.busy and condition(),
                    timeout=15000)


def dialog_opened(qtbot, page):
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible()
                    and page.dialog.isAncestorOf(QApplication.focusWidget()), timeout=15000)
    return page.dialog


def test_attest_by_keyboard_locks_and_a_deviation_is_then_refused(qtbot, demo_window, demo_workspace,
                                                                  demo_arrangement_id):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    assert page.data.period.key() == "2026-06"
    go_to_previous_period(qtbot, page)
    assert page.data.period.key() == "2026-05"
    go_to_list_and_find(qtbot, page, "Sara Nilsen")
    entry = page.current_entry()  # confirmed on 20 May through the 19th: still a draft, partly confirmed
    assert entry.status is TimesheetStatus.DRAFT and entry.timesheet.confirmed_through == date(2026, 5, 19)
    assert "bekreftet t.o.m. 19.05.2026" in page.list_model.text(column(page, 0).index("Sara Nilsen"), 1)
    assert not page.detail.banner.isVisible()

    press(qtbot, Qt.Key.Key_T, CTRL)
    box = dialog_opened(qtbot, page)
    assert "låser" in box.text()  # the dialog says attesting locks
    press(qtbot, Qt.Key.Key_Return)  # the default button: attest and lock
    reloaded(qtbot, page, lambda: page.current_entry().status is TimesheetStatus.ATTESTED
             and page.detail.banner.isVisible())

    entry = page.current_entry()
    assert entry.assistant.name == "Sara Nilsen" and entry.status is TimesheetStatus.ATTESTED
    row = column(page, 0).index("Sara Nilsen")
    assert "låst" in page.list_model.text(row, 1)
    assert page.detail.banner.isVisible() and "Låst" in page.detail.banner.label.text()
    assert not page.deviation_button.isEnabled() and page.correct_button.isEnabled()
    stored = demo_workspace.timesheets.list_timesheets(demo_arrangement_id, date(2026, 5, 1))
    sara = next(t for t in stored if t.id == entry.timesheet.id)
    assert sara.status is TimesheetStatus.ATTESTED and sara.content_hash

    worked_before = demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, date(2026, 5, 1), date(2026, 5, 31))
    absences_before = demo_workspace.timesheets.list_absences(demo_arrangement_id, date(2026, 5, 1), date(2026, 5, 31))
    press(qtbot, Qt.Key.Key_D, CTRL)  # Registrer avvik
    assert page.dialog is None
    assert "låst" in page.message.text() and "korrigering" in page.message.text()
    assert page.message.isVisible()
    assert demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, date(2026, 5, 1), date(2026, 5, 31)) == worked_before
    assert demo_workspace.timesheets.list_absences(demo_arrangement_id, date(2026, 5, 1), date(2026, 5, 31)) == absences_before


def test_attesting_a_period_not_over_is_explained(qtbot, demo_window, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Sara Nilsen")
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert page.dialog is None
    assert "ikke over" in page.message.text() and "01.06.2026" in page.message.text()


def test_correction_makes_version_2_marked_corrected(qtbot, demo_window, demo_workspace, demo_arrangement_id):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)
    assert page.data.period.key() == "2026-04"
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    entry = page.current_entry()
    assert entry.locked and entry.timesheet.version == 1
    assert "KORRIGERT" not in page.list_model.text(column(page, 0).index("Amir Karimi"), 4)

    press(qtbot, Qt.Key.Key_K, CTRL)
    dialog = dialog_opened(qtbot, page)
    press(qtbot, Qt.Key.Key_Return)  # no reason: refused in the form, nothing stored
    assert dialog.isVisible() and dialog.form.error_text("reason")
    type_text(qtbot, "Glemt ekstravakt 14. april")
    press(qtbot, Qt.Key.Key_Return)
    reloaded(qtbot, page, lambda: page.current_entry().corrected and page.view.detail.timesheet.version == 2)

    row = column(page, 0).index("Amir Karimi")
    assert page.list_model.text(row, 2) == "2"
    assert page.list_model.text(row, 4) == "KORRIGERT"
    assert page.current_entry().status is TimesheetStatus.DRAFT
    assert not page.detail.banner.isVisible() and page.deviation_button.isEnabled()
    versions = [t for t in demo_workspace.timesheets.list_timesheets(demo_arrangement_id, date(2026, 4, 1), all_versions=True)
                if t.assistant_id == entry.assistant.id]
    newest = max(versions, key=lambda t: t.version)
    assert newest.version == 2 and newest.supersedes_id == entry.timesheet.id
    assert newest.correction_reason == "Glemt ekstravakt 14. april"
    assert "KORRIGERT" in page.detail.state.text() and "versjon 1" in page.detail.state.text()


def test_register_todays_shift_with_enter(qtbot, demo_window, demo_workspace, demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    waiting = demo_workspace.timesheets.shifts_to_register(demo_arrangement_id, demo_today)
    assert [row.status.value for row in waiting] == ["planned"]
    press(qtbot, Qt.Key.Key_R, CTRL)
    dialog = dialog_opened(qtbot, page)
    qtbot.waitUntil(lambda: dialog.is_loaded and dialog.table.hasFocus())
    assert dialog.model.rowCount() == 1 and focused() is dialog.table
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15000)  # nothing left: it closes
    worked = demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, demo_today, demo_today)
    planned = waiting[0].planned
    assert [(s.assistant, s.start, s.end) for s in worked] == [(planned.assistant, planned.start, planned.end)]
    assert [row.status.value for row in demo_workspace.timesheets.shifts_to_register(demo_arrangement_id, demo_today)] == [
        "worked"]


def test_register_todays_shift_with_a_later_end(qtbot, demo_window, demo_workspace, demo_arrangement_id,
                                                demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    press(qtbot, Qt.Key.Key_R, CTRL)
    dialog = dialog_opened(qtbot, page)
    qtbot.waitUntil(lambda: dialog.is_loaded and dialog.table.hasFocus())
    press(qtbot, Qt.Key.Key_Tab)  # start
    press(qtbot, Qt.Key.Key_Tab)  # end
    assert focused() is dialog.form.end
    type_text(qtbot, "1630")
    press(qtbot, Qt.Key.Key_Return)  # changed times need a reason
    assert dialog.isVisible() and dialog.form.error_text("reason")
    assert focused() is dialog.form.reason
    type_text(qtbot, "Ble sent")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15000)
    worked = demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, demo_today, demo_today)
    assert len(worked) == 1
    assert worked[0].end == datetime(2026, 5, 20, 16, 30, tzinfo=OSLO)


def test_deviation_form_needs_a_reason_and_stores_graded_sick_leave(qtbot, demo_window, demo_workspace,
                                                                     demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Linnea Strand")
    press(qtbot, Qt.Key.Key_D, CTRL)
    dialog = dialog_opened(qtbot, page)
    form = dialog.form
    assert form.current_kind == "absence" and form.kind.hasFocus()
    form.absence_kind.setCurrentIndex(form.absence_kind.findData("sykmelding"))
    form.absence_start.setDate(date(2026, 5, 25))
    form.absence_end.setDate(date(2026, 5, 29))
    form.percent.setValue(50)
    dialog.save_button.click()
    assert dialog.isVisible() and "grunn" in form.error_text("reason").lower()
    assert demo_workspace.timesheets.list_absences(demo_arrangement_id, date(2026, 5, 25), date(2026, 5, 29)) == []
    form.reason.setFocus()
    type_text(qtbot, "Gradert sykmelding")
    press(qtbot, Qt.Key.Key_Return)
    reloaded(qtbot, page, lambda: "Sykmelding 50 %" in [page.detail.days_model.text(r, 9)
                                                         for r in range(page.detail.days_model.rowCount())])
    absences = demo_workspace.timesheets.list_absences(demo_arrangement_id, date(2026, 5, 25), date(2026, 5, 29))
    assert [(a.kind.value, a.percent, a.comment) for a in absences] == [("sykmelding", 50, "Gradert sykmelding")]
    assert page.current_entry().assistant.name == "Linnea Strand"
    absence_column = [page.detail.days_model.text(r, 9) for r in range(page.detail.days_model.rowCount())]
    assert "Sykmelding 50 %" in absence_column


def test_extra_shift_with_end_before_start_runs_past_midnight(qtbot, demo_window, demo_workspace,
                                                              demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Hanne Øverby")
    press(qtbot, Qt.Key.Key_D, CTRL)
    form = dialog_opened(qtbot, page).form
    form.choose_kind("extra")
    assert not form.percent.isVisible() and form.day.isVisible()
    form.day.setDate(date(2026, 5, 27))
    form.start.setTime(form.start.time().fromString("22:00", "HH:mm"))
    form.end.setTime(form.end.time().fromString("02:00", "HH:mm"))
    form.reason.setText("Ekstra nattevakt")
    page.dialog.save_button.click()
    reloaded(qtbot, page, lambda: "Ekstravakt: Ekstra nattevakt" in [
        page.detail.days_model.text(r, 10) for r in range(page.detail.days_model.rowCount())])
    worked = demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, date(2026, 5, 27), date(2026, 5, 27))
    extra = [s for s in worked if s.kind.value == "extra"]
    assert [(s.start, s.end) for s in extra] == [(datetime(2026, 5, 27, 22, 0, tzinfo=OSLO),
                                                  datetime(2026, 5, 28, 2, 0, tzinfo=OSLO))]
    comments = [page.detail.days_model.text(r, 10) for r in range(page.detail.days_model.rowCount())]
    assert "Ekstravakt: Ekstra nattevakt" in comments


def test_pdf_and_payroll_files_are_written_in_a_worker(qtbot, demo_window, tmp_path):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    pdf = tmp_path / "timeliste.pdf"
    page.exports.export_pdf(pdf)
    qtbot.waitUntil(lambda: "lagret" in page.message.text(), timeout=15000)
    assert pdf.read_bytes().startswith(b"%PDF")
    payroll = tmp_path / "lonn.csv"
    page.exports.export_payroll(payroll, visma=True)
    qtbot.waitUntil(lambda: "lønnsfilen" in page.message.text().lower() and "linjer" in page.message.text(),
                    timeout=15000)
    lines = payroll.read_bytes().decode("cp1252").splitlines()
    assert lines and all(line.startswith("2026;0;") for line in lines)


def test_pay_codes_dialog_saves_and_shows_errors_by_the_line(qtbot, demo_window, demo_workspace,
                                                             demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    page.open_pay_codes()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15000)
    dialog = page.dialog
    form = dialog.form
    assert form.codes["ordinary"].text() == "1000"
    form.rates["weekend"].setText("-5")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(form.error_text("line.weekend")), timeout=15000)
    form.rates["weekend"].setText("70,5")
    form.codes["ordinary"].setText("1001")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15000)
    settings = demo_workspace.timesheets.pay_settings(demo_arrangement_id)
    assert settings.rates["weekend"] == 70.5 and settings.codes["ordinary"] == "1001"
    QApplication.processEvents()


def test_dialogs_have_named_controls(qtbot, demo_window, demo_today):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    for keys in (Qt.Key.Key_K, Qt.Key.Key_R):  # correction (attested April), registrer vakten
        press(qtbot, keys, CTRL)
        dialog = dialog_opened(qtbot, page)
        assert dialog.accessibleName() and unnamed_controls(dialog) == []
        dialog.reject()
        qtbot.waitUntil(lambda: page.dialog is None and page.list.hasFocus())
    page.open_pay_codes()
    dialog = dialog_opened(qtbot, page)
    assert unnamed_controls(dialog) == []
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    # May has drafts: the deviation dialog and the attest question (or its reason, when not confirmed)
    page.is_loaded = False
    page.select_period(date(2026, 5, 1))
    qtbot.waitUntil(lambda: page.is_loaded and page.data.period.key() == "2026-05", timeout=15000)
    linnea = next(e.assistant.id for e in page.data.entries if e.assistant.name == "Linnea Strand")
    page.select_assistant(linnea)
    qtbot.waitUntil(lambda: page.view is not None and page.view.detail.assistant_id == linnea
                    and page.deviation_button.isEnabled(), timeout=15000)
    page.list.setFocus()
    for keys in (Qt.Key.Key_D, Qt.Key.Key_T):
        press(qtbot, keys, CTRL)
        dialog = dialog_opened(qtbot, page)
        if hasattr(dialog.form if hasattr(dialog, "form") else None, "choose_kind"):
            for kind in ("absence", "changed_times", "extra", "substitute", "passive_active", "not_worked"):
                dialog.form.choose_kind(kind)
                assert unnamed_controls(dialog) == [], kind
        else:
            assert unnamed_controls(dialog) == []
        dialog.reject()
        qtbot.waitUntil(lambda: page.dialog is None and page.list.hasFocus())
