"""Issue 12's browser test, end to end: the arbeidsleder's demo arrangement is connected to the
real receiver; the desktop publishes Linnea's May and the rota version and makes her link and
the union representative's; in Chromium (360 px) Linnea proposes "Ble lenger" by 60 minutes on
a shift and confirms the month, the union representative approves the rota version; the
desktop's sync pass pulls the three signed events; on Timelister the proposal is open, the
leader accepts it (Ctrl+Shift+F, Alt+G), the timesheet has the extra hour and says
"bekreftet av assistenten (lenke)", and the leader attests (Ctrl+T) without being asked why.
The approval shows per version with who, role and channel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from bpa_desktop.core.model import TimesheetStatus
from tests.e2e.assistant_link_steps import approve_rota, confirm_month, phone, propose_stayed_longer, shoot
from tests.e2e.test_sync_e2e_browser import shoot_window
from tests.sync.receiver_helpers import issue_code
from tests.ui.sync_ui_helpers import open_window
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
AFTER_MAY = date(2026, 6, 2)
MAY = date(2026, 5, 1)


def test_assistant_link_flow_propose_confirm_approve_accept_attest(qtbot, demo_workspace, demo_arrangement_id,
                                                                   memory_keyring, live_receiver, chromium,
                                                                   _bokmal):
    # A receiver of its own (both backends), not CI's shared deployed one: the sync worker also
    # sends the demo's waiting timesheets, whose ids every copy of the demo shares, and
    # test_sync_e2e_browser sends those same ids there.
    ws, aid = demo_workspace, demo_arrangement_id
    linnea = next(a for a in ws.people.list_assistants(aid) if a.name == "Linnea Strand")
    before = ws.timesheets.preview_timesheet(linnea.id, MAY).total_hours
    ws.sync.enrol(aid, live_receiver.base_url, issue_code(live_receiver.db_url, "Linneas lenke"))
    rota = ws.rota.current_rota(aid)
    month = ws.sync.sharing.publish_month(linnea.id, MAY)
    ws.sync.sharing.publish_rota(rota.id)
    link = ws.sync.sharing.create_link("assistant", assistant_id=linnea.id, label="Linnea")
    rep = ws.sync.sharing.create_link("union_rep", label="Tillitsvalgt", arrangement_id=aid)
    first_shift = ws.participants.month_view(linnea.id, MAY).shifts[0]

    window = open_window(qtbot, ws)  # enrolled: the sync worker starts and sends what waits
    try:
        qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=10_000)
        qtbot.waitUntil(lambda: all(i.sent_at is not None for i in ws.sync.sharing.links(aid))
                        and all(p.sent_at is not None for p in ws.sync.sharing.publications(aid)), timeout=60_000)

        context = phone(chromium, live_receiver.base_url)
        try:
            page = context.new_page()
            page.goto(link.url)
            shoot(page, "e2e-1-assistant-month-360px")
            propose_stayed_longer(page, link.url, 60)
            confirm_month(page, link.url, shot="e2e-2-assistant-confirmed")
            page.goto(rep.url)
            shoot(page, "e2e-3-approver-page")
            approve_rota(page, rep.url)
        finally:
            context.close()

        # the desktop pulls ("Send nå" on the worker): the proposal is open, the approval is in
        window.sync.send_now()
        by_link = lambda: [a for a in ws.participants.approvals(rota.id) if a.channel == "link"]  # noqa: E731
        qtbot.waitUntil(lambda: len(ws.participants.open_proposals(aid)) == 1 and len(by_link()) == 1, timeout=60_000)
        (open_one,) = ws.participants.open_proposals(aid)
        assert open_one.proposal.channel == "link" and open_one.proposal.shift_ref == first_shift.shift_ref
        assert open_one.proposal.change == "stayed_longer" and open_one.proposal.minutes == 60
        (approval,) = by_link()
        assert (approval.role.value if hasattr(approval.role, "value") else approval.role) == "union_rep"
        assert approval.channel == "link" and approval.approved and approval.who == "Tillitsvalgt"
        assert not ws.sync.sharing.refusals()

        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        sheet_page = open_page(qtbot, window, "timelister", AFTER_MAY)
        sheet_page.is_loaded = False
        press(qtbot, Qt.Key.Key_Down)  # May
        qtbot.waitUntil(lambda: sheet_page.is_loaded, timeout=15_000)
        while focused() is not sheet_page.list:
            press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Linn")
        qtbot.waitUntil(lambda: sheet_page.current_entry() is not None
                        and sheet_page.current_entry().assistant.name == "Linnea Strand"
                        and sheet_page.view is not None and not sheet_page.ctx.runner.busy, timeout=15_000)

        press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # the assistants' proposals
        qtbot.waitUntil(lambda: sheet_page.dialog is not None and sheet_page.dialog.loaded, timeout=15_000)
        proposals = sheet_page.dialog
        assert proposals.model.rowCount() == 1 and proposals.model.text(0, 0) == "Linnea"
        assert proposals.model.text(0, 4) == "lenke"
        press(qtbot, Qt.Key.Key_G, ALT)  # Godta
        qtbot.waitUntil(lambda: proposals.loaded and proposals.model.rowCount() == 0, timeout=15_000)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: sheet_page.dialog is None and sheet_page.is_loaded and not sheet_page.ctx.runner.busy
                        and not sheet_page.ctx.jobs.busy(), timeout=15_000)
        qtbot.waitUntil(lambda: sheet_page.view is not None
                        and sheet_page.view.detail.total_hours == before + 1, timeout=15_000)
        assert "bekreftet av assistenten (lenke)" in sheet_page.detail.state.text()
        shoot_window(window, "e2e-4-desktop-accepted-confirmed-by-link")

        press(qtbot, Qt.Key.Key_T, CTRL)  # attest: the plain question, no reason asked
        qtbot.waitUntil(lambda: sheet_page.dialog is not None and sheet_page.dialog.isVisible()
                        and sheet_page.dialog.isAncestorOf(QApplication.focusWidget()), timeout=10_000)
        assert isinstance(sheet_page.dialog, QMessageBox) and "låser" in sheet_page.dialog.text()
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not sheet_page.ctx.jobs.busy() and sheet_page.current_entry() is not None
                        and sheet_page.current_entry().status in (TimesheetStatus.ATTESTED, TimesheetStatus.SUBMITTED),
                        timeout=15_000)
        sheet = ws.timesheets.preview_timesheet(linnea.id, MAY).timesheet
        # attested, and already on its way to the municipality by the same worker
        assert sheet.status in (TimesheetStatus.ATTESTED, TimesheetStatus.SUBMITTED) and sheet.attested_at is not None
        assert sheet.unconfirmed_reason is None
        confirmation = ws.participants.confirmation(sheet.id)
        assert confirmation is not None and confirmation.channel == "link" and confirmation.actor == "assistant"
        assert month.content_hash  # what Linnea saw is what she confirmed (the receiver checks it)
        worker = window.sync.worker
    finally:
        window.close()  # a failure must not leave the sync worker running into the next test
    assert window.sync.worker is None and not worker.running
