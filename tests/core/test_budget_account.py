"""The vedtak hour account."""

from datetime import date

import pytest

from bpa_desktop.core.budget import expiring_vedtak, granted_hours, hour_account
from bpa_desktop.core.model import Vedtak


def vedtak(hours, first, last=None):
    return Vedtak(None, None, hours, first, last)


def test_granted_per_calendar_year_with_a_mid_year_change():
    history = [vedtak(40, date(2025, 7, 1), date(2026, 6, 30)), vedtak(45, date(2026, 7, 1))]
    assert granted_hours(history, 2026) == pytest.approx(40 * 181 / 7 + 45 * 184 / 7)
    assert granted_hours(history, 2025) == pytest.approx(40 * 184 / 7)


def test_account_planned_worked_remaining(shift):
    history = [vedtak(7, date(2026, 1, 1), date(2026, 12, 31))]  # 365 h
    worked = [shift("a1", "2026-03-02T08:00", "2026-03-02T18:00")]
    planned = [shift("a1", "2026-03-02T08:00", "2026-03-02T16:00"),  # before today: replaced by worked
               shift("a1", "2026-03-10T08:00", "2026-03-10T13:00")]
    account = hour_account(history, 2026, planned, worked, today=date(2026, 3, 5), start_balance=20)
    assert account.granted == pytest.approx(365)
    assert (account.worked, account.planned) == (10.0, 5.0)
    assert account.remaining == pytest.approx(365 - 20 - 10 - 5)
    # Used 35 h over the 69 days to 10 March: the forecast keeps that pace to year end.
    assert account.forecast == pytest.approx(35 + 35 / 69 * (365 - 69))
    assert account.forecast_remaining == pytest.approx(365 - account.forecast)


def test_forecast_uses_vedtak_pace_before_anything_is_used():
    account = hour_account([vedtak(14, date(2026, 1, 1))], 2026, [], [], today=date(2026, 1, 1))
    assert account.forecast == pytest.approx(granted_hours([vedtak(14, date(2026, 1, 1))], 2026))


def test_passive_factor(shift):
    worked = [shift("a1", "2026-03-02T22:00", "2026-03-03T08:00", passive=[("2026-03-03T00:00", "2026-03-03T06:00")])]
    account = hour_account([vedtak(40, date(2026, 1, 1))], 2026, [], worked, date(2026, 4, 1), passive_factor=0.5)
    assert account.worked == 7.0


def test_expiring_vedtak_without_successor():
    ending = vedtak(40, date(2026, 1, 1), date(2026, 6, 30))
    assert expiring_vedtak([ending], date(2026, 6, 1)) == [ending]
    assert expiring_vedtak([ending, vedtak(40, date(2026, 7, 1))], date(2026, 6, 1)) == []
    assert expiring_vedtak([ending], date(2026, 3, 1)) == []
