"""Changes of the worked record inside a unit of work, with their receipts and their undo.

A deviation (``core.deviations``) becomes one of: an absence, a worked shift recorded or
changed, a planned shift registered as not worked, or a plan change (a vikar covers). Each
function returns the ``core.receipts`` value that ``ws.undoable.undo`` can reverse; the
inverses refuse when the record is no longer as the receipt left it, or inside an attested
period, and audit as "undo".
"""

from __future__ import annotations

from dataclasses import replace

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import RotaChangeKind, Shift, ShiftKind
from bpa_desktop.core.receipts import (
    AbsenceAdded,
    AbsenceRemoved,
    NotWorkedAdded,
    NotWorkedRemoved,
    WorkedAdded,
    WorkedChanged,
    WorkedRemoved,
)
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import reversal_repository as rev
from bpa_desktop.storage.schema import AbsenceRow, AssistantRow, WorkedShiftRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace import plan_changes
from bpa_desktop.workspace import worked_record as worked
from bpa_desktop.workspace.checks import (
    refuse_foreign_assistants,
    refuse_locked_days,
    refuse_locked_shifts,
    shift_errors,
)
from bpa_desktop.workspace.errors import WorkspaceError, found, raise_if


def register_deviation(uow: UnitOfWork, arrangement_id: int, deviation: dev.Deviation):
    """Store one deviation from the plan; the receipt says what was stored."""
    if isinstance(deviation, dev.Absent):
        return AbsenceAdded(worked.add_absence(uow, deviation.absence))
    if isinstance(deviation, dev.ChangedTimes):
        changed = dev.with_times(deviation.shift, deviation.start, deviation.end)
        return record(uow, arrangement_id, changed, deviation.reason)
    if isinstance(deviation, dev.ExtraWork):
        shift = Shift(str(deviation.assistant_id), deviation.start, deviation.end, kind=ShiftKind(deviation.kind))
        return record(uow, arrangement_id, shift, deviation.reason)
    if isinstance(deviation, dev.SubstituteCovers):
        # a vikar covering is a rota change: the one way to say it (docs/architecture.md)
        return plan_changes.change_occurrence(uow, arrangement_id, deviation.planned.id,
                                              kind=RotaChangeKind.SUBSTITUTE, reason=deviation.reason,
                                              other_assistant_id=deviation.substitute_id)
    if isinstance(deviation, dev.TakenOver):
        # the planned shift's id ("p<n>") links the record to the plan: the plan row leaves
        # this sheet and the other assistant's sheet gets the worked shift
        taken = replace(deviation.planned, assistant=str(deviation.assistant_id), kind=ShiftKind.SWAP)
        return record(uow, arrangement_id, taken, deviation.reason)
    if isinstance(deviation, dev.PassiveBecameActive):
        before = _worked_before(uow, deviation.shift.id)
        after = worked.passive_active(uow, arrangement_id, deviation.shift.id, deviation.start, deviation.end,
                                      deviation.reason)
        return _receipt(uow, arrangement_id, before, after, deviation.reason)
    if isinstance(deviation, dev.NotWorked):
        cancelled = worked.cancel_planned(uow, arrangement_id, deviation.planned.id, deviation.reason)
        return NotWorkedAdded(arrangement_id, cancelled.planned, cancelled.reason)
    raise TypeError(f"not a deviation: {deviation!r}")


def record(uow: UnitOfWork, arrangement_id: int, shift: Shift, reason: str = ""):
    """Record a worked shift (``"p<n>"``: the plan as worked; None: a new one) or change one
    (``"w<n>"``)."""
    before = _worked_before(uow, shift.id)
    return _receipt(uow, arrangement_id, before, worked.record(uow, arrangement_id, shift, reason), reason)


def _worked_before(uow: UnitOfWork, shift_id: str | None) -> tuple[Shift, str] | None:
    parsed = repo.parse_shift_id(shift_id)
    if not parsed or parsed[0] != repo.WORKED_PREFIX:
        return None
    row = uow.get(WorkedShiftRow, parsed[1])
    return (repo.worked_to_core(row), row.reason) if row is not None else None


def _receipt(uow: UnitOfWork, arrangement_id: int, before: tuple[Shift, str] | None, after: Shift, reason: str):
    if before is not None and before[0].id == after.id:
        return WorkedChanged(arrangement_id, before[0], before[1], after, reason.strip())
    row = uow.get(WorkedShiftRow, repo.parse_shift_id(after.id)[1])
    return WorkedAdded(arrangement_id, after, row.reason, row.planned_shift_id)


