"""Single-occurrence changes of the plan inside a unit of work, and their undo.

``ws.rota`` (``change_planned_shift``, ``add_extra_planned_shift``, ``cover_shift``) and
``ws.undoable`` call these; each returns a ``core.receipts.PlanChanged`` with the occurrences as
they were and as they are now. ``revert`` undoes one: the stored change is deleted (so no later
roll-out applies it again) and the occurrences get back exactly what they had, in one
transaction audited as "undo". It refuses when a later change touches the same occurrences (undo
that first), when the shifts are no longer as the change left them (a roll-out or an import
rewrote them), when a shift is registered as worked or not worked, or inside an attested period.
"""

from __future__ import annotations

from datetime import datetime

from bpa_desktop import validation
from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import RotaChange, RotaChangeKind, Shift
from bpa_desktop.core.receipts import PlanChanged, PlanChangeUndone
from bpa_desktop.core.rota_changes import extra_key, reapply, target_keys
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import reversal_repository as rev
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage.schema import RotaOverrideRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.checks import refuse_foreign_assistants, refuse_locked_shifts, shift_errors
from bpa_desktop.workspace.errors import ValidationError, WorkspaceError, found, raise_if


def change_occurrence(
    uow: UnitOfWork,
    arrangement_id: int,
    shift_id: str,
    *,
    kind: RotaChangeKind | str,
    reason: str,
    other_assistant_id: int | None = None,
    other_shift_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> PlanChanged:
    """Swap, substitute, cancel or new times for one planned occurrence (see
    ``Rota.change_planned_shift``)."""
    try:
        kind = RotaChangeKind(kind)
    except ValueError:
        raise ValidationError({"kind": message("rota_change_kind", kind=kind)}) from None
    errors: dict[str, str] = {}
    if kind is RotaChangeKind.EXTRA:
        errors["kind"] = message("rota_change_kind", kind=kind.value)
    if not reason.strip():
        errors["reason"] = message("reason_required")
    if kind is RotaChangeKind.SWAP and not other_shift_id:
        errors["other_shift_id"] = message("rota_swap_needs_other")
    if kind is RotaChangeKind.SUBSTITUTE and other_assistant_id is None:
        errors["other_assistant_id"] = message("rota_substitute_needs_assistant")
    if kind is RotaChangeKind.CHANGE_TIMES:
        if start is None or end is None:
            errors["start"] = message("rota_times_required")
        else:
            errors.update(validation.shift_errors(Shift("0", start, end)))
    raise_if(errors)
    rows = [_planned_row(uow, arrangement_id, shift_id)]
    if kind is RotaChangeKind.SWAP:
        rows.append(_planned_row(uow, arrangement_id, other_shift_id))
        if rows[0].id == rows[1].id or rows[0].assistant_id == rows[1].assistant_id:
            raise ValidationError({"other_shift_id": message("rota_swap_same_assistant")})
    if kind is RotaChangeKind.SUBSTITUTE:
        refuse_foreign_assistants(uow, arrangement_id, [other_assistant_id], "other_assistant_id")
        if rows[0].assistant_id == other_assistant_id:
            raise ValidationError({"other_assistant_id": message("rota_substitute_same")})
    before = [rr.as_occurrence(r) for r in rows]
    refuse_locked_shifts(uow, before)
    if rr.settled_ids(uow.session, [r.id for r in rows]):
        raise ValidationError({"shift": message("planned_shift_settled")})
    key = before[0].id
    change = RotaChange(
        id=0,
        arrangement_id=arrangement_id,
        kind=kind,
        reason=reason.strip(),
        occurrence=key,
        day=rr.occurrence_day(key, cal.to_local(before[0].start).date()),
        other_occurrence=before[1].id if kind is RotaChangeKind.SWAP else None,
        assistant_id=other_assistant_id if kind is RotaChangeKind.SUBSTITUTE else None,
        start=start if kind is RotaChangeKind.CHANGE_TIMES else None,
        end=end if kind is RotaChangeKind.CHANGE_TIMES else None,
    )
    after = reapply(before, [change])
    refuse_locked_shifts(uow, after)
    stored = rr.add_change(uow.session, arrangement_id, change)
    remaining = rr.rewrite_rows(uow.session, rows, {s.id: s for s in after})
    uow.audit(kind.value, "planned_shift", rows[0].id, arrangement_id, f"change={stored.id}")
    return PlanChanged(arrangement_id, rr.change_to_core(stored), tuple(before),
                       tuple(repo.planned_to_core(row) for row in remaining))


def add_extra(uow: UnitOfWork, arrangement_id: int, shift: Shift, reason: str) -> PlanChanged:
    """Plan an extra shift outside the pattern (see ``Rota.add_extra_planned_shift``)."""
    errors = shift_errors(shift)
    if len(shift.passive) > 1:
        errors["passive"] = message("rota_extra_one_passive")
    if not reason.strip():
        errors["reason"] = message("reason_required")
    raise_if(errors)
    arrangement_row(uow, arrangement_id)
    refuse_foreign_assistants(uow, arrangement_id, [int(shift.assistant)])
    if shift.code is not None and shift.code not in queries.template_codes(uow.session, arrangement_id):
        raise ValidationError({"code": message("rota_unknown_code", codes=shift.code)})
    refuse_locked_shifts(uow, [shift])
    change = RotaChange(
        id=0,
        arrangement_id=arrangement_id,
        kind=RotaChangeKind.EXTRA,
        reason=reason.strip(),
        occurrence="",
        day=cal.to_local(shift.start).date(),
        assistant_id=int(shift.assistant),
        start=shift.start,
        end=shift.end,
        code=shift.code,
        passive=tuple(shift.passive),
    )
    stored = rr.add_change(uow.session, arrangement_id, change)
    extra = reapply([], [rr.change_to_core(stored)])
    (row_id,) = rr.insert_planned(uow.session, arrangement_id, extra, None)
    uow.audit("create", "planned_shift", row_id, arrangement_id, f"extra change={stored.id}")
    added = repo.planned_to_core(rr.planned_row(uow.session, arrangement_id, row_id))
    return PlanChanged(arrangement_id, rr.change_to_core(stored), (), (added,))


def revert(uow: UnitOfWork, done: PlanChanged) -> PlanChangeUndone:
    """Undo a change: delete it and give its occurrences back what they had."""
    arrangement_id, change = done.arrangement_id, done.change
    row = uow.get(RotaOverrideRow, change.id)
    if row is None or row.arrangement_id != arrangement_id:
        raise WorkspaceError(message("undo_change_gone"))
    keys = (extra_key(change.id),) if change.kind is RotaChangeKind.EXTRA else target_keys(change)
    if rev.later_changes(uow.session, arrangement_id, change.id, keys):
        raise WorkspaceError(message("undo_later_change"))
    current = rev.planned_by_occurrence(uow.session, arrangement_id, keys)
    if sorted(map(_signature, done.after)) != sorted(_signature(repo.planned_to_core(r)) for r in current.values()):
        raise WorkspaceError(message("undo_plan_changed_since"))
    refuse_foreign_assistants(uow, arrangement_id, {int(s.assistant) for s in done.before})
    refuse_locked_shifts(uow, [*done.before, *done.after])
    if rr.settled_ids(uow.session, [r.id for r in current.values()]):
        raise ValidationError({"shift": message("planned_shift_settled")})
    before = {s.id: s for s in done.before}
    if set(before) - set(keys):
        raise WorkspaceError(message("undo_plan_changed_since"))
    rev.remove(uow.session, row)
    kept = rr.rewrite_rows(uow.session, list(current.values()), before)  # an extra's row goes
    missing = [before[k] for k in keys if k in before and k not in current]  # a cancel brings it back
    rr.insert_planned(uow.session, arrangement_id, missing, rr.latest_rota_id(uow.session, arrangement_id))
    restored = rev.planned_by_occurrence(uow.session, arrangement_id, before)
    uow.audit("undo", "planned_shift", kept[0].id if kept else None, arrangement_id,
              f"{change.kind.value} change={change.id}")
    return PlanChangeUndone(arrangement_id, change,
                            tuple(repo.planned_to_core(restored[k]) for k in keys if k in restored))


def redo(uow: UnitOfWork, undone: PlanChangeUndone) -> PlanChanged:
    """Make an undone change again: a new stored change with the same content, audited as
    that change."""
    change, arrangement_id = undone.change, undone.arrangement_id
    if change.kind is RotaChangeKind.EXTRA:
        shift = Shift(str(change.assistant_id), change.start, change.end, passive=change.passive, code=change.code)
        return add_extra(uow, arrangement_id, shift, change.reason)
    ids = [s.id for s in undone.restored]
    if len(ids) != len(target_keys(change)):
        raise WorkspaceError(message("undo_plan_changed_since"))
    return change_occurrence(
        uow, arrangement_id, ids[0], kind=change.kind, reason=change.reason,
        other_assistant_id=change.assistant_id, other_shift_id=ids[1] if len(ids) > 1 else None,
        start=change.start, end=change.end,
    )


def _signature(shift: Shift) -> tuple:
    return (int(shift.assistant), shift.start.timestamp(), shift.end.timestamp(), shift.code, str(shift.kind),
            tuple((p.start.timestamp(), p.end.timestamp()) for p in shift.passive))


def _planned_row(uow: UnitOfWork, arrangement_id: int, shift_id: str | None):
    row = rr.planned_row(uow.session, arrangement_id, shift_id) if shift_id else None
    return found(row, Message("entity_planned_shift"), shift_id)
