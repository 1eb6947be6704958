"""Look-ups and removals the undo of a change needs (``workspace/undoable.py``).

Nothing here commits; the Workspace's unit of work does, with the undo's audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.schema import (
    CancelledShiftRow,
    PlannedShiftRow,
    RotaOverrideRow,
    TimesheetRow,
    WorkedShiftRow,
)


def later_changes(session: Session, arrangement_id: int, change_id: int, keys: Iterable[str]) -> list[RotaOverrideRow]:
    """Changes made after ``change_id`` that touch any of the occurrences ``keys``."""
    keys = [k for k in keys if k]
    if not keys:
        return []
    return list(session.scalars(
        select(RotaOverrideRow).where(
            RotaOverrideRow.arrangement_id == arrangement_id,
            RotaOverrideRow.id > change_id,
            or_(RotaOverrideRow.occurrence.in_(keys), RotaOverrideRow.other_occurrence.in_(keys)),
        )
    ))


def planned_by_occurrence(session: Session, arrangement_id: int, keys: Iterable[str]) -> dict[str, PlannedShiftRow]:
    """Occurrence key -> its planned row now (with passive time)."""
    keys = [k for k in keys if k]
    if not keys:
        return {}
    rows = session.scalars(
        select(PlannedShiftRow)
        .where(PlannedShiftRow.arrangement_id == arrangement_id, PlannedShiftRow.occurrence.in_(keys))
        .options(selectinload(PlannedShiftRow.passive))
    )
    return {row.occurrence: row for row in rows}


def cancelled_for(session: Session, arrangement_id: int, planned_shift_id: int) -> CancelledShiftRow | None:
    """The not-worked record of a planned shift (there is at most one)."""
    return session.scalars(
        select(CancelledShiftRow).where(
            CancelledShiftRow.arrangement_id == arrangement_id,
            CancelledShiftRow.planned_shift_id == planned_shift_id,
        )
    ).first()


def worked_ids(session: Session, assistant_id: int, first: date, last: date) -> set[int]:
    """Worked shifts of an assistant starting on ``first``..``last`` (Oslo days)."""
    lower, upper = repo.local_day_range(first, last)
    return set(session.scalars(
        select(WorkedShiftRow.id).where(
            WorkedShiftRow.assistant_id == assistant_id,
            WorkedShiftRow.start_at >= lower, WorkedShiftRow.start_at < upper,
        )
    ))


def not_worked_ids(session: Session, assistant_id: int, first: date, last: date) -> set[int]:
    lower, upper = repo.local_day_range(first, last)
    return set(session.scalars(
        select(CancelledShiftRow.id).where(
            CancelledShiftRow.assistant_id == assistant_id,
            CancelledShiftRow.start_at >= lower, CancelledShiftRow.start_at < upper,
        )
    ))


def remove(session: Session, row) -> None:
    """Delete one row this undo owns (its passive time goes with it)."""
    session.delete(row)
    session.flush()


def rows(session: Session, row_class, ids: Iterable[int]) -> list:
    ids = list(ids)
    if not ids:
        return []
    return list(session.scalars(select(row_class).where(row_class.id.in_(ids))))


def other_versions(session: Session, timesheet: TimesheetRow) -> bool:
    """Whether the period has a version other than this one."""
    return session.scalar(
        select(TimesheetRow.id).where(
            TimesheetRow.assistant_id == timesheet.assistant_id,
            TimesheetRow.period_start == timesheet.period_start,
            TimesheetRow.id != timesheet.id,
        ).limit(1)
    ) is not None
