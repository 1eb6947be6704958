"""Confirming a timesheet, with its receipt, and withdrawing the confirmation (its undo).

Confirming settles the plan's past shifts into the worked record (``ws.timesheets``); the
receipt lists exactly those records, so withdrawing takes out what the confirmation put in and
nothing else, and the status goes back to draft (``core.timesheet_lifecycle``). An attested
timesheet has no such way back: it changes only by a correction.
"""

from __future__ import annotations

from datetime import date

from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.core.receipts import Confirmed, ConfirmationWithdrawn
from bpa_desktop.core.timesheet_lifecycle import TimesheetEvent, TransitionError, next_status
from bpa_desktop import words
from bpa_desktop.i18n import get_language, message
from bpa_desktop.message import Message
from bpa_desktop.storage import participants_repository as pr
from bpa_desktop.storage import reversal_repository as rev
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import AssistantRow, CancelledShiftRow, WorkedShiftRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.errors import WorkspaceError, found
from bpa_desktop.workspace.timesheet_reading import latest_for_write, period_of
from bpa_desktop.workspace.timesheets import confirm_row, get_or_create_row


def confirm(uow: UnitOfWork, assistant_id: int, day: date, today: date) -> Confirmed:
    """Confirm the period's sheet (creating the draft if needed) and list what it settled."""
    assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
    period = period_of(uow, assistant.arrangement_id, day)
    before = tr.latest(uow.session, assistant_id, period.start)
    existed = before is not None
    before_through = before.confirmed_through if existed else None  # read now: confirming changes the row
    worked_before = rev.worked_ids(uow.session, assistant_id, period.start, period.end)
    not_worked_before = rev.not_worked_ids(uow.session, assistant_id, period.start, period.end)
    row = get_or_create_row(uow, assistant_id, day)
    timesheet = confirm_row(uow, latest_for_write(uow, row.id), today)
    uow.flush()
    return Confirmed(
        timesheet, not existed,
        tuple(sorted(rev.worked_ids(uow.session, assistant_id, period.start, period.end) - worked_before)),
        tuple(sorted(rev.not_worked_ids(uow.session, assistant_id, period.start, period.end) - not_worked_before)),
        today,
        before_through,
    )


def withdraw_confirmation(uow: UnitOfWork, done: Confirmed) -> ConfirmationWithdrawn:
    """Back to a draft: the status, and what the confirmation settled, as before it."""
    row, assistant, period = latest_for_write(uow, done.timesheet.id)
    partly = done.timesheet.status is TimesheetStatus.DRAFT  # days confirmed while the period runs
    try:
        if partly:
            if TimesheetStatus(row.status) is not TimesheetStatus.DRAFT or \
                    row.confirmed_through != done.timesheet.confirmed_through:
                raise TransitionError(TimesheetStatus(row.status), TimesheetEvent.WITHDRAW_CONFIRMATION)
            status = TimesheetStatus.DRAFT
        else:
            status = next_status(row.status, TimesheetEvent.WITHDRAW_CONFIRMATION)
    except TransitionError:
        raise WorkspaceError(message("undo_confirm_status", period=period.label(get_language()),
                                     status=words.status_in_sentence(row.status))) from None
    settled = rev.rows(uow.session, WorkedShiftRow, done.settled_worked)
    settled += rev.rows(uow.session, CancelledShiftRow, done.settled_not_worked)
    for each in settled:
        rev.remove(uow.session, each)
    paper = pr.newest_paper_confirmation(uow.session, row.id)  # what the confirmation recorded
    if paper is not None:
        rev.remove(uow.session, paper)
    row.status = status
    row.confirmed_through = done.before_through
    uow.audit("undo", "timesheet", row.id, assistant.arrangement_id,
              f"confirm version={row.version} settled={len(settled)}")
    if done.created and row.version == 1 and not rev.other_versions(uow.session, row):
        rev.remove(uow.session, row)  # the draft was made by the confirmation
    return ConfirmationWithdrawn(assistant.id, period.start, status, done.today)


def confirm_again(uow: UnitOfWork, undone: ConfirmationWithdrawn) -> Confirmed:
    return confirm(uow, undone.assistant_id, undone.period_start, undone.today)
