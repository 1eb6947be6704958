"""Login throttling: per account and per client address, in the database (shared by all workers).

Each failed login counts against the username and against the address it came from. After
`max_failures` failures within `lockout` of the first one, that account or address is locked
for `lockout` (429 with Retry-After), the right password included: a guessing run stops however
it spreads over accounts or addresses. A successful login clears the account's count. Staff
lift a lock early with `bpa receiver unlock` (audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.store import LoginThrottle, utc_now

ACCOUNT = "account"
ADDRESS = "address"
# The phone pages (link_pages.py): unknown codes per client address, requests per link.
LINK_ADDRESS = "link_ip"
LINK = "link"


@dataclass(frozen=True)
class Policy:
    max_failures: int = 20
    lockout: timedelta = timedelta(minutes=15)


def _keys(username: str, address: str) -> list[tuple[str, str]]:
    return [(ACCOUNT, username.strip()[:64]), (ADDRESS, (address or "unknown")[:64])]


def locked_until(session: Session, username: str, address: str) -> datetime | None:
    """When the later of the account's and the address's lock ends, or None when neither is locked."""
    now = utc_now()
    ends = [
        row.locked_until
        for kind, key in _keys(username, address)
        if (row := _row(session, kind, key)) is not None and row.locked_until is not None and row.locked_until > now
    ]
    return max(ends) if ends else None


def _row(session: Session, kind: str, key: str, *, for_update: bool = False) -> LoginThrottle | None:
    query = select(LoginThrottle).where(LoginThrottle.kind == kind, LoginThrottle.key == key)
    return session.scalars(query.with_for_update() if for_update else query).one_or_none()


def _locked_row(session: Session, kind: str, key: str) -> LoginThrottle:
    """The row for (kind, key), created if missing, locked for this transaction."""
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    session.execute(
        insert(LoginThrottle)
        .values(kind=kind, key=key, failures=0, first_failure_at=utc_now())
        .on_conflict_do_nothing(index_elements=["kind", "key"])
    )
    return _row(session, kind, key, for_update=True)


def record_failure(session: Session, username: str, address: str, policy: Policy) -> bool:
    """Count one failed login; True when this failure locked the account or the address."""
    now = utc_now()
    locked_now = False
    for kind, key in _keys(username, address):
        row = _locked_row(session, kind, key)
        if row.locked_until is not None and row.locked_until <= now or row.first_failure_at < now - policy.lockout:
            row.failures, row.first_failure_at, row.locked_until = 0, now, None  # an old run: start again
        row.failures += 1
        if row.failures >= policy.max_failures and row.locked_until is None:
            row.locked_until = now + policy.lockout
            audit(session, "api", f"login_locked_{kind}", key)
            locked_now = True
    return locked_now


def lock_of(session: Session, kind: str, key: str) -> datetime | None:
    """When the lock on (kind, key) ends, or None when it is not locked."""
    row = _row(session, kind, key[:64])
    return row.locked_until if row is not None and row.locked_until is not None and row.locked_until > utc_now() else None


def hit(session: Session, kind: str, key: str, policy: Policy) -> datetime | None:
    """Count one against (kind, key) in the current window; returns when its lock ends if this
    hit (or an earlier one) locked it, else None. Used for the phone pages' limits."""
    now = utc_now()
    row = _locked_row(session, kind, key[:64])
    if row.locked_until is not None and row.locked_until > now:
        return row.locked_until
    if row.locked_until is not None or row.first_failure_at < now - policy.lockout:
        row.failures, row.first_failure_at, row.locked_until = 0, now, None  # a new window
    row.failures += 1
    if row.failures > policy.max_failures:
        row.locked_until = now + policy.lockout
        audit(session, "api", f"rate_limited_{kind}", key[:64])
        return row.locked_until
    return None


def record_success(session: Session, username: str) -> None:
    session.execute(delete(LoginThrottle).where(LoginThrottle.kind == ACCOUNT, LoginThrottle.key == username.strip()))


@dataclass(frozen=True)
class Lock:
    kind: str
    key: str
    failures: int
    locked_until: datetime | None


def list_locks(session: Session) -> list[Lock]:
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.locked_until > utc_now())).all()
    return [Lock(row.kind, row.key, row.failures, row.locked_until) for row in rows]


def lift(session: Session, *, username: str | None = None, address: str | None = None, actor: str) -> int:
    """Lift the lock (and forget the failures) of an account and/or an address; returns rows removed."""
    removed = 0
    for kind, key in ((ACCOUNT, username), (ADDRESS, address)):
        if key:
            kinds = (ADDRESS, LINK_ADDRESS) if kind == ADDRESS else (kind,)  # an address: the phone pages' lock too
            removed += session.execute(
                delete(LoginThrottle).where(LoginThrottle.kind.in_(kinds), LoginThrottle.key == key.strip())
            ).rowcount
            audit(session, actor, f"lockout_lifted_{kind}", key.strip())
    return removed
