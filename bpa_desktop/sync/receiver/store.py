"""Tables of the receiver database (SQLite by default, PostgreSQL by URL; portable SQL only).

Secrets are never stored in clear: enrol codes and API tokens as SHA-256, staff passwords with
argon2id (older scrypt hashes are rehashed at the next login). Submissions keep the exact signed bytes as evidence. Decisions get a gap-free `seq`
from a counter row locked in the deciding transaction, so a client reading the feed by cursor
never skips a decision that commits late.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so Alembic's batch mode on SQLite can find them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DECISION_COUNTER = "decision_seq"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Aware datetimes only, stored as UTC (SQLite keeps no zone, so we restore it on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: receiver stores only aware UTC instants")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Arrangement(Base):
    __tablename__ = "arrangement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)  # `arrangement_id` on the wire
    name: Mapped[str] = mapped_column(String(200), unique=True)  # staff's label
    # The vedtak as staff enter it (optional), for "hours against the vedtak".
    vedtak_minutes_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    vedtak_pay_codes: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # This arrangement's own decision counter: the feed's cursor counts only its decisions, so
    # no arrangement learns how many decisions the others got. The row is locked while taken.
    decision_head: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Likewise for the receipts' `seq`: the arrangement's own count of stored submissions.
    submission_head: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # bpa-sync/2: the arrangement's own event counter (GET /v2/events), locked while taken.
    event_head: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The highest `since` the desktop has asked events after: it holds every event up to it, so
    # retention may delete those (and only those).
    events_read_through: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EnrolCode(Base):
    __tablename__ = "enrol_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # Random salt for deriving the token, so a lost enrol response can be replayed (same
    # code + same key -> same token) without ever storing the token itself.
    token_salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    used_key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)

    arrangement: Mapped[Arrangement] = relationship()


class DeviceKey(Base):
    __tablename__ = "device_key"
    __table_args__ = (UniqueConstraint("arrangement_id", "key_id", name="uq_device_key_arrangement_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    device_label: Mapped[str] = mapped_column(String(64), default="")
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    device_key_id: Mapped[int] = mapped_column(ForeignKey("device_key.id"))
    enrol_code_id: Mapped[int] = mapped_column(ForeignKey("enrol_code.id"), unique=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    arrangement: Mapped[Arrangement] = relationship()


class Submission(Base):
    __tablename__ = "submission"
    __table_args__ = (
        UniqueConstraint(
            "arrangement_id", "employee_no", "period", "version", name="uq_submission_natural_key"
        ),
        UniqueConstraint("arrangement_id", "arrangement_seq", name="uq_submission_arrangement_seq"),
        CheckConstraint("state IN ('received', 'accepted', 'rejected')", name="state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # receiver-wide storage order
    submission_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    arrangement_seq: Mapped[int] = mapped_column(Integer)  # the receipt's `seq`: per arrangement
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    device_key_id: Mapped[int] = mapped_column(ForeignKey("device_key.id"))
    employee_no: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(7), index=True)
    version: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[bytes] = mapped_column(LargeBinary)  # exact signed bytes: evidence
    sig: Mapped[bytes] = mapped_column(LargeBinary(64))
    key_id: Mapped[str] = mapped_column(String(16))
    body_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    received_via: Mapped[str] = mapped_column(String(8))  # "api" or "bundle"
    state: Mapped[str] = mapped_column(String(10), default="received")

    arrangement: Mapped[Arrangement] = relationship()
    lines: Mapped[list[SubmissionLine]] = relationship(order_by="SubmissionLine.pay_code")
    decision: Mapped[Decision | None] = relationship(back_populates="submission")


class SubmissionLine(Base):
    __tablename__ = "submission_line"

    submission_pk: Mapped[int] = mapped_column(ForeignKey("submission.id"), primary_key=True)
    pay_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StaffSession(Base):
    __tablename__ = "staff_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[StaffUser] = relationship()


class Decision(Base):
    __tablename__ = "decision"
    __table_args__ = (
        CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),
        UniqueConstraint("arrangement_id", "arrangement_seq", name="uq_decision_arrangement_seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # receiver-wide order
    arrangement_seq: Mapped[int] = mapped_column(Integer)  # the feed's `seq`: per arrangement, gap-free
    submission_pk: Mapped[int] = mapped_column(ForeignKey("submission.id"), unique=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), nullable=True)

    submission: Mapped[Submission] = relationship(back_populates="decision")


class Counter(Base):
    """Named counters; the row is locked while a value is taken (gap-free, commit-ordered)."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class LoginThrottle(Base):
    """Failed staff logins per account (`kind` "account", key the username) and per client
    address ("address"); `locked_until` set when too many failed in a row. Staff lift a lock
    with `bpa receiver unlock`."""

    __tablename__ = "login_throttle"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_login_throttle_kind_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditEvent(Base):
    """Who did what (staff username or "api"/"cli"), never personal data of the arrangement."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64), default="")


# --- bpa-sync/2 (docs/protocol-v2.md) ------------------------------------------------------------


class ReceiverKey(Base):
    """The receiver's own Ed25519 key, which signs events. Made once (the first time it is
    needed); the private part only sealed (AES-256-GCM under a key derived with scrypt from
    the `key_secret` setting), never in clear in the database, a log or a backup."""

    __tablename__ = "receiver_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1: one key per receiver
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    sealed_private_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    kdf_salt: Mapped[bytes] = mapped_column(LargeBinary(16))
    nonce: Mapped[bytes] = mapped_column(LargeBinary(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Publication(Base):
    """A device-signed month or rota view; the exact signed bytes kept as evidence."""

    __tablename__ = "publication"
    __table_args__ = (CheckConstraint("kind IN ('month', 'rota')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    device_key_id: Mapped[int] = mapped_column(ForeignKey("device_key.id"))
    kind: Mapped[str] = mapped_column(String(8))
    assistant_ref: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)  # month only
    period: Mapped[str | None] = mapped_column(String(7), nullable=True)
    rota_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    sig: Mapped[bytes] = mapped_column(LargeBinary(64))
    key_id: Mapped[str] = mapped_column(String(16))
    body_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class LinkGrant(Base):
    """Who may open the phone pages with the code whose SHA-256 this is (the code itself is
    never sent to the receiver)."""

    __tablename__ = "link_grant"
    __table_args__ = (CheckConstraint("role IN ('assistant', 'union_rep', 'employer')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    assistant_ref: Mapped[str | None] = mapped_column(String(40), nullable=True)
    label: Mapped[str] = mapped_column(String(40))
    code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    grant_sha256: Mapped[str] = mapped_column(String(64))  # of the canonical grant: replay check
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class LinkRevocation(Base):
    """A revoked link (kept even when its grant never arrived: that grant is then dead too)."""

    __tablename__ = "link_revocation"

    link_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    revoked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class LinkEvent(Base):
    """One receiver-signed event (a proposal, confirmation or approval) with its gap-free
    per-arrangement `seq` (from `arrangement.event_head`, locked in the same transaction)."""

    __tablename__ = "link_event"
    __table_args__ = (UniqueConstraint("arrangement_id", "seq", name="uq_link_event_arrangement_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    link_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    publication_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # the exact signed bytes
    sig: Mapped[bytes] = mapped_column(LargeBinary(64))
    key_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
