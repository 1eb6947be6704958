"""Every change in the Turnus calendar is undone and redone by keyboard: the records are as
before after Ctrl+Z and as after on Ctrl+Shift+Z / Ctrl+Y, the menu says what will be undone,
and the other pages hear the change. A roll-out ends the pattern's undo list honestly."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from bpa_desktop.ui.formatting import format_day
from tests.records import records
from tests.ui.rota_helpers import add_templates_and_assistant, go_to, open_rota, type_code
from tests.ui.ui_helpers import focused, press, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
START = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=1)  # next Monday
END = START + timedelta(weeks=4, days=-1)


@pytest.fixture
def calendar(qtbot, workspace, arrangement, window):
    anne, per = add_templates_and_assistant(workspace, arrangement)
    cells = {(anne.id, 0, 0): "D", (per.id, 0, 0): "N", (anne.id, 0, 2): "D"}
    workspace.rota.save_rota(arrangement.id, "Plan", 1, START, END, cells)
    page = open_rota(qtbot, window)
    page.tabs.setCurrentWidget(page.calendar)
    view = page.calendar
    view.show_date(START)
    qtbot.waitUntil(lambda: not window.ctx.runner.busy and bool(view.model.by_cell.get((per.id, START))),
                    timeout=10000)
    view.table.setFocus()
    return view, anne, per


def state(workspace, arrangement):
    return records(workspace, arrangement.id, START - timedelta(days=7), END + timedelta(days=7),
                   (START, START + timedelta(weeks=3)))


def opened(qtbot, view):
    """The change dialog opened by the shortcut, active, with the keyboard in it."""
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible()
                    and view.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    return view.dialog


def answer(qtbot, view, reason: str) -> None:
    """Type the reason into the open change dialog and press Enter."""
    reason_field = opened(qtbot, view).form.reason
    reason_field.setFocus()
    qtbot.waitUntil(lambda: focused() is reason_field)
    type_text(qtbot, reason)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is None, timeout=10000)


def undo_and_redo(qtbot, window, workspace, arrangement, before, after, text: str) -> None:
    history = window.ctx.history
    assert history.undo_action.text() == f"Angre: {text}"
    assert history.undo_action.isEnabled()
    for keys, expected, said in (((Qt.Key.Key_Z, CTRL), before, f"Angret: {text}"),
                                 ((Qt.Key.Key_Z, CTRL | SHIFT), after, f"Gjort om: {text}"),
                                 ((Qt.Key.Key_Z, CTRL), before, f"Angret: {text}"),
                                 ((Qt.Key.Key_Y, CTRL), after, f"Gjort om: {text}")):
        press(qtbot, *keys)
        qtbot.waitUntil(lambda: not history.busy and window.history_label.text() == said, timeout=10000)
        assert state(workspace, arrangement) == expected
        assert window.history_label.accessibleName() == said


def change(qtbot, window, workspace, arrangement, view, keys, reason, prepare=None):
    before = state(workspace, arrangement)
    press(qtbot, *keys)
    if prepare is not None:
        prepare(opened(qtbot, view))
    answer(qtbot, view, reason)
    qtbot.waitUntil(lambda: state(workspace, arrangement) != before, timeout=10000)
    qtbot.waitUntil(lambda: not window.ctx.jobs.busy(), timeout=10000)
    assert focused() is view.table  # back where the person was
    return before, state(workspace, arrangement)


def test_swap(qtbot, workspace, arrangement, window, calendar):
    view, anne, per = calendar
    view.select_cell(anne.id, START)
    view.select_cell(per.id, START, add=True)
    before, after = change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_W, CTRL | SHIFT), "Legetime")
    assert {(s.assistant, s.code) for s in workspace.rota.list_planned_shifts(arrangement.id, START, START)} == {
        (str(anne.id), "N"), (str(per.id), "D")}
    undo_and_redo(qtbot, window, workspace, arrangement, before, after,
                  f"Anne Berg og Per Hansen bytter vakt {format_day(START)}")


def test_substitute_reaches_the_timesheets_page(qtbot, workspace, arrangement, window, calendar):
    view, anne, per = calendar
    sheets = window.pages["timelister"]
    sheets.is_loaded = True  # as if it had been shown: a change must make it read again
    sheets._stale = False
    view.select_cell(anne.id, START)
    before, after = change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_U, CTRL | SHIFT), "Syk")
    assert sheets._stale and not sheets.is_loaded  # it heard `calendar`/`timesheets`: reads when shown
    (shift,) = [s for s in workspace.rota.list_planned_shifts(arrangement.id, START, START) if s.code == "D"]
    assert shift.assistant == str(per.id)
    undo_and_redo(qtbot, window, workspace, arrangement, before, after,
                  f"Per Hansen tar vakten til Anne Berg {format_day(START)}")


def test_new_times(qtbot, workspace, arrangement, window, calendar):
    view, anne, _per = calendar
    view.select_cell(anne.id, START)

    def later_end(dialog) -> None:
        dialog.form.end.setFocus()
        qtbot.waitUntil(lambda: focused() is dialog.form.end)
        type_text(qtbot, "1700")

    before, after = change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_T, CTRL | SHIFT), "Tur",
                           later_end)
    (shift,) = [s for s in workspace.rota.list_planned_shifts(arrangement.id, START, START) if s.code == "D"]
    assert shift.end.hour == 17 or shift.end.astimezone().hour == 17
    undo_and_redo(qtbot, window, workspace, arrangement, before, after,
                  f"Nye tider for Anne Berg {format_day(START)}")


def test_cancel(qtbot, workspace, arrangement, window, calendar):
    view, _anne, per = calendar
    view.select_cell(per.id, START)
    before, after = change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_Delete, CTRL | SHIFT),
                           "Ikke behov")
    assert not [s for s in workspace.rota.list_planned_shifts(arrangement.id, START, START) if s.code == "N"]
    undo_and_redo(qtbot, window, workspace, arrangement, before, after,
                  f"Vakten til Per Hansen {format_day(START)} avlyst")


def test_extra_shift(qtbot, workspace, arrangement, window, calendar):
    view, _anne, per = calendar
    day = START + timedelta(days=1)
    view.select_cell(per.id, day)
    before, after = change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_X, CTRL | SHIFT), "Bursdag")
    assert [s.assistant for s in workspace.rota.list_planned_shifts(arrangement.id, day, day)] == [str(per.id)]
    undo_and_redo(qtbot, window, workspace, arrangement, before, after, f"Ekstravakt for Per Hansen {format_day(day)}")


def test_an_undo_the_records_no_longer_allow_says_why_and_changes_nothing(qtbot, workspace, arrangement, window,
                                                                          calendar):
    view, anne, _per = calendar
    view.select_cell(anne.id, START)
    change(qtbot, window, workspace, arrangement, view, (Qt.Key.Key_U, CTRL | SHIFT), "Syk")
    # behind the window's back the day's plan is replaced (another window, the CLI)
    workspace.rota.replace_planned_shifts(arrangement.id, START, START, [], "import")
    kept = state(workspace, arrangement)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    history = window.ctx.history
    qtbot.waitUntil(lambda: not history.busy and window.history_label.text().startswith("Kunne ikke angre"),
                    timeout=10000)
    assert "endret siden" in window.history_label.text() and "tatt ut av angrelisten" in window.history_label.text()
    assert state(workspace, arrangement) == kept
    assert not history.undo_action.isEnabled()  # the step is gone, nothing claims otherwise


def test_a_failed_change_shows_its_message_and_loses_nothing(qtbot, workspace, arrangement, window, calendar):
    view, anne, _per = calendar
    view.select_cell(anne.id, START)
    (shift,) = [s for s in workspace.rota.list_planned_shifts(arrangement.id, START, START) if s.code == "D"]
    workspace.timesheets.record_worked_shift(arrangement.id, shift)  # registered meanwhile
    before = state(workspace, arrangement)
    press(qtbot, Qt.Key.Key_Delete, CTRL | SHIFT)
    answer(qtbot, view, "Ikke behov")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)
                    or any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "registrert" in box.text()
    box.close()
    assert state(workspace, arrangement) == before
    assert not window.ctx.history.undo_action.isEnabled()  # nothing to undo: nothing was done


def test_undo_after_a_roll_out_claims_nothing(qtbot, workspace, arrangement, window):
    add_templates_and_assistant(workspace, arrangement)
    page = open_rota(qtbot, window)
    view = page.view
    go_to(view, 0, 0)
    type_code(qtbot, view, "D")
    assert window.ctx.history.undo_action.text() == "Angre: sett en vakt"
    page.roll_out()
    qtbot.waitUntil(lambda: page.roll_button.isEnabled() and workspace.rota.current_rota(arrangement.id) is not None,
                    timeout=10000)
    said = page.message.text()
    assert said.startswith("Rullet ut") and "kan ikke lenger angres" in said
    assert not window.ctx.history.undo_action.isEnabled() and window.ctx.history.undo_action.text() == "Angre"
    view.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not page.undo_button.isEnabled()
    assert page.model.code_at(0, 0) == "D" and page.message.text() == said
    # Alt+A is «Fr&a» alone (the Angre button has no Alt letter): the focus goes there, nothing is undone
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert page.start.hasFocus() and page.model.code_at(0, 0) == "D" and page.message.text() == said
    assert workspace.rota.current_rota(arrangement.id).cells == page.model.cells
