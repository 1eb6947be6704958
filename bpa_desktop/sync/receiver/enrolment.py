"""Arrangements, one-time enrol codes, device keys and API tokens.

An enrol code is shown once to staff, who hand it to the arbeidsleder; only its SHA-256 is
stored. Enrolling (code + public key) gives an API token. The token is derived from the code,
the key and a random per-code salt, so when the enrol response is lost the client can repeat the
same request and get the same token, while the receiver stores only the token's SHA-256.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import EnrolRequest, EnrolResponse
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import (
    ApiToken,
    Arrangement,
    AuditEvent,
    DeviceKey,
    EnrolCode,
    utc_now,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from paper
CODE_GROUPS = 4
CODE_VALID_DAYS = 30
TOKEN_PREFIX = "bpa1_"


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _new_code() -> str:
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS))
    return "-".join(groups)  # 16 symbols of 32 = 80 bits


def _derive_token(salt: bytes, code: str, public_raw: bytes) -> str:
    mac = hmac.new(salt, normalise_code(code).encode("ascii") + b"\n" + public_raw, hashlib.sha256)
    return TOKEN_PREFIX + base64.urlsafe_b64encode(mac.digest()).decode("ascii").rstrip("=")


def audit(session: Session, actor: str, action: str, subject: str = "") -> None:
    session.add(AuditEvent(actor=actor, action=action, subject=subject[:64]))


def find_arrangement(session: Session, name: str) -> Arrangement | None:
    return session.scalars(select(Arrangement).where(Arrangement.name == name)).one_or_none()


def get_or_create_arrangement(session: Session, name: str) -> Arrangement:
    name = name.strip()
    if not name or len(name) > 200:
        raise ValueError(t("receiver.enrol.name_length"))
    arrangement = find_arrangement(session, name)
    if arrangement is None:
        arrangement = Arrangement(ref=str(uuid.uuid4()), name=name, vedtak_pay_codes="")
        session.add(arrangement)
        session.flush()
    return arrangement


@dataclass(frozen=True)
class IssuedCode:
    arrangement_ref: str
    arrangement_name: str
    code: str  # shown once; only its hash is kept
    expires_at: datetime


def create_enrol_code(session: Session, name: str, *, actor: str) -> IssuedCode:
    arrangement = get_or_create_arrangement(session, name)
    code = _new_code()
    expires_at = utc_now() + timedelta(days=CODE_VALID_DAYS)
    session.add(
        EnrolCode(
            arrangement_id=arrangement.id,
            code_sha256=sha256_hex(normalise_code(code)),
            token_salt=secrets.token_bytes(32),
            expires_at=expires_at,
        )
    )
    audit(session, actor, "enrol_code_created", arrangement.ref)
    return IssuedCode(arrangement.ref, arrangement.name, code, expires_at)


@dataclass(frozen=True)
class Enrolment:
    response: EnrolResponse
    created: bool  # False: a replay of an earlier, identical request


def enrol(session: Session, request: EnrolRequest, *, actor: str = "api") -> Enrolment:
    # The code first: without a valid code nothing else about the request matters.
    code_row = session.scalars(
        select(EnrolCode)
        .where(EnrolCode.code_sha256 == sha256_hex(normalise_code(request.code)))
        .with_for_update()
    ).one_or_none()
    if code_row is None:
        raise ProblemError(403, "enrol_code_invalid", t("receiver.problem.enrol_code_invalid"))
    try:
        public_raw = base64.b64decode(request.public_key, validate=True)
    except (binascii.Error, ValueError):
        public_raw = b""
    if len(public_raw) != 32 or signing.key_id(public_raw) != request.key_id:
        raise ProblemError(400, "key_id_mismatch", t("receiver.problem.key_id_mismatch"))
    token = _derive_token(code_row.token_salt, request.code, public_raw)
    response = EnrolResponse(arrangement_id=code_row.arrangement.ref, key_id=request.key_id, token=token)

    if code_row.used_at is not None:
        if code_row.used_key_id != request.key_id:
            raise ProblemError(409, "enrol_code_used", t("receiver.problem.enrol_code_used"))
        stored = session.scalars(select(ApiToken).where(ApiToken.enrol_code_id == code_row.id)).one()
        if stored.revoked_at is not None:
            raise ProblemError(
                403, "token_revoked", t("receiver.problem.token_revoked_enrol")
            )
        return Enrolment(response, created=False)

    if code_row.expires_at < utc_now():
        raise ProblemError(403, "enrol_code_expired", t("receiver.problem.enrol_code_expired"))
    device = session.scalars(
        select(DeviceKey).where(
            DeviceKey.arrangement_id == code_row.arrangement_id, DeviceKey.key_id == request.key_id
        )
    ).one_or_none()
    if device is None:
        device = DeviceKey(
            arrangement_id=code_row.arrangement_id,
            key_id=request.key_id,
            public_key=public_raw,
            device_label=request.device_label,
        )
        session.add(device)
        session.flush()
    elif device.revoked_at is not None:
        raise ProblemError(403, "key_revoked", t("receiver.problem.key_revoked_enrol"))
    code_row.used_at = utc_now()
    code_row.used_key_id = request.key_id
    session.add(
        ApiToken(
            arrangement_id=code_row.arrangement_id,
            device_key_id=device.id,
            enrol_code_id=code_row.id,
            token_sha256=sha256_hex(token),
        )
    )
    audit(session, actor, "enrolled", code_row.arrangement.ref)
    return Enrolment(response, created=True)


def authenticate(session: Session, authorization: str | None) -> ApiToken:
    """The live token behind an `Authorization: Bearer …` header, else a 401/403 problem."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ProblemError(401, "unauthorized", t("receiver.problem.unauthorized"))
    digest = sha256_hex(token)
    row = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == digest)).one_or_none()
    if row is None or not hmac.compare_digest(row.token_sha256, digest):
        raise ProblemError(401, "token_invalid", t("receiver.problem.token_invalid"))
    if row.revoked_at is not None:
        raise ProblemError(403, "token_revoked", t("receiver.problem.token_revoked"))
    return row


def revoke_tokens(session: Session, name: str, *, actor: str) -> int:
    """Revoke every live token of the arrangement; returns how many."""
    arrangement = find_arrangement(session, name)
    if arrangement is None:
        raise LookupError(t("receiver.enrol.no_arrangement", name=name))
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.arrangement_id == arrangement.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(timezone.utc))
    )
    audit(session, actor, "tokens_revoked", arrangement.ref)
    return result.rowcount
