"""The hour account's opening balance and start day (stored per arrangement), and planned
shifts in the past that nobody registered, as their own figure with the list to fix."""

from __future__ import annotations

from datetime import date

import pytest

from bpa_desktop.core.budget import AccountStart
from bpa_desktop.core.model import Absence, AbsenceKind
from bpa_desktop.workspace.errors import ValidationError

TODAY = date(2026, 10, 15)


def test_planned_in_the_past_and_not_registered_is_its_own_figure(setup):
    ws, aid = setup.ws, setup.arrangement_id
    reading = ws.reports.hour_account(aid, TODAY)
    # day worker: 31 Aug, 14 D in September, 6 in October before the 15th (8 h); night worker: 6 N (10 h)
    assert len(reading.unregistered) == 27 and reading.account.unregistered == pytest.approx(21 * 8 + 6 * 10)
    assert reading.account.worked == 0
    first = reading.unregistered[0]
    ws.timesheets.record_worked_shift(aid, first)  # registered: it moves from "not registered" to worked
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.HOLIDAY, date(2026, 10, 12),
                                      date(2026, 10, 14)))  # absent days are not waiting for anyone
    again = ws.reports.hour_account(aid, TODAY)
    assert len(again.unregistered) == 27 - 1 - 3
    assert again.account.worked == pytest.approx(first.hours)
    granted = again.account.granted
    used = again.account.worked + again.account.unregistered + again.account.planned
    assert again.account.remaining == pytest.approx(granted - used)


def test_the_opening_balance_counts_once_and_earlier_shifts_do_not(setup):
    ws, aid = setup.ws, setup.arrangement_id
    assert ws.vedtak.account_start(aid) is None
    stored = ws.vedtak.set_account_start(AccountStart(aid, date(2026, 9, 14), 400.0))
    assert ws.vedtak.account_start(aid) == stored
    reading = ws.reports.hour_account(aid, TODAY)
    assert reading.account.start_balance == 400.0
    assert all(s.start.date() >= date(2026, 9, 14) for s in reading.unregistered)
    # day worker from 14 Sep: 9 in September, 6 in October; night: 19, 26 Sep, 3, 10 Oct
    assert reading.account.unregistered == pytest.approx(15 * 8 + 4 * 10)
    assert ws.reports.hour_account(aid, TODAY, year=2027).account.start_balance == 0
    with pytest.raises(ValidationError) as error:
        ws.vedtak.set_account_start(AccountStart(aid, date(2026, 1, 1), 10 ** 6))
    assert "opening_hours" in error.value.errors
    assert any(e.entity == "hour_account_start" for e in ws.audit.entries(aid, 50))
