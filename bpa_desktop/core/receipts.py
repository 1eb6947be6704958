"""Receipts: what a use case that a person can undo hands back (``ws.undoable``).

A receipt says what the change did, with enough of the state before it to undo it exactly:
``ws.undoable.undo(receipt)`` runs the inverse use case and returns the receipt of *that*, whose
undo is the redo. The Workspace checks, before it undoes anything, that the records still are
as the receipt says they were left (nothing has changed them since) and that no attested period
is touched; otherwise it refuses and nothing changes. ``value`` is what the plain use case
returns (the changed shifts, the absence, the timesheet).

Attestation has no receipt: attested data is changed only by a correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bpa_desktop.core.model import Absence, RotaChange, Shift, Timesheet, TimesheetStatus


@dataclass(frozen=True)
class PlanChanged:
    """A single-occurrence change of the plan: swap, substitute (a vikar covers), cancel, new
    times or an extra shift. ``change`` is the stored change (with its id)."""

    arrangement_id: int
    change: RotaChange
    before: tuple[Shift, ...]  # the occurrences as they were (ids = occurrence keys); none for an extra
    after: tuple[Shift, ...]  # the planned shifts now (ids "p<n>"); none for a cancel

    @property
    def value(self) -> list[Shift]:
        return list(self.after)


@dataclass(frozen=True)
class PlanChangeUndone:
    """The change is gone and the occurrences are as before; redo makes the change again."""

    arrangement_id: int
    change: RotaChange  # what to do again (the stored row is deleted)
    restored: tuple[Shift, ...]  # the occurrences' planned shifts, in the change's order (ids "p<n>")

    @property
    def value(self) -> list[Shift]:
        return list(self.restored)


@dataclass(frozen=True)
class WorkedAdded:
    """A worked shift was recorded: a registration, extra work, a shift taken over, …"""

    arrangement_id: int
    shift: Shift  # id "w<n>"
    reason: str
    planned_shift_id: int | None  # the plan it settles, if any

    @property
    def value(self) -> Shift:
        return self.shift


@dataclass(frozen=True)
class WorkedRemoved:
    """A recorded worked shift was taken out again (the undo of `WorkedAdded`)."""

    arrangement_id: int
    shift: Shift
    reason: str
    planned_shift_id: int | None

    @property
    def value(self) -> Shift:
        return self.shift


@dataclass(frozen=True)
class WorkedChanged:
    """A recorded worked shift got new times (or passive time became active)."""

    arrangement_id: int
    before: Shift  # id "w<n>", as it was
    before_reason: str
    after: Shift  # the same id, as it is now
    after_reason: str

    @property
    def value(self) -> Shift:
        return self.after


@dataclass(frozen=True)
class AbsenceAdded:
    absence: Absence  # with its id

    @property
    def value(self) -> Absence:
        return self.absence


@dataclass(frozen=True)
class AbsenceRemoved:
    absence: Absence  # as it was (its id is gone)

    @property
    def value(self) -> Absence:
        return self.absence


@dataclass(frozen=True)
class NotWorkedAdded:
    """A planned shift was registered as not worked, with the reason."""

    arrangement_id: int
    planned: Shift  # id "p<n>"
    reason: str

    @property
    def value(self):
        from bpa_desktop.core.timesheet import NotWorked

        return NotWorked(self.planned, self.reason)


@dataclass(frozen=True)
class NotWorkedRemoved:
    arrangement_id: int
    planned: Shift
    reason: str

    @property
    def value(self) -> Shift:
        return self.planned


@dataclass(frozen=True)
class Confirmed:
    """The assistant confirmed a period's timesheet; what the confirmation settled is listed
    so that withdrawing it takes exactly that out again."""

    timesheet: Timesheet
    created: bool  # the draft was made by this confirmation
    settled_worked: tuple[int, ...]  # worked shifts the plan was settled into
    settled_not_worked: tuple[int, ...]  # planned shifts registered as not worked
    today: date  # the day the confirmation was made for (what it settled depends on it)
    before_through: date | None = None  # the days confirmed before it ("confirmed through")

    @property
    def value(self) -> Timesheet:
        return self.timesheet


@dataclass(frozen=True)
class ConfirmationWithdrawn:
    assistant_id: int
    period_start: date
    status: TimesheetStatus  # after withdrawing: a draft (or no timesheet when the draft was made by it)
    today: date

    @property
    def value(self) -> TimesheetStatus:
        return self.status


@dataclass(frozen=True)
class SickCoverAdded:
    """"X is sick, Y covers": the absence and the plan changes that gave X's shifts to Y."""

    arrangement_id: int
    absence: Absence  # with its id
    substitute_id: int
    reason: str
    changes: tuple[PlanChanged, ...]  # one substitute change per covered shift

    @property
    def covered(self) -> tuple[Shift, ...]:
        """The shifts the vikar now has."""
        return tuple(shift for change in self.changes for shift in change.after)

    @property
    def value(self) -> SickCoverAdded:
        return self


@dataclass(frozen=True)
class SickCoverRemoved:
    """The absence and its covers are gone; redo registers both again on the same shifts."""

    arrangement_id: int
    absence: Absence  # as it was (its id is gone)
    substitute_id: int
    reason: str
    shift_ids: tuple[str, ...]  # the sick assistant's planned shifts again (ids "p<n>")

    @property
    def value(self) -> Absence:
        return self.absence


Receipt = (PlanChanged | PlanChangeUndone | WorkedAdded | WorkedRemoved | WorkedChanged | AbsenceAdded
           | AbsenceRemoved | NotWorkedAdded | NotWorkedRemoved | Confirmed | ConfirmationWithdrawn
           | SickCoverAdded | SickCoverRemoved)
