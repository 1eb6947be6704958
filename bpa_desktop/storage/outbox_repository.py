"""The sync outbox and the enrolment in the client database: every query and update of
``outbox_submission`` and ``sync_enrolment`` (docs/protocol.md has the states).

Nothing here commits and nothing decides: ``ws.sync`` opens one unit of work per step and
decides with ``sync/outbox.py`` (backoff, texts, what a body holds); this module reads and
writes rows and hands out plain records. It never touches the timesheet table: a receipt or
a decision reaches the timesheet through ``ws.timesheets``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from bpa_desktop.message import Message
from bpa_desktop.storage.sync_schema import (
    AT_RECEIVER,
    NOT_YET_STORED,
    OUTBOX_STATES,
    REPLACED,
    SENDABLE,
    OutboxSubmissionRow,
    SyncEnrolmentRow,
)


@dataclass(frozen=True)
class Enrolment:
    """One arrangement's enrolment at the municipality's receiver (secrets are in the keyring)."""

    arrangement_id: int
    receiver_url: str
    remote_arrangement_id: str
    key_id: str  # also the fingerprint printed on the PDF
    public_key: bytes
    decisions_cursor: int
    enrolled_at: datetime


@dataclass(frozen=True)
class Submission:
    """One outbox row as stored."""

    id: str
    arrangement_id: int
    timesheet_id: int | None
    employee_no: str
    period: str
    version: int
    supersedes_id: str | None
    kind: str
    lines: str
    attested_at: datetime
    app_version: str
    body: bytes | None
    body_sha256: str | None
    sig: bytes | None
    key_id: str | None
    state: str
    attempts: int
    next_attempt_at: datetime
    lease_owner: str | None
    lease_until: datetime | None
    last_attempt_at: datetime | None
    last_error_code: str | None
    last_error_message: str | None  # a catalogue Message as JSON (bpa_desktop.i18n)
    receipt: str | None
    decision: str | None
    decision_reason: str | None
    decided_at: datetime | None
    exported_at: datetime | None
    created_at: datetime
    paper_at: datetime | None = None  # handed over on paper


@dataclass(frozen=True)
class Claimed:
    id: str
    body: bytes
    sig: bytes
    key_id: str
    body_sha256: str
    attempts: int


_SUBMISSION_FIELDS = tuple(f.name for f in fields(Submission))
_ENROLMENT_FIELDS = tuple(f.name for f in fields(Enrolment))


def _stored(message: Message | None) -> str | None:
    return message.to_json() if message is not None else None


def _submission(row: OutboxSubmissionRow) -> Submission:
    return Submission(**{name: getattr(row, name) for name in _SUBMISSION_FIELDS})


def _enrolment(row: SyncEnrolmentRow) -> Enrolment:
    return Enrolment(**{name: getattr(row, name) for name in _ENROLMENT_FIELDS})


# --- enrolment ------------------------------------------------------------------------------


def enrolments(session: Session, arrangement_id: int | None = None) -> list[Enrolment]:
    query = select(SyncEnrolmentRow).order_by(SyncEnrolmentRow.arrangement_id)
    if arrangement_id is not None:
        query = query.where(SyncEnrolmentRow.arrangement_id == arrangement_id)
    return [_enrolment(row) for row in session.scalars(query)]


def save_enrolment(session: Session, arrangement_id: int, *, receiver_url: str, remote_arrangement_id: str,
                   public_key: bytes, key_id: str, now: datetime) -> None:
    """Record the enrolment and let everything that waited for it go."""
    row = session.get(SyncEnrolmentRow, arrangement_id)
    if row is None:
        row = SyncEnrolmentRow(arrangement_id=arrangement_id, decisions_cursor=0)
        session.add(row)
    elif row.receiver_url != receiver_url or row.remote_arrangement_id != remote_arrangement_id:
        row.decisions_cursor = 0  # another feed
    row.receiver_url = receiver_url
    row.remote_arrangement_id = remote_arrangement_id
    row.public_key = public_key
    row.key_id = key_id
    row.enrolled_at = now
    session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state == "paused_auth")
        .values(state="queued", next_attempt_at=now, last_error_code=None, last_error_message=None)
    )


def set_cursor(session: Session, arrangement_id: int, cursor: int) -> None:
    session.execute(
        update(SyncEnrolmentRow).where(SyncEnrolmentRow.arrangement_id == arrangement_id).values(decisions_cursor=cursor)
    )


# --- capture ----------------------------------------------------------------------------------


def earlier_versions(session: Session, arrangement_id: int, employee_no: str, period: str,
                     version: int) -> list[Submission]:
    """The versions of an employee's period before ``version``, newest first."""
    rows = session.scalars(
        select(OutboxSubmissionRow)
        .where(
            OutboxSubmissionRow.arrangement_id == arrangement_id,
            OutboxSubmissionRow.employee_no == employee_no,
            OutboxSubmissionRow.period == period,
            OutboxSubmissionRow.version < version,
        )
        .order_by(OutboxSubmissionRow.version.desc())
    )
    return [_submission(row) for row in rows]


def retire(session: Session, submission_ids: Sequence[str], text: Message) -> None:
    """Versions that never reached the receiver (blocked, version conflict) and that a later
    version has replaced: ``superseded`` with the code ``replaced``, never sent again."""
    if submission_ids:
        session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.id.in_(list(submission_ids)),
                   OutboxSubmissionRow.state.in_(("blocked", "needs_correction")))
            .values(state="superseded", last_error_code=REPLACED, last_error_message=_stored(text),
                    lease_owner=None, lease_until=None)
        )


def latest_version(session: Session, arrangement_id: int, employee_no: str, period: str) -> Submission | None:
    """The newest submission of an employee's period (what a new version supersedes)."""
    row = session.scalars(
        select(OutboxSubmissionRow)
        .where(
            OutboxSubmissionRow.arrangement_id == arrangement_id,
            OutboxSubmissionRow.employee_no == employee_no,
            OutboxSubmissionRow.period == period,
        )
        .order_by(OutboxSubmissionRow.version.desc())
        .limit(1)
    ).first()
    return _submission(row) if row is not None else None


def add(session: Session, values: dict) -> Submission:
    """Insert a new submission (column values) in the caller's transaction."""
    row = OutboxSubmissionRow(**values)
    session.add(row)
    session.flush()
    return _submission(row)


# --- sealing ----------------------------------------------------------------------------------


def needing_signature(session: Session, arrangement_id: int, key_id: str) -> list[Submission]:
    """Sendable rows without a signature by ``key_id``."""
    rows = session.scalars(
        select(OutboxSubmissionRow).where(
            OutboxSubmissionRow.arrangement_id == arrangement_id,
            OutboxSubmissionRow.state.in_(SENDABLE),
            or_(OutboxSubmissionRow.sig.is_(None), OutboxSubmissionRow.key_id != key_id),
        )
    )
    return [_submission(row) for row in rows]


def store_body(session: Session, submission_id: str, body: bytes, body_sha256: str) -> None:
    session.execute(
        update(OutboxSubmissionRow).where(OutboxSubmissionRow.id == submission_id)
        .values(body=body, body_sha256=body_sha256)
    )


def store_signature(session: Session, submission_id: str, sig: bytes, key_id: str) -> None:
    session.execute(
        update(OutboxSubmissionRow).where(OutboxSubmissionRow.id == submission_id).values(sig=sig, key_id=key_id)
    )


def block(session: Session, submission_id: str, code: str, text: Message) -> None:
    session.execute(
        update(OutboxSubmissionRow).where(OutboxSubmissionRow.id == submission_id)
        .values(state="blocked", last_error_code=code, last_error_message=_stored(text))
    )


# --- claiming and results ---------------------------------------------------------------------


def claim(session: Session, arrangement_id: int, owner: str, *, now: datetime, lease_seconds: float, limit: int,
          ignore_backoff: bool, exclude: Iterable[str]) -> list[Claimed]:
    """Take up to ``limit`` due rows for sending under a lease (call in a BEGIN IMMEDIATE).

    Due: queued and its time has come (or ``ignore_backoff``), or sending with an expired
    lease. A version waits while an earlier version of the same employee and period is
    still on its way (queued, sending or paused): its answer decides what this one supersedes.
    An earlier version that ended blocked or in a version conflict holds nothing back."""
    outbox = OutboxSubmissionRow
    earlier = aliased(OutboxSubmissionRow)
    waiting_for_earlier = (
        select(earlier.id)
        .where(
            earlier.arrangement_id == outbox.arrangement_id,
            earlier.employee_no == outbox.employee_no,
            earlier.period == outbox.period,
            earlier.version < outbox.version,
            earlier.state.in_(SENDABLE),
        )
        .exists()
    )
    due_queued = and_(outbox.state == "queued", True if ignore_backoff else outbox.next_attempt_at <= now)
    lease_expired = and_(outbox.state == "sending", outbox.lease_until < now)
    ids = list(session.scalars(
        select(outbox.id)
        .where(
            outbox.arrangement_id == arrangement_id,
            outbox.sig.is_not(None),
            outbox.body.is_not(None),
            or_(due_queued, lease_expired),
            ~waiting_for_earlier,
            outbox.id.not_in(list(exclude)),
        )
        .order_by(outbox.created_at, outbox.version)
        .limit(limit)
    ))
    if not ids:
        return []
    rows = session.execute(
        update(outbox)
        .where(outbox.id.in_(ids))
        .values(state="sending", lease_owner=owner, lease_until=now + timedelta(seconds=lease_seconds))
        .returning(outbox.id, outbox.body, outbox.sig, outbox.key_id, outbox.body_sha256, outbox.attempts)
    ).all()
    order = {row_id: index for index, row_id in enumerate(ids)}
    return sorted((Claimed(*row) for row in rows), key=lambda c: order[c.id])


def get(session: Session, submission_id: str) -> Submission | None:
    row = session.get(OutboxSubmissionRow, submission_id)
    return _submission(row) if row is not None else None


def mark_delivered(session: Session, submission_id: str, receipt: dict, now: datetime) -> bool:
    """Keep the receipt of a not-yet-delivered row; False when there was none to mark."""
    result = session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.id == submission_id, OutboxSubmissionRow.state.in_(NOT_YET_STORED))
        .values(
            state="delivered", receipt=json.dumps(receipt, sort_keys=True),
            attempts=OutboxSubmissionRow.attempts + 1, last_attempt_at=now,
            lease_owner=None, lease_until=None, last_error_code=None, last_error_message=None,
        )
    )
    return bool(result.rowcount)


def requeue_after(session: Session, submission_id: str, *, next_attempt_at: datetime, code: str, text: Message,
                  now: datetime) -> None:
    """Back to ``queued`` after a failed attempt, to be tried at ``next_attempt_at``."""
    session.execute(
        update(OutboxSubmissionRow).where(OutboxSubmissionRow.id == submission_id).values(
            state="queued", attempts=OutboxSubmissionRow.attempts + 1, next_attempt_at=next_attempt_at,
            lease_owner=None, lease_until=None, last_attempt_at=now, last_error_code=code, last_error_message=_stored(text),
        )
    )


def mark_state(session: Session, submission_id: str, owner: str, state: str, *, code: str, text: Message,
               now: datetime, answer: dict | None = None) -> bool:
    """A final answer for this version (blocked, needs_correction) for the lease holder;
    ``answer`` (the head a version conflict named) is kept in ``receipt``."""
    assert state in OUTBOX_STATES
    values = dict(state=state, attempts=OutboxSubmissionRow.attempts + 1, last_attempt_at=now,
                  lease_owner=None, lease_until=None, last_error_code=code, last_error_message=_stored(text))
    if answer is not None:
        values["receipt"] = json.dumps(answer, sort_keys=True)
    result = session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.id == submission_id, OutboxSubmissionRow.state == "sending",
               OutboxSubmissionRow.lease_owner == owner)
        .values(**values)
    )
    return bool(result.rowcount)


def pause_auth(session: Session, arrangement_id: int, *, code: str, text: Message) -> int:
    result = session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.arrangement_id == arrangement_id,
               OutboxSubmissionRow.state.in_(("queued", "sending")))
        .values(state="paused_auth", lease_owner=None, lease_until=None, last_error_code=code, last_error_message=_stored(text))
    )
    return result.rowcount


def note_error(session: Session, arrangement_id: int, *, code: str, text: Message) -> None:
    session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state == "queued")
        .values(last_error_code=code, last_error_message=_stored(text))
    )


def requeue_blocked(session: Session, submission_id: str, now: datetime) -> bool:
    """A blocked row queued again, unless its pay code can never travel."""
    result = session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.id == submission_id, OutboxSubmissionRow.state == "blocked",
               OutboxSubmissionRow.last_error_code != "invalid_pay_code")
        .values(state="queued", next_attempt_at=now, last_error_code=None, last_error_message=None)
    )
    return bool(result.rowcount)


# --- decisions ----------------------------------------------------------------------------------


