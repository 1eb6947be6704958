"""Who covers whom: the links between an absent assistant's planned shifts and the colleague
(a vikar) who works them, read from the records that already say so.

A shift is covered in one of two ways, both kept as they are:

* a rota change of kind ``substitute`` (``ws.rota.cover_shift``): the planned shift now
  belongs to the vikar, with kind ``substitute`` and the occurrence key of the absent
  assistant (``"<assistant id>:<day>:<code>"``);
* a worked shift of someone else linked to the absent assistant's planned shift.

The absent assistant's sheet gets a ``covered`` row per such shift on a day of absence, and
the vikar's row says for whom (``core.timesheet.Cover``). Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import governing_absence
from bpa_desktop.core.model import RotaChangeKind, ShiftKind
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet import Cover, CoveredShift
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.schema import AbsenceRow, PlannedShiftRow, RotaOverrideRow, WorkedShiftRow


def original_assistant(occurrence: str | None) -> int | None:
    """The assistant an occurrence was rolled out for (None for an extra or imported shift)."""
    head = (occurrence or "").split(":", 1)[0]
    return int(head) if head.isdigit() else None


def _as_planned_for(row: PlannedShiftRow, assistant_id: int):
    return replace(repo.planned_to_core(row), assistant=str(assistant_id), kind=ShiftKind.PLANNED)


def covered_shifts(session: Session, assistant_id: int, arrangement_id: int, period: PayPeriod,
                   own_planned: Sequence[PlannedShiftRow]) -> list[CoveredShift]:
    """This assistant's planned shifts in ``period`` that a colleague works (both ways above)."""
    found: dict[int, CoveredShift] = {}
    changes = session.scalars(
        select(RotaOverrideRow).where(
            RotaOverrideRow.arrangement_id == arrangement_id,
            RotaOverrideRow.kind == RotaChangeKind.SUBSTITUTE.value,
            RotaOverrideRow.day >= period.start, RotaOverrideRow.day <= period.end,
            RotaOverrideRow.occurrence.like(f"{assistant_id}:%"),
        ).order_by(RotaOverrideRow.id)
    ).all()
    reasons = {change.occurrence: change.reason for change in changes}  # the latest change's reason
    if reasons:
        for row in session.scalars(
            select(PlannedShiftRow)
            .where(PlannedShiftRow.arrangement_id == arrangement_id, PlannedShiftRow.occurrence.in_(reasons))
            .options(selectinload(PlannedShiftRow.passive))
        ):
            if row.assistant_id != assistant_id and row.kind is ShiftKind.SUBSTITUTE:
                found[row.id] = CoveredShift(_as_planned_for(row, assistant_id), row.assistant_id,
                                             reasons[row.occurrence])
    by_id = {row.id: row for row in own_planned}
    if by_id:
        for worked in session.scalars(
            select(WorkedShiftRow).where(
                WorkedShiftRow.planned_shift_id.in_(by_id), WorkedShiftRow.assistant_id != assistant_id,
            ).order_by(WorkedShiftRow.id)
        ):
            planned = by_id[worked.planned_shift_id]
            found.setdefault(planned.id, CoveredShift(_as_planned_for(planned, assistant_id), worked.assistant_id,
                                                      worked.reason))
    return sorted(found.values(), key=lambda item: item.planned.start.timestamp())


def covers_of(session: Session, assistant_id: int, planned_rows: Sequence[PlannedShiftRow],
              worked_rows: Sequence[WorkedShiftRow], linked: dict[int, PlannedShiftRow]) -> dict[str, Cover]:
    """Shift id (``"p<n>"`` / ``"w<n>"``) -> the absent colleague this assistant works it for."""
    whose: dict[str, tuple[int, date]] = {}
    for row in planned_rows:
        original = original_assistant(row.occurrence)
        if row.kind is ShiftKind.SUBSTITUTE and original not in (None, assistant_id):
            whose[f"{repo.PLANNED_PREFIX}{row.id}"] = (original, row.start_at.astimezone(OSLO).date())
    for row in worked_rows:
        plan = linked.get(row.planned_shift_id)
        if plan is None:
            continue
        original = plan.assistant_id if plan.assistant_id != assistant_id else (
            original_assistant(plan.occurrence) if plan.kind is ShiftKind.SUBSTITUTE else None)
        if original not in (None, assistant_id):
            whose[f"{repo.WORKED_PREFIX}{row.id}"] = (original, plan.start_at.astimezone(OSLO).date())
    if not whose:
        return {}
    days = [day for _, day in whose.values()]
    absences = [repo.absence_to_core(r) for r in session.scalars(
        select(AbsenceRow).where(
            AbsenceRow.assistant_id.in_({who for who, _ in whose.values()}),
            AbsenceRow.start_date <= max(days), AbsenceRow.end_date >= min(days),
        )
    )]
    covers = {}
    for shift_id, (who, day) in whose.items():
        absence = governing_absence([a for a in absences if a.assistant_id == who], day)
        if absence is not None:
            covers[shift_id] = Cover(who, absence.kind)
    return covers
