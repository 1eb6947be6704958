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

from sqlalchemy import insert, select
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
    return Timesheet(id=row.id, **_values(row, _TIMESHEET_FIELDS), confirmed_through=row.confirmed_through,
                     attested_at=row.attested_at, attested_by=row.attested_by,
                     unconfirmed_reason=row.unconfirmed_reason)


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
