"""Retention: delete decided submissions (accepted or rejected) decided more than N days ago.

Undecided submissions are never purged, whatever their age. Each purge is one transaction and
one audit event (actor, how many, the cutoff). The decisions feed keeps its counter
(`arrangement.decision_head`), so purged decisions leave a gap that clients step over instead of
looking like a restored receiver. Run it from a timer (systemd) or cron:
`bpa receiver purge --older-than-days 400`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.store import Decision, Submission, SubmissionLine, utc_now

MIN_DAYS = 30  # a typo must not empty the receiver


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime
    submissions: int


def purge_decided(session: Session, *, older_than_days: int, actor: str, now: datetime | None = None) -> PurgeResult:
    if older_than_days < MIN_DAYS:
        raise ValueError(t("receiver.retention.min_days", count=MIN_DAYS))
    cutoff = (now or utc_now()) - timedelta(days=older_than_days)
    ids = session.scalars(
        select(Submission.id)
        .join(Decision, Decision.submission_pk == Submission.id)
        .where(Submission.state.in_(("accepted", "rejected")), Decision.decided_at < cutoff)
    ).all()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(delete(SubmissionLine).where(SubmissionLine.submission_pk.in_(chunk)))
        session.execute(delete(Decision).where(Decision.submission_pk.in_(chunk)))
        session.execute(delete(Submission).where(Submission.id.in_(chunk)))
    audit(session, actor, "retention_purged", f"{len(ids)} decided before {cutoff:%Y-%m-%d}")
    return PurgeResult(cutoff, len(ids))