# --- the inverses ------------------------------------------------------------------------------


def remove_worked(uow: UnitOfWork, done: WorkedAdded) -> WorkedRemoved:
    row = _current_worked(uow, done.arrangement_id, done.shift)
    refuse_locked_shifts(uow, [done.shift])
    rev.remove(uow.session, row)
    uow.audit("undo", "worked_shift", row.id, done.arrangement_id, "create")
    return WorkedRemoved(done.arrangement_id, done.shift, done.reason, done.planned_shift_id)


def record_again(uow: UnitOfWork, undone: WorkedRemoved) -> WorkedAdded:
    entry = worked.WorkedEntry(replace(undone.shift, id=None), undone.reason, undone.planned_shift_id)
    (shift,) = worked.record_many(uow, undone.arrangement_id, [entry])
    return WorkedAdded(undone.arrangement_id, shift, undone.reason, undone.planned_shift_id)


def change_back(uow: UnitOfWork, done: WorkedChanged) -> WorkedChanged:
    """Give a changed worked shift its earlier times and reason again (redo: the reverse)."""
    row = _current_worked(uow, done.arrangement_id, done.after)
    target = done.before
    raise_if(shift_errors(target))
    refuse_foreign_assistants(uow, done.arrangement_id, [int(target.assistant)])
    refuse_locked_shifts(uow, [done.after, target])
    worked.refuse_worked_overlap(uow, [target], ignore_id=row.id)
    repo.fill_worked(row, target, done.before_reason)
    uow.flush()
    uow.audit("undo", "worked_shift", row.id, done.arrangement_id, "update")
    return WorkedChanged(done.arrangement_id, done.after, done.after_reason, repo.worked_to_core(row),
                         done.before_reason)


def remove_absence(uow: UnitOfWork, done: AbsenceAdded) -> AbsenceRemoved:
    absence = done.absence
    row = uow.get(AbsenceRow, absence.id)
    if row is None or repo.absence_to_core(row) != absence:
        raise WorkspaceError(message("undo_record_changed_since"))
    assistant = found(uow.get(AssistantRow, absence.assistant_id), Message("entity_assistant"), absence.assistant_id)
    refuse_locked_days(uow, assistant.id, absence.start, absence.end)
    rev.remove(uow.session, row)
    uow.audit("undo", "absence", absence.id, assistant.arrangement_id, f"kind={absence.kind.value}")
    return AbsenceRemoved(absence)


def add_absence_again(uow: UnitOfWork, undone: AbsenceRemoved) -> AbsenceAdded:
    return AbsenceAdded(worked.add_absence(uow, replace(undone.absence, id=None)))


def remove_not_worked(uow: UnitOfWork, done: NotWorkedAdded) -> NotWorkedRemoved:
    parsed = repo.parse_shift_id(done.planned.id)
    row = rev.cancelled_for(uow.session, done.arrangement_id, parsed[1]) if parsed else None
    if row is None:
        raise WorkspaceError(message("undo_record_changed_since"))
    refuse_locked_shifts(uow, [done.planned])
    rev.remove(uow.session, row)
    uow.audit("undo", "planned_shift", parsed[1], done.arrangement_id, "cancel")
    return NotWorkedRemoved(done.arrangement_id, done.planned, done.reason)


def not_worked_again(uow: UnitOfWork, undone: NotWorkedRemoved) -> NotWorkedAdded:
    cancelled = worked.cancel_planned(uow, undone.arrangement_id, undone.planned.id, undone.reason)
    return NotWorkedAdded(undone.arrangement_id, cancelled.planned, cancelled.reason)


def _current_worked(uow: UnitOfWork, arrangement_id: int, shift: Shift) -> WorkedShiftRow:
    """The worked row of ``shift``, which must still be exactly as the receipt left it."""
    parsed = repo.parse_shift_id(shift.id)
    row = uow.get(WorkedShiftRow, parsed[1]) if parsed and parsed[0] == repo.WORKED_PREFIX else None
    if row is None or row.arrangement_id != arrangement_id or repo.worked_to_core(row) != shift:
        raise WorkspaceError(message("undo_record_changed_since"))
    return row
