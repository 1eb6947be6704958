"""Nothing a person typed into the Turnus pattern is lost (issue 16 item 9), by keyboard alone:
unsaved edits are marked on the Pattern tab and in the window title; they are kept as a draft
that the page offers back when it opens again; closing the window asks Roll out… / Save draft /
Discard / Cancel; undo never claims what it did not do; a roll-out with breaches or into the
past asks first and says what it filled."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.rota.unsaved import DRAFT_KIND
from tests.ui.rota_helpers import add_templates_and_assistant, go_to, open_rota, type_code
from tests.ui.test_mnemonics import alt_letters, doubled
from tests.ui.ui_helpers import focused, press, unnamed_controls

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def assistants(workspace, arrangement):
    return add_templates_and_assistant(workspace, arrangement)


@pytest.fixture
def page(qtbot, assistants, window):
    return open_rota(qtbot, window)


def new_window(qtbot, workspace):
    """The program started again over the same file (the earlier window is gone)."""
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    ctx = AppContext(workspace)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win and ctx.arrangements_loaded)
    return win


def focused_or_none():
    return QApplication.focusWidget()


def draft(workspace, arrangement):
    return workspace.drafts.load(DRAFT_KIND, arrangement.id)


def question(qtbot, page):
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    box = page.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def rolled_out(qtbot, page, workspace, arrangement):
    qtbot.waitUntil(lambda: page.roll_button.isEnabled() and page._rolling is None
                    and workspace.rota.current_rota(arrangement.id) is not None, timeout=10000)


def test_unsaved_edits_are_marked_and_cleared_by_undo_and_roll_out(qtbot, page, window, workspace, arrangement):
    bar = page.tabs.tabBar()
    assert page.tabs.tabText(0) == "&Mønster" and "(ulagret)" not in window.windowTitle()
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    assert page.tabs.tabText(0) == "&Mønster *"
    assert bar.accessibleTabName(0) == "Mønster, ikke rullet ut"
    assert window.windowTitle().endswith("(ulagret)")
    assert "ikke er rullet ut" in window.accessibleDescription()
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is not None, timeout=5000)  # kept on disk

    press(qtbot, Qt.Key.Key_Z, CTRL)  # back to the saved (empty) pattern: nothing unsaved, no draft
    assert page.tabs.tabText(0) == "&Mønster" and "(ulagret)" not in window.windowTitle()
    assert window.accessibleDescription() == ""
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is None, timeout=5000)

    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.tabs.tabText(0) == "&Mønster *"
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)  # Rull ut: no breaches, the period starts ahead: no question
    rolled_out(qtbot, page, workspace, arrangement)
    assert page.dialog is None
    assert page.tabs.tabText(0) == "&Mønster" and "(ulagret)" not in window.windowTitle()
    assert bar.accessibleTabName(0) == "Mønster"
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is None, timeout=5000)


def test_close_asks_and_esc_cancels_then_the_draft_is_saved_and_offered_back(qtbot, page, window, workspace,
                                                                            arrangement):
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    type_code(qtbot, page.view, "A")
    page.name.setText("Vinterturnus")  # the name goes with the draft
    window.navigation.setFocus()

    assert not window.close()
    box = question(qtbot, page)
    assert "ikke er rullet ut" in box.text()
    assert [b.text() for b in box.buttons()] == ["&Rull ut …", "&Lagre utkast", "&Forkast", "Avbryt"] or \
        {b.text() for b in box.buttons()} == {"&Rull ut …", "&Lagre utkast", "&Forkast", "Avbryt"}
    assert all(b.accessibleName() for b in box.buttons())
    press(qtbot, Qt.Key.Key_Escape)  # Avbryt
    qtbot.waitUntil(lambda: page.dialog is None)
    assert window.isVisible() and page.has_unsaved()
    assert page.model.code_at(0, 0) == "D" and page.model.code_at(0, 1) == "A"

    assert not window.close()
    question(qtbot, page)
    press(qtbot, Qt.Key.Key_L, ALT)  # Lagre utkast
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    kept = draft(workspace, arrangement)
    assert kept is not None and kept.content["name"] == "Vinterturnus"
    assert sorted(code for *_key, code in kept.content["cells"]) == ["A", "D"]
    assert workspace.rota.current_rota(arrangement.id) is None  # nothing was rolled out

    again = new_window(qtbot, workspace)
    page = open_rota(qtbot, again)
    assert page.model.cells == {}  # the saved version (none) until the person chooses
    assert page.draft_bar.isVisible()
    assert "ulagret utkast" in page.draft_bar.label.text()
    assert format_date(kept.saved_at.date()) in page.draft_bar.label.text()
    assert unnamed_controls(page.draft_bar) == []
    assert doubled(alt_letters(again)) == {}  # the offer's Alt letters are free on the page
    qtbot.waitUntil(lambda: focused() is page.draft_bar.continue_button)
    press(qtbot, Qt.Key.Key_Space)  # Fortsett med utkastet
    assert not page.draft_bar.isVisible()
    assert page.model.code_at(0, 0) == "D" and page.model.code_at(0, 1) == "A"
    assert page.name.text() == "Vinterturnus"
    assert page.has_unsaved() and again.windowTitle().endswith("(ulagret)")
    assert again.ctx.history.undo_action.text() == "Angre: fortsett med utkastet"

    press(qtbot, Qt.Key.Key_Z, CTRL)  # back to the saved version: the draft goes too
    assert page.model.cells == {} and not page.has_unsaved()
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is None, timeout=5000)


def test_a_draft_can_be_thrown_away_and_closing_can_discard(qtbot, page, window, workspace, arrangement):
    go_to(page.view, 1, 2)
    type_code(qtbot, page.view, "N")
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is not None, timeout=5000)  # as after a crash

    again = new_window(qtbot, workspace)
    other = open_rota(qtbot, again)
    qtbot.waitUntil(lambda: focused() is other.draft_bar.continue_button)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is other.draft_bar.discard_button
    press(qtbot, Qt.Key.Key_Space)  # Forkast utkastet
    assert not other.draft_bar.isVisible() and other.model.cells == {}
    qtbot.waitUntil(lambda: draft(workspace, arrangement) is None, timeout=5000)
    assert other.message.text() == "Utkastet er forkastet; mønsteret er den lagrede versjonen."
    again.close()  # nothing unsaved there: no question
    assert not again.isVisible()

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window.close()
    question(qtbot, page)
    press(qtbot, Qt.Key.Key_F, ALT)  # Forkast
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert draft(workspace, arrangement) is None
    assert workspace.rota.current_rota(arrangement.id) is None


def test_closing_can_roll_out_first(qtbot, page, window, workspace, arrangement):
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    assert not window.close()
    question(qtbot, page)
    press(qtbot, Qt.Key.Key_R, ALT)  # Rull ut …: no breaches, nothing in the past: it rolls out and closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    saved = workspace.rota.current_rota(arrangement.id)
    assert saved is not None and set(saved.cells.values()) == {"D"}
    assert draft(workspace, arrangement) is None


def test_undo_while_rolling_out_is_not_claimed_as_rolled_out(qtbot, page, window, workspace, arrangement):
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    type_code(qtbot, page.view, "D")
    undone = []

    def undo_at_once() -> None:  # Ctrl+Z right after Rull ut, before the roll-out is saved
        assert page._rolling is not None
        press(qtbot, Qt.Key.Key_Z, CTRL)
        undone.append(page.model.code_at(0, 1))

    page.roll_button.clicked.connect(undo_at_once)
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: undone == [None])
    rolled_out(qtbot, page, workspace, arrangement)
    said = page.message.text()
    assert "kan ikke lenger angres" not in said
    assert "slik mønsteret var da du valgte Rull ut" in said and "fortsatt ulagret" in said
    saved = workspace.rota.current_rota(arrangement.id)
    assert sorted(saved.cells.values()) == ["D", "D"]  # what was rolled out
    assert page.has_unsaved() and page.tabs.tabText(0) == "&Mønster *"  # the grid is not that
    assert window.ctx.history.undo_action.isEnabled()  # its undo list is what the grid went through

    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: the grid is the rolled-out version again
    assert not page.has_unsaved()


def test_roll_out_with_a_breach_asks_first(qtbot, page, workspace, arrangement):
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "N")
    type_code(qtbot, page.view, "D")  # a day shift straight after a night: daily rest broken
    assert any(g.severity == "error" for g in page.findings.groups)
    errors = sum(1 for g in page.findings.groups if g.severity == "error")

    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    box = question(qtbot, page)
    expected = "Turnusen har 1 brudd" if errors == 1 else f"Turnusen har {errors} brudd"
    assert expected in box.text() and box.text().endswith("Rulle ut likevel?")
    assert box.defaultButton() is box.escapeButton()  # Enter is the safe answer: Avbryt
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and focused_or_none() is page.view)
    assert workspace.rota.current_rota(arrangement.id) is None
    assert page.message.text() == "Ikke rullet ut: mønsteret er som du forlot det."
    assert page.has_unsaved()

    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    question(qtbot, page)
    press(qtbot, Qt.Key.Key_L, ALT)  # Rull ut likevel
    rolled_out(qtbot, page, workspace, arrangement)
    assert page.message.text().startswith("Rullet ut") and not page.has_unsaved()


def test_roll_out_into_the_past_says_how_many_days_and_asks(qtbot, page, workspace, arrangement):
    today = page.today
    start = today - timedelta(days=today.weekday(), weeks=2)  # the Monday two weeks back
    days = (today - start).days
    page.weeks.setFocus()
    qtbot.waitUntil(lambda: focused() is page.weeks)
    press(qtbot, Qt.Key.Key_Tab)  # into Fra, its text selected
    for character in start.strftime("%d.%m.%Y"):
        qtbot.keyClick(focused(), character)
    press(qtbot, Qt.Key.Key_Tab)
    assert page.start_date == start
    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    assert not any(g.severity == "error" for g in page.findings.groups)

    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    box = question(qtbot, page)
    assert "Turnusen har" not in box.text()
    yesterday = today - timedelta(days=1)
    assert (f"de {days} dagene fra {format_date(start)} til {format_date(yesterday)} er i fortiden"
            in box.text())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None and focused_or_none() is page.view)
    assert workspace.rota.current_rota(arrangement.id) is None

    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    question(qtbot, page)
    press(qtbot, Qt.Key.Key_L, ALT)
    rolled_out(qtbot, page, workspace, arrangement)
    assert f"{days} dager i fortiden ({format_date(start)}–{format_date(yesterday)}) ble fylt" in page.message.text()
    past = workspace.rota.list_planned_shifts(arrangement.id, start, yesterday)
    assert past and all(date.fromisoformat(str(s.start)[:10]) < today for s in past)


def test_a_reload_keeps_the_unsaved_edits(qtbot, page, window, workspace, arrangement):
    from bpa_desktop.core.model import Assistant
    from bpa_desktop.ui.operations.changes import Changes

    go_to(page.view, 0, 0)
    type_code(qtbot, page.view, "D")
    workspace.people.add_assistant(Assistant(None, arrangement.id, "Ola Vik", "1003", 40,
                                             start_date=date(date.today().year - 1, 1, 1)))
    window.ctx.broadcast(Changes.of("assistants"))  # another page added an assistant: Turnus reads again
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.is_loaded, timeout=10000)
    assert page.model.code_at(0, 0) == "D" and page.has_unsaved()
    assert page.tabs.tabText(0) == "&Mønster *" and not page.draft_bar.isVisible()
