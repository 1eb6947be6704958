"""The transactional outbox on the client (SYNC.md 2.1, 2.2, 2.5): SQL only, no HTTP, no Qt.

States: ``queued`` → ``sending`` (claimed with a lease) → ``delivered`` (receipt kept) →
``accepted`` / ``rejected`` (with the receiver's reason; the arbeidsleder corrects and
attests again, which queues version v+1 that ``supersedes`` this one). Side states:
``paused_auth`` (token refused; all wait for re-enrolment), ``needs_correction`` (409: the
receiver has another head), ``blocked`` (400/422: kept and shown, never dropped), and
``superseded`` (a later version was accepted).

Keyring and signing (decision): the attestation transaction never touches the keyring.
``enqueue_attested`` writes the submission's content (id, period, version, supersedes,
minutes per pay code) in the attestation's own transaction and, when the arrangement is
already enrolled, also the exact canonical body bytes and their SHA-256. The Ed25519
signature is added when the row is first sent or exported (``seal``), because reading the
private key can fail (no keyring, SYNC.md case 16) or wait for a keyring unlock prompt, and
neither may fail or hold up an attestation or keep SQLite's write lock. Before enrolment
the receiver's arrangement reference is unknown, so the body is built at that point instead.
Once built, the body never changes (a trigger refuses it), so every retry, bundle and PDF
names the same bytes.

Backoff (decision): full jitter (AWS), base 5 s, cap 1 h, and never below Retry-After. It is
a five-line function rather than ``tenacity``/``backoff``: those libraries retry by sleeping
inside one process, while here a retry must survive restarts, so the next time is stored in
``next_attempt_at`` and the next pass simply claims rows that are due.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from bpa_desktop.core.model import PayLine, TimesheetStatus
from bpa_desktop.storage.connection import writer
from bpa_desktop.storage.schema import AssistantRow, TimesheetRow
from bpa_desktop.storage.sync_schema import OUTBOX_STATES, OutboxSubmissionRow, SyncEnrolmentRow
from bpa_desktop.sync import payload, signing, texts
from bpa_desktop.sync.protocol import Decision

BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 3600.0
IN_FLIGHT_DELAY_S = 2.0
LEASE_SECONDS = 60.0
STUCK_AFTER = timedelta(hours=24)

# A later version waits while an earlier one has not reached the receiver.
NOT_YET_STORED = ("queued", "sending", "paused_auth", "blocked", "needs_correction")
# States the worker may seal (sign) and send.
SENDABLE = ("queued", "sending", "paused_auth")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def backoff_delay(attempts: int, rng: random.Random | None = None) -> float:
    """Full jitter: uniform in [0, min(cap, base · 2^attempts)] seconds."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(attempts, 30))
    return (rng or random).uniform(0, ceiling)


# --- capture: in the attestation transaction ---------------------------------------------


