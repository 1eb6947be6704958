"""Retention: delete decided submissions (accepted or rejected) decided more than N days ago,
and bpa-sync/2's data older than that: events the desktop has already read (at or below
`arrangement.events_read_through`), month views, rota views a newer one has replaced, and link
grants expired or revoked before the cutoff.

Undecided submissions and events the desktop has not read are never purged, whatever their age. Each purge is one transaction and
one audit event (actor, how many, the cutoff). The decisions feed keeps its counter
(`arrangement.decision_head`), so purged decisions leave a gap that clients step over instead of
looking like a restored receiver. Run it from a timer (systemd) or cron:
`bpa receiver purge --older-than-days 400`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.store import (
    Arrangement,
    Decision,
    LinkEvent,
    LinkGrant,
    LinkRevocation,
    Publication,
    Submission,
    SubmissionLine,
    utc_now,
)

MIN_DAYS = 30  # a typo must not empty the receiver


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime
    submissions: int
    events: int = 0
    publications: int = 0
    links: int = 0


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
    events, views, links = _purge_sharing(session, cutoff)
    audit(session, actor, "retention_purged",
          f"{len(ids)} decided before {cutoff:%Y-%m-%d}; events={events} publications={views} links={links}")
    return PurgeResult(cutoff, len(ids), events, views, links)


def _purge_sharing(session: Session, cutoff: datetime) -> tuple[int, int, int]:
    """bpa-sync/2 rows older than the cutoff: (events, publications, link grants) deleted."""
    read = select(Arrangement.events_read_through).where(Arrangement.id == LinkEvent.arrangement_id)
    events = session.execute(delete(LinkEvent).where(
        LinkEvent.created_at < cutoff, LinkEvent.seq <= read.scalar_subquery())).rowcount
    newer = aliased(Publication)
    replaced = exists().where(newer.arrangement_id == Publication.arrangement_id, newer.kind == Publication.kind,
                              newer.published_at > Publication.published_at)
    views = session.execute(delete(Publication).where(
        Publication.published_at < cutoff, or_(Publication.kind == "month", and_(Publication.kind == "rota", replaced))
    ).execution_options(synchronize_session=False)).rowcount
    revoked = select(LinkRevocation.link_id).where(LinkRevocation.revoked_at < cutoff)
    gone = select(LinkGrant.link_id).where(or_(LinkGrant.expires_at < cutoff, LinkGrant.link_id.in_(revoked)))
    link_ids = list(session.scalars(gone))
    for start in range(0, len(link_ids), 500):
        chunk = link_ids[start:start + 500]
        session.execute(delete(LinkRevocation).where(LinkRevocation.link_id.in_(chunk)))
        session.execute(delete(LinkGrant).where(LinkGrant.link_id.in_(chunk)))
    return events, views, len(link_ids)
