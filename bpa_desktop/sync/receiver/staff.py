"""Staff users (argon2id password hashes, argon2-cffi) and their login sessions.

Passwords are hashed with argon2-cffi's defaults (RFC 9106's second recommendation: argon2id,
t=3, m=64 MiB, p=4, above OWASP's minimum). Hashes made by earlier versions (scrypt n=2^14) or
with weaker parameters still verify, and are replaced at the next successful login.
A session cookie holds a random token; the database keeps only its SHA-256 and a per-session
CSRF token that every form must echo. Logging out deletes the row, so a copied cookie is dead.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync.receiver import throttle
from bpa_desktop.sync.receiver.enrolment import audit, sha256_hex
from bpa_desktop.sync.receiver.store import StaffSession, StaffUser, utc_now

MIN_PASSWORD_LENGTH = 12
SESSION_HOURS = 8
_HASHER = PasswordHasher()
_LEGACY_SCRYPT = "scrypt$"  # scrypt$n$r$p$salt$digest, written before argon2id


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _verify_legacy_scrypt(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            maxmem=256 * 1024 * 1024,
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith(_LEGACY_SCRYPT):
        return _verify_legacy_scrypt(password, stored)
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return stored.startswith(_LEGACY_SCRYPT) or _HASHER.check_needs_rehash(stored)


_DUMMY_HASH = hash_password(secrets.token_hex(16))  # equal work for unknown usernames


def add_user(session: Session, username: str, password: str, *, actor: str) -> bool:
    """Create the user, or set a new password if it exists; returns True when created."""
    username = username.strip()
    if not username or len(username) > 64:
        raise ValueError(t("receiver.staff.username_length"))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(t("receiver.staff.password_length", count=MIN_PASSWORD_LENGTH))
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


@dataclass(frozen=True)
class LoginRefused:
    locked_until: datetime | None = None  # set: too many failures (429); None: wrong name or password


def log_in(
    session: Session, username: str, password: str, *, address: str = "", policy: throttle.Policy | None = None
) -> NewSession | LoginRefused:
    policy = policy or throttle.Policy()
    locked = throttle.locked_until(session, username, address)
    if locked is not None:
        return LoginRefused(locked)  # not even the right password gets in while locked
    user = session.scalars(select(StaffUser).where(StaffUser.username == username.strip())).one_or_none()
    if user is None or user.disabled_at is not None:
        verify_password(password, _DUMMY_HASH)
        throttle.record_failure(session, username, address, policy)
        return LoginRefused()
    if not verify_password(password, user.password_hash):
        audit(session, user.username, "login_failed")
        throttle.record_failure(session, username, address, policy)
        return LoginRefused()
    throttle.record_success(session, user.username)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        audit(session, user.username, "password_rehashed")
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
