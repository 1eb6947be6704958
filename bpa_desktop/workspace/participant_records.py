"""What ``ws.participants`` hands out: plain values, never ORM rows (and how rows become them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bpa_desktop.core.model import ApprovalRole
from bpa_desktop.storage.participants_schema import DeviationProposalRow, TimesheetConfirmationRow
from bpa_desktop.storage.schema import RotaApprovalRow


@dataclass(frozen=True)
class TableAssistant:
    """An active assistant as the shared table lists them: the short name only."""

    id: int
    display_name: str
    has_pin: bool
    locked: bool


@dataclass(frozen=True)
class Proposal:
    id: int
    event_id: str
    assistant_id: int
    period_start: date
    shift_ref: str | None
    change: str
    minutes: int
    starts_at: datetime | None
    ends_at: datetime | None
    comment: str
    channel: str  # "table" | "link"
    status: str  # "open" | "accepted" | "declined"
    created_at: datetime
    decided_at: datetime | None = None
    decided_reason: str | None = None


@dataclass(frozen=True)
class ProposalRow:
    """An open proposal as the leader reviews it: who (short name), which shift, what it says."""

    proposal: Proposal
    display_name: str
    shift_start: datetime | None  # the shift as the record has it now (an extra shift: its own times)
    shift_end: datetime | None
    proposed_start: datetime | None  # as the proposal would have it (None: sick, or the shift is gone)
    proposed_end: datetime | None
    text: str  # the change in words, in the current language ("Ble 60 min lenger")

    @property
    def id(self) -> int:
        return self.proposal.id


@dataclass(frozen=True)
class Confirmation:
    timesheet_id: int
    version: int
    actor: str  # "assistant" | "arbeidsleder"
    channel: str  # "table" | "link" | "paper"
    at: datetime
    content_hash: str | None = None  # the month view the assistant saw (None on paper)
    event_id: str | None = None


@dataclass(frozen=True)
class Approval:
    id: int
    rota_id: int
    role: ApprovalRole
    who: str
    channel: str  # "table" | "link" | "staff_page" | "paper"
    approved: bool  # False: seen only, or a comment asking for changes
    comment: str
    at: datetime | None  # when it was given (paper approvals from before 0007: None, see approved_on)
    assistant_id: int | None = None
    seen_on: date | None = None
    approved_on: date | None = None
    content_hash: str | None = None
    event_id: str | None = None


def proposal_of(row: DeviationProposalRow) -> Proposal:
    return Proposal(
        id=row.id, event_id=row.event_id, assistant_id=row.assistant_id, period_start=row.period_start,
        shift_ref=row.shift_ref, change=row.change, minutes=row.minutes, starts_at=row.starts_at,
        ends_at=row.ends_at, comment=row.comment, channel=row.channel, status=row.status,
        created_at=row.created_at, decided_at=row.decided_at, decided_reason=row.decided_reason,
    )


def confirmation_of(row: TimesheetConfirmationRow) -> Confirmation:
    return Confirmation(timesheet_id=row.timesheet_id, version=row.version, actor=row.actor, channel=row.channel,
                        at=row.confirmed_at, content_hash=row.content_hash, event_id=row.event_id)


def approval_of(row: RotaApprovalRow) -> Approval:
    return Approval(
        id=row.id, rota_id=row.rota_id, role=ApprovalRole(row.role), who=row.who, channel=row.channel,
        approved=bool(row.approved), comment=row.comment or "", at=row.approved_at, assistant_id=row.assistant_id,
        seen_on=row.seen_on, approved_on=row.approved_on, content_hash=row.content_hash, event_id=row.event_id,
    )
