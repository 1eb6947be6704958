"""Every change a person makes in Timelister is undone and redone by keyboard (Ctrl+Z,
Ctrl+Shift+Z), the records matching before and after each time: a deviation (absence, a vikar
covers), a registered shift, a confirmation. An attestation is not undone: Undo says so and
points to a correction, and the attested data stays as it is."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from bpa_desktop.core.model import TimesheetStatus
from tests.records import records
from tests.ui.test_timesheets_page import AFTER_MAY, dialog_opened, go_to_list_and_find, go_to_previous_period
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
MAY = date(2026, 5, 1)


def state(ws, aid):
    return records(ws, aid, date(2026, 4, 20), date(2026, 6, 10), (MAY,))


def saved(qtbot, window, ws, aid, before):
    qtbot.waitUntil(lambda: not window.ctx.jobs.busy() and state(ws, aid) != before, timeout=15000)
    return state(ws, aid)


def undo_and_redo(qtbot, window, ws, aid, before, after, text: str) -> None:
    history = window.ctx.history
    assert history.undo_action.text() == f"Angre: {text}"
    for keys, expected, said in (((Qt.Key.Key_Z, CTRL), before, f"Angret: {text}"),
                                 ((Qt.Key.Key_Z, CTRL | SHIFT), after, f"Gjort om: {text}"),
                                 ((Qt.Key.Key_Z, CTRL), before, f"Angret: {text}")):
        press(qtbot, *keys)
        qtbot.waitUntil(lambda: not history.busy and window.history_label.text() == said, timeout=15000)
        assert state(ws, aid) == expected


def register_deviation(qtbot, page, reason: str, prepare) -> None:
    press(qtbot, Qt.Key.Key_D, CTRL)
    dialog = dialog_opened(qtbot, page)
    prepare(dialog.form)
    dialog.form.reason.setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.form.reason)
    type_text(qtbot, reason)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15000)
    assert focused() is page.list  # back in the list, where the person was


def test_sick_days_are_undone_and_redone(qtbot, demo_window, demo_workspace, demo_arrangement_id, demo_today):
    ws, aid = demo_workspace, demo_arrangement_id
    # the whole month once it is over (days still to come cannot be confirmed)
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page)
    go_to_list_and_find(qtbot, page, "Linnea Strand")
    before = state(ws, aid)

    def three_days(form) -> None:
        form.absence_start.setDate(date(2026, 5, 25))
        form.absence_end.setDate(date(2026, 5, 27))

    register_deviation(qtbot, page, "Influensa", three_days)
    after = saved(qtbot, demo_window, ws, aid, before)
    assert [(a.start, a.end) for a in ws.timesheets.list_absences(aid, date(2026, 5, 25), date(2026, 5, 27))] == [
        (date(2026, 5, 25), date(2026, 5, 27))]
    undo_and_redo(qtbot, demo_window, ws, aid, before, after, "Linnea Strand: egenmelding 25.05–27.05")


def test_a_vikar_covering_is_undone_and_the_other_pages_hear_it(qtbot, demo_window, demo_workspace,
                                                                  demo_arrangement_id, demo_today):
    ws, aid = demo_workspace, demo_arrangement_id
    # the whole month once it is over (days still to come cannot be confirmed)
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page)
    go_to_list_and_find(qtbot, page, "Linnea Strand")
    overview = demo_window.pages["oversikt"]
    overview._stale, overview.is_loaded = False, True  # shown before: the change must make it stale
    chosen = {}

    def substitute(form) -> None:
        form.choose_kind("substitute")
        chosen["day"] = form.shift.currentData().day
        chosen["who"] = form.other.currentText()

    before = state(ws, aid)
    register_deviation(qtbot, page, "Syk", substitute)
    after = saved(qtbot, demo_window, ws, aid, before)
    assert overview._stale and not overview.is_loaded
    day = chosen["day"]
    undo_and_redo(qtbot, demo_window, ws, aid, before, after,
                  f"{chosen['who']} dekker for Linnea Strand {day:%d.%m}")


def test_a_registered_shift_is_undone(qtbot, demo_window, demo_workspace, demo_arrangement_id, demo_today):
    ws, aid = demo_workspace, demo_arrangement_id
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    (waiting,) = ws.timesheets.shifts_to_register(aid, demo_today)
    name = next(a.name for a in ws.people.list_assistants(aid) if str(a.id) == waiting.planned.assistant)
    before = state(ws, aid)
    press(qtbot, Qt.Key.Key_R, CTRL)
    dialog = dialog_opened(qtbot, page)
    qtbot.waitUntil(lambda: dialog.is_loaded and dialog.table.hasFocus())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=15000)
    after = saved(qtbot, demo_window, ws, aid, before)
    undo_and_redo(qtbot, demo_window, ws, aid, before, after, f"Vakten til {name} {demo_today:%d.%m} registrert")


def test_a_confirmation_is_withdrawn(qtbot, demo_window, demo_workspace, demo_arrangement_id, demo_today):
    ws, aid = demo_workspace, demo_arrangement_id
    # the whole month once it is over (days still to come cannot be confirmed)
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page)
    go_to_list_and_find(qtbot, page, "Linnea Strand")
    label = page.current_entry().detail.period.label()
    assert page.current_entry().status in (None, TimesheetStatus.DRAFT)
    before = state(ws, aid)
    press(qtbot, Qt.Key.Key_B, CTRL)
    after = saved(qtbot, demo_window, ws, aid, before)
    linnea = next(a.id for a in ws.people.list_assistants(aid) if a.name == "Linnea Strand")
    assert ws.timesheets.preview_timesheet(linnea, MAY).timesheet.status is TimesheetStatus.CONFIRMED
    undo_and_redo(qtbot, demo_window, ws, aid, before, after, f"Bekreftelse av timelisten til Linnea Strand, {label}")


def test_an_attestation_is_not_undone_and_undo_points_to_a_correction(qtbot, demo_window, demo_workspace,
                                                                      demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page)
    go_to_list_and_find(qtbot, page, "Sara Nilsen")
    label = page.current_entry().detail.period.label()
    press(qtbot, Qt.Key.Key_T, CTRL)
    dialog_opened(qtbot, page)
    press(qtbot, Qt.Key.Key_Return)  # attest and lock
    qtbot.waitUntil(lambda: not demo_window.ctx.jobs.busy() and page.current_entry() is not None
                    and page.current_entry().status is TimesheetStatus.ATTESTED, timeout=15000)
    attested = state(ws, aid)
    history = demo_window.ctx.history
    text = f"Attestering av timelisten til Sara Nilsen, {label}"
    assert history.undo_action.text() == f"Kan ikke angre: {text}" and history.undo_action.isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "korrigering" in demo_window.history_label.text(), timeout=15000)
    said = demo_window.history_label.text()
    assert "kan ikke angres" in said and "Korriger" in said and "Ctrl+K" in said
    assert state(ws, aid) == attested  # nothing changed
    assert history.undo_action.text() == f"Kan ikke angre: {text}"  # and Undo still says so
    sara = next(t for t in ws.timesheets.list_timesheets(aid, MAY) if t.id == page.current_entry().timesheet.id)
    assert sara.status is TimesheetStatus.ATTESTED and ws.timesheets.verify_timesheet(sara.id)
