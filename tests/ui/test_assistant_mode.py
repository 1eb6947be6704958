"""Assistent ved bordet (issue 12), driven by the keyboard only: an assistant chooses their name,
sets or enters their PIN, proposes what happened on a shift and confirms their month; the
leader accepts the proposal, sees who confirmed, and attests without being asked why. A wrong
PIN five times locks it; the leader's reset unlocks it; a month the assistant has not confirmed
asks the leader for a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from bpa_desktop.core.model import TimesheetStatus
from tests.ui.assistant_mode_helpers import (
    ALT, CTRL, SHIFT, choose_name, enter_pin, month_shown, open_assistant_mode, set_first_pin,
)
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press, replace_text, type_text, unnamed_controls

AFTER_MAY = date(2026, 6, 2)
MAY = date(2026, 5, 1)


def linnea(ws, arrangement_id):
    return next(a for a in ws.people.list_assistants(arrangement_id) if a.name == "Linnea Strand")


def go_to_may(qtbot, dialog) -> None:
    """Alt+M (Måned), Down: the month before."""
    press(qtbot, Qt.Key.Key_M, ALT)
    assert focused() is dialog.month_page.period
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.period is not None and dialog.period.start == MAY
                    and dialog.month_page.view is not None and dialog.month_page.view.period == "2026-05"
                    and not dialog.ctx.jobs.busy(), timeout=15000)


def test_assistant_mode_table_flow_propose_confirm_accept_attest(qtbot, demo_window, demo_workspace,
                                                                demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    assistant = linnea(ws, aid)
    before = ws.timesheets.preview_timesheet(assistant.id, MAY).total_hours

    dialog = open_assistant_mode(qtbot, demo_window, AFTER_MAY)
    assert not demo_window.centralWidget().isVisible()  # nothing of the leader's window while the mode is open
    assert unnamed_controls(dialog) == []
    choose_name(qtbot, dialog, "Linnea")
    set_first_pin(qtbot, dialog, "4711")
    month_shown(qtbot, dialog)
    assert unnamed_controls(dialog) == []
    go_to_may(qtbot, dialog)
    view = dialog.month_page.view
    assert view.display_name == "Linnea" and view.shifts
    shown = [dialog.month_page.model.text(row, 0) for row in range(dialog.month_page.model.rowCount())]
    assert len(shown) == len(view.shifts)
    assert "timer i alt" in dialog.month_page.total.text()

    press(qtbot, Qt.Key.Key_Tab)  # from the month to the shifts, the one just worked current
    assert focused() is dialog.month_page.table
    first = dialog.month_page.current_shift()
    assert first == view.shifts[-1]  # on 2 June the last of May's shifts is the one just worked
    press(qtbot, Qt.Key.Key_H, ALT)  # Hva skjedde: "Ble lenger" is the first choice
    assert focused() is dialog.month_page.form.change
    assert dialog.month_page.form.kind() == "stayed_longer"
    press(qtbot, Qt.Key.Key_I, ALT)  # Minutter
    replace_text(qtbot, "60")
    press(qtbot, Qt.Key.Key_K, ALT)  # Kommentar
    type_text(qtbot, "Ble til kvelden")
    press(qtbot, Qt.Key.Key_S, ALT)  # Send forslag
    qtbot.waitUntil(lambda: "forslaget ditt er sendt" in dialog.month_page.message.text().lower(), timeout=15000)
    (proposal,) = ws.participants.open_proposals(aid)
    assert proposal.proposal.channel == "table"

    press(qtbot, Qt.Key.Key_B, ALT)  # Bekreft måneden …
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, QMessageBox) and dialog.dialog.isVisible()
                    and dialog.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    assert "kontrollkode" in dialog.dialog.text()
    press(qtbot, Qt.Key.Key_Return)  # the default button: confirm
    qtbot.waitUntil(lambda: "måneden er bekreftet" in dialog.month_page.message.text(), timeout=15000)

    press(qtbot, Qt.Key.Key_Escape)  # Escape: back to the names, nothing of Linnea's month left
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.choose_page and dialog.month_page.view is None
                    and dialog.choose_page.names.count() > 0 and focused() is dialog.choose_page.names, timeout=10000)
    assert not demo_window.centralWidget().isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # on the names Escape leaves: the leader's window is back
    qtbot.waitUntil(lambda: demo_window.menus.dialog is None and demo_window.centralWidget().isVisible()
                    and QApplication.focusWidget() is not None and QApplication.focusWidget().window() is demo_window
                    and not demo_window.ctx.jobs.busy(), timeout=10000)

    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    qtbot.waitUntil(lambda: focused() is page.period, timeout=10000)
    page.is_loaded = False
    press(qtbot, Qt.Key.Key_Down)  # May
    qtbot.waitUntil(lambda: page.is_loaded, timeout=15000)
    while focused() is not page.list:
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Linn")
    qtbot.waitUntil(lambda: page.current_entry() is not None and page.current_entry().assistant.name == "Linnea Strand"
                    and page.view is not None and not page.ctx.runner.busy, timeout=15000)

    assert page.proposals_button.text() == "F&orslag fra assistentene (1) …"  # one waits
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # the assistants' proposals
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.loaded, timeout=15000)
    proposals = page.dialog
    assert unnamed_controls(proposals) == []
    assert proposals.model.rowCount() == 1 and proposals.model.text(0, 0) == "Linnea"
    assert proposals.model.text(0, 4) == "ved bordet"
    assert focused() is proposals.table
    press(qtbot, Qt.Key.Key_G, ALT)  # Godta
    qtbot.waitUntil(lambda: proposals.loaded and proposals.model.rowCount() == 0, timeout=15000)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None and page.is_loaded and not page.ctx.runner.busy
                    and not page.ctx.jobs.busy(), timeout=15000)
    qtbot.waitUntil(lambda: page.view is not None
                    and page.view.detail.total_hours == before + 1, timeout=15000)
    assert "bekreftet av assistenten (ved bordet)" in page.detail.state.text()

    press(qtbot, Qt.Key.Key_T, CTRL)  # attest: the plain question, no reason asked
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible()
                    and page.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    assert isinstance(page.dialog, QMessageBox) and "låser" in page.dialog.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.ctx.jobs.busy() and page.current_entry() is not None
                    and page.current_entry().status is TimesheetStatus.ATTESTED, timeout=15000)
    sheet = ws.timesheets.preview_timesheet(assistant.id, MAY).timesheet
    assert sheet.status is TimesheetStatus.ATTESTED and sheet.unconfirmed_reason is None
    assert proposal.proposal.shift_ref == first.shift_ref


def test_assistant_pin_five_wrong_tries_lock_and_the_leaders_reset_unlocks(qtbot, arrangement, window):
    dialog = open_assistant_mode(qtbot, window)
    choose_name(qtbot, dialog, "Per")
    set_first_pin(qtbot, dialog, "1234")
    month_shown(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Y, ALT)  # Bytt person: back to the names, nothing of Per's month left
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.choose_page and dialog.choose_page.names.count() > 0
                    and focused() is dialog.choose_page.names, timeout=10000)
    assert dialog.month_page.view is None and dialog.month_page.model.rowCount() == 0

    choose_name(qtbot, dialog, "Per")
    said = []
    for _ in range(5):
        enter_pin(qtbot, dialog, "9999")
        qtbot.waitUntil(lambda: dialog.pin_page.ok_button.isEnabled() or not dialog.pin_page.pin.isEnabled(),
                        timeout=15000)
        qtbot.waitUntil(lambda: not dialog.ctx.jobs.busy(), timeout=15000)
        said.append(dialog.pin_page.message.text())
        if not dialog.pin_page.pin.isEnabled():
            break
        assert focused() is dialog.pin_page.pin
    assert "4 forsøk igjen" in said[0] and "1 forsøk igjen" in said[3]
    assert "låst" in said[4] and "arbeidslederen" in said[4]
    assert dialog.stack.currentWidget() is dialog.pin_page and dialog.month_page.view is None

    press(qtbot, Qt.Key.Key_T, ALT)  # Tilbake: the names; choosing Per says the PIN is locked
    qtbot.waitUntil(lambda: focused() is dialog.choose_page.names and bool(dialog.choose_page.assistants), timeout=10000)
    choose_name(qtbot, dialog, "Per")
    assert dialog.stack.currentWidget() is dialog.choose_page
    assert "låst" in dialog.choose_page.message.text()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.menus.dialog is None and window.centralWidget().isVisible(), timeout=10000)

    page = window.show_page("assistenter", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and page.selected_row() >= 0 and not window.ctx.runner.busy, timeout=15000)
    press(qtbot, Qt.Key.Key_P, ALT)  # Nullstill PIN …: asks first
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible()
                    and page.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    assert "Per Hansen" in page.dialog.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "nullstilt" in page.message.text(), timeout=15000)

    dialog = open_assistant_mode(qtbot, window)
    choose_name(qtbot, dialog, "Per")
    set_first_pin(qtbot, dialog, "5678")  # unlocked: Per chooses a new PIN
    month_shown(qtbot, dialog)
    press(qtbot, Qt.Key.Key_A, ALT)  # Avslutt assistentmodus
    qtbot.waitUntil(lambda: window.menus.dialog is None, timeout=10000)


def test_assistant_pin_must_be_typed_twice_alike_and_have_4_to_8_digits(qtbot, arrangement, window):
    dialog = open_assistant_mode(qtbot, window)
    choose_name(qtbot, dialog, "Per")
    page = dialog.pin_page
    qtbot.waitUntil(lambda: focused() is page.pin, timeout=10000)
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert "4 til 8 sifre" in page.message.text() and focused() is page.pin
    replace_text(qtbot, "123456")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "654321")
    press(qtbot, Qt.Key.Key_Return)
    assert "ikke like" in page.message.text() and focused() is page.again
    type_text(qtbot, "123456")
    press(qtbot, Qt.Key.Key_Return)
    month_shown(qtbot, dialog)
    for keys in ((Qt.Key.Key_3, CTRL), (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)):
        press(qtbot, *keys)  # the leader's window takes no shortcut while the mode is open
        assert window.menus.dialog is dialog and QApplication.activeModalWidget() is dialog
        assert not window.centralWidget().isVisible() and dialog.stack.currentWidget() is dialog.month_page
    press(qtbot, Qt.Key.Key_A, ALT)  # Avslutt assistentmodus
    qtbot.waitUntil(lambda: window.menus.dialog is None and QApplication.activeModalWidget() is None, timeout=10000)


def test_assistant_mode_confirming_a_month_changed_meanwhile_reloads_and_says_so(qtbot, demo_window, demo_workspace,
                                                                                 demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    assistant = linnea(ws, aid)
    dialog = open_assistant_mode(qtbot, demo_window, AFTER_MAY)
    choose_name(qtbot, dialog, "Linnea")
    set_first_pin(qtbot, dialog, "2468")
    month_shown(qtbot, dialog)
    go_to_may(qtbot, dialog)
    seen = dialog.month_page.view
    # meanwhile the leader's record changes (a proposal accepted elsewhere)
    proposal = ws.participants.propose(assistant.id, MAY, shift_ref=seen.shifts[0].shift_ref, change="stayed_longer",
                                       minutes=30, channel="table")
    ws.participants.accept_proposal(proposal.id)
    press(qtbot, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, QMessageBox) and dialog.dialog.isVisible()
                    and dialog.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ble endret" in dialog.month_page.message.text(), timeout=15000)
    assert dialog.month_page.view != seen  # reloaded: what is shown now is what can be confirmed
    assert dialog.month_page.view.total_minutes == seen.total_minutes + 30
    press(qtbot, Qt.Key.Key_B, ALT)  # confirming the new view works
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, QMessageBox) and dialog.dialog.isVisible()
                    and dialog.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "måneden er bekreftet" in dialog.month_page.message.text(), timeout=15000)
    press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: demo_window.menus.dialog is None, timeout=10000)


def test_assistant_mode_attesting_an_unconfirmed_month_asks_the_leader_why(qtbot, demo_window, demo_workspace,
                                                                        demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    qtbot.waitUntil(lambda: focused() is page.period, timeout=10000)
    page.is_loaded = False
    press(qtbot, Qt.Key.Key_Down)  # May
    qtbot.waitUntil(lambda: page.is_loaded, timeout=15000)
    while focused() is not page.list:
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Jør")
    qtbot.waitUntil(lambda: page.current_entry() is not None and page.current_entry().assistant.name == "Jørgen Dahl"
                    and page.view is not None and not page.ctx.runner.busy, timeout=15000)
    assert "bekreftet av assistenten" not in page.detail.state.text()
    press(qtbot, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible()
                    and page.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    dialog = page.dialog
    assert not isinstance(dialog, QMessageBox) and "uten assistentens bekreftelse" in dialog.windowTitle()
    press(qtbot, Qt.Key.Key_Return)  # no reason: refused, nothing attested
    assert dialog.isVisible() and dialog.form.error_text("reason")
    type_text(qtbot, "Jørgen er på ferie; timene er sjekket mot vaktboka")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.ctx.jobs.busy() and page.current_entry() is not None
                    and page.current_entry().status is TimesheetStatus.ATTESTED, timeout=15000)
    jorgen = next(a for a in ws.people.list_assistants(aid) if a.name == "Jørgen Dahl")
    sheet = ws.timesheets.preview_timesheet(jorgen.id, MAY).timesheet
    assert sheet.status is TimesheetStatus.ATTESTED
    assert sheet.unconfirmed_reason == "Jørgen er på ferie; timene er sjekket mot vaktboka"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_assistant_mode_alt_letters_are_unique_on_each_step(qtbot, qapp, arrangement, workspace, language):
    """Each step of the mode (names, PIN, month) answers each Alt letter once, in both languages;
    the proposals dialog too."""
    from bpa_desktop.ui.assistant_mode.dialog import AssistantModeDialog
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.timesheets.proposals_dialog import ProposalsDialog
    from bpa_desktop.ui.translation import install_language
    from tests.ui.test_mnemonics import doubled

    install_language(qapp, language)
    try:
        ctx = AppContext(workspace)
        ctx.select_arrangement(arrangement)
        dialog = AssistantModeDialog(ctx)
        qtbot.addWidget(dialog)
        proposals = ProposalsDialog(ctx)
        qtbot.addWidget(proposals)
        for step in (dialog.choose_page, dialog.pin_page, dialog.month_page, proposals):
            owners = [b.text() for b in step.findChildren(QAbstractButton)]
            owners += [label.text() for label in step.findChildren(QLabel) if label.buddy() is not None]
            assert doubled(owners) == {}, type(step).__name__
        ctx.wait_for_done()
    finally:
        install_language(qapp, "nb")


def test_assistant_mode_leader_declines_a_link_proposal_with_a_reason(qtbot, demo_window, demo_workspace,
                                                                      demo_arrangement_id):
    """Link and table proposals are in the one list; Decline asks why (required) and changes no hours."""
    ws, aid = demo_workspace, demo_arrangement_id
    assistant = linnea(ws, aid)
    shifts = ws.participants.month_view(assistant.id, MAY).shifts
    ws.participants.propose(assistant.id, MAY, shift_ref=shifts[0].shift_ref, change="late_start", minutes=30,
                            comment="Bussen var sen", channel="link")
    ws.participants.propose(assistant.id, MAY, shift_ref=shifts[1].shift_ref, change="as_planned", channel="table")
    before = ws.timesheets.preview_timesheet(assistant.id, MAY).total_hours

    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.loaded, timeout=15000)
    proposals = page.dialog
    channels = sorted(proposals.model.text(row, 4) for row in range(proposals.model.rowCount()))
    assert channels == ["lenke", "ved bordet"]
    link_row = next(row for row in range(2) if proposals.model.text(row, 4) == "lenke")
    assert proposals.model.text(link_row, 3) == "Bussen var sen"
    while proposals.table.currentIndex().row() != link_row:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_A, ALT)  # Avslå …: asks why
    qtbot.waitUntil(lambda: proposals.dialog is not None and proposals.dialog.isVisible()
                    and proposals.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10000)
    reason = proposals.dialog
    press(qtbot, Qt.Key.Key_Return)  # no reason: refused
    assert reason.isVisible() and reason.form.error_text("reason")
    type_text(qtbot, "Vakten startet som planlagt etter vaktboka")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: proposals.dialog is None and proposals.loaded and proposals.model.rowCount() == 1,
                    timeout=15000)
    assert proposals.model.text(0, 4) == "ved bordet" and "Avslått" in proposals.message.text()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    (declined,) = [p for p in ws.participants.proposals(assistant.id) if p.status == "declined"]
    assert declined.channel == "link" and declined.decided_reason == "Vakten startet som planlagt etter vaktboka"
    assert ws.timesheets.preview_timesheet(assistant.id, MAY).total_hours == before
