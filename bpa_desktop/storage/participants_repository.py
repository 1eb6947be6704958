"""Queries of the participants' tables (``participants_schema.py``), for ``ws.participants``."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bpa_desktop.storage.participants_schema import (
    AssistantPinRow,
    AssistantRefRow,
    DeviationProposalRow,
    TimesheetConfirmationRow,
)
from bpa_desktop.storage.schema import AssistantRow, RotaApprovalRow
from bpa_desktop.storage.sync_schema import SyncEnrolmentRow

REF_BYTES = 8  # secrets.token_hex(8): 16 hex digits


def assistant_rows(session: Session, arrangement_id: int | None = None) -> list[AssistantRow]:
    query = select(AssistantRow)
    if arrangement_id is not None:
        query = query.where(AssistantRow.arrangement_id == arrangement_id)
    return list(session.scalars(query.order_by(AssistantRow.id)))


def pin_row(session: Session, assistant_id: int) -> AssistantPinRow | None:
    return session.get(AssistantPinRow, assistant_id)


def pin_rows(session: Session, assistant_ids: Sequence[int]) -> dict[int, AssistantPinRow]:
    if not assistant_ids:
        return {}
    rows = session.scalars(select(AssistantPinRow).where(AssistantPinRow.assistant_id.in_(list(assistant_ids))))
    return {row.assistant_id: row for row in rows}


def ref_row(session: Session, assistant_id: int) -> AssistantRefRow | None:
    return session.get(AssistantRefRow, assistant_id)


def ref_rows(session: Session, assistant_ids: Sequence[int]) -> dict[int, AssistantRefRow]:
    if not assistant_ids:
        return {}
    rows = session.scalars(select(AssistantRefRow).where(AssistantRefRow.assistant_id.in_(list(assistant_ids))))
    return {row.assistant_id: row for row in rows}


def ensure_ref(session: Session, assistant_id: int) -> AssistantRefRow:
    """The assistant's opaque reference, made on first use (random, never derived from the id)."""
    row = session.get(AssistantRefRow, assistant_id)
    if row is None:
        ref = secrets.token_hex(REF_BYTES)
        while session.scalar(select(AssistantRefRow).where(AssistantRefRow.ref == ref)) is not None:
            ref = secrets.token_hex(REF_BYTES)  # pragma: no cover - 64 bits never collide in practice
        row = AssistantRefRow(assistant_id=assistant_id, ref=ref, short_name=None)
        session.add(row)
        session.flush()
    return row


def assistant_of_ref(session: Session, ref: str) -> AssistantRow | None:
    row = session.scalar(select(AssistantRefRow).where(AssistantRefRow.ref == ref))
    return session.get(AssistantRow, row.assistant_id) if row is not None else None


def proposal_by_event(session: Session, event_id: str) -> DeviationProposalRow | None:
    return session.scalar(select(DeviationProposalRow).where(DeviationProposalRow.event_id == event_id))


def proposal_rows(session: Session, status: str | None = "open",
                  arrangement_id: int | None = None) -> list[DeviationProposalRow]:
    query = select(DeviationProposalRow)
    if status is not None:
        query = query.where(DeviationProposalRow.status == status)
    if arrangement_id is not None:
        query = query.join(AssistantRow, AssistantRow.id == DeviationProposalRow.assistant_id).where(
            AssistantRow.arrangement_id == arrangement_id)
    return list(session.scalars(query.order_by(DeviationProposalRow.created_at, DeviationProposalRow.id)))


def confirmation_by_event(session: Session, event_id: str) -> TimesheetConfirmationRow | None:
    return session.scalar(select(TimesheetConfirmationRow).where(TimesheetConfirmationRow.event_id == event_id))


def confirmations(session: Session, timesheet_id: int) -> list[TimesheetConfirmationRow]:
    """The timesheet version's confirmations, newest first."""
    return list(session.scalars(
        select(TimesheetConfirmationRow).where(TimesheetConfirmationRow.timesheet_id == timesheet_id)
        .order_by(TimesheetConfirmationRow.confirmed_at.desc(), TimesheetConfirmationRow.id.desc())))


def confirmation_count(session: Session, timesheet_id: int) -> int:
    return session.scalar(select(func.count()).select_from(TimesheetConfirmationRow).where(
        TimesheetConfirmationRow.timesheet_id == timesheet_id)) or 0


def approval_by_event(session: Session, event_id: str) -> RotaApprovalRow | None:
    return session.scalar(select(RotaApprovalRow).where(RotaApprovalRow.event_id == event_id))


def remote_arrangement_id(session: Session, arrangement_id: int) -> str | None:
    """The receiver's reference of the arrangement when it is enrolled (what the wire names)."""
    row = session.get(SyncEnrolmentRow, arrangement_id)
    return row.remote_arrangement_id if row is not None else None


def add_confirmation(session: Session, timesheet, *, actor: str, channel: str, content_hash: str | None,
                     event_id: str | None, at) -> TimesheetConfirmationRow:
    """Record who confirmed this timesheet version (``timesheet``: its row), where and when."""
    row = TimesheetConfirmationRow(timesheet_id=timesheet.id, version=timesheet.version, actor=actor,
                                   channel=channel, content_hash=content_hash, confirmed_at=at,
                                   event_id=event_id)
    session.add(row)
    session.flush()
    return row


def newest_paper_confirmation(session: Session, timesheet_id: int) -> TimesheetConfirmationRow | None:
    return next((row for row in confirmations(session, timesheet_id) if row.channel == "paper"), None)
