"""``ws.undoable``: the changes a person can undo, each returning its receipt, and ``undo``.

The use cases are the same ones the other areas offer (a calendar change is
``ws.rota.change_planned_shift``, a deviation ``ws.timesheets.register_deviation``, …), written
once in ``plan_changes``, ``record_changes`` and ``confirmation_undo``; here they hand back the
``core.receipts`` value instead of the bare result. ``undo(receipt)`` runs the inverse use case
in one transaction, audited as "undo", and returns the inverse's receipt: undoing that is the
redo. Nothing is undone when the records have changed since the receipt was written, or when
an attested period would change: attested data changes only by a correction.

    done = ws.undoable.change_shift(arrangement_id, "p12", kind="cancel", reason="Ikke behov")
    undone = ws.undoable.undo(done)      # the shift is planned again, the change is gone
    redone = ws.undoable.undo(undone)    # cancelled again
"""

from __future__ import annotations

from datetime import date, datetime

from bpa_desktop.core import deviations as dev
from bpa_desktop.core import receipts as r
from bpa_desktop.core.model import RotaChangeKind, Shift
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace import confirmation_undo, plan_changes, record_changes, sick_cover

_INVERSES = {
    r.PlanChanged: plan_changes.revert,
    r.PlanChangeUndone: plan_changes.redo,
    r.WorkedAdded: record_changes.remove_worked,
    r.WorkedRemoved: record_changes.record_again,
    r.WorkedChanged: record_changes.change_back,
    r.AbsenceAdded: record_changes.remove_absence,
    r.AbsenceRemoved: record_changes.add_absence_again,
    r.NotWorkedAdded: record_changes.remove_not_worked,
    r.NotWorkedRemoved: record_changes.not_worked_again,
    r.Confirmed: confirmation_undo.withdraw_confirmation,
    r.ConfirmationWithdrawn: confirmation_undo.confirm_again,
    r.SickCoverAdded: sick_cover.undo,
    r.SickCoverRemoved: sick_cover.redo,
}


class Undoable:
    def __init__(self, db: Database) -> None:
        self._db = db

    def change_shift(self, arrangement_id: int, shift_id: str, *, kind: RotaChangeKind | str, reason: str,
                     other_assistant_id: int | None = None, other_shift_id: str | None = None,
                     start: datetime | None = None, end: datetime | None = None) -> r.PlanChanged:
        """Swap, substitute, cancel or new times for one planned shift (``ws.rota.change_planned_shift``)."""
        with self._db.write() as uow:
            return plan_changes.change_occurrence(
                uow, arrangement_id, shift_id, kind=kind, reason=reason, other_assistant_id=other_assistant_id,
                other_shift_id=other_shift_id, start=start, end=end,
            )

    def add_extra_shift(self, arrangement_id: int, shift: Shift, reason: str) -> r.PlanChanged:
        """An extra planned shift (``ws.rota.add_extra_planned_shift``)."""
        with self._db.write() as uow:
            return plan_changes.add_extra(uow, arrangement_id, shift, reason)

    def register_deviation(self, arrangement_id: int, deviation: dev.Deviation) -> r.Receipt:
        """A deviation from the plan (``ws.timesheets.register_deviation``)."""
        with self._db.write() as uow:
            if isinstance(deviation, dev.SickCovered):  # "X is sick, Y covers": absence and covers together
                return sick_cover.register(uow, arrangement_id, deviation)
            return record_changes.register_deviation(uow, arrangement_id, deviation)

    def record_worked_shift(self, arrangement_id: int, shift: Shift, reason: str = "") -> r.Receipt:
        """A shift registered as worked, or a registered one changed (``ws.timesheets.record_worked_shift``)."""
        with self._db.write() as uow:
            return record_changes.record(uow, arrangement_id, shift, reason)

    def confirm_period(self, assistant_id: int, day: date, *, today: date | None = None) -> r.Confirmed:
        """The assistant confirms the period's sheet (``ws.timesheets.confirm_period``)."""
        with self._db.write() as uow:
            return confirmation_undo.confirm(uow, assistant_id, day, today or date.today())

    def undo(self, receipt: r.Receipt) -> r.Receipt:
        """Undo what `receipt` says was done; returns the receipt of the undo (undo it to redo)."""
        inverse = _INVERSES.get(type(receipt))
        if inverse is None:
            raise TypeError(f"nothing undoes {type(receipt).__name__}")
        with self._db.write() as uow:
            return inverse(uow, receipt)
