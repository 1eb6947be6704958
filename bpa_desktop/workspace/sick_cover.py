""""X is sick, Y covers" inside one unit of work: the absence, and every planned shift of X on
its days given to the vikar Y (the same rota change as "Give to substitute"), together or not
at all. The absence and the covering shifts are then linked through the records themselves
(``storage/cover_repository.py``): X's sheet says "dekket av Y", Y's "for X (syk)".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import is_sick
from bpa_desktop.core.model import Absence, AbsenceKind, RotaChangeKind, Shift
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.receipts import AbsenceAdded, SickCoverAdded, SickCoverRemoved
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import AssistantRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace import plan_changes, record_changes
from bpa_desktop.workspace import worked_record as worked
from bpa_desktop.workspace.checks import overlap_error, refuse_foreign_assistants
from bpa_desktop.workspace.errors import ValidationError, found, raise_if


LONGEST_SHIFT_DAYS = 8  # a shift lasts at most 7 days, so one that starts this early may still overlap


SickCover = SickCoverAdded  # what "X is sick, Y covers" stored: the absence and the shifts Y now has


def open_shifts(uow: UnitOfWork, assistant_id: int, absence: Absence) -> list[Shift]:
    """The assistant's planned shifts on the absence's days that nobody has registered yet."""
    records = tr.period_records(uow.session, assistant_id, PayPeriod(absence.start, absence.end))
    return [s for s in records.planned if s.id not in records.settled_plan_ids]


def _refuse_busy(uow: UnitOfWork, substitute_id: int, shifts: list[Shift]) -> None:
    """The vikar is not already working at any of those times."""
    first = min(s.start for s in shifts).astimezone(OSLO).date() - timedelta(days=LONGEST_SHIFT_DAYS)
    last = max(s.end for s in shifts).astimezone(OSLO).date()
    records = tr.period_records(uow.session, substitute_id, PayPeriod(first, last))
    theirs = [s for s in records.planned if s.id not in records.settled_plan_ids] + [r.shift for r in records.worked]
    for shift in shifts:
        for other in theirs:
            if other.start.timestamp() < shift.end.timestamp() and shift.start.timestamp() < other.end.timestamp():
                raise overlap_error(other)


def register(uow: UnitOfWork, arrangement_id: int, deviation: dev.SickCovered) -> SickCoverAdded:
    """Store the absence and give its open shifts (or the chosen ``shift_ids``) to the vikar."""
    absence = replace(deviation.absence, kind=AbsenceKind(deviation.absence.kind))
    errors: dict[str, str] = {}
    if not is_sick(absence.kind):
        errors["absence_kind"] = message("sick_cover_kind")
    if absence.percent < 100:
        errors["percent"] = message("sick_cover_graded")
    if not deviation.reason.strip():
        errors["reason"] = message("reason_required")
    if deviation.substitute_id == absence.assistant_id:
        errors["assistant"] = message("rota_substitute_same")
    raise_if(errors)
    sick = found(uow.get(AssistantRow, absence.assistant_id), Message("entity_assistant"), absence.assistant_id)
    refuse_foreign_assistants(uow, arrangement_id, [sick.id])
    refuse_foreign_assistants(uow, arrangement_id, [deviation.substitute_id], "assistant")
    stored = worked.add_absence(uow, absence)
    shifts = open_shifts(uow, sick.id, absence)
    if deviation.shift_ids is not None:
        shifts = [s for s in shifts if s.id in set(deviation.shift_ids)]
    if not shifts:
        raise ValidationError({"absence_start": message("sick_cover_nothing")})
    _refuse_busy(uow, deviation.substitute_id, shifts)
    changes = tuple(
        plan_changes.change_occurrence(uow, arrangement_id, shift.id, kind=RotaChangeKind.SUBSTITUTE,
                                       reason=deviation.reason, other_assistant_id=deviation.substitute_id)
        for shift in shifts
    )
    uow.audit("sick_cover", "absence", stored.id, arrangement_id,
              f"kind={stored.kind.value} substitute={deviation.substitute_id} shifts={len(changes)}")
    return SickCoverAdded(arrangement_id, stored, deviation.substitute_id, deviation.reason.strip(), changes)


def undo(uow: UnitOfWork, done: SickCoverAdded) -> SickCoverRemoved:
    """Give the shifts back to the sick assistant (newest change first) and remove the absence;
    refused whole, as each part's own undo refuses, when anything changed since."""
    restored = [plan_changes.revert(uow, change) for change in reversed(done.changes)]
    record_changes.remove_absence(uow, AbsenceAdded(done.absence))
    shift_ids = tuple(shift.id for undone in reversed(restored) for shift in undone.restored)
    return SickCoverRemoved(done.arrangement_id, replace(done.absence, id=None), done.substitute_id, done.reason,
                            shift_ids)


def redo(uow: UnitOfWork, undone: SickCoverRemoved) -> SickCoverAdded:
    return register(uow, undone.arrangement_id, dev.SickCovered(undone.absence, undone.substitute_id, undone.reason,
                                                                undone.shift_ids))
