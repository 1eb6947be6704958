"""Stored single-occurrence changes (``RotaChange``) re-applied to a rolled-out rota.

A change names the occurrence it changes by a natural key that does not depend on database
ids: ``"<assistant id>:<YYYY-MM-DD>:<code>"``, the id ``core.rota.roll_out`` gives the
occurrence, or ``"x<change id>"`` for an extra shift. So when a new version of the pattern
is rolled out, every stored change is applied again, in the order it was made, wherever its
occurrence still exists; a change whose occurrence is gone is skipped (and applies again if
a later version brings the occurrence back). A cancelled occurrence therefore stays
cancelled in every version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from bpa_desktop.core.model import RotaChange, RotaChangeKind, Shift, ShiftKind
from bpa_desktop.core.rota import (
    Cancel,
    ChangeTimes,
    ExtraShift,
    Override,
    Substitute,
    Swap,
    apply_overrides,
)

EXTRA_PREFIX = "x"


def occurrence_key(assistant: str | int, day: date, code: str | None) -> str:
    """The natural key of an occurrence, as ``core.rota.template_shift`` writes its id."""
    return f"{assistant}:{day.isoformat()}:{code or ''}"


def extra_key(change_id: int) -> str:
    return f"{EXTRA_PREFIX}{change_id}"


def target_keys(change: RotaChange) -> tuple[str, ...]:
    """The occurrences a change needs to find in the plan (none for an extra shift)."""
    if change.kind is RotaChangeKind.EXTRA:
        return ()
    if change.kind is RotaChangeKind.SWAP:
        return (change.occurrence, change.other_occurrence or "")
    return (change.occurrence,)


def to_override(change: RotaChange) -> Override:
    """The ``core.rota`` override that performs a stored change."""
    kind = RotaChangeKind(change.kind)
    if kind is RotaChangeKind.SWAP:
        return Swap(
            first_shift_id=change.occurrence,
            second_shift_id=change.other_occurrence or "",
            reason=change.reason,
        )
    if kind is RotaChangeKind.SUBSTITUTE:
        return Substitute(
            shift_id=change.occurrence, assistant=str(change.assistant_id), reason=change.reason
        )
    if kind is RotaChangeKind.CANCEL:
        return Cancel(shift_id=change.occurrence, reason=change.reason)
    if kind is RotaChangeKind.CHANGE_TIMES:
        return ChangeTimes(
            shift_id=change.occurrence, start=change.start, end=change.end, reason=change.reason
        )
    return ExtraShift(
        shift=Shift(
            assistant=str(change.assistant_id),
            start=change.start,
            end=change.end,
            passive=change.passive,
            id=change.occurrence,
            code=change.code,
            kind=ShiftKind.EXTRA,
        ),
        reason=change.reason,
    )


def applicable(shifts: Iterable[Shift], changes: Sequence[RotaChange]) -> list[RotaChange]:
    """The changes (in the order given) whose occurrences exist when their turn comes."""
    present = {s.id for s in shifts}
    result = []
    for change in changes:
        keys = target_keys(change)
        if change.kind is RotaChangeKind.SWAP and keys[0] == keys[1]:
            continue
        if change.kind is RotaChangeKind.EXTRA:
            if change.occurrence in present:
                continue
            present.add(change.occurrence)
        elif not all(key in present for key in keys):
            continue
        elif change.kind is RotaChangeKind.CANCEL:
            present.discard(change.occurrence)
        result.append(change)
    return result


def reapply(shifts: Sequence[Shift], changes: Sequence[RotaChange]) -> list[Shift]:
    """``shifts`` (ids = occurrence keys) with every applicable change applied in order."""
    return apply_overrides(shifts, [to_override(c) for c in applicable(shifts, changes)])


def with_occurrence(shift: Shift, key: str) -> Shift:
    """The shift as the engine above expects it: its id is its occurrence key."""
    return replace(shift, id=key)
