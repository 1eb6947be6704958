"""Look-ups the Workspace's areas share: the rows of an arrangement, uniqueness, overlaps,
which planned shifts are settled, the audit log. Nothing here commits (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Vedtak
from bpa_desktop.storage.repository import local_day_range
from bpa_desktop.storage.schema import (
    AbsenceRow,
    ArrangementRow,
    AssistantRow,
    AuditLogRow,
    CancelledShiftRow,
    PlannedShiftRow,
    ShiftTemplateRow,
    VedtakRow,
    WorkedShiftRow,
)


def arrangement_rows(session: Session) -> Sequence[ArrangementRow]:
    return session.scalars(select(ArrangementRow).order_by(ArrangementRow.id)).all()


def assistant_rows(session: Session, arrangement_id: int) -> Sequence[AssistantRow]:
    return session.scalars(select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)).all()


def assistant_ids_in(session: Session, arrangement_id: int, assistant_ids: Iterable[int]) -> set[int]:
    """Those of ``assistant_ids`` that belong to the arrangement."""
    return set(
        session.scalars(
            select(AssistantRow.id).where(
                AssistantRow.arrangement_id == arrangement_id, AssistantRow.id.in_(set(assistant_ids))
            )
        )
    )


def taken(session: Session, column, value, arrangement_id: int, own_id: int | None) -> bool:
    """Whether another row of the arrangement already has ``value`` in a unique ``column``."""
    row_class = column.class_
    return bool(
        session.scalar(
            select(func.count())
            .select_from(row_class)
            .where(row_class.arrangement_id == arrangement_id, column == value, row_class.id != (own_id or -1))
        )
    )


def vedtak_rows(session: Session, arrangement_id: int) -> Sequence[VedtakRow]:
    """Newest first."""
    return session.scalars(
        select(VedtakRow)
        .where(VedtakRow.arrangement_id == arrangement_id)
        .order_by(VedtakRow.valid_from.desc(), VedtakRow.id.desc())
    ).all()


def vedtak_on(session: Session, arrangement_id: int, day: date) -> VedtakRow | None:
    return session.scalars(
        select(VedtakRow)
        .where(
            VedtakRow.arrangement_id == arrangement_id,
            VedtakRow.valid_from <= day,
            or_(VedtakRow.valid_to.is_(None), VedtakRow.valid_to >= day),
        )
        .order_by(VedtakRow.valid_from.desc())
        .limit(1)
    ).first()


def overlapping_vedtak(session: Session, vedtak: Vedtak) -> list[VedtakRow]:
    """Other vedtak of the arrangement whose validity overlaps ``vedtak``'s."""
    conditions = [
        VedtakRow.arrangement_id == vedtak.arrangement_id,
        or_(VedtakRow.valid_to.is_(None), VedtakRow.valid_to >= vedtak.valid_from),
    ]
    if vedtak.valid_to is not None:
        conditions.append(VedtakRow.valid_from <= vedtak.valid_to)
    if vedtak.id is not None:
        conditions.append(VedtakRow.id != vedtak.id)
    return list(session.scalars(select(VedtakRow).where(*conditions)))


def template_rows(session: Session, arrangement_id: int) -> Sequence[ShiftTemplateRow]:
    """By start time, then code."""
    return session.scalars(
        select(ShiftTemplateRow)
        .where(ShiftTemplateRow.arrangement_id == arrangement_id)
        .order_by(ShiftTemplateRow.start_time, ShiftTemplateRow.code)
    ).all()


def template_codes(session: Session, arrangement_id: int) -> set[str]:
    return set(session.scalars(select(ShiftTemplateRow.code).where(ShiftTemplateRow.arrangement_id == arrangement_id)))


def planned_ids_in(session: Session, arrangement_id: int, planned_ids: Iterable[int]) -> set[int]:
    """Those of ``planned_ids`` that are planned shifts of the arrangement."""
    return set(
        session.scalars(
            select(PlannedShiftRow.id).where(
                PlannedShiftRow.arrangement_id == arrangement_id, PlannedShiftRow.id.in_(set(planned_ids))
            )
        )
    )


