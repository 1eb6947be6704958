"""The database schema as a typed SQLAlchemy 2 ORM.

Tables are created and changed only by Alembic migrations (``migrations/versions``); a test
compares the migrated database with this metadata so the two never drift apart. Instants
are ``UTCDateTime`` (aware in, aware UTC out); calendar dates are ``Date``. Rows never leave
the storage layer: ``repository.py`` maps them to the core dataclasses.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bpa_desktop.core.model import (
    AbsenceKind,
    Agreement,
    AssistantKind,
    EmployerKind,
    ShiftKind,
    TimesheetStatus,
)
from bpa_desktop.storage.base import Base
from bpa_desktop.storage.types import UTCDateTime

def _enum(kind: type[enum.Enum], name: str) -> Enum:
    """Store an enum's values (not its Python names) as checked text."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class ArrangementRow(Base):
    __tablename__ = "arrangement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    recipient_name: Mapped[str] = mapped_column(String(200))
    leader_name: Mapped[str] = mapped_column(String(200))
    employer_kind: Mapped[EmployerKind] = mapped_column(_enum(EmployerKind, "employer_kind"))
    employer_name: Mapped[str] = mapped_column(String(200))
    employer_org_no: Mapped[str] = mapped_column(String(9))
    municipality: Mapped[str] = mapped_column(String(100))
    agreement: Mapped[Agreement] = mapped_column(_enum(Agreement, "agreement"))
    pay_profile: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VedtakRow(Base):
    __tablename__ = "vedtak"
    __table_args__ = (
        CheckConstraint("hours_per_week > 0 AND hours_per_week <= 168", name="hours_per_week"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    hours_per_week: Mapped[float] = mapped_column(Float)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(100))
    services: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AssistantRow(Base):
    __tablename__ = "assistant"
    __table_args__ = (
        UniqueConstraint("arrangement_id", "employee_no"),
        CheckConstraint(
            "employment_percent > 0 AND employment_percent <= 100", name="employment_percent"
        ),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="period"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    employee_no: Mapped[str] = mapped_column(String(32))
    employment_percent: Mapped[float] = mapped_column(Float)
    kind: Mapped[AssistantKind] = mapped_column(_enum(AssistantKind, "assistant_kind"))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    colour: Mapped[str] = mapped_column(String(9))


class ShiftTemplateRow(Base):
    __tablename__ = "shift_template"
    __table_args__ = (UniqueConstraint("arrangement_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    # wall-clock "HH:MM"; an end at or before the start means the next day
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    passive_start: Mapped[str | None] = mapped_column(String(5))
    passive_end: Mapped[str | None] = mapped_column(String(5))
    colour: Mapped[str] = mapped_column(String(9))


class RotaRow(Base):
    __tablename__ = "rota"
    __table_args__ = (
        CheckConstraint("weeks >= 1", name="weeks"),
        CheckConstraint("end_date >= start_date", name="period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    weeks: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)  # also the anchor: week 0 starts here
    end_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    cells: Mapped[list[RotaCellRow]] = relationship(
        back_populates="rota", cascade="all, delete-orphan"
    )


class RotaCellRow(Base):
    """One square of the rota grid: assistant × week × weekday → shift template."""

    __tablename__ = "rota_cell"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("week_index >= 0", name="week_index"),
    )

    rota_id: Mapped[int] = mapped_column(
        ForeignKey("rota.id", ondelete="CASCADE"), primary_key=True
    )
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"), primary_key=True)
    week_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0 = Monday
    template_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), index=True)

    rota: Mapped[RotaRow] = relationship(back_populates="cells")
    template: Mapped[ShiftTemplateRow] = relationship()


class PlannedShiftRow(Base):
    """A shift rolled out from a rota (or planned by hand), stored as UTC instants."""

    __tablename__ = "planned_shift"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="period"),
        Index(None, "arrangement_id", "start_at"),
        Index(None, "assistant_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"))
    rota_id: Mapped[int | None] = mapped_column(
        ForeignKey("rota.id", ondelete="SET NULL"), index=True
    )
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    template_code: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[ShiftKind] = mapped_column(_enum(ShiftKind, "planned_shift_kind"))
    # The occurrence it is: "<assistant id>:<YYYY-MM-DD>:<code>" as rolled out from the pattern
    # (kept through swaps and substitutes), "x<rota_override.id>" for an extra shift, None for
    # a shift imported or planned before revision 0003.
    occurrence: Mapped[str | None] = mapped_column(String(64))

    passive: Mapped[list[PlannedPassiveRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlannedPassiveRow.start_at"
    )


class PlannedPassiveRow(Base):
    __tablename__ = "planned_shift_passive"
    __table_args__ = (CheckConstraint("end_at > start_at", name="period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("planned_shift.id", ondelete="CASCADE"), index=True
    )
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WorkedShiftRow(Base):
    """What was actually worked: the planned shift, or a deviation with its reason."""

    __tablename__ = "worked_shift"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="period"),
        Index(None, "arrangement_id", "start_at"),
        Index(None, "assistant_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"))
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"))
    planned_shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_shift.id", ondelete="SET NULL"), index=True
    )
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    template_code: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[ShiftKind] = mapped_column(_enum(ShiftKind, "worked_shift_kind"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    passive: Mapped[list[WorkedPassiveRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="WorkedPassiveRow.start_at"
    )


class WorkedPassiveRow(Base):
    __tablename__ = "worked_shift_passive"
    __table_args__ = (CheckConstraint("end_at > start_at", name="period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("worked_shift.id", ondelete="CASCADE"), index=True
    )
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AbsenceRow(Base):
    __tablename__ = "absence"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="period"),
        CheckConstraint("percent > 0 AND percent <= 100", name="percent"),
        Index(None, "assistant_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"))
    kind: Mapped[AbsenceKind] = mapped_column(_enum(AbsenceKind, "absence_kind"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)  # inclusive
    percent: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimesheetRow(Base):
    """One assistant × one pay period, in versions: a correction supersedes, never overwrites.

    Once attested, the period, version and content hash are frozen (a trigger in the
    initial migration refuses changes and deletes); only the status may move on.
    """

    __tablename__ = "timesheet"
    __table_args__ = (
        UniqueConstraint("assistant_id", "period_start", "version"),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("version >= 1", name="version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)  # inclusive
    status: Mapped[TimesheetStatus] = mapped_column(_enum(TimesheetStatus, "timesheet_status"))
    version: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("timesheet.id"), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # SHA-256 hex
    correction_reason: Mapped[str] = mapped_column(Text)
    attested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attested_by: Mapped[str | None] = mapped_column(String(32))  # a role, never a name
    confirmed_through: Mapped[date | None] = mapped_column(Date)  # the assistant's last confirmed day
    # why the leader attested a month the assistant had not confirmed (frozen once attested)
    unconfirmed_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimesheetSnapshotRow(Base):
    """The attested content of one timesheet version: canonical JSON whose SHA-256 is the
    version's content hash. Written once when attesting; triggers refuse update and delete."""

    __tablename__ = "timesheet_snapshot"

    timesheet_id: Mapped[int] = mapped_column(ForeignKey("timesheet.id"), primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimesheetPayLineRow(Base):
    """One pay line of an attested timesheet version (for payroll and reports). Immutable."""

    __tablename__ = "timesheet_pay_line"
    __table_args__ = (UniqueConstraint("timesheet_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    timesheet_id: Mapped[int] = mapped_column(ForeignKey("timesheet.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    pay_code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(64))  # the profile's line id
    description: Mapped[str] = mapped_column(Text)
    hours: Mapped[float] = mapped_column(Float)
    rate: Mapped[float | None] = mapped_column(Float)


class CancelledShiftRow(Base):
    """A planned shift registered as not worked, with the reason. The planned times are
    copied, so the record outlives a re-rolled rota."""

    __tablename__ = "cancelled_shift"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="period"),
        UniqueConstraint("planned_shift_id"),
        Index(None, "assistant_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    assistant_id: Mapped[int] = mapped_column(ForeignKey("assistant.id"))
    planned_shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_shift.id", ondelete="SET NULL")
    )
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    template_code: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PaySettingsRow(Base):
    """An arrangement's pay period and rates (core.pay_settings.PaySettings)."""

    __tablename__ = "pay_settings"
    __table_args__ = (
        CheckConstraint("period_start_day BETWEEN 1 AND 28", name="period_start_day"),
    )

    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), primary_key=True)
    period_start_day: Mapped[int] = mapped_column(Integer)
    hourly_rate: Mapped[float | None] = mapped_column(Float)
    social_cost_percent: Mapped[float | None] = mapped_column(Float)


class PayCodeOverrideRow(Base):
    """The employer's lønnsart code and/or rate for one line of the arrangement's profile."""

    __tablename__ = "pay_code_override"

    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), primary_key=True)
    line_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pay_code: Mapped[str | None] = mapped_column(String(32))
    rate: Mapped[float | None] = mapped_column(Float)


class RotaApprovalRow(Base):
    """Who has seen / approved one rota version, on which day, where (``channel``) and what they
    said; one given through a link or the staff page names its event (stored once)."""

    __tablename__ = "rota_approval"
    __table_args__ = (
        CheckConstraint("role IN ('assistant', 'employer', 'union_rep', 'municipality')", name="role"),
        CheckConstraint("channel IN ('table', 'link', 'staff_page', 'paper')", name="channel"),
        CheckConstraint(
            "approved_on IS NULL OR (seen_on IS NOT NULL AND approved_on >= seen_on)",
            name="approved_after_seen",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rota_id: Mapped[int] = mapped_column(ForeignKey("rota.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    who: Mapped[str] = mapped_column(String(100))
    assistant_id: Mapped[int | None] = mapped_column(ForeignKey("assistant.id"))
    seen_on: Mapped[date | None] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    channel: Mapped[str] = mapped_column(String(16), default="paper")
    approved: Mapped[bool] = mapped_column(Boolean, default=False)  # False: seen, or a comment asking for changes
    comment: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    event_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # the rota view that was seen


class NeedBlockRow(Base):
    """One block of the recipient's weekly need for help (core.model.NeedBlock)."""

    __tablename__ = "need_block"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("staff >= 1", name="staff"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    staff: Mapped[int] = mapped_column(Integer)
    passive: Mapped[bool] = mapped_column(Boolean)


class RotaOverrideRow(Base):
    """A single-occurrence change of the rolled-out plan, with its reason.

    ``occurrence`` names the changed occurrence by its natural key (see
    ``PlannedShiftRow.occurrence``; an extra shift's key is ``"x<id>"`` of its own row), so
    each new rota version re-applies the changes in id order where the occurrence exists.
    """

    __tablename__ = "rota_override"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('swap', 'substitute', 'cancel', 'change_times', 'extra')", name="kind"
        ),
        CheckConstraint("end_at IS NULL OR end_at > start_at", name="period"),
        CheckConstraint(
            "passive_end_at IS NULL OR passive_end_at > passive_start_at", name="passive"
        ),
        Index(None, "arrangement_id", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"))
    rota_id: Mapped[int | None] = mapped_column(ForeignKey("rota.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    occurrence: Mapped[str | None] = mapped_column(String(64))  # None for an extra: "x<id>"
    day: Mapped[date] = mapped_column(Date)
    other_occurrence: Mapped[str | None] = mapped_column(String(64))  # swap
    assistant_id: Mapped[int | None] = mapped_column(ForeignKey("assistant.id"))  # substitute, extra
    start_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # change_times, extra
    end_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    template_code: Mapped[str | None] = mapped_column(String(16))  # extra
    passive_start_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # extra
    passive_end_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HourAccountStartRow(Base):
    """Where an arrangement's hour account begins: the first day of its records and the hours
    of that calendar year's grant used before it (core.budget, ``start_balance``)."""

    __tablename__ = "hour_account_start"

    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangement.id"), primary_key=True)
    start_date: Mapped[date] = mapped_column(Date)
    opening_hours: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditLogRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "arrangement_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(32))  # a role, never a name
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    arrangement_id: Mapped[int | None] = mapped_column(ForeignKey("arrangement.id"))
    detail: Mapped[str] = mapped_column(Text)


# The sync tables (sync_schema.py) share Base; importing this module registers them too, so
# Base.metadata always holds every table. sync_schema imports base.py, not this module.
from bpa_desktop.storage import sync_schema as _sync_schema  # noqa: E402,F401
from bpa_desktop.storage import participants_schema as _participants_schema  # noqa: E402,F401
