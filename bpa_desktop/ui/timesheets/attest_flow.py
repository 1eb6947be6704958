"""Attesting from Timelister: a month the assistant confirmed (at the table, by link, or on paper
through the leader's Confirm button) gets the usual question; one they have not confirmed asks
the leader why (required), and the reason goes with the attestation (`unconfirmed_reason`); the
rule is the Workspace's (core.participants.needs_unconfirmed_reason). The attestation is a write operation that cannot be
undone (Undo points to a correction)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from bpa_desktop.core.participants import needs_unconfirmed_reason
from bpa_desktop.workspace.errors import UnconfirmedError
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.plain import message_box
from bpa_desktop.ui.timesheets.reason_dialog import reason_dialog
from bpa_desktop.ui.timesheets.rows import hours_text

translate = QCoreApplication.translate
ATTESTED = Changes(timesheets=True, sync=True)


def _texts(entry):
    name, label = entry.assistant.name, entry.detail.period.label()
    done = translate("TimesheetsPage", "Attested and locked: %1, %2.").replace("%1", name).replace("%2", label)
    step = translate("TimesheetsPage", "Attestation of %1's timesheet, %2").replace("%1", name).replace("%2", label)
    refusal = translate(
        "TimesheetsPage",
        "The attestation of %1's timesheet for %2 cannot be undone: attested hours are locked and may "
        "already be on their way to the municipality. To change them, make a correction (Correct…, "
        "Ctrl+K).").replace("%1", name).replace("%2", label)
    return done, step, refusal


def _attest_op(page, entry, reason: str | None) -> WriteOp:
    assistant_id, period, today = entry.assistant.id, entry.detail.period, page.today
    done, step, refusal = _texts(entry)
    return WriteOp(page.ctx, page, lambda ws: ws.timesheets.attest_period(
        assistant_id, period.start, today=today, unconfirmed_reason=reason), ATTESTED).not_undoable(step, refusal)


class _AttestRunner:
    """What the reason dialog saves through: the attestation as a not-undoable write operation."""

    def __init__(self, page, entry) -> None:
        self.page, self.entry = page, entry

    def submit(self, _fn, reason, *, on_done=None, on_error=None, owner=None):
        return _attest_op(self.page, self.entry, reason).success(on_done).failure(on_error).run()


def ask_attest(page, entry) -> None:
    """The question (confirmed month) or the reason dialog (not confirmed by the assistant)."""
    confirmation = page.view.confirmation if page.view is not None else None
    sheet = entry.timesheet
    if needs_unconfirmed_reason(confirmed_through=sheet.confirmed_through if sheet else None,
                                confirmations=int(confirmation is not None), correction=entry.corrected):
        ask_reason(page, entry)
        return
    box = message_box(QMessageBox.Icon.Question, translate("TimesheetsPage", "Attest the timesheet"), translate(
        "TimesheetsPage",
        "Attest %1's timesheet for %2 (%3 hours)?\n\nAttesting locks the timesheet. After that it can only be "
        "changed by a correction: a new version that must be attested again.").replace(
        "%1", entry.assistant.name).replace("%2", entry.detail.period.label()).replace(
        "%3", hours_text(entry.detail.total_hours)), QMessageBox.StandardButton.NoButton, page)
    attest = box.addButton(translate("TimesheetsPage", "Attest and lock"), QMessageBox.ButtonRole.AcceptRole)
    attest.setAccessibleName(translate("TimesheetsPage", "Attest and lock"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(translate("TimesheetsPage", "Cancel"))
    box.setDefaultButton(attest)
    box.setAccessibleName(box.windowTitle())

    def closed(_result: int) -> None:
        if box.clickedButton() is attest:
            attest_confirmed(page, entry)

    open_single(page, box, closed)


def attest_confirmed(page, entry) -> None:
    def failed(error: BaseException) -> None:
        if isinstance(error, UnconfirmedError):  # the confirmation no longer holds: ask why
            ask_reason(page, entry)
        else:
            page._action_failed(error)

    _attest_op(page, entry, None).success(lambda _sheet: attested(page, entry)).failure(failed).run()


def ask_reason(page, entry) -> None:
    name, label = entry.assistant.name, entry.detail.period.label()
    prompt = translate(
        "AttestReason",
        "%1 has not confirmed the timesheet for %2 (%3 hours), neither at the table nor by link. Say why you "
        "attest it anyway; the reason is kept with the attestation.\n\nAttesting locks the timesheet. After that "
        "it can only be changed by a correction.").replace("%1", name).replace("%2", label).replace(
        "%3", hours_text(entry.detail.total_hours))
    dialog = reason_dialog(translate("AttestReason", "Attest without the assistant's confirmation"), prompt,
                           translate("AttestReason", "Why you attest a month the assistant has not confirmed"),
                           translate("AttestReason", "Attest and &lock"), lambda reason: reason,
                           _AttestRunner(page, entry), page)

    def closed(_result: int) -> None:
        if dialog.result_value is not None:
            attested(page, entry)

    open_single(page, dialog, closed)


def attested(page, entry) -> None:
    page.show_message(_texts(entry)[0])
    page.ctx.attestation_committed.emit()  # the sync worker sends the new submission at once
