"""Receiver-signed events (`bpa-sync/2`): what a person did on a phone page or a staff page,
numbered gap-free per arrangement and read by the desktop by cursor (GET /v2/events) or
carried on a memory stick (`bpa receiver export-events`).

`seq` comes from `arrangement.event_head`, read with FOR UPDATE (SQLite: the write transaction
began IMMEDIATE) and bumped in the same transaction as the event, as decisions.py does for the
decisions feed: a reader that has seen seq N has seen every event <= N of its arrangement.
The body is signed with the receiver's key over EVENT_SIGNATURE_CONTEXT + the canonical bytes,
and those exact bytes are stored and served.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import metrics, receiver_key
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.intake import _lock_arrangement
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import Arrangement, LinkEvent, utc_now

MAX_PAGE = 500


@dataclass(frozen=True)
class Recorded:
    event: LinkEvent
    created: bool  # False: this event_id was recorded before (a form sent twice)


def record(session: Session, settings, *, arrangement_pk: int, event_id: uuid.UUID, kind: str, role: str,
           channel: str, payload, link_id: uuid.UUID | None = None, assistant_ref: str | None = None,
           actor: str = "link") -> Recorded:
    """Sign and store one event in the caller's write transaction; idempotent on `event_id`."""
    signer = receiver_key.signing_key(session, settings)  # before the lock: it may create the key
    arrangement = _lock_arrangement(session, arrangement_pk)
    existing = session.scalars(select(LinkEvent).where(LinkEvent.event_id == event_id)).one_or_none()
    if existing is not None:
        if existing.arrangement_id != arrangement_pk or existing.link_id != link_id:
            raise ProblemError(409, "event_conflict", t("receiver.problem.event_conflict"))
        return Recorded(existing, created=False)
    seq = arrangement.event_head + 1
    body = v2.EventBody(
        event_id=event_id, seq=seq, arrangement_id=arrangement.ref, link_id=link_id, role=role,
        assistant_ref=assistant_ref, channel=channel, occurred_at=utc_now(), kind=kind, **{kind: payload},
    )
    body_bytes = v2.canonical_bytes(body)
    row = LinkEvent(event_id=event_id, arrangement_id=arrangement_pk, seq=seq, link_id=link_id, kind=kind,
                    publication_id=payload.publication_id, body=body_bytes, sig=signer.sign_event(body_bytes),
                    key_id=signer.key_id, created_at=body.occurred_at)
    arrangement.event_head = seq
    session.add(row)
    audit(session, actor, f"event_{kind}", str(event_id))
    session.flush()
    metrics.LINK_EVENTS.labels(kind=kind, channel=channel).inc()  # counted before commit: a rare overcount
    return Recorded(row, created=True)


def envelope(row: LinkEvent) -> v2.SignedEnvelope:
    return v2.SignedEnvelope.of(row.key_id, row.body, row.sig)


def head(session: Session, arrangement_pk: int) -> int:
    return session.scalars(select(Arrangement.event_head).where(Arrangement.id == arrangement_pk)).one()


def feed(session: Session, arrangement_pk: int, since: int, limit: int) -> v2.EventsPage:
    """Events of one arrangement with seq > since, oldest first; 409 cursor_ahead past the head."""
    latest = head(session, arrangement_pk)
    if since > latest:
        raise ProblemError(409, "cursor_ahead", t("receiver.problem.events_cursor_ahead"),
                           t("receiver.problem.events_cursor_ahead_detail"), head=latest)
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.scalars(
        select(LinkEvent).where(LinkEvent.arrangement_id == arrangement_pk, LinkEvent.seq > since,
                                LinkEvent.seq <= latest)
        .order_by(LinkEvent.seq).limit(limit)
    ).all()
    next_cursor = rows[-1].seq if len(rows) == limit else latest
    return v2.EventsPage(events=[envelope(row) for row in rows], next=next_cursor)


def mark_read_through(session: Session, arrangement_pk: int, since: int) -> None:
    """The desktop asks after `since` only once it has stored every event up to it; one
    conditional UPDATE, so concurrent readers can only move the mark forward."""
    session.execute(update(Arrangement).where(Arrangement.id == arrangement_pk,
                                              Arrangement.events_read_through < since)
                    .values(events_read_through=since))


def bundle(session: Session, arrangement: Arrangement, since: int = 0) -> v2.EventBundle:
    """Every event after `since` with the receiver's public key, for `bpa sync import-events`."""
    key = receiver_key.public_key(session)
    if key is None:
        raise ProblemError(404, "no_events", t("receiver.problem.no_events"))
    rows = session.scalars(
        select(LinkEvent).where(LinkEvent.arrangement_id == arrangement.id, LinkEvent.seq > since)
        .order_by(LinkEvent.seq)
    ).all()
    receiver = v2.ReceiverKey(key_id=key.key_id, public_key=_b64(key.public_key))
    return v2.EventBundle(arrangement_id=arrangement.ref, receiver_key=receiver,
                          events=[envelope(row) for row in rows])


def _b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode("ascii")
