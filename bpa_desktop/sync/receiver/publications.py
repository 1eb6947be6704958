"""What the desktop sends under `bpa-sync/2`: publications (device-signed month and rota views),
link grants and link revocations. All in the caller's one write transaction, audited.

A publication is checked in the order of a v1 submission: enrolled live key -> signature over
PUBLICATION_SIGNATURE_CONTEXT + the raw bytes -> unambiguous JSON -> content_hash recomputed
from the view -> parse -> id and arrangement match -> store, where the same id with the same
bytes is a replay (200) and with other bytes a conflict (409).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.intake import _lock_arrangement, _refuse_ambiguous_json
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import (
    Arrangement,
    DeviceKey,
    LinkGrant,
    LinkRevocation,
    Publication,
    utc_now,
)


@dataclass(frozen=True)
class Stored:
    answer: dict
    created: bool


def _invalid(error: ValidationError) -> ProblemError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return ProblemError(400, "invalid_body", t("receiver.problem.v2_invalid_body"), f"{where}: {first['msg']}")


def _verified_bytes(session: Session, arrangement: Arrangement, envelope: v2.SignedEnvelope) -> tuple[DeviceKey, bytes]:
    device = session.scalars(
        select(DeviceKey).where(DeviceKey.arrangement_id == arrangement.id, DeviceKey.key_id == envelope.key_id)
    ).one_or_none()
    if device is None:
        raise ProblemError(403, "key_not_enrolled", t("receiver.problem.key_not_enrolled"))
    if device.revoked_at is not None:
        raise ProblemError(403, "key_revoked", t("receiver.problem.key_revoked"))
    body = envelope.body_bytes()
    if len(body) > v2.MAX_PUBLICATION_BYTES:
        raise ProblemError(413, "too_large", t("receiver.problem.too_large"))
    try:
        Ed25519PublicKey.from_public_bytes(device.public_key).verify(
            envelope.sig_bytes(), v2.PUBLICATION_SIGNATURE_CONTEXT + body)
    except (InvalidSignature, ValueError):
        raise ProblemError(422, "bad_signature", t("receiver.problem.bad_signature"),
                           t("receiver.problem.bad_signature_detail")) from None
    return device, body


def _hash_mismatch(body: bytes) -> bool:
    """True when the view parses but its hash is not the `content_hash` the body claims."""
    try:
        data = json.loads(body)
        kind = data.get("kind")
        model = {"month": v2.MonthView, "rota": v2.RotaView}[kind]
        view = model.model_validate(data.get(kind))
        return v2.view_hash(view) != data.get("content_hash")
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError):
        return False


def _publication_answer(row: Publication) -> dict:
    return {"publication_id": str(row.publication_id), "content_hash": row.content_hash,
            "body_sha256": row.body_sha256, "received_at": row.received_at.isoformat()}


def store_publication(session: Session, *, arrangement: Arrangement, publication_id: uuid.UUID,
                      envelope: v2.SignedEnvelope, actor: str = "api") -> Stored:
    device, body = _verified_bytes(session, arrangement, envelope)
    _refuse_ambiguous_json(body)
    try:
        parsed = v2.PublicationBody.model_validate_json(body)
    except ValidationError as error:
        if _hash_mismatch(body):
            raise ProblemError(422, "content_hash_mismatch", t("receiver.problem.content_hash_mismatch")) from None
        raise _invalid(error) from None
    if parsed.publication_id != publication_id:
        raise ProblemError(400, "id_mismatch", t("receiver.problem.id_mismatch"))
    if parsed.arrangement_id != arrangement.ref:
        raise ProblemError(422, "arrangement_mismatch", t("receiver.problem.v2_arrangement_mismatch"))
    body_sha256 = hashlib.sha256(body).hexdigest()
    _lock_arrangement(session, arrangement.id)  # one arrangement's writes one at a time
    existing = session.scalars(select(Publication).where(Publication.publication_id == publication_id)).one_or_none()
    if existing is not None:
        if existing.body_sha256 != body_sha256 or existing.arrangement_id != arrangement.id:
            raise ProblemError(409, "publication_conflict", t("receiver.problem.publication_conflict"))
        return Stored(_publication_answer(existing), created=False)
    month, rota = parsed.month, parsed.rota
    row = Publication(
        publication_id=publication_id, arrangement_id=arrangement.id, device_key_id=device.id, kind=parsed.kind,
        assistant_ref=month.assistant_ref if month else None, period=month.period if month else None,
        rota_version_id=rota.rota_version_id if rota else None, content_hash=parsed.content_hash,
        published_at=parsed.published_at, body=body, sig=envelope.sig_bytes(), key_id=envelope.key_id,
        body_sha256=body_sha256, received_at=utc_now(),
    )
    session.add(row)
    audit(session, actor, f"publication_{parsed.kind}", str(publication_id))
    session.flush()
    return Stored(_publication_answer(row), created=True)


def _revocation(session: Session, link_id: uuid.UUID) -> LinkRevocation | None:
    return session.get(LinkRevocation, link_id)


def _link_answer(row: LinkGrant, revoked: LinkRevocation | None) -> dict:
    return {"link_id": str(row.link_id), "expires_at": row.expires_at.isoformat(),
            "revoked_at": revoked.revoked_at.isoformat() if revoked else None}


def grant_link(session: Session, *, arrangement: Arrangement, link_id: uuid.UUID, grant: v2.LinkGrant,
               actor: str = "api") -> Stored:
    if grant.link_id != link_id:
        raise ProblemError(400, "id_mismatch", t("receiver.problem.id_mismatch"))
    if grant.arrangement_id != arrangement.ref:
        raise ProblemError(422, "arrangement_mismatch", t("receiver.problem.v2_arrangement_mismatch"))
    grant_sha256 = hashlib.sha256(v2.canonical_bytes(grant)).hexdigest()
    _lock_arrangement(session, arrangement.id)
    existing = session.scalars(select(LinkGrant).where(LinkGrant.link_id == link_id)).one_or_none()
    if existing is not None:
        if existing.arrangement_id != arrangement.id or existing.grant_sha256 != grant_sha256:
            raise ProblemError(409, "link_conflict", t("receiver.problem.link_conflict"))
        return Stored(_link_answer(existing, _revocation(session, link_id)), created=False)
    if session.scalars(select(LinkGrant.id).where(LinkGrant.code_sha256 == grant.code_sha256)).first() is not None:
        raise ProblemError(409, "link_conflict", t("receiver.problem.link_conflict"))
    revoked = _revocation(session, link_id)
    if revoked is not None and revoked.arrangement_id != arrangement.id:
        raise ProblemError(409, "link_conflict", t("receiver.problem.link_conflict"))
    row = LinkGrant(
        link_id=link_id, arrangement_id=arrangement.id, role=grant.role, assistant_ref=grant.assistant_ref,
        label=grant.label, code_sha256=grant.code_sha256, expires_at=grant.expires_at, grant_sha256=grant_sha256,
        created_at=utc_now(),
    )
    session.add(row)
    audit(session, actor, f"link_granted_{grant.role}", str(link_id))
    session.flush()
    return Stored(_link_answer(row, revoked), created=True)


def revoke_link(session: Session, *, arrangement: Arrangement, link_id: uuid.UUID, revocation: v2.LinkRevocation,
                actor: str = "api") -> Stored:
    """Idempotent: the first revocation's time is kept. A link of another arrangement is not
    found (404), so the answer tells nobody which link ids exist elsewhere."""
    if revocation.link_id != link_id:
        raise ProblemError(400, "id_mismatch", t("receiver.problem.id_mismatch"))
    _lock_arrangement(session, arrangement.id)
    grant = session.scalars(select(LinkGrant).where(LinkGrant.link_id == link_id)).one_or_none()
    existing = _revocation(session, link_id)
    if (grant is not None and grant.arrangement_id != arrangement.id) or (
            existing is not None and existing.arrangement_id != arrangement.id):
        raise ProblemError(404, "link_not_found", t("receiver.problem.link_not_found"))
    created = existing is None
    if created:
        existing = LinkRevocation(link_id=link_id, arrangement_id=arrangement.id, revoked_at=revocation.revoked_at,
                                  received_at=utc_now())
        session.add(existing)
        audit(session, actor, "link_revoked", str(link_id))
        session.flush()
    return Stored({"link_id": str(link_id), "revoked_at": existing.revoked_at.isoformat()}, created=created)


def live_link(session: Session, code_sha256: str, now: datetime | None = None) -> LinkGrant | None:
    """The grant behind a code's hash if it is neither revoked nor expired, else None."""
    row = session.scalars(select(LinkGrant).where(LinkGrant.code_sha256 == code_sha256)).one_or_none()
    if row is None or row.expires_at <= (now or utc_now()) or _revocation(session, row.link_id) is not None:
        return None
    return row


def latest_month(session: Session, link: LinkGrant) -> Publication | None:
    """The assistant's own newest month publication (never anyone else's)."""
    if link.role != "assistant" or not link.assistant_ref:
        return None
    return session.scalars(
        select(Publication).where(Publication.arrangement_id == link.arrangement_id, Publication.kind == "month",
                                  Publication.assistant_ref == link.assistant_ref)
        .order_by(Publication.published_at.desc(), Publication.id.desc()).limit(1)
    ).first()


def latest_rota(session: Session, arrangement_pk: int) -> Publication | None:
    return session.scalars(
        select(Publication).where(Publication.arrangement_id == arrangement_pk, Publication.kind == "rota")
        .order_by(Publication.published_at.desc(), Publication.id.desc()).limit(1)
    ).first()


def body_of(row: Publication) -> v2.PublicationBody:
    return v2.PublicationBody.model_validate_json(row.body)