def enqueue_attested(
    session: Session, timesheet: TimesheetRow, pay_lines: Sequence[PayLine], *, now: datetime | None = None
) -> OutboxSubmissionRow:
    """Queue the attested ``timesheet`` in the caller's transaction (the caller commits).

    Never touches the keyring and never raises for the content: a pay code that cannot
    travel queues the row as ``blocked`` with a plain explanation, and the attestation stands.
    """
    now = now or utc_now()
    assistant = session.get_one(AssistantRow, timesheet.assistant_id)
    period = payload.period_label(timesheet.period_end)
    previous = session.scalars(
        select(OutboxSubmissionRow)
        .where(
            OutboxSubmissionRow.arrangement_id == assistant.arrangement_id,
            OutboxSubmissionRow.employee_no == assistant.employee_no,
            OutboxSubmissionRow.period == period,
        )
        .order_by(OutboxSubmissionRow.version.desc())
        .limit(1)
    ).first()
    content = payload.SubmissionContent(
        submission_id=uuid.uuid4(),
        employee_no=assistant.employee_no,
        period=period,
        version=previous.version + 1 if previous else 1,
        supersedes=uuid.UUID(previous.id) if previous else None,
        lines=payload.minutes_by_pay_code(pay_lines),
        attested_at=(timesheet.attested_at or now).replace(microsecond=0),
    )
    row = OutboxSubmissionRow(
        id=str(content.submission_id),
        arrangement_id=assistant.arrangement_id,
        timesheet_id=timesheet.id,
        employee_no=content.employee_no,
        period=content.period,
        version=content.version,
        supersedes_id=previous.id if previous else None,
        kind=content.kind,
        lines=content.lines_json(),
        attested_at=content.attested_at,
        app_version=content.app_version,
        state="queued",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    bad_codes = payload.invalid_pay_codes(content.lines)
    if bad_codes:
        row.state = "blocked"
        row.last_error_code = "invalid_pay_code"
        row.last_error_text = texts.INVALID_PAY_CODE.format(codes=", ".join(f"«{c}»" for c in bad_codes))
    else:
        enrolment = session.get(SyncEnrolmentRow, assistant.arrangement_id)
        if enrolment is not None:
            _build_body(row, content, enrolment.remote_arrangement_id)
    session.add(row)
    session.flush()
    return row


def content_of(row: OutboxSubmissionRow) -> payload.SubmissionContent:
    return payload.SubmissionContent(
        submission_id=uuid.UUID(row.id),
        employee_no=row.employee_no,
        period=row.period,
        version=row.version,
        supersedes=uuid.UUID(row.supersedes_id) if row.supersedes_id else None,
        lines=json.loads(row.lines),
        attested_at=row.attested_at,
        app_version=row.app_version,
    )


def _build_body(row: OutboxSubmissionRow, content: payload.SubmissionContent, arrangement_ref: str) -> bool:
    try:
        body = payload.body_bytes(content, arrangement_ref)
    except payload.PayloadError as error:
        row.state, row.last_error_code, row.last_error_text = "blocked", "invalid_body", str(error)
        return False
    row.body = body
    row.body_sha256 = hashlib.sha256(body).hexdigest()
    return True


# --- enrolment ------------------------------------------------------------------------------


def save_enrolment(
    engine: Engine,
    arrangement_id: int,
    *,
    receiver_url: str,
    remote_arrangement_id: str,
    public_key: bytes,
    now: datetime | None = None,
) -> None:
    """Record the enrolment and let everything that waited for it go (one transaction)."""
    now = now or utc_now()
    with Session(writer(engine)) as session, session.begin():
        row = session.get(SyncEnrolmentRow, arrangement_id)
        if row is None:
            row = SyncEnrolmentRow(arrangement_id=arrangement_id, decisions_cursor=0)
            session.add(row)
        elif row.receiver_url != receiver_url or row.remote_arrangement_id != remote_arrangement_id:
            row.decisions_cursor = 0  # another feed
        row.receiver_url = receiver_url
        row.remote_arrangement_id = remote_arrangement_id
        row.public_key = public_key
        row.key_id = signing.key_id(public_key)
        row.enrolled_at = now
        session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state == "paused_auth")
            .values(state="queued", next_attempt_at=now, last_error_code=None, last_error_text=None)
        )


def load_enrolments(engine: Engine, arrangement_id: int | None = None) -> list[SyncEnrolmentRow]:
    with Session(engine, expire_on_commit=False) as session:
        query = select(SyncEnrolmentRow).order_by(SyncEnrolmentRow.arrangement_id)
        if arrangement_id is not None:
            query = query.where(SyncEnrolmentRow.arrangement_id == arrangement_id)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


# --- sealing and claiming -------------------------------------------------------------------


def seal(engine: Engine, enrolment: SyncEnrolmentRow, key: Ed25519PrivateKey) -> int:
    """Build missing bodies and sign unsigned ones for this arrangement; returns how many
    rows were signed. A signature by an older key is replaced (the bytes stay the same)."""
    current_key_id = signing.key_id(signing.public_key_raw(key))
    signed = 0
    with Session(writer(engine)) as session, session.begin():
        rows = session.scalars(
            select(OutboxSubmissionRow).where(
                OutboxSubmissionRow.arrangement_id == enrolment.arrangement_id,
                OutboxSubmissionRow.state.in_(SENDABLE),
                or_(
                    OutboxSubmissionRow.sig.is_(None),
                    OutboxSubmissionRow.key_id != current_key_id,
                ),
            )
        ).all()
        for row in rows:
            if row.body is None and not _build_body(row, content_of(row), enrolment.remote_arrangement_id):
                continue
            row.sig = signing.sign_bytes(key, row.body)
            row.key_id = current_key_id
            signed += 1
    return signed


