"""The timesheet life cycle has one owner: which step may follow which, and what a locked
version allows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet_lifecycle import (
    LOCKED,
    TimesheetEvent,
    TransitionError,
    allows,
    attestable_from,
    is_confirmable,
    is_locked,
    is_payroll_ready,
    next_status,
    period_is_over,
)

S, E = TimesheetStatus, TimesheetEvent


def test_the_happy_path():
    status = S.DRAFT
    for event, expected in ((E.CONFIRM, S.CONFIRMED), (E.ATTEST, S.ATTESTED), (E.DELIVERED, S.SUBMITTED),
                            (E.ACCEPTED, S.ACCEPTED)):
        status = next_status(status, event)
        assert status is expected


def test_a_draft_can_be_attested_without_confirmation_but_not_confirmed_twice():
    assert next_status(S.DRAFT, E.ATTEST) is S.ATTESTED
    with pytest.raises(TransitionError):
        next_status(S.CONFIRMED, E.CONFIRM)
    assert is_confirmable(None) and is_confirmable(S.DRAFT) and not is_confirmable(S.CONFIRMED)


@given(st.lists(st.sampled_from(list(E)), max_size=12))
def test_once_locked_a_version_never_opens_again(events):
    status, locked = S.DRAFT, False
    for event in events:
        if not allows(status, event):
            with pytest.raises(TransitionError):
                next_status(status, event)
            continue
        status = next_status(status, event)
        locked = locked or is_locked(status)
        assert not locked or status in LOCKED  # only a correction (a new version) changes it


def test_payroll_takes_attested_submitted_and_accepted_not_rejected():
    assert [s for s in S if is_payroll_ready(s)] == [S.ATTESTED, S.SUBMITTED, S.ACCEPTED]
    assert not is_payroll_ready(None)


def test_a_receiver_restored_from_a_backup_may_deliver_and_decide_again():
    assert next_status(S.ACCEPTED, E.DELIVERED) is S.SUBMITTED
    assert next_status(S.REJECTED, E.ACCEPTED) is S.ACCEPTED


def test_the_period_is_over_the_day_after_its_last_day():
    february = PayPeriod(date(2028, 2, 1), date(2028, 2, 29))  # a leap year
    assert attestable_from(february) == date(2028, 3, 1)
    assert not period_is_over(february, date(2028, 2, 29)) and period_is_over(february, date(2028, 3, 1))
