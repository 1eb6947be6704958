"""Staff users (scrypt password hashes, stdlib only) and their login sessions.

A session cookie holds a random token; the database keeps only its SHA-256 and a per-session
CSRF token that every form must echo.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bpa_desktop.sync.receiver.enrolment import audit, sha256_hex
from bpa_desktop.sync.receiver.store import StaffSession, StaffUser, utc_now

MIN_PASSWORD_LENGTH = 12
SESSION_HOURS = 8
# scrypt cost: ~50 ms on a laptop; n=2**14, r=8 needs 16 MiB.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    encode = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${encode(salt)}${encode(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


_DUMMY_HASH = hash_password(secrets.token_hex(16))  # equal work for unknown usernames


def add_user(session: Session, username: str, password: str, *, actor: str) -> bool:
    """Create the user, or set a new password if it exists; returns True when created."""
    username = username.strip()
    if not username or len(username) > 64:
        raise ValueError("Brukernavnet må ha 1–64 tegn.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Passordet må ha minst {MIN_PASSWORD_LENGTH} tegn.")
    user = session.scalars(select(StaffUser).where(StaffUser.username == username)).one_or_none()
    created = user is None
    if created:
        user = StaffUser(username=username, password_hash=hash_password(password))
        session.add(user)
    else:
        user.password_hash = hash_password(password)
    audit(session, actor, "staff_user_created" if created else "staff_password_set", username)
    return created


@dataclass(frozen=True)
class NewSession:
    cookie_token: str
    csrf_token: str


def log_in(session: Session, username: str, password: str) -> NewSession | None:
    user = session.scalars(select(StaffUser).where(StaffUser.username == username.strip())).one_or_none()
    if user is None or user.disabled_at is not None:
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, user.password_hash):
        audit(session, user.username, "login_failed")
        return None
    cookie_token = secrets.token_urlsafe(32)
    csrf_token = secrets.token_urlsafe(32)
    now = utc_now()
    session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
    session.add(
        StaffSession(
            token_sha256=sha256_hex(cookie_token),
            staff_user_id=user.id,
            csrf_token=csrf_token,
            expires_at=now + timedelta(hours=SESSION_HOURS),
        )
    )
    audit(session, user.username, "login")
    return NewSession(cookie_token, csrf_token)


def current_session(session: Session, cookie_token: str | None) -> StaffSession | None:
    if not cookie_token:
        return None
    row = session.scalars(
        select(StaffSession).where(StaffSession.token_sha256 == sha256_hex(cookie_token))
    ).one_or_none()
    if row is None or row.expires_at < utc_now() or row.user.disabled_at is not None:
        return None
    return row


def csrf_ok(staff_session: StaffSession, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(staff_session.csrf_token.encode(), submitted.encode())


def log_out(session: Session, cookie_token: str | None) -> None:
    if cookie_token:
        session.execute(delete(StaffSession).where(StaffSession.token_sha256 == sha256_hex(cookie_token)))
