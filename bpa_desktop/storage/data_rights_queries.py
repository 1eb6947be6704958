"""SQL for data rights: every table as plain rows (with a JSON schema per table), and the
personal fields of one assistant blanked out."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, delete, func, select, update
from sqlalchemy.orm import Session

from bpa_desktop.storage.base import Base
from bpa_desktop.storage.participants_schema import (
    AssistantPinRow,
    AssistantRefRow,
    DeviationProposalRow,
    PublicationRow,
    ShareLinkRow,
)
from bpa_desktop.storage.schema import AbsenceRow, AssistantRow, RotaApprovalRow, TimesheetRow, WorkedShiftRow

SKIPPED = {"alembic_version", "assistant_pin"}  # a PIN's scrypt hash is a credential, not a record


def _json_type(column) -> dict:
    kind = column.type
    if isinstance(kind, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(kind, Integer):
        schema = {"type": "integer"}
    elif isinstance(kind, Float):
        schema = {"type": "number"}
    elif isinstance(kind, Date) and not isinstance(kind, DateTime):
        schema = {"type": "string", "format": "date"}
    elif isinstance(kind, DateTime) or "DateTime" in type(kind).__name__:
        schema = {"type": "string", "format": "date-time"}
    else:
        schema = {"type": "string"}
    return {"type": [schema["type"], "null"], **{k: v for k, v in schema.items() if k != "type"}} \
        if column.nullable else schema


def table_schema(table) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": table.name,
        "type": "array",
        "items": {
            "type": "object",
            "properties": {column.name: _json_type(column) for column in table.columns},
            "required": [column.name for column in table.columns if not column.nullable],
            "additionalProperties": False,
        },
    }


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def dump_tables(session: Session) -> dict[str, tuple[dict, list[dict]]]:
    """Table name -> (its JSON schema, its rows as plain values), for every table of ours."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED:
            continue
        rows = session.execute(select(table)).mappings().all()
        out[table.name] = (table_schema(table), [{k: _plain(v) for k, v in row.items()} for row in rows])
    return out


def last_payroll_day(session: Session, assistant_id: int) -> date | None:
    """The end of the assistant's newest attested pay period (the last payroll record)."""
    return session.scalar(select(func.max(TimesheetRow.period_end)).where(
        TimesheetRow.assistant_id == assistant_id, TimesheetRow.attested_at.is_not(None)))


def attested_timesheets(session: Session) -> list[tuple[int, int, date]]:
    """(timesheet id, assistant id, period start) of every attested version."""
    rows = session.execute(select(TimesheetRow.id, TimesheetRow.assistant_id, TimesheetRow.period_start)
                           .where(TimesheetRow.attested_at.is_not(None)).order_by(TimesheetRow.id))
    return [tuple(row) for row in rows]


def blank_personal_fields(session: Session, assistant_id: int, name: str, employee_no: str) -> int:
    """Name and employee number replaced, free-text comments emptied; returns rows touched."""
    touched = session.execute(update(AssistantRow).where(AssistantRow.id == assistant_id)
                              .values(name=name, employee_no=employee_no)).rowcount
    touched += session.execute(update(AbsenceRow).where(AbsenceRow.assistant_id == assistant_id,
                                                        AbsenceRow.comment != "").values(comment="")).rowcount
    touched += session.execute(update(WorkedShiftRow).where(WorkedShiftRow.assistant_id == assistant_id,
                                                            WorkedShiftRow.reason != "").values(reason="")).rowcount
    # what the assistants' own loop kept (migration 0007): the PIN, the short name, their words,
    # the published months (they carry the display name) and the names on their links
    touched += session.execute(delete(AssistantPinRow).where(AssistantPinRow.assistant_id == assistant_id)).rowcount
    touched += session.execute(update(AssistantRefRow).where(AssistantRefRow.assistant_id == assistant_id,
                                                             AssistantRefRow.short_name.is_not(None))
                               .values(short_name=None)).rowcount
    touched += session.execute(update(DeviationProposalRow).where(DeviationProposalRow.assistant_id == assistant_id,
                                                                  DeviationProposalRow.comment != "")
                               .values(comment="")).rowcount
    touched += session.execute(delete(PublicationRow).where(PublicationRow.assistant_id == assistant_id)).rowcount
    touched += session.execute(update(ShareLinkRow).where(ShareLinkRow.assistant_id == assistant_id)
                               .values(label=employee_no)).rowcount
    touched += session.execute(update(RotaApprovalRow).where(RotaApprovalRow.assistant_id == assistant_id,
                                                             RotaApprovalRow.who != "").values(who="")).rowcount
    return touched
