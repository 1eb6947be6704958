"""«Lag forslag …» by keyboard alone: lock a cell, open the dialog, set the weeks, solve, take
the proposal (one undoable edit: a stored rota version), undo it; and the no-legal-rota
answer in the leader's words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.rota_helpers import go_to, open_rota, small_arrangement
from tests.ui.ui_helpers import focused, press, unnamed_controls

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
@pytest.fixture
def small(workspace):
    return small_arrangement(workspace)


@pytest.fixture
def lonely(workspace):
    return small_arrangement(workspace, people=(("Kari Nordmann", 60.0),))


@pytest.fixture
def page(qtbot, small, window):
    return open_rota(qtbot, window)


def open_dialog(qtbot, page):
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    return page.dialog


def search_for(qtbot, dialog, seconds: int) -> None:
    """Alt+L to «Tid til å &lete», type the seconds, Enter; wait for the search to end."""
    qtbot.keyClick(focused(), Qt.Key.Key_L, ALT)
    assert focused() is dialog.time_limit
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), str(seconds))
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.solving)
    qtbot.waitUntil(lambda: not dialog.solving, timeout=60000)


def test_propose_take_and_undo_by_keyboard(qtbot, page, workspace):
    arrangement_id = page.ctx.arrangement_id
    model = page.model
    # lock Kari's Monday of week 1 as a day shift: type D, then Ctrl+L on it
    go_to(page.view, 0, 0)
    qtbot.keyClicks(page.view, "D")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.code_at(0, 0) == "D")
    go_to(page.view, 0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_L, CTRL)
    assert model.key(0, 0) in model.locked and "låst" in model.describe(0, 0)

    dialog = open_dialog(qtbot, page)
    assert unnamed_controls(dialog) == []
    assert dialog.locked_list.count() == 1 and "D" in dialog.locked_list.item(0).text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.weeks)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "2")
    assert dialog.weeks.value() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_L, ALT)  # «Tid til å &lete»
    assert focused() is dialog.time_limit
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "2")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter: make a proposal
    qtbot.waitUntil(lambda: dialog.solving)
    qtbot.waitUntil(lambda: not dialog.solving, timeout=30000)
    assert dialog.use_button.isEnabled(), dialog.progress.text()
    assert "Forslaget er klart" in dialog.progress.text()
    proposal = dialog._result.result.proposal
    assert proposal.pattern.weeks == 2
    assert proposal.pattern.cells[(str(model.assistants[0].id), 0, 0)] == "D"  # the lock held
    assert dialog.proposal_pane.fairness.rowCount() == 3 and dialog.current_pane.fairness.rowCount() == 3
    assert not [f for f in proposal.findings if f.severity == "error"]
    assert focused() is dialog.use_button

    qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)  # «&Bruk forslaget»
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(page.view.hasFocus)  # focus is back where it was
    qtbot.waitUntil(lambda: page.undo_stack.count() >= 1 and page.writes.idle, timeout=10000)
    assert model.weeks == 2
    assert {(str(a), w, d): c for (a, w, d), c in model.cells.items()} == dict(proposal.pattern.cells)
    stored = workspace.rota.current_rota(arrangement_id)
    assert stored.weeks == 2 and {(str(a), w, d): c for (a, w, d), c in stored.cells.items()} == dict(proposal.pattern.cells)
    planned = workspace.rota.list_planned_shifts(arrangement_id, page.start_date, page.end_date)
    assert len(planned) == len(proposal.shifts)

    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)  # one edit: undo takes all of it back
    qtbot.waitUntil(lambda: page.writes.idle, timeout=10000)
    assert model.weeks == 4 and model.cells == {model.key(0, 0): "D"}
    assert workspace.rota.current_rota(arrangement_id) is None
    assert workspace.rota.list_planned_shifts(arrangement_id, page.start_date, page.end_date) == []
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL | SHIFT)  # and redo stores it again
    qtbot.waitUntil(lambda: page.writes.idle, timeout=10000)
    assert workspace.rota.current_rota(arrangement_id).weeks == 2 and model.weeks == 2


def test_no_legal_rota_says_why_and_what_would_help(qtbot, lonely, window):
    # one assistant cannot work every day of the week alone
    page = open_rota(qtbot, window)
    dialog = open_dialog(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.weeks)
    search_for(qtbot, dialog, 3)
    assert not dialog.use_button.isEnabled()
    assert dialog.explanation.isVisible() and focused() is dialog.explanation
    text = dialog.explanation.toPlainText()
    assert "Det finnes ingen lovlig turnus" in text and "Behov ingen kan dekke" in text
    assert "ville hjelpe" in text and "assistent" in text  # e.g. «2 assistenter til på til sammen 80 %»
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_the_demo_rota_has_no_error_on_the_turnus_page(qtbot, demo_window):
    page = open_rota(qtbot, demo_window)
    qtbot.waitUntil(lambda: page.checker.checked_all, timeout=30000)
    errors = [g for g in page.findings.groups if g.severity == "error"]
    assert errors == [], [g.first.message for g in errors]
    assert page.model.cells  # the planner's pattern is there


def test_the_current_pattern_is_counted_beside_the_proposal_as_the_page_counts_it(qtbot, demo_window):
    page = open_rota(qtbot, demo_window)
    qtbot.waitUntil(lambda: page.checker.checked_all, timeout=30000)
    on_page = page.findings.summary.text()  # e.g. «0 brudd, 15 advarsler»: grouped findings
    dialog = open_dialog(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.weeks)
    for expected in (dialog.band_min, dialog.band_max, dialog.time_limit, dialog.locked_list,
                     dialog.sliders["weekends"].slider):  # down the left column, then the weights
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is expected
    search_for(qtbot, dialog, 2)
    assert dialog.current_pane.summary.text().split(" · ")[0] == on_page
    groups = dialog._result.proposal_groups
    assert dialog.findings.count() == max(len(groups), 1)
    assert dialog.proposal_pane.summary.text() == f"0 brudd, {len(groups)} advarsler"
    assert f"{len(groups)} advarsler" in dialog.progress.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
