"""Queries and mapping for timesheets, their attested content, pay settings and not-worked shifts.

Nothing here commits: the Workspace owns the session and its one transaction. Rows never
leave: callers get core dataclasses (``core.timesheet``, ``core.pay_settings``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import SICK_KINDS
from bpa_desktop.core.model import Absence, PayLine, Shift, ShiftKind, Timesheet
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.pay_settings import PaySettings
from bpa_desktop.core.timesheet_lifecycle import LOCKED
from bpa_desktop.core.timesheet import Cover, CoveredShift, NotWorked, RowStatus, TimesheetDayRow, WorkedRecord
from bpa_desktop.storage import cover_repository as covers
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.schema import (
    AbsenceRow,
    AssistantRow,
    CancelledShiftRow,
    PayCodeOverrideRow,
    PaySettingsRow,
    PlannedShiftRow,
    TimesheetPayLineRow,
    TimesheetRow,
    TimesheetSnapshotRow,
    WorkedShiftRow,
)

# --- timesheet versions ----------------------------------------------------------------------


def versions(session: Session, assistant_id: int, period_start: date) -> list[TimesheetRow]:
    """Every version of one assistant's period, oldest first."""
    return list(
        session.scalars(
            select(TimesheetRow)
            .where(TimesheetRow.assistant_id == assistant_id, TimesheetRow.period_start == period_start)
            .order_by(TimesheetRow.version)
        )
    )


def latest(session: Session, assistant_id: int, period_start: date) -> TimesheetRow | None:
    rows = versions(session, assistant_id, period_start)
    return rows[-1] if rows else None


def latest_versions(
    session: Session, arrangement_id: int, first: date | None = None, last: date | None = None
) -> list[TimesheetRow]:
    """The newest version of every timesheet of an arrangement whose period overlaps
    ``first``..``last`` (all when not given), ordered by period then assistant."""
    newest = (
        select(TimesheetRow.assistant_id, TimesheetRow.period_start, func.max(TimesheetRow.version).label("v"))
        .join(AssistantRow, AssistantRow.id == TimesheetRow.assistant_id)
        .where(AssistantRow.arrangement_id == arrangement_id)
        .group_by(TimesheetRow.assistant_id, TimesheetRow.period_start)
        .subquery()
    )
    query = select(TimesheetRow).join(
        newest,
        (TimesheetRow.assistant_id == newest.c.assistant_id)
        & (TimesheetRow.period_start == newest.c.period_start)
        & (TimesheetRow.version == newest.c.v),
    )
    if first is not None:
        query = query.where(TimesheetRow.period_end >= first)
    if last is not None:
        query = query.where(TimesheetRow.period_start <= last)
    return list(session.scalars(query.order_by(TimesheetRow.period_start, TimesheetRow.assistant_id)))


def all_versions(session: Session, arrangement_id: int) -> list[TimesheetRow]:
    return list(
        session.scalars(
            select(TimesheetRow)
            .join(AssistantRow, AssistantRow.id == TimesheetRow.assistant_id)
            .where(AssistantRow.arrangement_id == arrangement_id)
            .order_by(TimesheetRow.period_start, TimesheetRow.assistant_id, TimesheetRow.version)
        )
    )


def locked_periods(session: Session, assistant_id: int, first: date, last: date) -> list[TimesheetRow]:
    """The locked timesheets (newest version attested or later) of this assistant whose
    period touches ``first``..``last``, in period order. A period whose newest version is a
    correction draft is open for edits: that is how corrections are made."""
    rows = session.scalars(
        select(TimesheetRow).where(
            TimesheetRow.assistant_id == assistant_id,
            TimesheetRow.period_start <= last,
            TimesheetRow.period_end >= first,
        )
    ).all()
    newest: dict[date, TimesheetRow] = {}
    for row in rows:
        if row.period_start not in newest or row.version > newest[row.period_start].version:
            newest[row.period_start] = row
    locked = [row for row in newest.values() if row.status in LOCKED]
    return sorted(locked, key=lambda row: row.period_start)


def clashing_period(session: Session, assistant_id: int, period: PayPeriod) -> TimesheetRow | None:
    """A timesheet of this assistant for a different period that overlaps ``period``
    (after the employer changed the period start day)."""
    return session.scalars(
        select(TimesheetRow)
        .where(
            TimesheetRow.assistant_id == assistant_id,
            TimesheetRow.period_start != period.start,
            TimesheetRow.period_start <= period.end,
            TimesheetRow.period_end >= period.start,
        )
        .limit(1)
    ).first()


def ever_locked(session: Session, assistant_id: int, period_start: date) -> bool:
    return bool(
        session.scalar(
            select(func.count())
            .select_from(TimesheetRow)
            .where(
                TimesheetRow.assistant_id == assistant_id,
                TimesheetRow.period_start == period_start,
                TimesheetRow.status.in_(LOCKED),
            )
        )
    )


# --- attested content ------------------------------------------------------------------------