@dataclass(frozen=True)
class Claimed:
    id: str
    body: bytes
    sig: bytes
    key_id: str
    body_sha256: str
    attempts: int


def claim(
    engine: Engine,
    arrangement_id: int,
    owner: str,
    *,
    now: datetime | None = None,
    lease_seconds: float = LEASE_SECONDS,
    limit: int = 20,
    ignore_backoff: bool = False,
    exclude: Iterable[str] = (),
) -> list[Claimed]:
    """Take up to ``limit`` due rows for sending, under a lease, in one BEGIN IMMEDIATE.

    Due: queued and its time has come (or ``ignore_backoff``: "Send nå"), or sending with
    an expired lease (its sender died). A version waits while an earlier version of the same
    employee and period has not reached the receiver. Two processes never claim one row:
    the writes are serialised and the second sees the first's lease.
    """
    now = now or utc_now()
    outbox = OutboxSubmissionRow
    earlier = aliased(OutboxSubmissionRow)
    waiting_for_earlier = (
        select(earlier.id)
        .where(
            earlier.arrangement_id == outbox.arrangement_id,
            earlier.employee_no == outbox.employee_no,
            earlier.period == outbox.period,
            earlier.version < outbox.version,
            earlier.state.in_(NOT_YET_STORED),
        )
        .exists()
    )
    due_queued = and_(outbox.state == "queued", True if ignore_backoff else outbox.next_attempt_at <= now)
    lease_expired = and_(outbox.state == "sending", outbox.lease_until < now)
    candidates = (
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
    )
    with Session(writer(engine)) as session, session.begin():
        ids = list(session.scalars(candidates))
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


# --- recording results (each in its own short transaction) ----------------------------------


def _set_timesheet_status(session: Session, submission_id: str, status: TimesheetStatus) -> None:
    timesheet_id = session.scalar(select(OutboxSubmissionRow.timesheet_id).where(OutboxSubmissionRow.id == submission_id))
    if timesheet_id is not None:
        session.execute(update(TimesheetRow).where(TimesheetRow.id == timesheet_id).values(status=status))


def mark_delivered(engine: Engine, submission_id: str, receipt: dict, *, now: datetime | None = None) -> bool:
    """The receiver holds the submission: keep its receipt. A receipt is the truth whoever
    holds the lease, so this applies to any not-yet-delivered row."""
    now = now or utc_now()
    with Session(writer(engine)) as session, session.begin():
        result = session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.id == submission_id, OutboxSubmissionRow.state.in_(NOT_YET_STORED))
            .values(
                state="delivered",
                receipt=json.dumps(receipt, sort_keys=True),
                attempts=OutboxSubmissionRow.attempts + 1,
                last_attempt_at=now,
                lease_owner=None,
                lease_until=None,
                last_error_code=None,
                last_error_text=None,
            )
        )
        if result.rowcount:
            _set_timesheet_status(session, submission_id, TimesheetStatus.SUBMITTED)
        return bool(result.rowcount)


