"""Checks more than one area makes inside its unit of work, written once.

- an assistant (or every assistant of some shifts) belongs to the arrangement;
- a shift is valid input (times, passive time, an assistant id this storage handed out);
- nothing changes inside an attested timesheet period (that needs a correction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from bpa_desktop import validation
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Shift
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet import start_day
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import ArrangementRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.errors import TimesheetLockedError, ValidationError, found


def arrangement(uow: UnitOfWork, arrangement_id: int) -> ArrangementRow:
    return found(uow.get(ArrangementRow, arrangement_id), Message("entity_arrangement"), arrangement_id)


def refuse_foreign_assistants(
    uow: UnitOfWork, arrangement_id: int, assistant_ids: Iterable[int | None], field: str = "assistant"
) -> None:
    """ValidationError on ``field`` unless every assistant belongs to the arrangement."""
    wanted = set(assistant_ids)
    if None in wanted or wanted - queries.assistant_ids_in(uow.session, arrangement_id, wanted):
        raise ValidationError({field: message("assistant_not_in_arrangement")})


def shift_errors(shift: Shift) -> dict[str, str]:
    """Field errors of a shift given as input: its times and passive time, and an assistant
    named by an id this storage handed out."""
    errors = validation.shift_errors(shift)
    if not str(shift.assistant).isdigit():
        errors["assistant"] = message("assistant_not_in_arrangement")
    return errors


def overlap_error(other: Shift) -> ValidationError:
    start = other.start.astimezone(OSLO)
    end = other.end.astimezone(OSLO)
    period = f"{validation.format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    return ValidationError({"start": message("shift_overlap", period=period)})


def refuse_locked_days(uow: UnitOfWork, assistant_id: int, first: date, last: date) -> None:
    locked = tr.locked_periods(uow.session, assistant_id, first, last)
    if locked:
        raise TimesheetLockedError(locked[0].id, PayPeriod(locked[0].period_start, locked[0].period_end))


def refuse_locked_shifts(uow: UnitOfWork, shifts: Sequence[Shift]) -> None:
    """No change of a shift on a day inside an attested period (make a correction)."""
    days: dict[int, list[date]] = {}
    for shift in shifts:
        days.setdefault(int(shift.assistant), []).append(start_day(shift))
    for assistant_id, starts in days.items():
        for row in tr.locked_periods(uow.session, assistant_id, min(starts), max(starts)):
            if any(row.period_start <= d <= row.period_end for d in starts):
                raise TimesheetLockedError(row.id, PayPeriod(row.period_start, row.period_end))
