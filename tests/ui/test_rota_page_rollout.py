"""Roll the pattern out, then change single shifts in the calendar; sharing and approval."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import ShiftKind
from tests.ui.rota_helpers import (
    add_templates_and_assistant,
    go_to,
    open_rota,
    type_code,
)
from tests.ui.ui_helpers import unnamed_controls


@pytest.fixture
def assistants(workspace, arrangement):
    return add_templates_and_assistant(workspace, arrangement)


@pytest.fixture
def page(qtbot, assistants, window):
    return open_rota(qtbot, window)


def calendar_rules(calendar) -> set[str]:
    return {g.first.rule for g in calendar.findings.groups}


def answer(qtbot, calendar, reason: str, choice_index: int | None = None) -> None:
    qtbot.waitUntil(lambda: calendar.dialog is not None and calendar.dialog.isVisible())
    dialog = calendar.dialog
    if choice_index is not None:
        dialog.form.choice.setCurrentIndex(choice_index)
    dialog.form.reason.setText(reason)
    qtbot.keyClick(dialog.form.reason, Qt.Key.Key_Return)


def test_roll_out_then_swap_shows_and_clears_daily_rest(qtbot, page, workspace, arrangement, assistants):
    anne, per = assistants
    view = page.view
    go_to(view, 1, 0)  # Per: a night on Monday
    type_code(qtbot, view, "N")
    go_to(view, 0, 0)  # Anne: day shifts on Monday and Tuesday
    type_code(qtbot, view, "D")
    type_code(qtbot, view, "D")
    assert "daily-rest" not in {g.first.rule for g in page.findings.groups}

    qtbot.mouseClick(page.roll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.roll_button.isEnabled() and workspace.rota.current_rota(arrangement.id) is not None,
                    timeout=10000)
    start, end = page.start_date, page.end_date
    planned = workspace.rota.list_planned_shifts(arrangement.id, start, end)
    weeks = ((end - start).days + 1) // 7
    assert len(planned) >= 3 * (weeks // 4)
    assert {s.code for s in planned if s.assistant == str(per.id)} == {"N"}
    assert workspace.rota.current_rota(arrangement.id).cells == page.model.cells

    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    calendar.show_date(start)
    qtbot.waitUntil(lambda: bool(calendar.model.by_cell.get((per.id, start))), timeout=10000)
    assert "daily-rest" not in calendar_rules(calendar)
    assert unnamed_controls(calendar) == []

    # swap Per's night with Anne's day on the first Monday: Anne then has a night before her day shift
    calendar.select_cell(per.id, start)
    calendar.select_cell(anne.id, start, add=True)
    assert calendar.swap_button.isEnabled()
    qtbot.mouseClick(calendar.swap_button, Qt.MouseButton.LeftButton)
    answer(qtbot, calendar, "Per har legetime")
    qtbot.waitUntil(lambda: "daily-rest" in calendar_rules(calendar), timeout=10000)
    monday = workspace.rota.list_planned_shifts(arrangement.id, start, start)
    assert {(s.assistant, s.code, s.kind) for s in monday} == {
        (str(anne.id), "N", ShiftKind.SWAP), (str(per.id), "D", ShiftKind.SWAP)}
    assert workspace.rota.list_rota_overrides(arrangement.id, start, start)[0].reason == "Per har legetime"
    # the pattern did not change
    assert page.model.code_at(1, 0) == "N" and page.model.code_at(0, 0) == "D"

    # swap back: the finding goes away again
    calendar.select_cell(per.id, start)
    calendar.select_cell(anne.id, start, add=True)
    qtbot.mouseClick(calendar.swap_button, Qt.MouseButton.LeftButton)
    answer(qtbot, calendar, "Byttet tilbake")
    qtbot.waitUntil(lambda: "daily-rest" not in calendar_rules(calendar), timeout=10000)

    # cancel Per's night in the next cycle; the reason is required
    next_monday = start + timedelta(weeks=4)
    calendar.show_date(next_monday)
    qtbot.waitUntil(lambda: bool(calendar.model.by_cell.get((per.id, next_monday))), timeout=10000)
    calendar.select_cell(per.id, next_monday)
    qtbot.mouseClick(calendar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: calendar.dialog is not None)
    dialog = calendar.dialog
    qtbot.keyClick(dialog.form.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.form.error_text("reason")
    answer(qtbot, calendar, "Ingen behov denne natten")
    qtbot.waitUntil(lambda: not calendar.model.by_cell.get((per.id, next_monday)), timeout=10000)
    assert all(cal.to_local(s.start).date() != next_monday or s.assistant != str(per.id)
               for s in workspace.rota.list_planned_shifts(arrangement.id, next_monday, next_monday))


def test_approval_is_recorded_for_the_rolled_out_version(qtbot, page, workspace, arrangement, assistants, tmp_path):
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    page.roll_out()
    qtbot.waitUntil(lambda: page.approvals.rota_id() is not None, timeout=10000)
    panel = page.approvals
    page.tabs.setCurrentWidget(panel)
    assert unnamed_controls(panel) == []
    panel.role.setCurrentIndex(panel.role.findData("union_rep"))
    panel.who.setText("Tillitsvalgt")
    panel.approved.setChecked(True)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert panel.table.item(0, 1).text() == "Tillitsvalgt"
    (approval,) = workspace.participants.approvals(panel.rota_id())
    assert approval.approved_on is not None and approval.seen_on == approval.approved_on

    panel.save_path = tmp_path / "vakter.json"
    qtbot.mouseClick(panel.json_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.save_path.exists(), timeout=10000)
    assert '"bpa-shifts/1"' in panel.save_path.read_text(encoding="utf-8")