def mark_retry(
    engine: Engine,
    submission_id: str,
    owner: str,
    *,
    code: str,
    reason: str,
    retry_after: float | None = None,
    delay: float | None = None,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> datetime | None:
    """Back to ``queued`` with the next try time and a plain text; returns that time."""
    now = now or utc_now()
    with Session(writer(engine)) as session, session.begin():
        row = session.get(OutboxSubmissionRow, submission_id)
        if row is None or row.state != "sending" or row.lease_owner != owner:
            return None  # someone else took it over after our lease ran out
        wait = delay if delay is not None else backoff_delay(row.attempts, rng)
        wait = max(wait, retry_after or 0.0)
        row.attempts += 1
        row.state = "queued"
        row.next_attempt_at = now + timedelta(seconds=wait)
        row.lease_owner = row.lease_until = None
        row.last_attempt_at = now
        row.last_error_code = code
        row.last_error_text = texts.retry_text(reason, row.next_attempt_at, now)
        return row.next_attempt_at


def mark_state(
    engine: Engine, submission_id: str, owner: str, state: str, *, code: str, text: str, now: datetime | None = None
) -> bool:
    """A final answer for this version (blocked, needs_correction): kept and shown."""
    assert state in OUTBOX_STATES
    now = now or utc_now()
    with Session(writer(engine)) as session, session.begin():
        result = session.execute(
            update(OutboxSubmissionRow)
            .where(
                OutboxSubmissionRow.id == submission_id,
                OutboxSubmissionRow.state == "sending",
                OutboxSubmissionRow.lease_owner == owner,
            )
            .values(
                state=state,
                attempts=OutboxSubmissionRow.attempts + 1,
                last_attempt_at=now,
                lease_owner=None,
                lease_until=None,
                last_error_code=code,
                last_error_text=text,
            )
        )
        return bool(result.rowcount)


def release(engine: Engine, submission_ids: Sequence[str], owner: str, *, code: str, reason: str,
            retry_after: float | None = None, now: datetime | None = None, rng: random.Random | None = None) -> None:
    """Give claimed rows back (the receiver cannot be reached now), each with its backoff."""
    for submission_id in submission_ids:
        mark_retry(engine, submission_id, owner, code=code, reason=reason, retry_after=retry_after, now=now, rng=rng)


def pause_auth(engine: Engine, arrangement_id: int, *, code: str, text: str) -> int:
    """Token refused: everything of the arrangement waits for re-enrolment; nothing is lost."""
    with Session(writer(engine)) as session, session.begin():
        result = session.execute(
            update(OutboxSubmissionRow)
            .where(
                OutboxSubmissionRow.arrangement_id == arrangement_id,
                OutboxSubmissionRow.state.in_(("queued", "sending")),
            )
            .values(state="paused_auth", lease_owner=None, lease_until=None, last_error_code=code, last_error_text=text)
        )
        return result.rowcount


def note_error(engine: Engine, arrangement_id: int, *, code: str, text: str) -> None:
    """Explain why queued rows are not moving (no keyring, not enrolled) without changing state."""
    with Session(writer(engine)) as session, session.begin():
        session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state == "queued")
            .values(last_error_code=code, last_error_text=text)
        )


def requeue(engine: Engine, submission_id: str, *, now: datetime | None = None) -> bool:
    """The arbeidsleder asks to try a blocked row again ("Prøv igjen")."""
    now = now or utc_now()
    with Session(writer(engine)) as session, session.begin():
        result = session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.id == submission_id, OutboxSubmissionRow.state == "blocked",
                   OutboxSubmissionRow.last_error_code != "invalid_pay_code")
            .values(state="queued", next_attempt_at=now, last_error_code=None, last_error_text=None)
        )
        return bool(result.rowcount)


# --- decisions ------------------------------------------------------------------------------


def apply_decisions(engine: Engine, arrangement_id: int, decisions: Sequence[Decision], cursor: int) -> int:
    """Apply a page of decisions and move the cursor, in one transaction (replaying a page
    is harmless). Returns how many rows changed."""
    changed = 0
    with Session(writer(engine)) as session, session.begin():
        for decision in decisions:
            row = session.get(OutboxSubmissionRow, str(decision.submission_id))
            if row is None or row.arrangement_id != arrangement_id:
                continue
            if row.decision == decision.decision and row.decided_at is not None:
                continue
            row.decision = decision.decision
            row.decision_reason = decision.reason
            row.decided_at = decision.decided_at
            row.lease_owner = row.lease_until = None
            if row.state != "superseded":
                row.state = decision.decision
            status = TimesheetStatus.ACCEPTED if decision.decision == "accepted" else TimesheetStatus.REJECTED
            _set_timesheet_status(session, row.id, status)
            if decision.decision == "accepted":
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
            changed += 1
        session.execute(
            update(SyncEnrolmentRow).where(SyncEnrolmentRow.arrangement_id == arrangement_id).values(decisions_cursor=cursor)
        )
    return changed


