"""Queries of bpa-sync/2's desktop side (``workspace/sharing.py``): publications, links, the
receiver key and events cursor on ``sync_enrolment``, and refused events. Tables: migration 0007
(``participants_schema.py``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bpa_desktop.storage.participants_schema import PublicationRow, SharingRefusalRow, ShareLinkRow
from bpa_desktop.storage.schema import AssistantRow, RotaRow
from bpa_desktop.storage.sync_schema import SyncEnrolmentRow


def enrolment(session: Session, arrangement_id: int) -> SyncEnrolmentRow | None:
    return session.get(SyncEnrolmentRow, arrangement_id)


def pin_key(session: Session, arrangement_id: int, key_id: str, public_raw: bytes) -> bool:
    """Pin the receiver key unless one is pinned already; True when this call pinned it."""
    done = session.execute(
        update(SyncEnrolmentRow)
        .where(SyncEnrolmentRow.arrangement_id == arrangement_id, SyncEnrolmentRow.receiver_public_key.is_(None))
        .values(receiver_key_id=key_id, receiver_public_key=public_raw)
    )
    return bool(done.rowcount)


def set_cursor(session: Session, arrangement_id: int, cursor: int) -> None:
    session.execute(update(SyncEnrolmentRow).where(SyncEnrolmentRow.arrangement_id == arrangement_id)
                    .values(events_cursor=cursor))


def assistant_arrangement(session: Session, assistant_id: int) -> int | None:
    row = session.get(AssistantRow, assistant_id)
    return row.arrangement_id if row is not None else None


def rota_arrangement(session: Session, rota_id: int) -> int | None:
    row = session.get(RotaRow, rota_id)
    return row.arrangement_id if row is not None else None


def _publications_of(arrangement_id: int):
    return (
        select(PublicationRow)
        .outerjoin(AssistantRow, AssistantRow.id == PublicationRow.assistant_id)
        .outerjoin(RotaRow, RotaRow.id == PublicationRow.rota_id)
        .where(or_(AssistantRow.arrangement_id == arrangement_id,
                   (PublicationRow.kind == "rota") & (RotaRow.arrangement_id == arrangement_id)))
    )


def publications(session: Session, arrangement_id: int) -> list[PublicationRow]:
    return list(session.scalars(_publications_of(arrangement_id).order_by(PublicationRow.created_at)))


def unsent_publications(session: Session, arrangement_id: int) -> list[PublicationRow]:
    query = _publications_of(arrangement_id).where(PublicationRow.sent_at.is_(None))
    return list(session.scalars(query.order_by(PublicationRow.created_at)))


def publication(session: Session, publication_id: str) -> PublicationRow | None:
    return session.get(PublicationRow, publication_id)


def mark_publication_sent(session: Session, publication_id: str, now: datetime) -> None:
    session.execute(update(PublicationRow).where(PublicationRow.publication_id == publication_id,
                                                 PublicationRow.sent_at.is_(None)).values(sent_at=now))


def links(session: Session, arrangement_id: int) -> list[ShareLinkRow]:
    query = select(ShareLinkRow).where(ShareLinkRow.arrangement_id == arrangement_id)
    return list(session.scalars(query.order_by(ShareLinkRow.created_at)))


def link(session: Session, link_id: str) -> ShareLinkRow | None:
    return session.get(ShareLinkRow, link_id)


def unsent_links(session: Session, arrangement_id: int) -> list[ShareLinkRow]:
    query = select(ShareLinkRow).where(ShareLinkRow.arrangement_id == arrangement_id,
                                       ShareLinkRow.sent_at.is_(None), ShareLinkRow.revoked_at.is_(None))
    return list(session.scalars(query.order_by(ShareLinkRow.created_at)))


def unsent_revocations(session: Session, arrangement_id: int) -> list[ShareLinkRow]:
    query = select(ShareLinkRow).where(ShareLinkRow.arrangement_id == arrangement_id,
                                       ShareLinkRow.revoked_at.is_not(None), ShareLinkRow.revoke_sent_at.is_(None))
    return list(session.scalars(query.order_by(ShareLinkRow.revoked_at)))


def mark_link(session: Session, link_id: str, **values) -> None:
    session.execute(update(ShareLinkRow).where(ShareLinkRow.link_id == link_id).values(**values))


def add_refusal(session: Session, event_id: str, reason_key: str, now: datetime) -> None:
    session.add(SharingRefusalRow(event_id=event_id, reason_key=reason_key, at=now))
    session.flush()


def refusals(session: Session) -> list[SharingRefusalRow]:
    return list(session.scalars(select(SharingRefusalRow).order_by(SharingRefusalRow.id)))


def has_activity(session: Session, arrangement_id: int) -> bool:
    """Has this arrangement published something or granted a link (so events may come)?"""
    if session.scalar(select(ShareLinkRow.link_id).where(ShareLinkRow.arrangement_id == arrangement_id).limit(1)):
        return True
    return session.scalar(_publications_of(arrangement_id).with_only_columns(PublicationRow.publication_id)
                          .limit(1)) is not None
