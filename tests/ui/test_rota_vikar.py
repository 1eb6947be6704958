"""«Finn vikar» from the Kalender by keyboard: on a shift someone cannot take, and on a day of
the row of hours not covered; Enter gives the shift to the best candidate with the reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import RotaChangeKind
from tests.ui.rota_helpers import open_rota, small_arrangement
from tests.ui.ui_helpers import unnamed_controls

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def planned(workspace):
    """A one-week rota from next Monday: Kari Mon-Wed, Per Thu-Fri, Ola the weekend."""
    arrangement = small_arrangement(workspace)
    ids = {a.name: a.id for a in workspace.people.list_assistants(arrangement.id)}
    monday = cal.iso_monday(date.today()) + timedelta(weeks=1)
    cells = {(ids[name], 0, d): "D" for name, days in (("Kari Nordmann", (0, 1, 2)), ("Per Hansen", (3, 4)),
                                                       ("Ola Berg", (5, 6))) for d in days}
    workspace.rota.save_rota(arrangement.id, "Uke", 1, monday, monday + timedelta(weeks=4, days=-1), cells)
    return arrangement.id, ids, monday


def open_calendar(qtbot, window, day):
    page = open_rota(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_D, ALT)  # «Kalen&der»
    assert page.tabs.currentWidget() is page.calendar
    calendar = page.calendar
    with qtbot.waitSignal(calendar.loaded, timeout=10000):
        calendar.show_date(day)
    return page, calendar


def put_cursor(calendar, row: int, column: int) -> None:
    calendar.table.setFocus()
    calendar.table.selectionModel().setCurrentIndex(calendar.model.index(row, column),
                                                    QItemSelectionModel.SelectionFlag.ClearAndSelect)


def finn_vikar(qtbot, calendar):
    qtbot.keyClick(calendar.table, Qt.Key.Key_V, CTRL | SHIFT)
    qtbot.waitUntil(lambda: calendar.dialog is not None and calendar.dialog.isVisible())
    dialog = calendar.dialog
    qtbot.waitUntil(lambda: dialog.search is not None, timeout=15000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.candidates)
    return dialog


def test_finn_vikar_for_a_sick_day_gives_the_shift_with_enter(qtbot, planned, window, workspace):
    arrangement_id, ids, monday = planned
    wednesday = monday + timedelta(days=2)
    page, calendar = open_calendar(qtbot, window, wednesday)
    row = next(r for r, a in enumerate(calendar.model.assistants) if a.id == ids["Kari Nordmann"])
    put_cursor(calendar, row, calendar.model.days.index(wednesday))
    dialog = finn_vikar(qtbot, calendar)
    assert unnamed_controls(dialog) == []
    names = [dialog.candidates.topLevelItem(i).text(0) for i in range(dialog.candidates.topLevelItemCount())]
    assert names and "Kari Nordmann" not in names
    assert {"Per Hansen", "Ola Berg"} <= set(names)
    first = dialog.search.candidates[0]
    assert dialog.candidates.topLevelItem(0).text(2).startswith(str(int(first.week_hours)))
    assert dialog.reason.text() == "Vikar for Kari Nordmann"

    qtbot.keyClick(dialog.candidates, Qt.Key.Key_Return)  # one keystroke gives it
    qtbot.waitUntil(lambda: calendar.dialog is None, timeout=10000)
    qtbot.waitUntil(calendar.table.hasFocus)
    (change,) = workspace.rota.list_rota_overrides(arrangement_id, wednesday, wednesday)
    assert change.kind is RotaChangeKind.SUBSTITUTE and change.reason == "Vikar for Kari Nordmann"
    assert change.assistant_id == int(first.assistant)


def test_finn_vikar_on_the_gap_row_fills_a_cancelled_shift(qtbot, planned, window, workspace):
    arrangement_id, ids, monday = planned
    thursday = monday + timedelta(days=3)
    shift = next(s for s in workspace.rota.list_planned_shifts(arrangement_id, thursday, thursday))
    workspace.rota.change_planned_shift(arrangement_id, shift.id, kind="cancel", reason="Avlyst")
    page, calendar = open_calendar(qtbot, window, thursday)
    gap_row = len(calendar.model.assistants)
    assert calendar.model.is_gap_row(gap_row) and calendar.model.gap_hours[thursday] == pytest.approx(7.5)
    put_cursor(calendar, gap_row, calendar.model.days.index(thursday))
    assert calendar.vikar_button.isEnabled()
    dialog = finn_vikar(qtbot, calendar)
    assert dialog.reason.text() == "Behov som ikke er dekket"
    qtbot.keyClick(dialog.candidates, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calendar.dialog is None, timeout=10000)
    assert workspace.rota.coverage_gaps(arrangement_id, thursday, thursday) == []
    kinds = sorted(c.kind.value for c in workspace.rota.list_rota_overrides(arrangement_id, thursday, thursday))
    assert kinds == ["cancel", "extra"]
