"""The timesheet's life cycle: its statuses, which step may follow which, and what each allows.

The one owner of these rules: storage (locked periods, payroll), the Workspace (confirm, attest,
correct, the receiver's answers), the UI (which buttons work) and sync all ask here.

    draft ──confirm──► confirmed ──attest──► attested ──delivered──► submitted ──► accepted
      ▲ └──────────────attest───────────────┘  (locked from here on)           └──► rejected
      └─withdraw confirmation─┘  (the undo of a confirmation, before attestation)

An attested version is locked: its content never changes again, only its status moves on as
the receiver answers. A receiver restored from a backup can lose a decision, so a submitted,
accepted or rejected version may be delivered again (back to submitted) and decided again.
A change after attestation is a correction: a new draft version that supersedes the locked one.

The assistant confirms only days that are over: before the period ends, confirming records
"confirmed through <yesterday>" and the sheet stays a draft; once the period is over, confirming
the rest makes it ``confirmed`` (``confirm_step``).
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.core.pay_period import PayPeriod

DRAFT, CONFIRMED, ATTESTED = TimesheetStatus.DRAFT, TimesheetStatus.CONFIRMED, TimesheetStatus.ATTESTED
SUBMITTED, ACCEPTED, REJECTED = TimesheetStatus.SUBMITTED, TimesheetStatus.ACCEPTED, TimesheetStatus.REJECTED

#: From attestation on: the content is frozen (storage triggers agree).
LOCKED = (ATTESTED, SUBMITTED, ACCEPTED, REJECTED)
#: What payroll may take: attested and not rejected by the receiver.
PAYROLL_READY = (ATTESTED, SUBMITTED, ACCEPTED)


class TimesheetEvent(str, enum.Enum):
    CONFIRM = "confirm"  # the assistant confirms the draft
    WITHDRAW_CONFIRMATION = "withdraw_confirmation"  # undo of a confirmation: a draft again
    ATTEST = "attest"  # the arbeidsleder attests: locked
    DELIVERED = "delivered"  # the receiver holds the submission (its receipt)
    ACCEPTED = "accepted"  # the receiver's decision
    REJECTED = "rejected"


TRANSITIONS: dict[TimesheetStatus, dict[TimesheetEvent, TimesheetStatus]] = {
    DRAFT: {TimesheetEvent.CONFIRM: CONFIRMED, TimesheetEvent.ATTEST: ATTESTED},
    CONFIRMED: {TimesheetEvent.ATTEST: ATTESTED, TimesheetEvent.WITHDRAW_CONFIRMATION: DRAFT},
    **{
        status: {
            TimesheetEvent.DELIVERED: SUBMITTED,
            TimesheetEvent.ACCEPTED: ACCEPTED,
            TimesheetEvent.REJECTED: REJECTED,
        }
        for status in LOCKED
    },
}


class TransitionError(ValueError):
    """The event cannot happen to a timesheet in this status."""

    def __init__(self, status: TimesheetStatus, event: TimesheetEvent) -> None:
        self.status, self.event = status, event
        super().__init__(f"{event.value} is not possible from {status.value}")


def next_status(status: TimesheetStatus | str, event: TimesheetEvent | str) -> TimesheetStatus:
    """The status after ``event``; TransitionError when the event is not allowed now."""
    status, event = TimesheetStatus(status), TimesheetEvent(event)
    try:
        return TRANSITIONS[status][event]
    except KeyError:
        raise TransitionError(status, event) from None


def allows(status: TimesheetStatus | str | None, event: TimesheetEvent | str) -> bool:
    """Whether ``event`` may happen now (no timesheet yet counts as a draft about to be made)."""
    return TimesheetEvent(event) in TRANSITIONS[TimesheetStatus(status or DRAFT)]


def is_locked(status: TimesheetStatus | str | None) -> bool:
    return status is not None and TimesheetStatus(status) in LOCKED


def is_payroll_ready(status: TimesheetStatus | str | None) -> bool:
    return status is not None and TimesheetStatus(status) in PAYROLL_READY


def is_confirmable(status: TimesheetStatus | str | None) -> bool:
    """A draft (or no timesheet yet) can be confirmed by the assistant."""
    return allows(status, TimesheetEvent.CONFIRM)


class NothingToConfirm(ValueError):
    """Every day that is over is confirmed already (or none is over yet)."""

    def __init__(self, through: date | None) -> None:
        self.through = through
        super().__init__(f"nothing to confirm (confirmed through {through})")


def confirmable_through(period: PayPeriod, today: date) -> date | None:
    """The last day of the period that is over on ``today``; None when none is."""
    last = min(period.end, today - timedelta(days=1))
    return last if last >= period.start else None


def can_confirm(status: TimesheetStatus | str | None, period: PayPeriod, today: date,
                confirmed_through: date | None = None) -> bool:
    """A draft with days that are over and not yet confirmed."""
    last = confirmable_through(period, today)
    return is_confirmable(status) and last is not None and (confirmed_through is None or confirmed_through < last)


def confirm_step(status: TimesheetStatus | str | None, period: PayPeriod, today: date,
                 confirmed_through: date | None = None) -> tuple[TimesheetStatus, date]:
    """The status after the assistant confirms on ``today``, and the day confirmed through:
    the whole period (``confirmed``) once it is over, else up to yesterday (still a draft).
    TransitionError when the status allows no confirming, NothingToConfirm when no new day is over."""
    status = TimesheetStatus(status or DRAFT)
    if not is_confirmable(status):
        raise TransitionError(status, TimesheetEvent.CONFIRM)
    if not can_confirm(status, period, today, confirmed_through):
        raise NothingToConfirm(confirmed_through)
    last = confirmable_through(period, today)
    if last == period.end:
        return next_status(status, TimesheetEvent.CONFIRM), last
    return status, last


def is_partly_confirmed(status: TimesheetStatus | str | None, confirmed_through: date | None) -> bool:
    return TimesheetStatus(status or DRAFT) is DRAFT and confirmed_through is not None


def attestable_from(period: PayPeriod) -> date:
    """The first day a period's timesheet may be attested: the day after the period is over."""
    return period.end + timedelta(days=1)


def period_is_over(period: PayPeriod, today: date) -> bool:
    return today >= attestable_from(period)


def is_attestable(status: TimesheetStatus | str | None, period: PayPeriod, today: date) -> bool:
    """The arbeidsleder can attest now: not locked, and the period is over."""
    return allows(status, TimesheetEvent.ATTEST) and period_is_over(period, today)
