""""X is sick, Y covers" by keyboard from the timesheet row: one dialog, one transaction, both
sheets linked, in at most 6 key presses; and "Registrer avvik → Vikar" still offers a shift
after its day was registered as absence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bpa_desktop.core.model import AbsenceKind, RotaChangeKind
from bpa_desktop.core.timesheet import RowStatus
from tests.ui.test_timesheets_page import dialog_opened, go_to_list_and_find, reloaded
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class Keys:
    """Key presses to the focused widget, counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def __call__(self, key, modifier=None) -> None:
        self.count += 1
        press(self.qtbot, key, modifier)


def _next_open_shift(ws, assistant_id, today):
    detail = ws.timesheets.preview_timesheet(assistant_id, today)
    return next(r for r in detail.rows if r.status is RowStatus.PLANNED and r.day > today)


def test_sick_and_covered_from_the_timesheet_row_in_two_keys(qtbot, demo_window, demo_workspace,
                                                            demo_arrangement_id, demo_today):
    ws = demo_workspace
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    amir = page.current_entry().assistant
    hanne = next(a for a in ws.people.list_assistants(demo_arrangement_id) if a.name == "Hanne Øverby")
    row = _next_open_shift(ws, amir.id, demo_today)
    page.detail.select_day(row.day)  # the user is on the sick day's row
    assert focused() is page.detail.days and page.detail.current_day() == row.day

    keys = Keys(qtbot)
    keys(Qt.Key.Key_D, CTRL | SHIFT)  # Syk – vikar dekker…
    dialog = dialog_opened(qtbot, page)
    form = dialog.form
    assert form.current_kind == "sick_cover"
    assert form.absence_kind.currentData() == AbsenceKind.SELF_CERTIFIED.value
    assert form.other.currentText() == "Hanne Øverby"  # the vikar first
    keys(Qt.Key.Key_Return)  # Registrer
    reloaded(qtbot, page, lambda: page.view is not None and any(
        r.status is RowStatus.COVERED for r in page.view.detail.rows))
    assert keys.count <= 6, keys.count
    print(f"sick + cover from the timesheet row: {keys.count} key presses")

    absences = ws.timesheets.list_absences(demo_arrangement_id, row.day, row.day)
    assert [(a.assistant_id, a.kind) for a in absences] == [(amir.id, AbsenceKind.SELF_CERTIFIED)]
    changes = ws.rota.list_rota_overrides(demo_arrangement_id, row.day, row.day)
    assert [(c.kind, c.assistant_id) for c in changes] == [(RotaChangeKind.SUBSTITUTE, hanne.id)]
    texts = [page.detail.days_model.text(r, 10) for r in range(page.detail.days_model.rowCount())]
    assert any("dekket av Hanne Øverby" in t for t in texts)
    cover = ws.timesheets.preview_timesheet(hanne.id, row.day)
    linked = [r for r in cover.rows if r.day == row.day]
    assert linked and linked[0].covers.assistant_id == amir.id


def test_registrer_avvik_vikar_still_offers_the_shift_of_a_day_of_absence(qtbot, demo_window, demo_workspace,
                                                                         demo_arrangement_id, demo_today):
    from bpa_desktop.core.model import Absence

    ws = demo_workspace
    amir = next(a for a in ws.people.list_assistants(demo_arrangement_id) if a.name == "Amir Karimi")
    row = _next_open_shift(ws, amir.id, demo_today)
    ws.timesheets.add_absence(Absence(None, amir.id, AbsenceKind.SICK_NOTE, row.day, row.day))
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    page.detail.select_day(row.day)
    press(qtbot, Qt.Key.Key_D, CTRL)
    dialog = dialog_opened(qtbot, page)
    dialog.form.choose_kind("substitute")
    offered = [dialog.form.shift.itemData(i) for i in range(dialog.form.shift.count())]
    assert any(r.day == row.day and r.status is RowStatus.ABSENT for r in offered)
    assert dialog.form.shift.currentData().day == row.day  # the row the user was on
    press(qtbot, Qt.Key.Key_Escape)


def test_the_same_dialog_from_the_turnus_calendar(qtbot, demo_window, demo_workspace, demo_arrangement_id,
                                                  demo_today):
    ws = demo_workspace
    amir = next(a for a in ws.people.list_assistants(demo_arrangement_id) if a.name == "Amir Karimi")
    row = _next_open_shift(ws, amir.id, demo_today)
    page = demo_window.show_page("turnus", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded, timeout=15000)
    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    calendar.show_date(row.day)
    qtbot.waitUntil(lambda: bool(calendar.model.by_cell.get((amir.id, row.day))), timeout=15000)
    calendar.select_cell(amir.id, row.day)
    calendar.table.setFocus()
    keys = Keys(qtbot)
    keys(Qt.Key.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: calendar.dialog is not None and calendar.dialog.isVisible(), timeout=15000)
    form = calendar.dialog.form
    assert form.current_kind == "sick_cover" and form.other.currentText() == "Hanne Øverby"
    keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calendar.dialog is None and not demo_window.ctx.runner.busy, timeout=15000)
    assert keys.count == 2
    sheet = ws.timesheets.preview_timesheet(amir.id, row.day)
    covered = [r for r in sheet.rows if r.day == row.day]
    assert covered[0].status is RowStatus.COVERED and covered[0].absence_pay.paid
