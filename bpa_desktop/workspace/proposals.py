"""An assistant's proposed change of the worked record, inside a unit of work.

A proposal is stored once per event id (the same event twice is one row) and waits for the
leader. Accepting it changes the worked record through the one deviation path
(``record_changes.register_deviation``) with the proposal as the reason:

* ``as_planned``: the shift is recorded as worked at its planned times;
* ``late_start`` / ``left_early`` / ``stayed_longer``: the shift as the record has it now,
  moved by that many elapsed minutes (``core.participants.proposed_times``);
* ``sick``: the day of the shift is registered as egenmelding (the leader may change the kind);
* ``extra_shift``: a worked extra shift at the proposal's own times.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import Absence, AbsenceKind, Shift
from bpa_desktop.core.participants import (
    ProposalError,
    change_message,
    proposal_problem,
    proposed_times,
    reason_message,
)
from bpa_desktop.core.timesheet import TimesheetDayRow, start_day
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import participants_repository as pr
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.participants_schema import DeviationProposalRow
from bpa_desktop.storage.schema import AssistantRow
from bpa_desktop.storage.unit_of_work import ASSISTANT, UnitOfWork
from bpa_desktop.workspace import record_changes
from bpa_desktop.workspace.errors import ValidationError, WorkspaceError, found
from bpa_desktop.workspace.participant_records import Proposal, ProposalRow, proposal_of
from bpa_desktop.workspace.participant_views import name_of, own_detail, row_of_ref
from bpa_desktop.workspace.timesheet_reading import period_of


def assistant_actor(uow: UnitOfWork, assistant_id: int) -> str:
    """The audit actor of something the assistant did themselves: "assistent:<ref>"."""
    return f"{ASSISTANT}:{pr.ensure_ref(uow.session, assistant_id).ref}"


def normal_event_id(event_id: str | uuid.UUID | None) -> str:
    if event_id is None:
        return str(uuid.uuid4())
    try:
        return str(uuid.UUID(str(event_id)))
    except ValueError:
        raise ValidationError({"event_id": message("participants.event_id_format")}) from None


def propose(uow: UnitOfWork, assistant_id: int, day: date, *, shift_ref: str | None, change: str, minutes: int,
            starts_at: datetime | None, ends_at: datetime | None, comment: str, channel: str,
            event_id: str | uuid.UUID | None) -> Proposal:
    event = normal_event_id(event_id)
    existing = pr.proposal_by_event(uow.session, event)
    if existing is not None:
        if existing.assistant_id != assistant_id:
            raise WorkspaceError(message("participants.event_reused"))
        return proposal_of(existing)  # the same event again: stored once
    assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
    problem = proposal_problem(change, minutes, has_shift=shift_ref is not None, starts_at=starts_at,
                               ends_at=ends_at)
    if channel not in ("table", "link"):
        problem = problem or "participants.proposal_shape"
    if problem:
        raise ValidationError({"change": message(problem)})
    period = period_of(uow, assistant.arrangement_id, day)
    if shift_ref is not None and row_of_ref(own_detail(uow, assistant_id, period.start), shift_ref) is None:
        raise ValidationError({"shift_ref": message("participants.proposal_shift_gone")})
    row = DeviationProposalRow(
        event_id=event, assistant_id=assistant.id, period_start=period.start, shift_ref=shift_ref, change=change,
        minutes=minutes, starts_at=starts_at, ends_at=ends_at, comment=(comment or "").strip()[:280],
        channel=channel, status="open", created_at=repo.utc_now(),
    )
    uow.add(row)
    uow.audit("propose", "deviation_proposal", row.id, assistant.arrangement_id,
              f"change={change} minutes={minutes} channel={channel}", actor=assistant_actor(uow, assistant.id))
    return proposal_of(row)


def open_rows(uow: UnitOfWork, arrangement_id: int | None) -> list[ProposalRow]:
    rows = []
    details: dict[tuple[int, date], object] = {}
    for proposal in pr.proposal_rows(uow.session, "open", arrangement_id):
        assistant = uow.get(AssistantRow, proposal.assistant_id)
        key = (proposal.assistant_id, proposal.period_start)
        if key not in details:
            details[key] = own_detail(uow, proposal.assistant_id, proposal.period_start)
        shift = _current_shift(details[key], proposal)
        proposed = _proposed(shift, proposal)
        rows.append(ProposalRow(
            proposal=proposal_of(proposal), display_name=name_of(uow, assistant),
            shift_start=shift.start if shift else None, shift_end=shift.end if shift else None,
            proposed_start=proposed[0] if proposed else None, proposed_end=proposed[1] if proposed else None,
            text=change_message(proposal.change, proposal.minutes).render(),
        ))
    return rows


def _current_shift(sheet, proposal: DeviationProposalRow) -> Shift | None:
    if proposal.change == "extra_shift":
        return Shift(str(proposal.assistant_id), proposal.starts_at, proposal.ends_at)
    row = row_of_ref(sheet, proposal.shift_ref) if proposal.shift_ref else None
    if row is None:
        return None
    return row.shift if row.shift is not None else row.planned


def _proposed(shift: Shift | None, proposal: DeviationProposalRow) -> tuple[datetime, datetime] | None:
    if shift is None or proposal.change == "sick":
        return None
    try:
        return proposed_times(shift.start, shift.end, proposal.change, proposal.minutes)
    except ProposalError:
        return None


def accept(uow: UnitOfWork, proposal_id: int) -> Proposal:
    row = _open(uow, proposal_id)
    assistant = uow.get(AssistantRow, row.assistant_id)
    reason = reason_message(row.change, row.minutes, row.comment, row.channel).render()
    deviation = _deviation(uow, row, reason)
    record_changes.register_deviation(uow, assistant.arrangement_id, deviation)
    row.status = "accepted"
    row.decided_at = repo.utc_now()
    uow.flush()
    uow.audit("accept", "deviation_proposal", row.id, assistant.arrangement_id, f"change={row.change}")
    return proposal_of(row)


def decline(uow: UnitOfWork, proposal_id: int, reason: str) -> Proposal:
    if not (reason or "").strip():
        raise ValidationError({"reason": message("reason_required")})
    row = _open(uow, proposal_id)
    assistant = uow.get(AssistantRow, row.assistant_id)
    row.status = "declined"
    row.decided_at = repo.utc_now()
    row.decided_reason = reason.strip()
    uow.flush()
    uow.audit("decline", "deviation_proposal", row.id, assistant.arrangement_id, f"change={row.change}")
    return proposal_of(row)


def _open(uow: UnitOfWork, proposal_id: int) -> DeviationProposalRow:
    row = found(uow.get(DeviationProposalRow, proposal_id), Message("participants.proposal_entity"), proposal_id)
    if row.status != "open":
        raise WorkspaceError(message("participants.proposal_decided"))
    return row


def _deviation(uow: UnitOfWork, row: DeviationProposalRow, reason: str) -> dev.Deviation:
    if row.change == "extra_shift":
        return dev.ExtraWork(row.assistant_id, row.starts_at, row.ends_at, reason)
    day_row = row_of_ref(own_detail(uow, row.assistant_id, row.period_start), row.shift_ref)
    shift = _base_shift(day_row)
    if shift is None:
        raise WorkspaceError(message("participants.proposal_shift_gone"))
    if row.change == "sick":
        day = start_day(shift)
        return dev.Absent(Absence(None, row.assistant_id, AbsenceKind.SELF_CERTIFIED, day, day, 100, reason))
    if row.change == "as_planned":
        planned = day_row.planned or shift
        return dev.ChangedTimes(shift, planned.start, planned.end, reason)
    try:
        start, end = proposed_times(shift.start, shift.end, row.change, row.minutes)
    except ProposalError as error:
        raise WorkspaceError(message(error.key)) from None
    return dev.ChangedTimes(shift, start, end, reason)


def _base_shift(day_row: TimesheetDayRow | None) -> Shift | None:
    """What the record has for the shift now ("w<n>" worked, or "p<n>" planned as worked)."""
    if day_row is None or day_row.shift is None:
        return None
    return replace(day_row.shift)