def store_attested(
    session: Session, timesheet_id: int, content: str, lines: Sequence[PayLine], now: datetime
) -> None:
    session.add(TimesheetSnapshotRow(timesheet_id=timesheet_id, content=content, created_at=now))
    if lines:
        session.execute(
            insert(TimesheetPayLineRow),
            [
                {
                    "timesheet_id": timesheet_id,
                    "position": position,
                    "pay_code": line.pay_code,
                    "kind": line.kind,
                    "description": line.description,
                    "hours": line.hours,
                    "rate": line.rate,
                }
                for position, line in enumerate(lines)
            ],
        )


# Reading attested content and pay lines: storage/attested.py, which checks them first.


# --- pay settings ----------------------------------------------------------------------------


def load_pay_settings(session: Session, arrangement_id: int) -> PaySettings:
    row = session.get(PaySettingsRow, arrangement_id)
    overrides = session.scalars(
        select(PayCodeOverrideRow).where(PayCodeOverrideRow.arrangement_id == arrangement_id)
    ).all()
    return PaySettings(
        arrangement_id=arrangement_id,
        period_start_day=row.period_start_day if row else 1,
        hourly_rate=row.hourly_rate if row else None,
        social_cost_percent=row.social_cost_percent if row else None,
        codes={o.line_id: o.pay_code for o in overrides if o.pay_code},
        rates={o.line_id: o.rate for o in overrides if o.rate is not None},
    )


def store_pay_settings(session: Session, settings: PaySettings) -> None:
    row = session.get(PaySettingsRow, settings.arrangement_id)
    if row is None:
        row = PaySettingsRow(arrangement_id=settings.arrangement_id)
        session.add(row)
    row.period_start_day = settings.period_start_day
    row.hourly_rate = settings.hourly_rate
    row.social_cost_percent = settings.social_cost_percent
    session.execute(
        delete(PayCodeOverrideRow).where(PayCodeOverrideRow.arrangement_id == settings.arrangement_id)
    )
    line_ids = sorted(set(settings.codes) | set(settings.rates))
    for line_id in line_ids:
        code = settings.codes.get(line_id)
        session.add(
            PayCodeOverrideRow(
                arrangement_id=settings.arrangement_id,
                line_id=line_id,
                pay_code=str(code).strip() if code else None,
                rate=settings.rates.get(line_id),
            )
        )


# --- what a period holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRecords:
    planned: list[Shift]
    worked: list[WorkedRecord]
    not_worked: list[NotWorked]
    settled_plan_ids: set[str]
    absences: list[Absence]
    covered: list[CoveredShift] = field(default_factory=list)  # own shifts a colleague works
    covers: dict[str, Cover] = field(default_factory=dict)  # shifts worked for an absent colleague


def _cancelled_to_core(row: CancelledShiftRow) -> NotWorked:
    planned = Shift(
        assistant=str(row.assistant_id),
        start=row.start_at.astimezone(OSLO),
        end=row.end_at.astimezone(OSLO),
        id=f"{repo.PLANNED_PREFIX}{row.planned_shift_id}" if row.planned_shift_id else None,
        code=row.template_code,
        kind=ShiftKind.PLANNED,
    )
    return NotWorked(planned, row.reason)


def first_shift_day(session: Session, arrangement_id: int) -> date | None:
    """The Oslo day of the arrangement's earliest planned or worked shift: where its
    averaging windows start (``core.normal_time``). None when it has no shifts."""
    firsts = [
        session.scalar(
            select(row_class.start_at)
            .where(row_class.arrangement_id == arrangement_id)
            .order_by(row_class.start_at)
            .limit(1)
        )
        for row_class in (PlannedShiftRow, WorkedShiftRow)
    ]
    found = [moment for moment in firsts if moment is not None]
    return min(found).astimezone(OSLO).date() if found else None


def recorded_hours(session: Session, assistant_id: int, first: date, last: date) -> float:
    """Hours of the assistant's planned and worked shifts that start on ``first``..``last``,
    both counted: at least the hours the worked record holds there."""
    lower, upper = repo.local_day_range(first, last)
    total = 0.0
    for row_class in (PlannedShiftRow, WorkedShiftRow):
        spans = session.execute(
            select(row_class.start_at, row_class.end_at).where(
                row_class.assistant_id == assistant_id, row_class.start_at >= lower, row_class.start_at < upper
            )
        )
        total += sum((end - start).total_seconds() for start, end in spans) / 3600
    return total


