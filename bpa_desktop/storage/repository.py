"""Mapping between ORM rows and the core dataclasses, and the queries that need it.

Nothing here commits: callers (the Workspace) own the session and its one transaction.
Shifts leave storage with Europe/Oslo-aware datetimes (the same instants as the stored UTC)
and with prefixed ids, because planned and worked shifts live in different tables:
``"p<id>"`` for a planned shift, ``"w<id>"`` for a worked one.
"""

from __future__ import annotations

import unicodedata

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    Absence,
    Arrangement,
    Assistant,
    AuditEntry,
    Interval,
    Shift,
    ShiftKind,
    ShiftTemplate,
    Timesheet,
    Vedtak,
)
from bpa_desktop.storage.schema import (
    AbsenceRow,
    ArrangementRow,
    AssistantRow,
    AuditLogRow,
    CancelledShiftRow,
    PlannedPassiveRow,
    PlannedShiftRow,
    ShiftTemplateRow,
    TimesheetRow,
    VedtakRow,
    WorkedPassiveRow,
    WorkedShiftRow,
)

PLANNED_PREFIX = "p"
WORKED_PREFIX = "w"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants [start 00:00, day after end 00:00) of Oslo calendar days start..end."""
    lower = datetime.combine(start, time(), tzinfo=OSLO)
    upper = datetime.combine(end + timedelta(days=1), time(), tzinfo=OSLO)
    return lower.astimezone(timezone.utc), upper.astimezone(timezone.utc)


def parse_shift_id(shift_id: str | None) -> tuple[str, int] | None:
    """``"w12"`` -> ``("w", 12)``; None for no id or one this storage did not hand out."""
    if not shift_id or shift_id[0] not in (PLANNED_PREFIX, WORKED_PREFIX):
        return None
    number = shift_id[1:]
    return (shift_id[0], int(number)) if number.isdigit() else None


# --- arrangement -------------------------------------------------------------------------

_ARRANGEMENT_FIELDS = (
    "name",
    "recipient_name",
    "leader_name",
    "employer_kind",
    "employer_name",
    "employer_org_no",
    "municipality",
    "agreement",
    "pay_profile",
)


def arrangement_to_core(row: ArrangementRow) -> Arrangement:
    return Arrangement(id=row.id, **_values(row, _ARRANGEMENT_FIELDS))


def fill_arrangement(row: ArrangementRow, arrangement: Arrangement) -> list[str]:
    return _fill(row, arrangement, _ARRANGEMENT_FIELDS)


def _values(row: object, fields: Iterable[str], renames=None) -> dict:
    """``fields`` of a dataclass read from a row (the reverse of ``_fill``)."""
    return {field: getattr(row, (renames or {}).get(field, field)) for field in fields}


def _fill(row: object, record: object, fields: Iterable[str], renames=None) -> list[str]:
    """Copy ``fields`` from a dataclass onto a row; return the names that changed."""
    changed = []
    for field in fields:
        column = (renames or {}).get(field, field)
        value = getattr(record, field)
        if type(value) is str:  # not str enums: those stay members
            value = value.strip()
        if getattr(row, column, None) != value:
            setattr(row, column, value)
            changed.append(field)
    return changed


# --- vedtak ------------------------------------------------------------------------------

_VEDTAK_FIELDS = ("hours_per_week", "valid_from", "valid_to", "reference", "services")


def vedtak_to_core(row: VedtakRow) -> Vedtak:
    return Vedtak(
        id=row.id,
        arrangement_id=row.arrangement_id,
        **_values(row, _VEDTAK_FIELDS),
    )


def fill_vedtak(row: VedtakRow, vedtak: Vedtak) -> list[str]:
    return _fill(row, vedtak, _VEDTAK_FIELDS)


# --- assistant ---------------------------------------------------------------------------

_ASSISTANT_FIELDS = (
    "name",
    "employee_no",
    "employment_percent",
    "kind",
    "start_date",
    "end_date",
    "colour",
)


def assistant_to_core(row: AssistantRow) -> Assistant:
    return Assistant(
        id=row.id,
        arrangement_id=row.arrangement_id,
        **_values(row, _ASSISTANT_FIELDS),
    )


def fill_assistant(row: AssistantRow, assistant: Assistant) -> list[str]:
    return _fill(row, assistant, _ASSISTANT_FIELDS)


# Norwegian alphabet order: æ (and ä), ø (and ö), å come after z, in that order (code
# points would give å, æ, ø). "{", "|", "}" are the characters right after "z".
_NB_ORDER = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def norwegian_sort_key(text: str) -> str:
    """Key for sorting names as a Norwegian reader expects; other accents are ignored."""
    folded = unicodedata.normalize("NFD", text.casefold().translate(_NB_ORDER))
    return "".join(c for c in folded if not unicodedata.combining(c))


# --- shift templates ---------------------------------------------------------------------

_TEMPLATE_FIELDS = ("code", "name", "start", "end", "passive_start", "passive_end", "colour")
_TEMPLATE_COLUMNS = {"start": "start_time", "end": "end_time"}


def template_to_core(row: ShiftTemplateRow) -> ShiftTemplate:
    return ShiftTemplate(id=row.id, **_values(row, _TEMPLATE_FIELDS, _TEMPLATE_COLUMNS))


def fill_template(row: ShiftTemplateRow, template: ShiftTemplate) -> list[str]:
    return _fill(row, template, _TEMPLATE_FIELDS, _TEMPLATE_COLUMNS)


# --- shifts ------------------------------------------------------------------------------


def _shift_to_core(row: PlannedShiftRow | WorkedShiftRow, prefix: str) -> Shift:
    return Shift(
        assistant=str(row.assistant_id),
        start=row.start_at.astimezone(OSLO),
        end=row.end_at.astimezone(OSLO),
        passive=tuple(
            Interval(p.start_at.astimezone(OSLO), p.end_at.astimezone(OSLO)) for p in row.passive
        ),
        id=f"{prefix}{row.id}",
        code=row.template_code,
        kind=row.kind,
    )


def planned_to_core(row: PlannedShiftRow) -> Shift:
    return _shift_to_core(row, PLANNED_PREFIX)


def worked_to_core(row: WorkedShiftRow) -> Shift:
    return _shift_to_core(row, WORKED_PREFIX)


def _shift_values(arrangement_id: int, shift: Shift) -> dict:
    return {
        "arrangement_id": arrangement_id,
        "assistant_id": int(shift.assistant),
        "start_at": shift.start,
        "end_at": shift.end,
        "template_code": shift.code,
        "kind": shift.kind,
    }


def planned_values(arrangement_id: int, shift: Shift, rota_id: int | None = None) -> dict:
    """Column values of a planned shift, for ``insert_shifts``."""
    return {**_shift_values(arrangement_id, shift), "rota_id": rota_id}


def worked_values(
    arrangement_id: int,
    shift: Shift,
    reason: str,
    planned_shift_id: int | None,
    created_at: datetime,
) -> dict:
    """Column values of a worked shift, for ``insert_shifts``."""
    return {
        **_shift_values(arrangement_id, shift),
        "planned_shift_id": planned_shift_id,
        "reason": reason.strip(),
        "created_at": created_at,
    }


def insert_shifts(
    session: Session,
    row_class: type[PlannedShiftRow] | type[WorkedShiftRow],
    values: Sequence[dict],
    shifts: Sequence[Shift],
) -> list[int]:
    """Insert many shifts and their passive intervals in two statements; return the ids.

    Bulk inserts skip building an ORM object per row: a two-year roll-out has ~1000 shifts.
    """
    if not values:
        return []
    passive_class = PlannedPassiveRow if row_class is PlannedShiftRow else WorkedPassiveRow
    ids = list(
        session.scalars(
            insert(row_class).returning(row_class.id, sort_by_parameter_order=True), values
        )
    )
    passive = [
        {"shift_id": shift_id, "start_at": p.start, "end_at": p.end}
        for shift_id, shift in zip(ids, shifts)
        for p in shift.passive
    ]
    if passive:
        session.execute(insert(passive_class), passive)
    return ids


def fill_worked(row: WorkedShiftRow, shift: Shift, reason: str) -> None:
    row.assistant_id = int(shift.assistant)
    row.start_at = shift.start
    row.end_at = shift.end
    row.template_code = shift.code
    row.kind = shift.kind or ShiftKind.PLANNED
    row.reason = reason.strip()
    row.passive = [WorkedPassiveRow(start_at=p.start, end_at=p.end) for p in shift.passive]
    if row.created_at is None:
        row.created_at = utc_now()


def shifts_starting_between(
    session: Session,
    row_class: type[PlannedShiftRow] | type[WorkedShiftRow],
    arrangement_id: int,
    start: date,
    end: date,
) -> Sequence[PlannedShiftRow | WorkedShiftRow]:
    """Rows of one arrangement whose start falls on Oslo days ``start``..``end``."""
    lower, upper = local_day_range(start, end)
    return session.scalars(
        select(row_class)
        .where(
            row_class.arrangement_id == arrangement_id,
            row_class.start_at >= lower,
            row_class.start_at < upper,
        )
        .options(selectinload(row_class.passive))
        .order_by(row_class.start_at, row_class.assistant_id, row_class.id)
    ).all()


# --- absence, timesheet, audit -----------------------------------------------------------

_ABSENCE_COLUMNS = {"start": "start_date", "end": "end_date"}
_ABSENCE_FIELDS = ("assistant_id", "kind", "start", "end", "percent", "comment")


def absence_to_core(row: AbsenceRow) -> Absence:
    return Absence(id=row.id, **_values(row, _ABSENCE_FIELDS, _ABSENCE_COLUMNS))


def fill_absence(row: AbsenceRow, absence: Absence) -> list[str]:
    return _fill(row, absence, _ABSENCE_FIELDS, _ABSENCE_COLUMNS)


_TIMESHEET_FIELDS = (
    "assistant_id",
    "period_start",
    "period_end",
    "status",
    "version",
    "supersedes_id",
    "content_hash",
    "correction_reason",
)


def timesheet_to_core(row: TimesheetRow) -> Timesheet:
    return Timesheet(id=row.id, **_values(row, _TIMESHEET_FIELDS))


def fill_timesheet(row: TimesheetRow, timesheet: Timesheet) -> list[str]:
    return _fill(row, timesheet, _TIMESHEET_FIELDS)


def audit_to_core(row: AuditLogRow) -> AuditEntry:
    return AuditEntry(
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        detail=row.detail,
    )


# --- queries the Workspace's areas share ----------------------------------------------------


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


def audit_rows(session: Session, arrangement_id: int | None, limit: int) -> Sequence[AuditLogRow]:
    """Newest first."""
    query = select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
    if arrangement_id is not None:
        query = query.where(AuditLogRow.arrangement_id == arrangement_id)
    return session.scalars(query.limit(limit)).all()
