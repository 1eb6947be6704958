"""Storage of the turnus planner: rota versions, single-occurrence changes, the need
pattern, approvals, and writing a plan into ``planned_shift``.

Nothing here commits: the Workspace owns the session and its one transaction.

A plan is written as a difference: a stored planned shift that equals the wanted one (same
occurrence, assistant, times, code, kind and passive time) keeps its row and id, so links
from worked shifts and timesheets survive a new rota version, and a calendar that imported
the assistant's .ics keeps its events. Rows that must not change are *frozen*: those
already registered as worked or not worked, and those in an attested timesheet period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    ApprovalRole,
    Interval,
    NeedBlock,
    RotaApproval,
    RotaChange,
    RotaChangeKind,
    RotaPlan,
    Shift,
    ShiftKind,
)
from bpa_desktop.core.rota_changes import extra_key, occurrence_key, with_occurrence
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import (
    NeedBlockRow,
    PlannedPassiveRow,
    PlannedShiftRow,
    RotaApprovalRow,
    RotaCellRow,
    RotaOverrideRow,
    RotaRow,
)

# --- rota versions -----------------------------------------------------------------------


def rota_rows(session: Session, arrangement_id: int) -> list[RotaRow]:
    """The arrangement's saved rotas, oldest first (version = position + 1)."""
    return list(
        session.scalars(
            select(RotaRow).where(RotaRow.arrangement_id == arrangement_id).order_by(RotaRow.id)
        )
    )


def rota_with_cells(session: Session, rota_id: int) -> RotaRow | None:
    return session.scalars(
        select(RotaRow)
        .where(RotaRow.id == rota_id)
        .options(selectinload(RotaRow.cells).selectinload(RotaCellRow.template))
    ).first()


def version_of(session: Session, row: RotaRow) -> int:
    """A rota's version: how many rotas the arrangement had saved when it was saved."""
    return session.scalar(
        select(func.count())
        .select_from(RotaRow)
        .where(RotaRow.arrangement_id == row.arrangement_id, RotaRow.id <= row.id)
    )


def rota_to_core(row: RotaRow, version: int, with_cells: bool = True) -> RotaPlan:
    cells = (
        {(c.assistant_id, c.week_index, c.weekday): c.template.code for c in row.cells}
        if with_cells
        else {}
    )
    return RotaPlan(
        id=row.id,
        arrangement_id=row.arrangement_id,
        name=row.name,
        weeks=row.weeks,
        start=row.start_date,
        end=row.end_date,
        cells=cells,
        version=version,
        saved_at=row.created_at,
    )


def latest_rota_id(session: Session, arrangement_id: int) -> int | None:
    return session.scalar(select(func.max(RotaRow.id)).where(RotaRow.arrangement_id == arrangement_id))


# --- occurrences -------------------------------------------------------------------------


def occurrence_of(row: PlannedShiftRow) -> str:
    """The row's occurrence key; rows from before revision 0003 (never changed) derive it."""
    if row.occurrence:
        return row.occurrence
    return occurrence_key(row.assistant_id, row.start_at.astimezone(OSLO).date(), row.template_code)


def occurrence_day(key: str, fallback: date) -> date:
    """The day in a pattern key (``"12:2026-03-02:D"``), else ``fallback`` (extra shifts)."""
    parts = key.split(":")
    if len(parts) == 3:
        try:
            return date.fromisoformat(parts[1])
        except ValueError:
            pass
    return fallback


def as_occurrence(row: PlannedShiftRow) -> Shift:
    """The planned shift with its occurrence key as id (what core.rota_changes works on)."""
    return with_occurrence(repo.planned_to_core(row), occurrence_of(row))


def planned_rows_between(
    session: Session, arrangement_id: int, start: date, end: date
) -> list[PlannedShiftRow]:
    return list(repo.shifts_starting_between(session, PlannedShiftRow, arrangement_id, start, end))


# --- single-occurrence changes -----------------------------------------------------------


