"""Staff decisions (accepted / rejected with reason) and the feed clients read by cursor.

The feed's `seq` is the arrangement's own counter (`arrangement.decision_head`), read with FOR
UPDATE (SQLite: the write transaction began IMMEDIATE) and bumped in the same transaction as the
decision. So seq values commit in order without gaps, and a reader that has seen seq N has seen
every decision <= N of its arrangement (a database sequence could commit N+1 before N and make a
cursor skip N). Counting per arrangement keeps the number of other arrangements' decisions
private; the receiver-wide `decision.seq` only orders rows internally.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync.protocol import Decision as DecisionMessage
from bpa_desktop.sync.protocol import DecisionsPage
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.intake import newer_version_exists
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import (
    DECISION_COUNTER,
    Arrangement,
    Counter,
    Decision,
    StaffUser,
    Submission,
)

MAX_REASON = 500
MAX_PAGE = 500


def _next_seq(session: Session) -> int:
    counter = session.scalars(select(Counter).where(Counter.name == DECISION_COUNTER).with_for_update()).one()
    counter.value += 1
    return counter.value


def head_seq(session: Session, arrangement_pk: int) -> int:
    """The arrangement's latest decision seq (0: none yet)."""
    return session.scalars(select(Arrangement.decision_head).where(Arrangement.id == arrangement_pk)).one()


def _next_arrangement_seq(session: Session, arrangement_pk: int) -> int:
    arrangement = session.scalars(
        select(Arrangement).where(Arrangement.id == arrangement_pk).with_for_update()
        .execution_options(populate_existing=True)  # the locked row's value, not the session's copy
    ).one()
    arrangement.decision_head += 1
    return arrangement.decision_head


def decide(
    session: Session, submission_id: uuid.UUID, decision: str, reason: str | None, staff: StaffUser
) -> Decision:
    if decision not in ("accepted", "rejected"):
        raise ValueError(decision)
    reason = (reason or "").strip() or None
    if decision == "rejected" and reason is None:
        raise ProblemError(400, "reason_required", t("receiver.problem.reason_required"))
    if reason is not None and len(reason) > MAX_REASON:
        raise ProblemError(400, "reason_too_long", t("receiver.problem.reason_too_long", count=MAX_REASON))
    row = session.scalars(
        select(Submission).where(Submission.submission_id == submission_id).with_for_update()
    ).one_or_none()
    if row is None:
        raise ProblemError(404, "not_found", t("receiver.problem.submission_not_found"))
    if row.state != "received":
        raise ProblemError(409, "already_decided", t("receiver.problem.already_decided"))
    if decision == "accepted" and newer_version_exists(session, row):
        raise ProblemError(409, "not_head", t("receiver.problem.not_head"))
    row.state = decision
    record = Decision(
        seq=_next_seq(session),
        arrangement_seq=_next_arrangement_seq(session, row.arrangement_id),
        submission_pk=row.id,
        arrangement_id=row.arrangement_id,
        decision=decision,
        reason=reason,
        staff_user_id=staff.id,
    )
    session.add(record)
    audit(session, staff.username, f"submission_{decision}", str(row.submission_id))
    session.flush()
    return record


def feed(session: Session, arrangement_pk: int, since: int, limit: int) -> DecisionsPage:
    """Decisions of one arrangement with seq > since, oldest first."""
    head = head_seq(session, arrangement_pk)
    if since > head:
        raise ProblemError(
            409,
            "cursor_ahead",
            t("receiver.problem.cursor_ahead"),
            t("receiver.problem.cursor_ahead_detail"),
            head=head,
        )
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.execute(
        select(Decision, Submission.submission_id)
        .join(Submission, Submission.id == Decision.submission_pk)
        .where(
            Decision.arrangement_id == arrangement_pk, Decision.arrangement_seq > since, Decision.arrangement_seq <= head
        )
        .order_by(Decision.arrangement_seq)
        .limit(limit)
    ).all()
    decisions = [
        DecisionMessage(
            seq=record.arrangement_seq,
            submission_id=submission_id,
            decision=record.decision,
            reason=record.reason,
            decided_at=record.decided_at,
        )
        for record, submission_id in rows
    ]
    # A short page means everything up to head was read (purged decisions leave gaps).
    next_cursor = decisions[-1].seq if len(decisions) == limit else head
    return DecisionsPage(decisions=decisions, next=next_cursor)