# States that mean "the receiver holds it"; checked again when the receiver was restored.
AT_RECEIVER = ("delivered", "accepted", "rejected", "superseded")


def ids_at_receiver(engine: Engine, arrangement_id: int) -> list[str]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(OutboxSubmissionRow.id).where(
                    OutboxSubmissionRow.arrangement_id == arrangement_id, OutboxSubmissionRow.state.in_(AT_RECEIVER)
                )
            )
        )


def requeue_unknown(engine: Engine, submission_ids: Sequence[str], *, now: datetime | None = None) -> int:
    """The receiver lost these (restored from a backup): send them again with the same ids
    and the same bytes. Its earlier receipt and decision are gone with it."""
    now = now or utc_now()
    if not submission_ids:
        return 0
    with Session(writer(engine)) as session, session.begin():
        result = session.execute(
            update(OutboxSubmissionRow)
            .where(OutboxSubmissionRow.id.in_(list(submission_ids)), OutboxSubmissionRow.state.in_(AT_RECEIVER))
            .values(state="queued", next_attempt_at=now, receipt=None, decision=None, decision_reason=None,
                    decided_at=None, last_error_code="receiver_restored", last_error_text=texts.CURSOR_RESET)
        )
        return result.rowcount


# --- bundle ---------------------------------------------------------------------------------


def exportable(engine: Engine, arrangement_id: int) -> list[OutboxSubmissionRow]:
    """Signed rows the receiver has not confirmed yet, oldest first."""
    with Session(engine, expire_on_commit=False) as session:
        rows = list(
            session.scalars(
                select(OutboxSubmissionRow)
                .where(
                    OutboxSubmissionRow.arrangement_id == arrangement_id,
                    OutboxSubmissionRow.state.in_(SENDABLE),
                    OutboxSubmissionRow.sig.is_not(None),
                )
                .order_by(OutboxSubmissionRow.created_at, OutboxSubmissionRow.version)
            )
        )
        session.expunge_all()
        return rows


def mark_exported(engine: Engine, submission_ids: Sequence[str], *, now: datetime | None = None) -> None:
    now = now or utc_now()
    if not submission_ids:
        return
    with Session(writer(engine)) as session, session.begin():
        session.execute(
            update(OutboxSubmissionRow).where(OutboxSubmissionRow.id.in_(list(submission_ids))).values(exported_at=now)
        )


# --- reading --------------------------------------------------------------------------------


def counts(engine: Engine, arrangement_id: int | None = None) -> dict[str, int]:
    """Number of submissions in each state (every state present, zero when none)."""
    query = select(OutboxSubmissionRow.state, func.count()).group_by(OutboxSubmissionRow.state)
    if arrangement_id is not None:
        query = query.where(OutboxSubmissionRow.arrangement_id == arrangement_id)
    with Session(engine) as session:
        found = dict(session.execute(query).all())
    return {state: int(found.get(state, 0)) for state in OUTBOX_STATES}


def queued_by_arrangement(engine: Engine) -> dict[int, int]:
    with Session(engine) as session:
        rows = session.execute(
            select(OutboxSubmissionRow.arrangement_id, func.count())
            .where(OutboxSubmissionRow.state == "queued")
            .group_by(OutboxSubmissionRow.arrangement_id)
        ).all()
    return dict(rows)


def waiting_count(state_counts: dict[str, int]) -> int:
    """Submissions the receiver does not hold yet."""
    return sum(state_counts[state] for state in NOT_YET_STORED)


def list_rows(
    engine: Engine, arrangement_id: int | None = None, states: Iterable[str] | None = None
) -> list[OutboxSubmissionRow]:
    query = select(OutboxSubmissionRow).order_by(OutboxSubmissionRow.created_at, OutboxSubmissionRow.version)
    if arrangement_id is not None:
        query = query.where(OutboxSubmissionRow.arrangement_id == arrangement_id)
    if states is not None:
        query = query.where(OutboxSubmissionRow.state.in_(list(states)))
    with Session(engine, expire_on_commit=False) as session:
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows
