"""ORM of the participants' tables (migration 0007): the assistants' PINs and references, their
proposals and confirmations, the links and publications of bpa-sync/2, refused events.

Kept apart from ``schema.py`` (which imports this module at its end, so ``Base.metadata`` holds
every table). ``workspace/participants*.py`` uses them through ``participants_repository.py``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bpa_desktop.storage.base import Base
from bpa_desktop.storage.types import UTCDateTime

CHANGES = ("as_planned", "late_start", "left_early", "stayed_longer", "sick", "extra_shift")
PROPOSAL_CHANNELS = ("table", "link")
PROPOSAL_STATUSES = ("open", "accepted", "declined")
CONFIRMATION_ACTORS = ("assistant", "arbeidsleder")
CONFIRMATION_CHANNELS = ("table", "link", "paper")
APPROVAL_CHANNELS = ("table", "link", "staff_page", "paper")
LINK_ROLES = ("assistant", "union_rep", "employer")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class AssistantPinRow(Base):
    """The assistant's PIN at the shared table: scrypt(n=2**14, r=8, p=1) of the digits."""

    __tablename__ = "assistant_pin"
    __table_args__ = (CheckConstraint("failed_attempts >= 0", name="failed_attempts"),)

    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(Text)  # hex
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    failed_attempts: Mapped[int] = mapped_column(Integer)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AssistantRefRow(Base):
    """The opaque reference that stands for an assistant on the wire (never an id or a name)."""

    __tablename__ = "assistant_ref"

    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"), primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(40))  # the leader's choice; else the first name


class DeviationProposalRow(Base):
    """An assistant's proposed change of the worked record, open until the leader decides."""

    __tablename__ = "deviation_proposal"
    __table_args__ = (
        CheckConstraint(_in("change", CHANGES), name="change"),
        CheckConstraint(_in("channel", PROPOSAL_CHANNELS), name="channel"),
        CheckConstraint(_in("status", PROPOSAL_STATUSES), name="status"),
        CheckConstraint("minutes >= 0", name="minutes"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)  # a uuid: the same event is stored once
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"))
    period_start: Mapped[date] = mapped_column(Date)
    shift_ref: Mapped[str | None] = mapped_column(String(40))  # None for an extra shift
    change: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    comment: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimesheetConfirmationRow(Base):
    """Who confirmed a timesheet version, where, having seen what (the month view's hash)."""

    __tablename__ = "timesheet_confirmation"
    __table_args__ = (
        CheckConstraint(_in("actor", CONFIRMATION_ACTORS), name="actor"),
        CheckConstraint(_in("channel", CONFIRMATION_CHANNELS), name="channel"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    timesheet_id: Mapped[int] = mapped_column(ForeignKey("timesheet.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str | None] = mapped_column(String(64))  # None on paper
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    event_id: Mapped[str | None] = mapped_column(String(36), unique=True)


class ShareLinkRow(Base):
    """A link the desktop granted (bpa-sync/2). The code itself is never stored, only its SHA-256."""

    __tablename__ = "share_link"
    __table_args__ = (CheckConstraint(_in("role", LINK_ROLES), name="role"),)

    link_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid
    arrangement_id: Mapped[int | None] = mapped_column(ForeignKey("arrangement.id"))
    role: Mapped[str] = mapped_column(String(16))
    assistant_id: Mapped[int | None] = mapped_column(ForeignKey("assistant.id"))
    label: Mapped[str] = mapped_column(String(40))
    code_sha256: Mapped[str] = mapped_column(String(64))  # what the receiver gets; the code is shown once
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoke_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PublicationRow(Base):
    """A month or rota view as published: the canonical PublicationBody bytes and their hash."""

    __tablename__ = "publication"
    __table_args__ = (CheckConstraint("kind IN ('month', 'rota')", name="kind"),)

    publication_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid
    kind: Mapped[str] = mapped_column(String(8))
    assistant_id: Mapped[int | None] = mapped_column(ForeignKey("assistant.id"))
    period_start: Mapped[date | None] = mapped_column(Date)
    rota_id: Mapped[int | None] = mapped_column(ForeignKey("rota.id", ondelete="SET NULL"))
    content_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SharingRefusalRow(Base):
    """An event the desktop could not apply: kept, and shown (``reason_key``: a catalogue key)."""

    __tablename__ = "sharing_refusal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    reason_key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
