"""ORM of the sync tables (migration 0004): the outbox and the enrolment.

Kept apart from ``schema.py`` (which imports this module at its end, so ``Base.metadata``
holds every table) because only ``bpa_desktop.sync`` uses them. See docs/protocol.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bpa_desktop.storage.base import Base
from bpa_desktop.storage.types import UTCDateTime

# queued → sending → delivered → accepted | rejected; docs/protocol.md has the whole machine.
OUTBOX_STATES = (
    "queued",
    "sending",
    "delivered",
    "accepted",
    "rejected",
    "superseded",
    "paused_auth",
    "needs_correction",
    "blocked",
)
# A later version waits while an earlier one has not reached the receiver.
NOT_YET_STORED = ("queued", "sending", "paused_auth", "blocked", "needs_correction")
#: Not at the receiver this long after attestation: the Synk page offers the bundle and the PDF.
STUCK_AFTER = timedelta(hours=24)
# States the worker may seal (sign) and send.
SENDABLE = ("queued", "sending", "paused_auth")
# ``last_error_code`` of a version a later one replaced before the receiver stored it.
REPLACED = "replaced"
# States that mean "the receiver holds it"; checked again when the receiver was restored.
AT_RECEIVER = ("delivered", "accepted", "rejected", "superseded")


class SyncEnrolmentRow(Base):
    """One arrangement's enrolment at the municipality's receiver (the token and the private
    key are in the keyring, never here)."""

    __tablename__ = "sync_enrolment"

    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), primary_key=True)
    receiver_url: Mapped[str] = mapped_column(String(500))
    remote_arrangement_id: Mapped[str] = mapped_column(String(64))  # the receiver's reference
    key_id: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    decisions_cursor: Mapped[int] = mapped_column(Integer)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # bpa-sync/2: the receiver's own key, pinned at first sight, and the events read so far
    receiver_key_id: Mapped[str | None] = mapped_column(String(16))
    receiver_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    events_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class OutboxSubmissionRow(Base):
    """One attested timesheet version on its way to the receiver (docs/protocol.md)."""

    __tablename__ = "outbox_submission"
    __table_args__ = (
        UniqueConstraint("arrangement_id", "employee_no", "period", "version"),
        UniqueConstraint("timesheet_id"),
        CheckConstraint("state IN (" + ", ".join(f"'{s}'" for s in OUTBOX_STATES) + ")", name="state"),
        CheckConstraint("version >= 1", name="version"),
        Index(None, "state", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID = Idempotency-Key
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"))
    timesheet_id: Mapped[int] = mapped_column(ForeignKey("timesheet.id"))
    employee_no: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    version: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("outbox_submission.id"))
    kind: Mapped[str] = mapped_column(String(16))
    lines: Mapped[str] = mapped_column(Text)  # JSON: pay code -> minutes
    attested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    app_version: Mapped[str] = mapped_column(String(32))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # exact signed bytes, once built
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    sig: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_id: Mapped[str | None] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    last_error_message: Mapped[str | None] = mapped_column(Text)  # a catalogue Message as JSON (key, params)
    receipt: Mapped[str | None] = mapped_column(Text)  # the receiver's receipt, JSON
    decision: Mapped[str | None] = mapped_column(String(16))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paper_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # handed over on paper
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


def is_stuck(submission, now: datetime) -> bool:
    """Not at the receiver a day after attestation (``submission``: an outbox row)."""
    return submission.state in NOT_YET_STORED and now - submission.created_at > STUCK_AFTER