def change_to_core(row: RotaOverrideRow, shift_ids: Sequence[str] = ()) -> RotaChange:
    passive = ()
    if row.passive_start_at is not None and row.passive_end_at is not None:
        passive = (Interval(row.passive_start_at.astimezone(OSLO), row.passive_end_at.astimezone(OSLO)),)
    local = lambda instant: instant.astimezone(OSLO) if instant is not None else None  # noqa: E731
    return RotaChange(
        id=row.id,
        arrangement_id=row.arrangement_id,
        kind=RotaChangeKind(row.kind),
        reason=row.reason,
        occurrence=row.occurrence or extra_key(row.id),
        day=row.day,
        other_occurrence=row.other_occurrence,
        assistant_id=row.assistant_id,
        start=local(row.start_at),
        end=local(row.end_at),
        code=row.template_code,
        passive=passive,
        shift_ids=tuple(shift_ids),
        rota_id=row.rota_id,
        created_at=row.created_at,
    )


def change_rows(
    session: Session, arrangement_id: int, first: date | None = None, last: date | None = None
) -> list[RotaOverrideRow]:
    """Changes whose occurrence day is in ``first``..``last``, in the order they were made."""
    query = select(RotaOverrideRow).where(RotaOverrideRow.arrangement_id == arrangement_id)
    if first is not None:
        query = query.where(RotaOverrideRow.day >= first)
    if last is not None:
        query = query.where(RotaOverrideRow.day <= last)
    return list(session.scalars(query.order_by(RotaOverrideRow.id)))


def add_change(session: Session, arrangement_id: int, change: RotaChange) -> RotaOverrideRow:
    """Store a change (``change.id`` is ignored); an extra shift's occurrence is its own id."""
    passive = change.passive[0] if change.passive else None
    row = RotaOverrideRow(
        arrangement_id=arrangement_id,
        rota_id=latest_rota_id(session, arrangement_id),
        kind=RotaChangeKind(change.kind).value,
        reason=change.reason.strip(),
        occurrence=None if change.kind is RotaChangeKind.EXTRA else change.occurrence,
        day=change.day,
        other_occurrence=change.other_occurrence,
        assistant_id=change.assistant_id,
        start_at=change.start,
        end_at=change.end,
        template_code=change.code,
        passive_start_at=passive.start if passive else None,
        passive_end_at=passive.end if passive else None,
        created_at=repo.utc_now(),
    )
    session.add(row)
    session.flush()
    return row


def remove_changes(session: Session, arrangement_id: int, change_ids: Iterable[int]) -> int:
    """Delete stored changes of this arrangement (undoing what one use case added); returns
    how many were there."""
    ids = list(change_ids)
    if not ids:
        return 0
    result = session.execute(
        delete(RotaOverrideRow).where(
            RotaOverrideRow.arrangement_id == arrangement_id, RotaOverrideRow.id.in_(ids)
        )
    )
    return result.rowcount


def remove_rota(session: Session, rota_id: int) -> None:
    """Delete a rota version (its cells go with it; planned shifts and changes that named it
    keep their rows without it). Only for undoing the version just written."""
    session.execute(delete(RotaRow).where(RotaRow.id == rota_id))


def shift_ids_by_occurrence(
    session: Session, arrangement_id: int, keys: Iterable[str]
) -> dict[str, str]:
    """Occurrence key -> the planned shift id (``"p<n>"``) that currently is it."""
    keys = set(keys)
    if not keys:
        return {}
    rows = session.execute(
        select(PlannedShiftRow.occurrence, PlannedShiftRow.id).where(
            PlannedShiftRow.arrangement_id == arrangement_id, PlannedShiftRow.occurrence.in_(keys)
        )
    )
    return {key: f"{repo.PLANNED_PREFIX}{row_id}" for key, row_id in rows}


# --- frozen rows ---------------------------------------------------------------------------


def settled_ids(session: Session, planned_ids: Iterable[int]) -> set[int]:
    """Planned shifts already registered as worked or as not worked (timesheets)."""
    return queries.settled_plan_ids(session, planned_ids)


@dataclass
class LockedDays:
    """The attested timesheet periods of some assistants: no planned shift changes there."""

    spans: dict[int, list[tuple[date, date]]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, assistant_ids: Iterable[int], first: date, last: date) -> LockedDays:
        spans = {
            assistant_id: [(r.period_start, r.period_end) for r in rows]
            for assistant_id in set(assistant_ids)
            if (rows := tr.locked_periods(session, assistant_id, first, last))
        }
        return cls(spans)

    def locked(self, assistant_id: int, day: date) -> bool:
        return any(a <= day <= b for a, b in self.spans.get(assistant_id, ()))