def worked_rows(session: Session, worked_ids: Sequence[int]) -> Sequence[WorkedShiftRow]:
    return session.scalars(
        select(WorkedShiftRow)
        .where(WorkedShiftRow.id.in_(worked_ids))
        .options(selectinload(WorkedShiftRow.passive))
        .order_by(WorkedShiftRow.id)
    ).all()


def worked_overlapping(
    session: Session, assistant_id: int, lower: datetime, upper: datetime, ignore_id: int | None = None
) -> Sequence[WorkedShiftRow]:
    """The assistant's worked shifts that overlap [lower, upper), except ``ignore_id``."""
    return session.scalars(
        select(WorkedShiftRow).where(
            WorkedShiftRow.assistant_id == assistant_id,
            WorkedShiftRow.start_at < upper,
            WorkedShiftRow.end_at > lower,
            WorkedShiftRow.id != (ignore_id or -1),
        )
    ).all()


def busy_assistant_ids(session: Session, arrangement_id: int, start: date, end: date) -> set[int]:
    """Assistants with a planned or worked shift starting on ``start``..``end``."""
    lower, upper = local_day_range(start, end)
    busy: set[int] = set()
    for row_class in (PlannedShiftRow, WorkedShiftRow):
        busy.update(
            session.scalars(
                select(row_class.assistant_id)
                .where(
                    row_class.arrangement_id == arrangement_id,
                    row_class.start_at >= lower,
                    row_class.start_at < upper,
                )
                .distinct()
            )
        )
    return busy


def absence_rows(session: Session, arrangement_id: int, start: date, end: date) -> Sequence[AbsenceRow]:
    """Absences of the arrangement's assistants that touch ``start``..``end``."""
    return session.scalars(
        select(AbsenceRow)
        .join(AssistantRow, AbsenceRow.assistant_id == AssistantRow.id)
        .where(
            AssistantRow.arrangement_id == arrangement_id,
            AbsenceRow.start_date <= end,
            AbsenceRow.end_date >= start,
        )
        .order_by(AbsenceRow.start_date, AbsenceRow.id)
    ).all()


def settled_plan_ids(session: Session, planned_ids: Iterable[int]) -> set[int]:
    """Planned shifts already registered as worked or as not worked."""
    ids = set(planned_ids)
    if not ids:
        return set()
    worked = session.scalars(select(WorkedShiftRow.planned_shift_id).where(WorkedShiftRow.planned_shift_id.in_(ids)))
    cancelled = session.scalars(
        select(CancelledShiftRow.planned_shift_id).where(CancelledShiftRow.planned_shift_id.in_(ids))
    )
    return set(worked) | set(cancelled)


def unregistered_planned(session: Session, arrangement_id: int, first: date, last: date) -> list[PlannedShiftRow]:
    """Planned shifts starting on ``first``..``last`` that no record settles (neither worked nor
    not worked) and whose day is not one of full absence for their assistant."""
    lower, upper = local_day_range(first, last)
    rows = session.scalars(
        select(PlannedShiftRow)
        .where(PlannedShiftRow.arrangement_id == arrangement_id, PlannedShiftRow.start_at >= lower,
               PlannedShiftRow.start_at < upper)
        .options(selectinload(PlannedShiftRow.passive))
        .order_by(PlannedShiftRow.start_at, PlannedShiftRow.assistant_id)
    ).all()
    settled = settled_plan_ids(session, [r.id for r in rows])
    absences = [a for a in absence_rows(session, arrangement_id, first, last) if a.percent >= 100]
    result = []
    for row in rows:
        if row.id in settled:
            continue
        day = row.start_at.astimezone(OSLO).date()
        if any(a.assistant_id == row.assistant_id and a.start_date <= day <= a.end_date for a in absences):
            continue
        result.append(row)
    return result


def audit_rows(session: Session, arrangement_id: int | None, limit: int) -> Sequence[AuditLogRow]:
    """Newest first."""
    query = select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
    if arrangement_id is not None:
        query = query.where(AuditLogRow.arrangement_id == arrangement_id)
    return session.scalars(query.limit(limit)).all()