def period_records(session: Session, assistant_id: int, period: PayPeriod) -> PeriodRecords:
    """One assistant's planned, worked and not-worked shifts starting in ``period``, and
    the absences that touch it."""
    lower, upper = repo.local_day_range(period.start, period.end)

    def starting(row_class):
        return (
            select(row_class)
            .where(row_class.assistant_id == assistant_id, row_class.start_at >= lower, row_class.start_at < upper)
            .order_by(row_class.start_at, row_class.id)
        )

    planned_rows = session.scalars(starting(PlannedShiftRow).options(selectinload(PlannedShiftRow.passive))).all()
    worked_rows = session.scalars(starting(WorkedShiftRow).options(selectinload(WorkedShiftRow.passive))).all()
    cancelled_rows = session.scalars(starting(CancelledShiftRow)).all()

    # Plans the worked shifts replace (possibly outside the period, or someone else's).
    linked_ids = {r.planned_shift_id for r in worked_rows} - {None}
    linked = {r.id: r for r in planned_rows if r.id in linked_ids}
    missing = linked_ids - set(linked)
    if missing:
        linked.update(
            (r.id, r)
            for r in session.scalars(
                select(PlannedShiftRow)
                .where(PlannedShiftRow.id.in_(missing))
                .options(selectinload(PlannedShiftRow.passive))
            )
        )
    planned_ids = [r.id for r in planned_rows]
    settled: set[int] = set()
    if planned_ids:
        settled.update(
            session.scalars(
                select(WorkedShiftRow.planned_shift_id).where(WorkedShiftRow.planned_shift_id.in_(planned_ids))
            )
        )
        settled.update(
            session.scalars(
                select(CancelledShiftRow.planned_shift_id).where(
                    CancelledShiftRow.planned_shift_id.in_(planned_ids)
                )
            )
        )
    absences = session.scalars(
        select(AbsenceRow)
        .where(
            AbsenceRow.assistant_id == assistant_id,
            AbsenceRow.start_date <= period.end,
            AbsenceRow.end_date >= period.start,
        )
        .order_by(AbsenceRow.start_date, AbsenceRow.id)
    ).all()
    arrangement_id = session.get(AssistantRow, assistant_id).arrangement_id
    return PeriodRecords(
        planned=[repo.planned_to_core(r) for r in planned_rows],
        worked=[
            WorkedRecord(
                repo.worked_to_core(r),
                r.reason,
                repo.planned_to_core(linked[r.planned_shift_id]) if r.planned_shift_id in linked else None,
            )
            for r in worked_rows
        ],
        not_worked=[_cancelled_to_core(r) for r in cancelled_rows],
        settled_plan_ids={f"{repo.PLANNED_PREFIX}{i}" for i in settled if i is not None},
        absences=[repo.absence_to_core(r) for r in absences],
        covered=covers.covered_shifts(session, assistant_id, arrangement_id, period, planned_rows)
        if absences else [],
        covers=covers.covers_of(session, assistant_id, planned_rows, worked_rows, linked),
    )


def sick_absences_until(session: Session, assistant_id: int, last: date) -> list[Absence]:
    """Every egenmelding and sykmelding of the assistant that starts on or before ``last``."""
    rows = session.scalars(
        select(AbsenceRow)
        .where(AbsenceRow.assistant_id == assistant_id, AbsenceRow.start_date <= last,
               AbsenceRow.kind.in_(sorted(SICK_KINDS, key=lambda k: k.value)))
        .order_by(AbsenceRow.start_date, AbsenceRow.id)
    )
    return [repo.absence_to_core(r) for r in rows]


def shift_days(session: Session, assistant_id: int, first: date, last: date) -> set[date]:
    """Oslo days on which the assistant has a planned or worked shift starting."""
    lower, upper = repo.local_day_range(first, last)
    days: set[date] = set()
    for row_class in (PlannedShiftRow, WorkedShiftRow):
        days.update(
            moment.astimezone(OSLO).date()
            for moment in session.scalars(
                select(row_class.start_at).where(
                    row_class.assistant_id == assistant_id, row_class.start_at >= lower, row_class.start_at < upper
                )
            )
        )
    return days


def add_cancelled(
    session: Session, arrangement_id: int, planned: Shift, reason: str, now: datetime
) -> CancelledShiftRow:
    parsed = repo.parse_shift_id(planned.id)
    row = CancelledShiftRow(
        arrangement_id=arrangement_id,
        assistant_id=int(planned.assistant),
        planned_shift_id=parsed[1] if parsed else None,
        start_at=planned.start,
        end_at=planned.end,
        template_code=planned.code,
        reason=reason.strip(),
        created_at=now,
    )
    session.add(row)
    return row


def settle_plan(session: Session, arrangement_id: int, rows: Sequence[TimesheetDayRow], now: datetime) -> int:
    """Write the rows that still stand on the plan into the worked record: planned rows as
    worked shifts linked to their plan, absent rows as not worked. Returns how many."""
    planned = [r for r in rows if r.status is RowStatus.PLANNED and r.shift is not None]
    shifts = [replace(r.shift, id=None) for r in planned]
    repo.insert_shifts(
        session,
        WorkedShiftRow,
        [
            repo.worked_values(arrangement_id, shift, "", repo.parse_shift_id(row.planned.id)[1], now)
            for shift, row in zip(shifts, planned)
        ],
        shifts,
    )
    absent = [r for r in rows if r.status is RowStatus.ABSENT and r.planned is not None]
    for row in absent:
        add_cancelled(session, arrangement_id, row.planned, row.reason, now)
    return len(planned) + len(absent)


def timesheet_to_core(row: TimesheetRow) -> Timesheet:
    return repo.timesheet_to_core(row)