def _day(shift: Shift) -> date:
    return shift.start.astimezone(OSLO).date()


# --- writing a plan ------------------------------------------------------------------------


def _signature(shift: Shift, with_occurrence: bool = True) -> tuple:
    return (
        shift.id if with_occurrence else None,
        int(shift.assistant),
        shift.start.timestamp(),
        shift.end.timestamp(),
        shift.code,
        ShiftKind(shift.kind),
        tuple((p.start.timestamp(), p.end.timestamp()) for p in shift.passive),
    )


@dataclass(frozen=True)
class PlanWrite:
    kept: int
    inserted: int
    deleted: int
    # Wanted shifts that could not be written, and stored ones that could not be removed,
    # because they are frozen (registered, or in an attested period).
    blocked: tuple[Shift, ...] = ()


def write_plan(
    session: Session,
    arrangement_id: int,
    start: date,
    end: date,
    wanted: Sequence[Shift],
    rota_id: int | None,
    adopt_occurrences: bool = False,
) -> PlanWrite:
    """Make the planned shifts starting on ``start``..``end`` equal ``wanted`` (ids =
    occurrence keys), except frozen rows, which stay as they are.

    ``adopt_occurrences``: a wanted shift equal to a stored one except for its id takes the
    stored occurrence key (imported shifts carry no key of their own).
    """
    existing = planned_rows_between(session, arrangement_id, start, end)
    stored = {row.id: as_occurrence(row) for row in existing}
    if adopt_occurrences:
        by_content = {_signature(s, False): s.id for s in stored.values()}
        wanted = [with_occurrence(s, by_content.get(_signature(s, False), s.id)) for s in wanted]
    assistants = {row.assistant_id for row in existing} | {int(s.assistant) for s in wanted}
    locks = LockedDays.load(session, assistants, start, end)
    settled = settled_ids(session, stored)
    frozen = {
        row_id
        for row_id, shift in stored.items()
        if row_id in settled or locks.locked(int(shift.assistant), _day(shift))
    }
    frozen_keys = {stored[row_id].id: row_id for row_id in frozen}

    by_signature: dict[tuple, list[int]] = defaultdict(list)
    for row_id, shift in stored.items():
        by_signature[_signature(shift)].append(row_id)
    keep: set[int] = set()
    to_insert: list[Shift] = []
    blocked: list[Shift] = []
    for shift in wanted:
        candidates = by_signature.get(_signature(shift))
        if candidates:
            keep.add(candidates.pop())
        elif shift.id in frozen_keys or locks.locked(int(shift.assistant), _day(shift)):
            blocked.append(shift)
        else:
            to_insert.append(shift)
    blocked += [stored[row_id] for row_id in frozen - keep]
    remove = [row_id for row_id in stored if row_id not in keep and row_id not in frozen]
    if remove:
        session.execute(delete(PlannedShiftRow).where(PlannedShiftRow.id.in_(remove)))
    if keep and rota_id is not None:
        session.execute(
            update(PlannedShiftRow).where(PlannedShiftRow.id.in_(keep)).values(rota_id=rota_id)
        )
    # Kept rows without a stored key (imported, or from before revision 0003) learn it, so
    # later changes can find them.
    for row in existing:
        if row.id in keep and row.occurrence is None:
            row.occurrence = stored[row.id].id
    insert_planned(session, arrangement_id, to_insert, rota_id)
    return PlanWrite(len(keep), len(to_insert), len(remove), tuple(blocked))


def insert_planned(
    session: Session, arrangement_id: int, shifts: Sequence[Shift], rota_id: int | None
) -> list[int]:
    """Insert planned shifts whose ids are occurrence keys; returns the new row ids."""
    values = [
        {**repo.planned_values(arrangement_id, s, rota_id), "occurrence": s.id} for s in shifts
    ]
    return repo.insert_shifts(session, PlannedShiftRow, values, shifts)


