"""The worked record inside a unit of work: worked shifts, absences, planned shifts registered
as not worked, and passive time that became active. ``ws.timesheets`` opens the unit of work
(one transaction per use case) and calls these; the checks are in ``workspace/checks.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from bpa_desktop import validation
from bpa_desktop.core.model import Absence, AbsenceKind, Shift
from bpa_desktop.core.deviations import activate_passive
from bpa_desktop.core.timesheet import NotWorked
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import AbsenceRow, AssistantRow, PlannedShiftRow, WorkedShiftRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.checks import (
    arrangement,
    overlap_error,
    refuse_foreign_assistants,
    refuse_locked_days,
    refuse_locked_shifts,
    shift_errors,
)
from bpa_desktop.workspace.errors import NotFoundError, ValidationError, found, prefixed, raise_if


@dataclass(frozen=True)
class WorkedEntry:
    """One worked shift to record: the shift, why it differs from the plan, and the plan."""

    shift: Shift
    reason: str = ""
    planned_shift_id: int | None = None


def record(uow: UnitOfWork, arrangement_id: int, shift: Shift, reason: str = "",
           planned_shift_id: int | None = None) -> Shift:
    """Record a worked shift, or change one: ``shift.id`` ``"w<n>"`` updates that worked
    shift; ``"p<n>"`` records the planned shift as worked and links the plan; None records a
    new one (linked to ``planned_shift_id`` if given)."""
    parsed = repo.parse_shift_id(shift.id)
    if parsed and parsed[0] == repo.WORKED_PREFIX:
        return update(uow, arrangement_id, parsed[1], shift, reason)
    if parsed and parsed[0] == repo.PLANNED_PREFIX:
        planned_shift_id = parsed[1]
    return record_many(uow, arrangement_id, [WorkedEntry(replace(shift, id=None), reason, planned_shift_id)])[0]


def record_many(uow: UnitOfWork, arrangement_id: int, entries: Sequence[WorkedEntry]) -> list[Shift]:
    if not entries:
        return []
    errors: dict[str, str] = {}
    for index, entry in enumerate(entries):
        errors.update(prefixed(f"shifts[{index}]" if len(entries) > 1 else "", shift_errors(entry.shift)))
    raise_if(errors)
    shifts = [e.shift for e in entries]
    arrangement(uow, arrangement_id)
    refuse_foreign_assistants(uow, arrangement_id, {int(s.assistant) for s in shifts})
    refuse_locked_shifts(uow, shifts)
    refuse_worked_overlap(uow, shifts)
    planned_ids = {e.planned_shift_id for e in entries} - {None}
    unknown = planned_ids - queries.planned_ids_in(uow.session, arrangement_id, planned_ids)
    if unknown:
        raise NotFoundError(Message("entity_planned_shift"), min(unknown))
    now = repo.utc_now()
    ids = repo.insert_shifts(
        uow.session, WorkedShiftRow,
        [repo.worked_values(arrangement_id, e.shift, e.reason, e.planned_shift_id, now) for e in entries],
        shifts,
    )
    uow.audit("create", "worked_shift", ids[0] if len(ids) == 1 else None, arrangement_id, f"count={len(ids)}")
    return [repo.worked_to_core(r) for r in queries.worked_rows(uow.session, ids)]


def update(uow: UnitOfWork, arrangement_id: int, worked_id: int, shift: Shift, reason: str) -> Shift:
    raise_if(shift_errors(shift))
    row = found(uow.get(WorkedShiftRow, worked_id), Message("entity_shift"), worked_id)
    if row.arrangement_id != arrangement_id:
        raise NotFoundError(Message("entity_shift"), shift.id)
    refuse_foreign_assistants(uow, arrangement_id, [int(shift.assistant)])
    refuse_locked_shifts(uow, [repo.worked_to_core(row), shift])
    refuse_worked_overlap(uow, [shift], ignore_id=worked_id)
    repo.fill_worked(row, shift, reason)
    uow.flush()
    uow.audit("update", "worked_shift", row.id, arrangement_id)
    return repo.worked_to_core(row)


def refuse_worked_overlap(uow: UnitOfWork, shifts: Sequence[Shift], ignore_id: int | None = None) -> None:
    """No assistant in two worked shifts at once: neither among ``shifts`` nor with what is
    stored. Shifts that only touch (one ends as the next starts) are fine."""
    by_assistant: dict[str, list[tuple[float, float, Shift]]] = {}
    for s in shifts:
        by_assistant.setdefault(s.assistant, []).append((s.start.timestamp(), s.end.timestamp(), s))
    for assistant, spans in by_assistant.items():
        spans.sort(key=lambda span: span[0])
        for (_, end, _), (start, _, later) in zip(spans, spans[1:]):
            if start < end:
                raise overlap_error(later)
        lower = min(s.start for _, _, s in spans)
        upper = max(s.end for _, _, s in spans)
        for row in queries.worked_overlapping(uow.session, int(assistant), lower, upper, ignore_id):
            row_start, row_end = row.start_at.timestamp(), row.end_at.timestamp()
            if any(start < row_end and row_start < end for start, end, _ in spans):
                raise overlap_error(repo.worked_to_core(row))


def add_absence(uow: UnitOfWork, absence: Absence) -> Absence:
    absence = replace(absence, kind=AbsenceKind(absence.kind))
    raise_if(validation.absence_errors(absence))
    assistant = found(uow.get(AssistantRow, absence.assistant_id), Message("entity_assistant"), absence.assistant_id)
    refuse_locked_days(uow, assistant.id, absence.start, absence.end)
    row = AbsenceRow(created_at=repo.utc_now())
    repo.fill_absence(row, absence)
    uow.add_audited(
        row, "create", "absence", assistant.arrangement_id,
        f"kind={row.kind.value} days={(row.end_date - row.start_date).days + 1}",
    )
    return repo.absence_to_core(row)


def cancel_planned(uow: UnitOfWork, arrangement_id: int, shift_id: str | int, reason: str) -> NotWorked:
    """Register a planned shift as not worked, with the reason."""
    if not reason.strip():
        raise ValidationError({"reason": message("reason_required")})
    parsed = repo.parse_shift_id(shift_id) if isinstance(shift_id, str) else ("p", shift_id)
    if not parsed or parsed[0] != repo.PLANNED_PREFIX:
        raise NotFoundError(Message("entity_planned_shift"), shift_id)
    row = found(uow.get(PlannedShiftRow, parsed[1]), Message("entity_planned_shift"), parsed[1])
    if row.arrangement_id != arrangement_id:
        raise NotFoundError(Message("entity_planned_shift"), shift_id)
    planned = repo.planned_to_core(row)
    refuse_locked_shifts(uow, [planned])
    if queries.settled_plan_ids(uow.session, [row.id]):
        raise ValidationError({"shift": message("planned_shift_settled")})
    cancelled = tr.add_cancelled(uow.session, arrangement_id, planned, reason, repo.utc_now())
    uow.flush()
    uow.audit("cancel", "planned_shift", row.id, arrangement_id, f"cancelled={cancelled.id}")
    return NotWorked(planned, reason.strip())


def passive_active(uow: UnitOfWork, arrangement_id: int, shift_id: str, start: datetime, end: datetime,
                   reason: str) -> Shift:
    """Take [start, end) out of a worked (``"w<n>"``) or planned (``"p<n>"``, then recorded
    as worked) shift's passive time."""
    if not reason.strip():
        raise ValidationError({"reason": message("reason_required")})
    parsed = repo.parse_shift_id(shift_id)
    if not parsed:
        raise NotFoundError(Message("entity_shift"), shift_id)
    row_class = WorkedShiftRow if parsed[0] == repo.WORKED_PREFIX else PlannedShiftRow
    row = found(uow.get(row_class, parsed[1]), Message("entity_shift"), parsed[1])
    if row.arrangement_id != arrangement_id:
        raise NotFoundError(Message("entity_shift"), shift_id)
    shift = (repo.worked_to_core if row_class is WorkedShiftRow else repo.planned_to_core)(row)
    try:
        changed = activate_passive(shift, start, end)
    except ValueError:
        raise ValidationError({"passive": message("passive_active_outside")}) from None
    return record(uow, arrangement_id, changed, reason)


def absences_between(uow: UnitOfWork, arrangement_id: int, start: date, end: date) -> list[Absence]:
    return [repo.absence_to_core(r) for r in queries.absence_rows(uow.session, arrangement_id, start, end)]
