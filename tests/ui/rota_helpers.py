"""Helpers for the Turnus page tests: shift codes in the workspace, opening the page, typing in cells."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import (
    Arrangement, ArrangementSetup, Assistant, EmployerKind, NeedBlock, ShiftTemplate, Vedtak,
)
from tests.ui.ui_helpers import VALID_ORG_NO

TEMPLATES = (
    ShiftTemplate("D", "Dagvakt", "08:00", "16:00", colour="#59a14f"),
    ShiftTemplate("A", "Kveldsvakt", "15:00", "22:30", colour="#f28e2b"),
    ShiftTemplate("N", "Nattevakt", "22:00", "08:00", "23:00", "07:00", "#4e79a7"),
)


def add_templates_and_assistant(workspace, arrangement) -> list[Assistant]:
    for template in TEMPLATES:
        workspace.rota.save_shift_template(arrangement.id, template)
    workspace.people.add_assistant(Assistant(None, arrangement.id, "Anne Berg", "1002", 60,
                                      start_date=date(date.today().year - 1, 1, 1)))
    return workspace.people.list_assistants(arrangement.id)  # ordered by name: Anne, Per


def open_rota(qtbot, window):
    page = window.show_page("turnus")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10000)
    return page


def type_code(qtbot, view, code: str) -> None:
    """Type a code into the current cell and press Enter, as a person does."""
    qtbot.keyClicks(view, code)
    editing = QAbstractItemView.State.EditingState
    assert view.state() == editing, "typing did not open the cell editor"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # the delegate commits on a queued call
    qtbot.waitUntil(lambda: view.state() != editing and view.hasFocus())


def go_to(view, row: int, column: int) -> None:
    """Put the cursor on one cell, as a click does (the selection becomes that cell)."""
    view.setFocus()
    view.selectionModel().setCurrentIndex(view.model().index(row, column),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)


def rules_shown(page) -> set[str]:
    return {group.first.rule for group in page.findings.groups}


DAY = ShiftTemplate("D", "Dagvakt", "08:00", "15:30", colour="#59a14f")


def small_arrangement(workspace, people=(("Kari Nordmann", 60.0), ("Per Hansen", 60.0), ("Ola Berg", 50.0))):
    """Day shifts every day, three assistants, a vedtak of eight weeks from next Monday."""
    monday = cal.iso_monday(date.today()) + timedelta(weeks=1)
    arrangement = workspace.people.create_arrangement(ArrangementSetup(
        Arrangement(None, "Liten ordning", "Mottaker", "Leder", EmployerKind.MUNICIPALITY, "Testby kommune",
                    VALID_ORG_NO, "Testby", "tariff"),
        Vedtak(None, None, 52.5, monday, monday + timedelta(weeks=8, days=-1)),
        tuple(Assistant(None, None, name, str(1000 + n), pct, start_date=monday - timedelta(days=400))
              for n, (name, pct) in enumerate(people)),
    ))
    workspace.rota.save_shift_template(arrangement.id, DAY)
    workspace.rota.save_need_pattern(arrangement.id, [NeedBlock(d, "08:00", "15:30") for d in range(7)])
    return arrangement