def rewrite_rows(
    session: Session, rows: Sequence[PlannedShiftRow], after: Mapping[str, Shift]
) -> list[PlannedShiftRow]:
    """Write changed occurrences back onto their rows; a row whose occurrence is not in
    ``after`` (cancelled) is deleted. Returns the rows that remain."""
    remaining = []
    for row in rows:
        key = occurrence_of(row)
        shift = after.get(key)
        if shift is None:
            session.delete(row)
            continue
        row.occurrence = key
        row.assistant_id = int(shift.assistant)
        row.start_at = shift.start
        row.end_at = shift.end
        row.template_code = shift.code
        row.kind = shift.kind
        row.passive = [
            PlannedPassiveRow(start_at=p.start, end_at=p.end) for p in shift.passive
        ]
        remaining.append(row)
    session.flush()
    return remaining


def planned_row(session: Session, arrangement_id: int, shift_id: str | int) -> PlannedShiftRow | None:
    """The planned row ``"p<n>"`` (or n) of this arrangement, with its passive time."""
    parsed = repo.parse_shift_id(shift_id) if isinstance(shift_id, str) else ("p", shift_id)
    if not parsed or parsed[0] != repo.PLANNED_PREFIX:
        return None
    row = session.scalars(
        select(PlannedShiftRow)
        .where(PlannedShiftRow.id == parsed[1], PlannedShiftRow.arrangement_id == arrangement_id)
        .options(selectinload(PlannedShiftRow.passive))
    ).first()
    return row


# --- need pattern --------------------------------------------------------------------------


def need_to_core(row: NeedBlockRow) -> NeedBlock:
    return NeedBlock(row.weekday, row.start_time, row.end_time, row.staff, bool(row.passive))


def need_rows(session: Session, arrangement_id: int) -> list[NeedBlockRow]:
    return list(
        session.scalars(
            select(NeedBlockRow)
            .where(NeedBlockRow.arrangement_id == arrangement_id)
            .order_by(NeedBlockRow.weekday, NeedBlockRow.start_time, NeedBlockRow.id)
        )
    )


def replace_need(session: Session, arrangement_id: int, blocks: Sequence[NeedBlock]) -> None:
    session.execute(delete(NeedBlockRow).where(NeedBlockRow.arrangement_id == arrangement_id))
    session.add_all(
        NeedBlockRow(
            arrangement_id=arrangement_id,
            weekday=b.weekday,
            start_time=b.start,
            end_time=b.end,
            staff=b.staff,
            passive=bool(b.passive),
        )
        for b in blocks
    )
    session.flush()


# --- approvals -----------------------------------------------------------------------------

ROLE_ORDER = {ApprovalRole.EMPLOYER: 0, ApprovalRole.UNION_REP: 1, ApprovalRole.MUNICIPALITY: 2, ApprovalRole.ASSISTANT: 3}


def approval_to_core(row: RotaApprovalRow) -> RotaApproval:
    return RotaApproval(
        id=row.id,
        rota_id=row.rota_id,
        role=ApprovalRole(row.role),
        who=row.who,
        seen_on=row.seen_on,
        approved_on=row.approved_on,
        assistant_id=row.assistant_id,
    )


def approval_rows(session: Session, rota_id: int) -> list[RotaApprovalRow]:
    rows = session.scalars(select(RotaApprovalRow).where(RotaApprovalRow.rota_id == rota_id))
    return sorted(rows, key=lambda r: (ROLE_ORDER[ApprovalRole(r.role)], r.id))


def matching_approval(session: Session, approval: RotaApproval) -> RotaApprovalRow | None:
    """The stored row this approval updates: by id, else the same person for that version
    (an assistant by id, others by label, ignoring case)."""
    if approval.id is not None:
        return session.get(RotaApprovalRow, approval.id)
    for row in approval_rows(session, approval.rota_id):
        if row.role != ApprovalRole(approval.role).value:
            continue
        if approval.role == ApprovalRole.ASSISTANT:
            if row.assistant_id == approval.assistant_id:
                return row
        elif row.who.casefold() == approval.who.strip().casefold():
            return row
    return None


def fill_approval(row: RotaApprovalRow, approval: RotaApproval) -> None:
    row.rota_id = approval.rota_id
    row.role = ApprovalRole(approval.role).value
    row.who = approval.who.strip()
    row.assistant_id = approval.assistant_id
    row.seen_on = approval.seen_on
    row.approved_on = approval.approved_on
    row.approved = approval.approved_on is not None  # recorded by the leader: given on paper
    if row.channel is None:
        row.channel = "paper"
    if row.comment is None:
        row.comment = ""
    if row.created_at is None:
        row.created_at = repo.utc_now()

