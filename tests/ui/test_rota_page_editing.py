"""The Turnus page driven by keyboard and mouse: build a pattern, see findings live, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.rota_helpers import (
    add_templates_and_assistant,
    go_to,
    open_rota,
    rules_shown,
    type_code,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def assistants(workspace, arrangement):
    return add_templates_and_assistant(workspace, arrangement)


@pytest.fixture
def page(qtbot, assistants, window):
    return open_rota(qtbot, window)


def test_typing_a_night_then_a_day_shows_daily_rest_and_undo_removes_it(qtbot, page):
    view, model = page.view, page.model
    go_to(view, 0, 0)
    type_code(qtbot, view, "n")  # lower case is the N code
    assert model.code_at(0, 0) == "N"
    assert view.currentIndex().column() == 1  # Enter moved on to the next day
    assert "daily-rest" not in rules_shown(page)
    type_code(qtbot, view, "D")
    assert model.code_at(0, 1) == "D"
    # live: the finding is there at once, without waiting for the full check
    assert "daily-rest" in rules_shown(page)
    group = next(g for g in page.findings.groups if g.first.rule == "daily-rest")
    night, day = model.key(0, 0), model.key(0, 1)
    assert {night, day} <= group.cells
    assert model.marks[day] == "error"
    assert "Anne Berg" in model.describe(0, 1) and "D Dagvakt" in model.describe(0, 1)

    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert model.code_at(0, 1) is None
    assert "daily-rest" not in rules_shown(page)
    assert day not in model.marks
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert model.code_at(0, 1) == "D" and "daily-rest" in rules_shown(page)
    # the full check in the worker agrees once the user pauses
    qtbot.waitUntil(lambda: page.checker.checked_all, timeout=10000)
    assert "daily-rest" in rules_shown(page)


def test_unknown_code_is_refused_with_a_message(qtbot, page):
    go_to(page.view, 1, 3)
    type_code(qtbot, page.view, "X")
    assert page.model.code_at(1, 3) is None
    assert "X" in page.message.text() and "D" in page.message.text()
    assert not page.undo_stack.canUndo()


def test_build_four_weeks_by_keyboard_copy_paste_and_undo_it_all(qtbot, page):
    view, model = page.view, page.model
    assert model.weeks == 4
    # week 1 for Per (row 1): day shifts Monday to Friday, weekend free
    go_to(view, 1, 0)
    for _ in range(5):
        type_code(qtbot, view, "D")
    assert view.currentIndex().column() == 5
    # copy week 1 (Shift+Home selects back to Monday) and paste into weeks 2-4
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Home, SHIFT)
    assert len(view.selected_cells()) == 7
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    for monday in (7, 14, 21):
        go_to(view, 1, monday)
        qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert [model.code_at(1, c) or "" for c in range(28)] == (["D"] * 5 + ["", ""]) * 4
    # Anne takes the weekends' day shifts
    for saturday in (5, 12, 19, 26):
        go_to(view, 0, saturday)
        type_code(qtbot, view, "D")
        type_code(qtbot, view, "D")
    assert "daily-rest" not in rules_shown(page)
    # a mistake: Anne's Saturday in week 2 becomes a night before her Sunday day shift
    go_to(view, 0, 12)
    type_code(qtbot, view, "N")
    assert "daily-rest" in rules_shown(page)
    # Delete clears the cell again
    go_to(view, 0, 12)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.code_at(0, 12) is None and "daily-rest" not in rules_shown(page)
    steps = page.undo_stack.count()
    assert steps == 5 + 3 + 8 + 2
    built = dict(model.cells)
    assert len(built) == 20 + 8 - 1
    while page.undo_stack.canUndo():
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert model.cells == {}
    assert page.findings.groups == []
    # and all of it comes back with Ctrl+Y
    for _ in range(steps):
        qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert model.cells == built


def test_drag_moves_a_block_in_one_undo_step(qtbot, page):
    view, model = page.view, page.model
    go_to(view, 1, 0)
    type_code(qtbot, view, "D")
    type_code(qtbot, view, "A")
    view.select_cells([(1, 0), (1, 1)])
    viewport = view.viewport()
    source = view.visualRect(model.index(1, 0)).center()
    target = view.visualRect(model.index(0, 2)).center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=source)
    qtbot.mouseMove(viewport, target)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert (model.code_at(1, 0), model.code_at(1, 1)) == (None, None)
    assert (model.code_at(0, 2), model.code_at(0, 3)) == ("D", "A")
    assert sorted(view.selected_cells()) == [(0, 2), (0, 3)]
    page.undo_stack.undo()
    assert (model.code_at(1, 0), model.code_at(1, 1)) == ("D", "A")
    assert model.code_at(0, 2) is None


def test_weeks_change_is_undoable_and_keeps_cells(qtbot, page):
    view, model = page.view, page.model
    go_to(view, 0, 22)  # week 4
    type_code(qtbot, view, "D")
    page.weeks.setValue(2)
    assert model.columnCount() == 14 and model.weeks == 2 and not model.cells
    page.undo_stack.undo()
    assert page.weeks.value() == 4 and model.code_at(0, 22) == "D"


def test_f8_steps_to_a_finding_and_selects_its_cells(qtbot, page):
    view, model = page.view, page.model
    go_to(view, 1, 2)
    type_code(qtbot, view, "N")
    type_code(qtbot, view, "D")
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert page.findings.list.currentRow() == 0
    assert {(1, 2), (1, 3)} <= set(view.selected_cells())
    assert QApplication.focusWidget() is view
