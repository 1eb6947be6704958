"""«Finn vikar» from the Kalender by keyboard alone: Tab to the plan, arrow keys to a shift
someone cannot take (or a day of the row of hours not covered), Ctrl+Shift+V, arrow keys to a
candidate, Enter gives the shift with the reason; Esc leaves everything as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Absence, AbsenceKind, RotaChangeKind
from tests.ui.rota_helpers import open_rota, small_arrangement
from tests.ui.ui_helpers import focused, press, unnamed_controls

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def planned(workspace):
    """A one-week rota from next Monday: Kari Mon-Wed, Per Thu-Fri, Ola the weekend; Lise has
    no shifts."""
    arrangement = small_arrangement(workspace, (("Kari Nordmann", 60.0), ("Per Hansen", 60.0), ("Ola Berg", 50.0),
                                                ("Lise Dahl", 40.0)))
    ids = {a.name: a.id for a in workspace.people.list_assistants(arrangement.id)}
    monday = cal.iso_monday(date.today()) + timedelta(weeks=1)
    cells = {(ids[name], 0, d): "D" for name, days in (("Kari Nordmann", (0, 1, 2)), ("Per Hansen", (3, 4)),
                                                       ("Ola Berg", (5, 6))) for d in days}
    workspace.rota.save_rota(arrangement.id, "Uke", 1, monday, monday + timedelta(weeks=4, days=-1), cells)
    return arrangement.id, ids, monday


def open_calendar(qtbot, window, monday):
    """The Turnus page, Alt+K to «&Kalender», Tab until the plan has focus; the calendar shows
    the rota from its first Monday."""
    page = open_rota(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_K, ALT)
    calendar = page.calendar
    assert page.tabs.currentWidget() is calendar
    qtbot.waitUntil(lambda: calendar.model.days[:1] == [monday] and bool(calendar.model.by_cell), timeout=10000)
    for _ in range(20):
        if calendar.table.hasFocus():
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert calendar.table.hasFocus(), f"Tab never reached the plan (stuck on {type(focused()).__name__})"
    return page, calendar


def arrow_to(qtbot, calendar, row: int, column: int) -> None:
    """Ctrl+Home, then arrow keys: the cursor (and the selection) is that one cell."""
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(row):
        press(qtbot, Qt.Key.Key_Down)
    for _ in range(column):
        press(qtbot, Qt.Key.Key_Right)
    current = calendar.table.currentIndex()
    assert (current.row(), current.column()) == (row, column)
    assert [(i.row(), i.column()) for i in calendar.table.selectionModel().selectedIndexes()] == [(row, column)]


def finn_vikar(qtbot, calendar):
    press(qtbot, Qt.Key.Key_V, CTRL | SHIFT)
    qtbot.waitUntil(lambda: calendar.dialog is not None and calendar.dialog.isVisible())
    dialog = calendar.dialog
    qtbot.waitUntil(lambda: dialog.search is not None, timeout=15000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.candidates)
    return dialog


def candidate_names(dialog) -> list[str]:
    return [dialog.candidates.topLevelItem(i).text(0) for i in range(dialog.candidates.topLevelItemCount())]


def cell_text(calendar, name: str, day: date) -> str:
    row = next(r for r, a in enumerate(calendar.model.assistants) if a.name == name)
    return calendar.model.index(row, calendar.model.days.index(day)).data()


def test_finn_vikar_for_a_sick_day_by_arrow_keys_and_enter(qtbot, planned, window, workspace):
    arrangement_id, ids, monday = planned
    wednesday = monday + timedelta(days=2)
    workspace.timesheets.add_absence(Absence(None, ids["Kari Nordmann"], AbsenceKind.SELF_CERTIFIED, wednesday, wednesday))
    workspace.timesheets.add_absence(Absence(None, ids["Ola Berg"], AbsenceKind.HOLIDAY, wednesday, wednesday))
    page, calendar = open_calendar(qtbot, window, monday)
    row = next(r for r, a in enumerate(calendar.model.assistants) if a.id == ids["Kari Nordmann"])
    arrow_to(qtbot, calendar, row, calendar.model.days.index(wednesday))
    assert calendar.vikar_button.isEnabled()
    dialog = finn_vikar(qtbot, calendar)
    assert unnamed_controls(dialog) == []
    names = candidate_names(dialog)
    assert sorted(names) == ["Lise Dahl", "Per Hansen"]  # Kari is sick, Ola on holiday
    refused = [dialog.refused.topLevelItem(i).text(0) for i in range(dialog.refused.topLevelItemCount())]
    assert "Ola Berg" in refused and "Kari Nordmann" not in names
    first = dialog.search.candidates[0]
    assert dialog.candidates.topLevelItem(0).text(1).startswith(str(int(first.week_hours)))
    assert dialog.reason.text() == "Vikar for Kari Nordmann"

    press(qtbot, Qt.Key.Key_Down)  # the second best
    chosen = dialog.search.candidates[1]
    assert dialog.candidates.currentItem().text(0) == chosen.name
    warnings = "; ".join(sorted({f.message for f in chosen.new_warnings})) or "ingen"
    assert dialog.details.text() == f"{chosen.name} – nye advarsler: {warnings}"  # in full, not cut to the column
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calendar.dialog is None, timeout=10000)
    qtbot.waitUntil(calendar.table.hasFocus)

    (change,) = workspace.rota.list_rota_overrides(arrangement_id, wednesday, wednesday)
    assert change.kind is RotaChangeKind.SUBSTITUTE and change.reason == "Vikar for Kari Nordmann"
    assert change.assistant_id == int(chosen.assistant)
    (stored,) = workspace.rota.list_planned_shifts(arrangement_id, wednesday, wednesday)
    assert int(stored.assistant) == int(chosen.assistant)
    # the calendar shows it: the shift (marked ↪) on the vikar's row, Kari's day free
    qtbot.waitUntil(lambda: cell_text(calendar, chosen.name, wednesday) == "D↪", timeout=10000)
    assert cell_text(calendar, "Kari Nordmann", wednesday) == ""


def test_esc_in_finn_vikar_changes_nothing(qtbot, planned, window, workspace):
    arrangement_id, ids, monday = planned
    wednesday = monday + timedelta(days=2)
    before = workspace.rota.list_planned_shifts(arrangement_id, monday, monday + timedelta(days=6))
    page, calendar = open_calendar(qtbot, window, monday)
    row = next(r for r, a in enumerate(calendar.model.assistants) if a.id == ids["Kari Nordmann"])
    arrow_to(qtbot, calendar, row, calendar.model.days.index(wednesday))
    dialog = finn_vikar(qtbot, calendar)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: calendar.dialog is None, timeout=10000)
    qtbot.waitUntil(calendar.table.hasFocus)
    assert dialog.given is None
    window.ctx.runner.wait_for_done()
    assert workspace.rota.list_rota_overrides(arrangement_id, monday, monday + timedelta(days=6)) == []
    assert workspace.rota.list_planned_shifts(arrangement_id, monday, monday + timedelta(days=6)) == before
    assert cell_text(calendar, "Kari Nordmann", wednesday) == "D"


def test_finn_vikar_on_the_gap_row_fills_a_cancelled_shift(qtbot, planned, window, workspace):
    arrangement_id, ids, monday = planned
    thursday = monday + timedelta(days=3)
    shift = next(s for s in workspace.rota.list_planned_shifts(arrangement_id, thursday, thursday))
    workspace.rota.change_planned_shift(arrangement_id, shift.id, kind="cancel", reason="Avlyst")
    page, calendar = open_calendar(qtbot, window, monday)
    gap_row = len(calendar.model.assistants)
    assert calendar.model.is_gap_row(gap_row) and calendar.model.gap_hours[thursday] == pytest.approx(7.5)
    arrow_to(qtbot, calendar, gap_row, calendar.model.days.index(thursday))
    assert calendar.vikar_button.isEnabled()
    dialog = finn_vikar(qtbot, calendar)
    assert dialog.reason.text() == "Behov som ikke er dekket"
    chosen = dialog.search.candidates[0]
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calendar.dialog is None, timeout=10000)
    assert workspace.rota.coverage_gaps(arrangement_id, thursday, thursday) == []
    kinds = sorted(c.kind.value for c in workspace.rota.list_rota_overrides(arrangement_id, thursday, thursday))
    assert kinds == ["cancel", "extra"]
    qtbot.waitUntil(lambda: calendar.model.gap_hours.get(thursday, 0) == 0, timeout=10000)
    assert cell_text(calendar, chosen.name, thursday) == "D+"