def record_decision(session: Session, arrangement_id: int, submission_id: str, decision: str, reason: str | None,
                    decided_at: datetime) -> Submission | None:
    """Store a decision on a row of this arrangement; None when the row is unknown or
    already has this decision (replaying a page is harmless)."""
    row = session.get(OutboxSubmissionRow, submission_id)
    if row is None or row.arrangement_id != arrangement_id:
        return None
    if row.decision == decision and row.decided_at is not None:
        return None
    row.decision, row.decision_reason, row.decided_at = decision, reason, decided_at
    row.lease_owner = row.lease_until = None
    if row.state != "superseded":
        row.state = decision
    if decision == "accepted":
        session.execute(
            update(OutboxSubmissionRow)
            .where(
                OutboxSubmissionRow.arrangement_id == row.arrangement_id,
                OutboxSubmissionRow.employee_no == row.employee_no,
                OutboxSubmissionRow.period == row.period,
                OutboxSubmissionRow.version < row.version,
                OutboxSubmissionRow.state.in_(("accepted", "delivered")),
            )
            .values(state="superseded")
        )
    session.flush()
    return _submission(row)


def ids_at_receiver(session: Session, arrangement_id: int) -> list[str]:
    """Ids the receiver should hold (a replaced version never reached it)."""
    return list(session.scalars(
        select(OutboxSubmissionRow.id).where(
            OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state.in_(AT_RECEIVER),
            or_(OutboxSubmissionRow.last_error_code.is_(None), OutboxSubmissionRow.last_error_code != REPLACED),
        )
    ))


def requeue_unknown(session: Session, submission_ids: Sequence[str], *, now: datetime, text: Message) -> int:
    """The receiver lost these (restored from a backup): queue them again with the same
    ids and bytes; their receipts and decisions are gone with it."""
    if not submission_ids:
        return 0
    result = session.execute(
        update(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.id.in_(list(submission_ids)), OutboxSubmissionRow.state.in_(AT_RECEIVER),
               or_(OutboxSubmissionRow.last_error_code.is_(None), OutboxSubmissionRow.last_error_code != REPLACED))
        .values(state="queued", next_attempt_at=now, receipt=None, decision=None, decision_reason=None,
                decided_at=None, last_error_code="receiver_restored", last_error_message=_stored(text))
    )
    return result.rowcount


# --- bundle and reading -------------------------------------------------------------------------


def exportable(session: Session, arrangement_id: int) -> list[Submission]:
    """Signed rows the receiver has not confirmed yet, oldest first."""
    rows = session.scalars(
        select(OutboxSubmissionRow)
        .where(OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state.in_(SENDABLE),
               OutboxSubmissionRow.sig.is_not(None))
        .order_by(OutboxSubmissionRow.created_at, OutboxSubmissionRow.version)
    )
    return [_submission(row) for row in rows]


def mark_exported(session: Session, submission_ids: Sequence[str], now: datetime) -> None:
    if submission_ids:
        session.execute(
            update(OutboxSubmissionRow).where(OutboxSubmissionRow.id.in_(list(submission_ids))).values(exported_at=now)
        )


def mark_paper(session: Session, arrangement_id: int, submission_ids: Sequence[str], now: datetime) -> list[str]:
    """Mark the arrangement's rows as handed over on paper; returns the ids it marked. The
    state stays: only the receiver's receipt says the electronic copy arrived."""
    ids = list(session.scalars(select(OutboxSubmissionRow.id).where(
        OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.id.in_(list(submission_ids)))))
    if ids:
        session.execute(update(OutboxSubmissionRow).where(OutboxSubmissionRow.id.in_(ids)).values(paper_at=now))
    return ids


def counts(session: Session, arrangement_id: int | None = None) -> dict[str, int]:
    """Number of submissions in each state (every state present, zero when none)."""
    query = select(OutboxSubmissionRow.state, func.count()).group_by(OutboxSubmissionRow.state)
    if arrangement_id is not None:
        query = query.where(OutboxSubmissionRow.arrangement_id == arrangement_id)
    found = dict(session.execute(query).all())
    return {state: int(found.get(state, 0)) for state in OUTBOX_STATES}


def queued_by_arrangement(session: Session) -> dict[int, int]:
    return dict(session.execute(
        select(OutboxSubmissionRow.arrangement_id, func.count())
        .where(OutboxSubmissionRow.state == "queued")
        .group_by(OutboxSubmissionRow.arrangement_id)
    ).all())


def submissions(session: Session, arrangement_id: int | None = None,
                states: Iterable[str] | None = None) -> list[Submission]:
    query = select(OutboxSubmissionRow).order_by(OutboxSubmissionRow.created_at, OutboxSubmissionRow.version)
    if arrangement_id is not None:
        query = query.where(OutboxSubmissionRow.arrangement_id == arrangement_id)
    if states is not None:
        query = query.where(OutboxSubmissionRow.state.in_(list(states)))
    return [_submission(row) for row in session.scalars(query)]
